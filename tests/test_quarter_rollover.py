"""``gongkai new quarter`` moves every date, period and title on, across the new year too."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.content import load_project
from generator.model import Quarter
from generator.workflow.quarters import rename_quarter

# (source, target, text in the source quarter, the same text rolled on)
TRANSITIONS = [
    (Quarter(2026, 1), Quarter(2026, 2),
     "2026年第一季度 2026年一季度 2026年第1季度 2026-Q1 2026年Q1 2026Q1 Q1 第一季度 "
     "2026年1—3月 2026年1月至3月 1—3月 2026年3月 2026年3月31日 2026-03-31 2026/1/5 3月31日 2025年12月20日",
     "2026年第二季度 2026年二季度 2026年第2季度 2026-Q2 2026年Q2 2026Q2 Q2 第二季度 "
     "2026年4—6月 2026年4月至6月 4—6月 2026年6月 2026年6月30日 2026-06-30 2026/4/5 6月30日 2026年3月20日"),
    (Quarter(2026, 2), Quarter(2026, 3),
     "2026年第二季度 2026年第2季度 2026-Q2 Q2 2026年4—6月 4—6月 2026年5月 2026年6月30日 2026-04-01",
     "2026年第三季度 2026年第3季度 2026-Q3 Q3 2026年7—9月 7—9月 2026年8月 2026年9月30日 2026-07-01"),
    (Quarter(2026, 3), Quarter(2026, 4),
     "2026年第三季度 2026年第3季度 2026-Q3 Q3 2026年7—9月 7—9月 2026年8月 2026年9月30日 2026-09-30",
     "2026年第四季度 2026年第4季度 2026-Q4 Q4 2026年10—12月 10—12月 2026年11月 2026年12月31日 2026-12-31"),
    (Quarter(2026, 4), Quarter(2027, 1),
     "2026年第四季度 2026年四季度 2026年第4季度 2026-Q4 2026年Q4 2026Q4 Q4 第四季度 "
     "2026年10—12月 2026年10月—12月 10—12月 2026年11月 2026年12月31日 2026-10-01 2026.11.30 12月31日",
     "2027年第一季度 2027年一季度 2027年第1季度 2027-Q1 2027年Q1 2027Q1 Q1 第一季度 "
     "2027年1—3月 2027年1月—3月 1—3月 2027年2月 2027年3月31日 2027-01-01 2027.02.28 3月31日"),
]


@pytest.mark.parametrize("source, target, text, expected", TRANSITIONS, ids=["Q1-Q2", "Q2-Q3", "Q3-Q4", "Q4-Q1"])
def test_every_way_of_naming_the_period_moves_on(source, target, text, expected):
    assert rename_quarter(text, source, target) == expected


def test_a_year_on_its_own_moves_with_a_quarter_named_without_one():
    q4, q1 = Quarter(2026, 4), Quarter(2027, 1)
    assert rename_quarter("青山镇2026年重点项目建设进度（第四季度）\n2026年度预算\n", q4, q1) == \
        "青山镇2027年重点项目建设进度（第一季度）\n2026年度预算\n"
    assert rename_quarter("2026年村内工程（第三季度）", Quarter(2026, 3), q4) == "2026年村内工程（第四季度）"
    assert rename_quarter("2026年10—12月", q4, q1) == "2027年1—3月"


def test_file_names_stay_as_written():
    text = "附件：[明细](files/dibao-2026-Q4.pdf)、report-2026-10-01.xlsx；公示于2026-10-01"
    assert rename_quarter(text, Quarter(2026, 4), Quarter(2027, 1)) == \
        "附件：[明细](files/dibao-2026-Q4.pdf)、report-2026-10-01.xlsx；公示于2027-01-01"


def test_older_dates_stay_as_written():
    text = "依据2024年3月1日印发的文件（2024-03-01），2025年第二季度起执行"
    assert rename_quarter(text, Quarter(2026, 4), Quarter(2027, 1)) == \
        "依据2024年3月1日印发的文件（2024-03-01），2025年第三季度起执行"


SITE = "title: 测试县\nurl: https://gk.test.gov.cn/\nsupervision_phone: 0371-12345678\n"
OFFICE = textwrap.dedent("""\
    name: 测试镇人民政府
    kind: town
    address: 测试镇政府路1号
    phone: 0371-12345670
    supervision_phone: 0371-12345679
    hours: 周一至周五
    """)
FINANCE = """\
type: finance
title: 测试镇{year}年第{cn}季度财政收支
period: {year}年{first}—{last}月
unit: 元
published: {published}
income:
  - {{name: 上级转移支付, amount: 1200.00}}
expenditure:
  - {{name: 办公费, amount: 300.00}}
review: {{reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: {published}}}
"""
NOTICE = """\
---
type: notice
title: 关于公开{year}年第{cn}季度财务收支的通知
published: {published}
expires: {expires}
review: {{reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: {published}}}
---
公示时间：{published} 至 {expires}。{year}年{first}月至{last}月的收支见附表（{year}-Q{n}）。
"""
CN = "一二三四"


def quarter_files(q: Quarter) -> dict[str, str]:
    first = 3 * q.number - 2
    values = dict(year=q.year, cn=CN[q.number - 1], n=q.number, first=first, last=first + 2,
                  published=dt.date(q.year, first, 10).isoformat(), expires=dt.date(q.year, first, 20).isoformat())
    return {"finance.yml": FINANCE.format(**values), "notice.md": NOTICE.format(**values)}


def without_review(text: str) -> list[str]:
    """The lines of an item but its review and draft flag (cleared and set by the roll)."""
    return [line for line in text.splitlines() if not line.startswith("review") and line != "draft: true"]


@pytest.mark.parametrize("source, target", [(t[0], t[1]) for t in TRANSITIONS], ids=["Q1-Q2", "Q2-Q3", "Q3-Q4", "Q4-Q1"])
def test_new_quarter_rolls_a_project_on(tmp_path: Path, source: Quarter, target: Quarter):
    (tmp_path / "content/offices/town").mkdir(parents=True)
    (tmp_path / "content/site.yml").write_text(SITE, encoding="utf-8")
    (tmp_path / "content/offices/town/office.yml").write_text(OFFICE, encoding="utf-8")
    folder = tmp_path / "content/offices/town/quarters" / str(source)
    folder.mkdir(parents=True)
    for name, text in quarter_files(source).items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["new", "quarter", str(target), str(tmp_path)]) == 0
    rolled = tmp_path / "content/offices/town/quarters" / str(target)
    expected = quarter_files(target)
    for name in ("finance.yml", "notice.md"):
        assert without_review((rolled / name).read_text(encoding="utf-8")) == without_review(expected[name])
    front = yaml.safe_load((rolled / "finance.yml").read_text(encoding="utf-8"))
    assert front["draft"] is True and "review" not in front
    on = target.start + dt.timedelta(days=5)
    _, report = load_project(tmp_path, on)
    assert [d.format() for d in report.errors] == []


def test_a_rows_from_file_name_is_kept(tmp_path: Path):
    (tmp_path / "content/offices/town").mkdir(parents=True)
    (tmp_path / "content/site.yml").write_text(SITE, encoding="utf-8")
    (tmp_path / "content/offices/town/office.yml").write_text(OFFICE, encoding="utf-8")
    folder = tmp_path / "content/offices/town/quarters/2026-Q4"
    folder.mkdir(parents=True)
    (folder / "dibao.yml").write_text(textwrap.dedent("""\
        type: subsidy-list
        title: 2026年11月低保名单（Q4）
        draft: true
        program: 农村最低生活保障
        objection_phone: 0371-12345671
        published: 2026-11-10
        expires: 2026-11-17
        rows_from: dibao-2026-Q4.csv  # 从 Excel 导入
        """), encoding="utf-8")
    (folder / "dibao-2026-Q4.csv").write_text("姓名,金额\n王秀英,620\n", encoding="utf-8")
    assert main(["new", "quarter", "2027-Q1", str(tmp_path)]) == 0
    rolled = tmp_path / "content/offices/town/quarters/2027-Q1"
    text = (rolled / "dibao.yml").read_text(encoding="utf-8")
    assert "rows_from: dibao-2026-Q4.csv  # 从 Excel 导入\n" in text
    assert "title: 2027年2月低保名单（Q1）\n" in text
    assert (rolled / "dibao-2026-Q4.csv").is_file()
    _, report = load_project(tmp_path, dt.date(2027, 2, 12))
    assert [d.format() for d in report.errors] == []
