"""The standard catalogue: columns with defaults, content/catalogue.yml, `gongkai report`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from checkfixtures import BASE_FILES, diagnostics, write_project
from generator.cli import main
from generator.content import load_project
from generator.obligations import DUE, OVERDUE, office_obligations
from generator.site.pages import generate

REPO = Path(__file__).resolve().parents[1]
D = dt.date
CATALOGUE = "content/catalogue.yml"
FINANCE = "content/offices/test-town/quarters/2026-Q4/finance.yml"
OFFICE = "content/offices/test-town/office.yml"
BOARD = {"boards/main.yml": "office: test-town\npanels:\n  - fixed/birth-registration\n"}

ENTRIES = """\
entries:
  - id: finance
    level1: 财政信息
    level2: 财政收支
    elements: 收入、支出明细和合计
    levels: [乡级]
    frequency: 每季度
    types: [finance]
  - id: guides
    level1: 政务服务
    level2: 办事指南
    elements: 六公开
    levels: [乡级, 村级]
    frequency: 常态
    types: [procedure]
  - id: fees
    level1: 收费管理
    elements: 收费项目和标准
    levels: [乡级]
    frequency: 常态
    types: [fees]
  - id: notices
    level1: 政务动态
    elements: 通知公告
    levels: [乡级]
    frequency: 即时
    types: [notice]
"""


def test_demo_offices_publish_everything_the_catalogue_requires():
    for today in (D(2026, 11, 21), D(2026, 12, 3)):
        project, report = load_project(REPO, today)
        assert not report.has_errors()
        assert len(project.catalogue) >= 10
        for office in project.offices.values():
            found = office_obligations(project, office, today)
            assert found, office.id
            assert [(o.entry.id, o.status) for o in found if o.status in (DUE, OVERDUE)] == [], office.id
        assert [d.code for d in report.diagnostics if d.code.startswith("catalogue")] == []


def test_report_on_the_demo(capsys):
    assert main(["report", str(REPO), "--date", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    assert "青山镇人民政府（qingshan-town，乡级）：应公开 9 项，已公开 9 项，缺少 0 项，未更新 0 项" in out
    assert "柳溪村民委员会（liuxi-village，村级）：应公开 7 项，已公开 7 项" in out
    assert "清河县民政局（county-civil-affairs，县级）：应公开 6 项，已公开 6 项" in out
    assert "[dibao-dynamics]" in out and "quarter/dibao-dynamics（2026-Q4）" in out
    assert "[replies]" in out and "quarter/reply-dibao-standard（2026-Q4）" in out


def test_report_names_missing_and_stale_entries(tmp_path, capsys):
    root = write_project(tmp_path, {**BOARD, CATALOGUE: ENTRIES, FINANCE: None,
                                    "content/offices/test-town/quarters/2026-Q3/finance.yml": BASE_FILES[FINANCE]})
    assert main(["report", str(root), "--date", "2026-10-15"]) == 0
    out = capsys.readouterr().out
    assert "应公开 3 项，已公开 1 项，缺少 1 项，未更新 1 项" in out
    assert "! 每季度 未更新 [finance]" in out and "2026-Q4 应在 2026-11-03 前发布" in out
    assert "✗ 常态  缺少  [fees]" in out
    assert "✓ 常态  已公开 [guides]" in out and "fixed/birth-registration" in out


def test_report_due_lists_the_quarter_to_do(tmp_path, capsys):
    root = write_project(tmp_path, {**BOARD, CATALOGUE: ENTRIES, FINANCE: None})
    assert main(["report", str(root), "--date", "2026-10-15", "--due", "30"]) == 0
    out = capsys.readouterr().out
    assert "今后 30 天内到期（2026-10-15 至 2026-11-14）" in out
    assert "  2026-11-03  财政信息 / 财政收支：收入、支出明细和合计（2026-Q4）" in out
    assert main(["report", str(root), "--date", "2026-12-20", "--due", "30"]) == 1  # 2027 is beyond the data
    assert "chinesecalendar" in capsys.readouterr().err


def test_check_warns_when_a_catalogue_entry_is_due_soon_or_overdue(tmp_path):
    root = write_project(tmp_path, {**BOARD, CATALOGUE: ENTRIES, FINANCE: None,
                                    "content/offices/test-town/fixed/fees.yml": """\
        type: fees
        title: 收费公示
        items:
          - {name: 证明, standard: 0, unit: 元/次, basis: 无}
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}
        """})
    assert [(d.path, d.code) for d in diagnostics(root, D(2026, 10, 15))] == []
    assert [(d.path, d.code) for d in diagnostics(root, D(2026, 10, 28))] == [(OFFICE, "catalogue-due-soon")]
    found = diagnostics(root, D(2026, 11, 4))
    assert [(d.path, d.line, d.severity, d.code) for d in found] == [(OFFICE, 1, "warning", "catalogue-missing")]
    assert "2026-11-03" in found[0].message


def test_without_a_catalogue_nothing_is_required(tmp_path):
    root = write_project(tmp_path, {**BOARD, FINANCE: None})
    assert diagnostics(root, D(2026, 11, 21)) == []
    assert main(["report", str(root)]) == 1


def test_catalogue_file_is_validated_with_positions(tmp_path):
    text = ENTRIES.replace("frequency: 常态\n    types: [procedure]", "frequency: 每年\n    types: [procedure]")
    text = text.replace("  - id: fees\n", "  - id: Fees\n").replace("    levels: [乡级]\n    frequency: 即时\n", "    frequency: 即时\n")
    root = write_project(tmp_path, {CATALOGUE: text, "content/offices/test-town/fixed/pledge.md": """\
        ---
        type: pledge
        title: 服务承诺
        catalogue: pledges
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}
        ---
        我们承诺：一次告知，限时办结。
        """})
    found = [(d.path, d.line, d.col, d.code) for d in diagnostics(root, D(2026, 11, 21))]
    assert (CATALOGUE, 14, 16, "bad-choice") in found
    assert (CATALOGUE, 16, 5, "bad-id") in found
    assert (CATALOGUE, 22, 5, "missing-field") in found  # notices lacks levels
    assert ("content/offices/test-town/fixed/pledge.md", 4, 12, "unknown-catalogue-entry") in found


def test_items_carry_the_standard_columns_with_defaults_and_overrides(tmp_path):
    root = write_project(tmp_path, {CATALOGUE: ENTRIES, FINANCE: BASE_FILES[FINANCE].rstrip(" ") + """\
        disclosure:
          channel: 政府网站、镇公开栏、村务公开栏
          audience: 全社会
        """})
    project, report = load_project(root, D(2026, 11, 21))
    assert not report.has_errors()
    out = generate(project, D(2026, 11, 21))
    rows = json.loads(next(d for d in out.downloads if d.path == "catalogue/catalogue.json").content)
    finance = next(r for r in rows if r["type"] == "finance")
    assert (finance["level1"], finance["level2"], finance["content"], finance["entry"]) == (
        "财政信息", "财政收支", "收入、支出明细和合计", "finance")  # from the catalogue entry
    assert finance["channel"] == "政府网站、镇公开栏、村务公开栏"  # the item's own
    assert (finance["way"], finance["level"], finance["owner"]) == ("主动", "乡级", "测试镇人民政府")
    subsidy = next(r for r in rows if r["type"] == "subsidy-list")
    assert (subsidy["level1"], subsidy["level2"], subsidy["entry"]) == ("社会救助", "农村最低生活保障", "")
    page = next(p for p in out.pages if p.path == "catalogue/").body
    headings = re.findall(r"<th\b[^>]*>([^<]*)</th>", page)
    assert "公开渠道和载体" in headings and "公开层级" in headings
