"""``gongkai new office`` and ``gongkai new quarter``: drafts that pass check."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.content import load_project
from generator.model import Quarter
from generator.workflow.quarters import rename_quarter, shift_date

Q3 = "content/offices/town/quarters/2026-Q3"
Q4 = "content/offices/town/quarters/2026-Q4"

FILES = {
    "content/site.yml": """\
        title: 测试县政务公开
        url: https://gk.county.test/
        supervision_phone: 0371-12345678
        """,
    "content/offices/town/office.yml": """\
        name: 测试镇人民政府
        kind: town
        address: 测试镇政府路1号
        phone: 0371-12345670
        supervision_phone: 0371-12345679
        hours: 周一至周五
        """,
    f"{Q3}/finance.yml": """\
        # 财务收支：每季度一期
        type: finance
        title: 测试镇2026年第三季度财政收支
        period: 2026年第三季度（7—9月）
        unit: 元
        published: 2026-07-10  # 上墙日期
        income:
          - {name: 上级转移支付, amount: 1200.00}
        expenditure:
          - {name: 办公费, amount: 300.00}
        review:
          reviewed_by: 张丽
          checked_by: 王强
          approved_by: 李明
          approved_on: 2026-07-09
        corrections:
          - {date: 2026-10-15, what: 办公费更正, why: 漏计发票}
        changes:
          - {date: 2026-10-15, text: 办公费由350元更正为300元}
        """,
    f"{Q3}/dibao.yml": """\
        type: subsidy-list
        title: 测试镇2026年8月低保名单
        program: 农村最低生活保障
        objection_phone: 0371-12345671
        published: 2026-08-10
        expires: 2026-08-31
        rows_from: dibao.csv
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-08-09}
        """,
    f"{Q3}/dibao.csv": "姓名,村组,人数,金额\n王秀英,一组,2,620\n李建国,三组,1,310\n",
    f"{Q3}/meeting-notice.md": """\
        ---
        type: notice
        title: 关于召开第三季度村民代表会议的通知
        published: 2026-09-01
        expires: 2026-09-15
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-08-30}
        ---
        定于2026年9月10日召开会议，审议2026年第三季度财务收支。
        """,
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def errors(root: Path, today: dt.date) -> list[str]:
    _, report = load_project(root, today)
    return [d.format() for d in report.errors]


def front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n")[1]
    return yaml.safe_load(text)


# --- new office ---------------------------------------------------------------

def test_new_office_writes_drafts_of_every_fixed_type_that_pass_check(project, capsys):
    assert main(["new", "office", "hill-village", str(project), "--name", "山前村民委员会"]) == 0
    folder = project / "content/offices/hill-village"
    office = yaml.safe_load((folder / "office.yml").read_text(encoding="utf-8"))
    assert office["name"] == "山前村民委员会" and office["kind"] == "village"
    items = {path.name: front(path) for path in (folder / "fixed").iterdir()}
    assert sorted(item["type"] for item in items.values()) == ["duties", "fees", "pledge",
                                                               "procedure", "rules"]
    assert all(item["draft"] is True for item in items.values())
    assert errors(project, dt.date(2026, 7, 1)) == []
    loaded, _ = load_project(project, dt.date(2026, 7, 1))
    assert len(loaded.offices["hill-village"].fixed) == 5
    assert "content/offices/hill-village/office.yml" in capsys.readouterr().out


def test_new_office_yaml_files_point_at_the_schema(project):
    main(["new", "office", "hill-village", str(project)])
    folder = project / "content/offices/hill-village"
    assert (folder / "office.yml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../../docs/schema/office.schema.json"
    assert (folder / "fixed/fees.yml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../../../docs/schema/item.schema.json"


def test_new_office_refuses_to_overwrite(project, capsys):
    office = project / "content/offices/town/office.yml"
    before = office.read_bytes()
    assert main(["new", "office", "town", str(project)]) == 2
    assert office.read_bytes() == before
    assert not (project / "content/offices/town/fixed").exists()
    assert "已经存在" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["Hill_Village", "山前村", "hill-"])
def test_new_office_rejects_a_bad_id(project, capsys, bad):
    assert main(["new", "office", bad, str(project)]) == 2
    assert "编号" in capsys.readouterr().err
    assert sorted(p.name for p in (project / "content/offices").iterdir()) == ["town"]


# --- new quarter --------------------------------------------------------------

def test_new_quarter_rolls_items_as_drafts_that_pass_check(project, capsys):
    assert main(["new", "quarter", "2026-Q4", str(project)]) == 0
    out = capsys.readouterr().out
    new = project / Q4
    assert sorted(p.name for p in new.iterdir()) == ["dibao.csv", "dibao.yml", "finance.yml",
                                                    "meeting-notice.md"]
    assert errors(project, dt.date(2026, 10, 5)) == []
    loaded, _ = load_project(project, dt.date(2026, 10, 5))
    items = loaded.offices["town"].quarters[Quarter(2026, 4)]
    assert [item.id for item in items] == ["dibao", "finance", "meeting-notice"]
    assert all(item.draft and item.review is None and not item.corrections for item in items)
    dibao = items[0]
    assert [r["name"] for r in dibao.fields["recipients"]] == ["王秀英", "李建国"]
    assert (dibao.published, dibao.expires) == (dt.date(2026, 11, 10), dt.date(2026, 11, 30))
    assert dibao.title == "测试镇2026年11月低保名单"
    for file in ("dibao.yml", "finance.yml", "meeting-notice.md"):
        assert f"{Q4}/{file}" in out
    assert "review" in out and "recipients" not in out and "dibao.csv：沿用上季度的 2 行" in out


def test_new_quarter_keeps_amounts_comments_and_moves_the_period(project):
    main(["new", "quarter", "2026-Q4", str(project)])
    text = (project / Q4 / "finance.yml").read_text(encoding="utf-8")
    assert text.startswith("# 财务收支：每季度一期\ntype: finance\n")
    assert "title: 测试镇2026年第四季度财政收支\ndraft: true\n" in text
    assert "period: 2026年第四季度（10—12月）" in text
    assert "published: 2026-10-10  # 上墙日期" in text
    assert "amount: 1200.00" in text and "amount: 300.00" in text
    assert "review" not in text and "corrections" not in text and "changes" not in text
    notice = (project / Q4 / "meeting-notice.md").read_text(encoding="utf-8")
    assert "定于2026年12月10日召开会议，审议2026年第四季度财务收支。" in notice
    assert front(project / Q4 / "meeting-notice.md")["title"] == "关于召开第四季度村民代表会议的通知"


def test_new_quarter_refuses_when_the_quarter_exists(project, capsys):
    (project / Q4).mkdir(parents=True)
    assert main(["new", "quarter", "2026-Q4", str(project)]) == 2
    assert "2026-Q4" in capsys.readouterr().err
    assert list((project / Q4).iterdir()) == []


def test_new_quarter_for_one_office(project):
    main(["new", "office", "hill-village", str(project)])
    assert main(["new", "quarter", "2026-Q4", str(project), "--office", "town"]) == 0
    assert (project / Q4).is_dir()
    assert not (project / "content/offices/hill-village/quarters").exists()


def test_new_quarter_bad_quarter_and_office(project, capsys):
    assert main(["new", "quarter", "2026-Q5", str(project)]) == 2
    assert main(["new", "quarter", "2026-Q4", str(project), "--office", "nowhere"]) == 2
    assert main(["new", "quarter", "2026-Q2", str(project)]) == 2  # nothing before it
    assert not (project / Q4).exists()


def test_shift_date_keeps_month_ends():
    assert shift_date(dt.date(2026, 9, 30), 3) == dt.date(2026, 12, 31)
    assert shift_date(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert shift_date(dt.date(2026, 8, 31), 3) == dt.date(2026, 11, 30)
    assert shift_date(dt.date(2026, 8, 10), 6) == dt.date(2027, 2, 10)


def test_rename_quarter_moves_every_way_of_naming_it():
    text = "2026年第三季度 2026年三季度 2026年第3季度 2026-Q3 2026年Q3 第三季度 7—9月 2026年8月 2024年3月"
    assert rename_quarter(text, Quarter(2026, 3), Quarter(2026, 4)) == (
        "2026年第四季度 2026年四季度 2026年第4季度 2026-Q4 2026年Q4 第四季度 10—12月 2026年11月 2024年3月")
    # a quarter's folder often reports on the quarter before: that name moves too
    assert rename_quarter("2026年第四季度（10—12月）", Quarter(2027, 1), Quarter(2027, 2)) == \
        "2027年第一季度（1—3月）"


def test_new_quarter_skips_a_file_it_cannot_read(project, capsys):
    (project / Q3 / "broken.yml").write_text("type: notice\ntitle: [未闭合\n", encoding="utf-8")
    (project / Q3 / "gbk.md").write_bytes("---\ntype: notice\ntitle: 通知\n---\n正文\n".encode("gbk"))
    assert main(["new", "quarter", "2026-Q4", str(project)]) == 0
    out = capsys.readouterr().out
    assert f"未复制 {Q3}/broken.yml" in out and f"未复制 {Q3}/gbk.md" in out
    assert not (project / Q4 / "broken.yml").exists() and not (project / Q4 / "gbk.md").exists()
    assert (project / Q4 / "finance.yml").exists()


def test_new_office_follows_the_site_categories_and_kind(project):
    site = project / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "categories: [政务类, 财务类]\n", encoding="utf-8")
    assert main(["new", "office", "river-town", str(project), "--kind", "town"]) == 0
    folder = project / "content/offices/river-town/fixed"
    assert "category" not in front(folder / "service-guide.yml")
    assert front(folder / "fees.yml")["category"] == "财务类"
    assert front(folder / "rules.md")["title"] == "政务公开制度"
    assert errors(project, dt.date(2026, 7, 1)) == []
    main(["new", "office", "hill-village", str(project)])
    assert front(project / "content/offices/hill-village/fixed/rules.md")["title"] == "村务公开制度"
