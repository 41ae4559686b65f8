"""低保 dynamic management: lists compared quarter on quarter, declared summaries checked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from checkfixtures import diagnostics, write_project
from generator.content import load_project
from generator.dynamics import derive, dynamic_rate, match, unit_of
from generator.model import Item
from generator.site.pages import generate
from generator.tables import item_tables

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 21)
Q3_LIST = "content/offices/test-town/quarters/2026-Q3/low-income.yml"
Q4_LIST = "content/offices/test-town/quarters/2026-Q4/low-income.yml"
SUMMARY = "content/offices/test-town/quarters/2026-Q4/dynamics.yml"
REVIEW = "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: %s}\n"


def household(name, group, amount, id=None, persons=1):
    return {"name": name, "group": group, "persons": persons, "amount": Decimal(amount), "id": id}


def subsidy(recipients) -> Item:
    return Item(id="list", office_id="o", type="subsidy-list", title="名单", source="list.yml",
                fields={"program": "低保", "recipients": recipients})


def test_rate_is_exact_and_rounded_half_up():
    assert dynamic_rate(16, 62) == Decimal("25.81")
    assert dynamic_rate(1, 3) == Decimal("33.33")
    assert dynamic_rate(1, 8) == Decimal("12.50")  # 12.5 exactly, no float drift
    assert dynamic_rate(1, 800) == Decimal("0.13")  # 0.125 rounds half up
    assert dynamic_rate(0, 0) == Decimal("0.00")


def test_added_stopped_raised_lowered_and_rate():
    before = [household("张三", "柳溪村一组", 600, "410523********1234", 2),
              household("李四", "柳溪村二组", 300),
              household("王五", "青山村一组", 500, "410523********5678"),
              household("赵六", "青山村一组", 400)]
    now = [household("张三", "柳溪村一组", 650, "410523********1234", 2),  # raised, matched by ID
           household("李四", "柳溪村二组", 250),  # lowered, matched by name + group
           household("赵六", "青山村一组", 400),  # unchanged
           household("孙七", "青山村二组", 300, "410523********9999", 3)]  # new
    summary = derive(subsidy(now), subsidy(before))
    assert summary.ambiguous == []
    total = summary.total
    assert (total.households, total.persons, total.added, total.stopped, total.raised, total.lowered) == \
        (4, 7, 1, 1, 1, 1)  # 王五 stopped
    assert total.rate == Decimal("100.00")
    rows = {r.name: r.counts() for r in summary.rows}
    assert rows == {"柳溪村": (2, 3, 0, 0, 1, 1), "青山村": (2, 4, 1, 1, 0, 0)}


def test_a_changed_name_with_the_same_id_is_the_same_household():
    before = [household("张三", "一组", 600, "410523********1234")]
    now = [household("张小三", "一组", 600, "410523********1234")]  # head of household changed
    pairs, added, stopped, ambiguous = match(before, now)
    assert (pairs, added, stopped, ambiguous) == ([(0, 0)], [], [], [])


def test_different_ids_are_never_matched_by_name():
    before = [household("王芳", "三组", 300, "410523********1111")]
    now = [household("王芳", "三组", 300, "410523********2222")]
    assert match(before, now) == ([], [0], [0], [])


def test_a_repeated_name_without_ids_is_ambiguous():
    before = [household("王芳", "三组", 300), household("王芳", "三组", 400)]
    now = [household("王芳", "三组", 300)]
    pairs, added, stopped, ambiguous = match(before, now)
    assert pairs == [] and added == [] and stopped == []
    assert sorted((side, i) for side, i, _ in ambiguous) == [("current", 0), ("previous", 0), ("previous", 1)]


def test_repeats_on_one_side_only_are_not_ambiguous():
    before = [household("李四", "二组", 300)]
    now = [household("李四", "二组", 300), household("王芳", "三组", 300), household("王芳", "三组", 300)]
    assert match(before, now) == ([(0, 0)], [1, 2], [], [])


def test_unit_is_the_village_of_a_town_group():
    assert unit_of("柳溪村三组") == "柳溪村"
    assert unit_of("三组") == "三组"
    assert unit_of("城南社区二网格") == "城南社区"
    assert unit_of("柳溪村") == "柳溪村"
    assert unit_of(None) == ""


LIST = """\
type: subsidy-list
title: {title}
program: 农村最低生活保障
objection_phone: 0371-12345679
published: {published}
expires: {expires}
recipients:
{recipients}review: {{reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: {approved}}}
"""


def _two_quarters(tmp_path, summary: str | None = None, q4_extra: str = ""):
    q3 = LIST.format(title="2026年8月低保名单", published="2026-08-18", expires="2026-08-25",
                     approved="2026-08-17", recipients=(
                         "  - {name: 张三, group: 一组, persons: 2, amount: 600, id: 410523********1234}\n"
                         "  - {name: 李四, group: 二组, persons: 1, amount: 300}\n"
                         "  - {name: 王五, group: 二组, persons: 1, amount: 300}\n"))
    q4 = LIST.format(title="2026年11月低保名单", published="2026-11-18", expires="2026-11-25",
                     approved="2026-11-17", recipients=(
                         "  - {name: 张三, group: 一组, persons: 2, amount: 650, id: 410523********1234}\n"
                         "  - {name: 李四, group: 二组, persons: 1, amount: 300}\n" + q4_extra))
    files = {Q3_LIST: q3, Q4_LIST: q4}
    if summary is not None:
        files[SUMMARY] = summary
    return write_project(tmp_path, files)


def test_lists_give_the_quarter_summary(tmp_path):
    root = _two_quarters(tmp_path)
    assert diagnostics(root) == []
    project, _ = load_project(root, TODAY)
    derived = project.offices["test-town"].find("quarter/low-income").dynamics
    assert derived.previous.source == Q3_LIST
    assert derived.total.counts() == (2, 3, 0, 1, 1, 0)
    assert derived.total.rate == Decimal("100.00")


def test_ambiguous_households_are_reported_where_written(tmp_path):
    root = _two_quarters(tmp_path, q4_extra="  - {name: 李四, group: 二组, persons: 3, amount: 900}\n")
    found = [d for d in diagnostics(root) if d.code == "dynamics-ambiguous"]
    assert [(d.path, d.line, d.col, d.severity) for d in found] == [
        (Q3_LIST, 9, 5, "warning"), (Q4_LIST, 9, 5, "warning"), (Q4_LIST, 10, 5, "warning")]
    assert "李四 二组" in found[0].message
    project, _ = load_project(root, TODAY)
    assert project.offices["test-town"].find("quarter/low-income").dynamics is None  # not derived


SUMMARY_TEXT = """\
    type: subsidy-summary
    title: 2026年第四季度低保动态管理情况
    program: 农村最低生活保障
    published: 2026-11-18
    units:
      - {name: 一组, households: 1, persons: 2, added: 0, stopped: 0, raised: 1, lowered: 0, rate: 100%}
      - {name: 二组, households: 1, persons: 1, added: 0, stopped: 1, raised: 0, lowered: 0, rate: 100.00%}
      - {name: 合计, households: 2, persons: 3, added: 0, stopped: 1, raised: 1, lowered: 0, rate: 100.00%}
    """ + REVIEW % "2026-11-17"


def test_a_declared_summary_that_agrees_is_clean(tmp_path):
    root = _two_quarters(tmp_path, SUMMARY_TEXT)
    assert diagnostics(root) == []
    project, _ = load_project(root, TODAY)
    [table] = item_tables(project.offices["test-town"].find("quarter/dynamics"))
    assert table.footer == ["合计", 2, 3, 0, 1, 1, 0, "100.00%"]


def test_a_declared_summary_must_agree_with_the_lists(tmp_path):
    text = SUMMARY_TEXT.replace("name: 二组, households: 1, persons: 1, added: 0, stopped: 1",
                                "name: 二组, households: 1, persons: 1, added: 0, stopped: 2")
    root = _two_quarters(tmp_path, text)
    found = [(d.path, d.line, d.code) for d in diagnostics(root)]
    assert (SUMMARY, 7, "dynamics-mismatch") in found  # 二组 停发 2, the lists give 1
    assert (SUMMARY, 7, "rate-mismatch") in found  # 3 changes of 1 household is not 100%
    assert (SUMMARY, 8, "total-mismatch") in found  # 合计 停发 1 but the units add to 2


def test_declared_rate_and_total_rules(tmp_path):
    text = SUMMARY_TEXT.replace("rate: 100%}", "rate: 一百}").replace("households: 2, persons: 3",
                                                                      "households: 3, persons: 3")
    root = write_project(tmp_path, {SUMMARY: text})  # no previous list: only the table's own rules
    found = [(d.path, d.line, d.code) for d in diagnostics(root)]
    assert (SUMMARY, 6, "bad-rate") in found
    assert (SUMMARY, 8, "total-mismatch") in found
    assert "dynamics-mismatch" not in [c for _, _, c in found]


def test_demo_derives_its_tables_and_they_agree():
    project, report = load_project(REPO, dt.date(2026, 12, 3))
    assert not report.has_errors()
    town = project.offices["qingshan-town"].find("quarter/low-income-list").dynamics
    assert town.total.counts() == (62, 150, 7, 4, 3, 2)
    assert town.total.rate == Decimal("25.81")
    assert [r.name for r in town.rows] == ["柳溪村", "青山村", "东河村", "杨庄村", "石桥村", "南岗村"]
    village = project.offices["liuxi-village"].find("quarter/low-income-list").dynamics
    assert village.total.counts() == (9, 25, 1, 1, 1, 0)
    county = project.offices["county-civil-affairs"].find("quarter/dibao-dynamics")
    assert county.type == "subsidy-summary" and county.fields["units"][-1]["name"] == "合计"


def test_list_page_shows_the_derived_table_even_after_its_window(tmp_path):
    project, _ = load_project(REPO, dt.date(2026, 12, 3))
    out = generate(project, dt.date(2026, 12, 3))
    page = next(p for p in out.pages if p.path == "qingshan-town/2026-Q4/low-income-list/")
    assert "本季度低保动态管理情况" in page.body and "25.81%" in page.body
    assert "冯桂芳" not in page.body  # the window has closed: counts only, no names
    csv = next(d for d in out.downloads if d.path.startswith("qingshan-town/2026-Q4/low-income-list/"))
    assert "合计,62,150,7,4,3,2,25.81%" in csv.content.decode("utf-8-sig")


def test_a_county_summary_agrees_with_each_town_it_names(tmp_path):
    county = "content/offices/county/quarters/2026-Q4/dynamics.yml"
    office = """\
        name: 测试县民政局
        kind: department
        address: 测试县政府路2号
        phone: 0371-12345600
        supervision_phone: 0371-12345609
        hours: 周一至周五
        """
    summary = SUMMARY_TEXT.replace("name: 一组", "name: 测试镇").replace(
        "\n  - {name: 二组, households: 1, persons: 1, added: 0, stopped: 1, raised: 0, lowered: 0, rate: 100.00%}",
        "").replace("households: 2, persons: 3, added: 0, stopped: 1, raised: 1, lowered: 0, rate: 100.00%",
                    "households: 1, persons: 2, added: 0, stopped: 0, raised: 1, lowered: 0, rate: 100%")
    root = _two_quarters(tmp_path)
    write_project(root, {"content/offices/county/office.yml": office, county: summary, Q3_LIST:
                         (root / Q3_LIST).read_text(), Q4_LIST: (root / Q4_LIST).read_text()})
    found = [(d.path, d.line, d.code) for d in diagnostics(root)]
    # 测试镇 (测试镇人民政府) lists give 2 households, 3 persons, 1 stopped: the county wrote 1, 2, 0
    assert found.count((county, 6, "dynamics-mismatch")) == 3
