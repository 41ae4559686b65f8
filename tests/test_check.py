"""`gongkai check`: every check has a failing fixture; file, line and code are asserted."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

from checkfixtures import BASE_FILES, TODAY, codes, diagnostics, luhn_number, resident_id, write_project
from generator.cli import main
from generator.content import load_project

FINANCE = "content/offices/test-town/quarters/2026-Q4/finance.yml"
LOW_INCOME = "content/offices/test-town/quarters/2026-Q4/low-income.yml"
GUIDE = "content/offices/test-town/fixed/birth-registration.yml"
OFFICE = "content/offices/test-town/office.yml"

REVIEW = "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-10-08}\n"


def with_files(tmp_path, changes):
    return write_project(tmp_path, changes)


def test_base_project_is_clean(tmp_path):
    root = write_project(tmp_path)
    assert diagnostics(root) == []
    loaded, _ = load_project(root, TODAY)
    office = loaded.offices["test-town"]
    finance = office.find("quarter/finance")
    assert finance.fields["income"][0]["amount"] == Decimal("0.1")
    assert finance.fields["total_income"] == Decimal("0.3")  # exact, not 0.30000000000000004
    assert finance.fields["expenditure"][0]["amount"] == Decimal("1000.50")
    assert office.phone == "0371-12345670"
    assert loaded.boards["main"].width_mm == 841


# --- syntax, types, fields ---------------------------------------------------

def test_yaml_syntax_error_has_position(tmp_path):
    root = with_files(tmp_path, {GUIDE: "type: procedure\ntitle: [生育登记\nfee: 不收费\n"})
    found = diagnostics(root)
    assert [(d.path, d.code) for d in found] == [(GUIDE, "yaml-syntax")]
    assert found[0].line == 3


def test_wrong_type(tmp_path):
    root = with_files(tmp_path, {GUIDE: """\
        type: procedure
        title: 生育登记
        materials: 身份证
        steps: [提交, 审核]
        time_limit: 当场
        fee: 不收费
        """ + "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}\n"})
    assert codes(root) == [(GUIDE, 3, "wrong-type")]


def test_missing_field(tmp_path):
    root = with_files(tmp_path, {GUIDE: "type: procedure\ntitle: 生育登记\nmaterials: [身份证]\n"
                                        "steps: [提交]\nfee: 不收费\ndraft: true\n"})
    found = diagnostics(root)
    # the board panel now names a draft: a warning, the board prints without it
    assert [(d.path, d.line, d.code) for d in found] == [
        ("boards/main.yml", 3, "draft-panel"), (GUIDE, 1, "missing-field")]
    assert "time_limit" in found[1].message


def test_unknown_field_suggests_nearest(tmp_path):
    root = with_files(tmp_path, {"content/offices/test-town/fixed/pledge.md": """\
        ---
        type: pledge
        titel: 服务承诺
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}
        ---
        正文
        """})
    found = diagnostics(root)
    assert [(d.line, d.code) for d in found if d.code == "unknown-field"] == [(3, "unknown-field")]
    message = next(d.message for d in found if d.code == "unknown-field")
    assert "titel" in message and "title" in message


def test_bad_date(tmp_path):
    text = BASE_LOW_INCOME().replace("expires: 2026-11-25", "expires: 2026-02-30")
    root = with_files(tmp_path, {LOW_INCOME: text})
    assert (LOW_INCOME, 6, "bad-date") in codes(root)


def test_bad_quarter_folder(tmp_path):
    root = with_files(tmp_path, {"content/offices/test-town/quarters/2025-Q5/notes.md":
                                 "---\ntype: notice\ntitle: x\ndraft: true\n---\n"})
    assert ("content/offices/test-town/quarters/2025-Q5", 1, "bad-quarter") in codes(root)


def test_bad_id(tmp_path):
    root = with_files(tmp_path, {"content/offices/test-town/fixed/Service_Guide.md":
                                 "---\ntype: pledge\ntitle: x\ndraft: true\n---\n"})
    assert ("content/offices/test-town/fixed/Service_Guide.md", 1, "bad-id") in codes(root)


def test_duplicate_id(tmp_path):
    root = with_files(tmp_path, {"content/offices/test-town/fixed/pledge.yml":
                                 "type: pledge\ntitle: 承诺\ndraft: true\n"})
    found = [d for d in diagnostics(root) if d.code == "duplicate-id"]
    assert [(d.path, d.line) for d in found] == [("content/offices/test-town/fixed/pledge.yml", 1)]
    assert "pledge.md" in found[0].message


def test_board_panel_naming_missing_item(tmp_path):
    root = with_files(tmp_path, {"boards/main.yml": "office: test-town\npanels:\n  - fixed/birth-registraton\n"
                                                    "  - quarter/finance\n"})
    found = diagnostics(root)
    assert [(d.path, d.line, d.col, d.code) for d in found] == [("boards/main.yml", 3, 5, "missing-item")]
    assert "fixed/birth-registration" in found[0].message  # did-you-mean


def test_board_unknown_office(tmp_path):
    root = with_files(tmp_path, {"boards/main.yml": "office: test-twn\npanels: [fixed/pledge]\n"})
    found = diagnostics(root)
    assert [(d.path, d.line, d.code) for d in found] == [("boards/main.yml", 1, "unknown-office")]
    assert "test-town" in found[0].message


def test_bad_board_size_and_choice(tmp_path):
    root = with_files(tmp_path, {"boards/main.yml": "office: test-town\nsize: B7\nprofile: offest\n"
                                                    "panels: [fixed/pledge]\n"})
    assert codes(root) == [("boards/main.yml", 2, "bad-size"), ("boards/main.yml", 3, "bad-choice")]


# --- encoding ------------------------------------------------------------------

def test_gbk_file_is_named_with_a_fix(tmp_path):
    text = "name,group,persons,amount\n张三,一组,2,600\n"
    csv_path = "content/offices/test-town/quarters/2026-Q4/list.csv"
    item = BASE_LOW_INCOME().split("recipients:")[0] + "rows_from: list.csv\n" + REVIEW
    root = with_files(tmp_path, {LOW_INCOME: item, csv_path: text.encode("gbk")})
    found = [d for d in diagnostics(root) if d.code == "not-utf8"]
    assert [(d.path, d.line, d.col) for d in found] == [(csv_path, 2, 1)]
    assert "GBK" in found[0].message and "UTF-8" in found[0].message


def test_utf8_bom_is_accepted(tmp_path):
    text = "\ufeff姓名,村组,人数,金额\n张三,一组,2,600\n"
    csv_path = "content/offices/test-town/quarters/2026-Q4/list.csv"
    item = BASE_LOW_INCOME().split("recipients:")[0] + "rows_from: list.csv\n" + REVIEW
    root = with_files(tmp_path, {LOW_INCOME: item, csv_path: text.encode("utf-8")})
    assert diagnostics(root) == []
    loaded, _ = load_project(root, TODAY)
    recipients = loaded.offices["test-town"].find("quarter/low-income").fields["recipients"]
    assert recipients == [{"name": "张三", "group": "一组", "persons": 2, "amount": Decimal("600"), "id": None}]


def test_csv_errors_point_into_the_csv(tmp_path):
    text = "姓名,村组,人数,金额\n张三,一组,2,600\n李四,二组,两,3OO\n"
    csv_path = "content/offices/test-town/quarters/2026-Q4/list.csv"
    item = BASE_LOW_INCOME().split("recipients:")[0] + "rows_from: list.csv\n" + REVIEW
    root = with_files(tmp_path, {LOW_INCOME: item, csv_path: text})
    found = diagnostics(root)
    assert [(d.path, d.line, d.col, d.code) for d in found] == [
        (csv_path, 3, 7, "bad-number"), (csv_path, 3, 9, "bad-money")]


def test_csv_unknown_header(tmp_path):
    csv_path = "content/offices/test-town/quarters/2026-Q4/list.csv"
    item = BASE_LOW_INCOME().split("recipients:")[0] + "rows_from: list.csv\n" + REVIEW
    root = with_files(tmp_path, {LOW_INCOME: item, csv_path: "姓名,村组,人数,金钱\n张三,一组,2,600\n"})
    assert codes(root) == [(csv_path, 1, "csv-header")]


# --- money --------------------------------------------------------------------

def test_total_mismatch_shows_both_amounts(tmp_path):
    text = BASE_FINANCE().replace("total_income: 0.3", "total_income: 0.30000000000000004")
    root = with_files(tmp_path, {FINANCE: text})
    found = diagnostics(root)
    assert [(d.path, d.line, d.code) for d in found] == [(FINANCE, 9, "total-mismatch")]
    assert "0.30000000000000004" in found[0].message and "0.3" in found[0].message


def test_mixed_units(tmp_path):
    text = BASE_FINANCE().replace('amount: "1,000.50"', 'amount: 0.10005万元').replace(
        "total_expenditure: 1000.50", "total_expenditure: 0.10005")
    root = with_files(tmp_path, {FINANCE: text})
    assert codes(root) == [(FINANCE, 8, "mixed-units")]


def test_bad_money(tmp_path):
    text = BASE_FINANCE().replace("amount: 0.2}", "amount: 1e3}")
    root = with_files(tmp_path, {FINANCE: text})
    assert (FINANCE, 6, "bad-money") in codes(root)


# --- personal data --------------------------------------------------------------

def test_resident_id_in_subsidy_list_at_exact_cell(tmp_path):
    full = resident_id("41052319800101123")
    text = BASE_LOW_INCOME().replace("410523********1234", full)
    root = with_files(tmp_path, {LOW_INCOME: text})
    found = diagnostics(root)
    assert [(d.path, d.line, d.code) for d in found] == [(LOW_INCOME, 8, "personal-id")]
    line = text.splitlines()[7]
    assert found[0].col == line.index(full) + 1
    assert full not in found[0].message


def test_resident_id_with_bad_check_digit_is_not_flagged(tmp_path):
    full = resident_id("41052319800101123")
    wrong = full[:-1] + ("0" if full[-1] != "0" else "1")
    text = BASE_LOW_INCOME().replace("一组", f"一组{wrong}")
    assert diagnostics(with_files(tmp_path, {LOW_INCOME: text})) == []
    # In the id field itself a number that is not masked is still refused, checksum or not.
    text = BASE_LOW_INCOME().replace("410523********1234", wrong)
    assert codes(with_files(tmp_path, {LOW_INCOME: text})) == [(LOW_INCOME, 8, "id-not-masked")]


def test_masked_id_passes(tmp_path):
    assert diagnostics(write_project(tmp_path)) == []


def test_resident_id_in_markdown_body(tmp_path):
    full = resident_id("11010519491231002")
    root = with_files(tmp_path, {"content/offices/test-town/fixed/pledge.md": f"""\
        ---
        type: pledge
        title: 服务承诺
        review: {{reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}}
        ---
        我们承诺：一次告知。

        联系人身份证：{full}。
        """})
    found = diagnostics(root)
    assert [(d.line, d.col, d.code) for d in found] == [(8, 8, "personal-id")]


def test_bank_card_anywhere(tmp_path):
    card = luhn_number("622202", 19)
    root = with_files(tmp_path, {"content/offices/test-town/fixed/pledge.md": f"""\
        ---
        type: pledge
        title: 服务承诺
        summary: 退款账户 {card}
        review: {{reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}}
        ---
        正文
        """})
    found = diagnostics(root)
    assert [(d.line, d.col, d.code) for d in found] == [(4, 15, "personal-bank-card")]


def test_mobile_in_subsidy_list_but_not_in_objection_phone(tmp_path):
    text = BASE_LOW_INCOME().replace("objection_phone: 0371-12345679", "objection_phone: 13812345678").replace(
        "group: 二组", "group: 二组 13912345678")
    root = with_files(tmp_path, {LOW_INCOME: text})
    assert codes(root) == [(LOW_INCOME, 9, "personal-phone")]


# --- publication rules ----------------------------------------------------------

def test_subsidy_list_needs_a_window(tmp_path):
    text = BASE_LOW_INCOME().replace("expires: 2026-11-25\n", "")
    assert codes(with_files(tmp_path, {LOW_INCOME: text})) == [(LOW_INCOME, 1, "missing-window")]


def test_notice_needs_a_window(tmp_path):
    path = "content/offices/test-town/quarters/2026-Q4/meeting.md"
    root = with_files(tmp_path, {path: "---\ntype: notice\ntitle: 村民代表会议\n" + REVIEW + "---\n会议通知。\n"})
    assert codes(root) == [(path, 2, "missing-window")]


def test_window_order(tmp_path):
    text = BASE_LOW_INCOME().replace("expires: 2026-11-25", "expires: 2026-11-01")
    assert codes(with_files(tmp_path, {LOW_INCOME: text})) == [(LOW_INCOME, 6, "window-order")]


def test_unreviewed_item_but_draft_passes(tmp_path):
    text = "type: pledge\ntitle: 承诺\nreview:\n  reviewed_by: 张丽\n"
    path = "content/offices/test-town/fixed/pledge2.yml"
    found = diagnostics(with_files(tmp_path, {path: text}))
    assert [(d.path, d.line, d.code) for d in found] == [(path, 4, "unreviewed")]
    assert "checked_by" in found[0].message and "approved_by" in found[0].message
    assert diagnostics(with_files(tmp_path, {path: text + "draft: true\n"})) == []


def test_stale_office_is_a_warning(tmp_path):
    root = write_project(tmp_path)
    found = diagnostics(root, dt.date(2027, 2, 1))
    assert [(d.path, d.line, d.severity, d.code) for d in found] == [
        (OFFICE, 1, "warning", "stale-office"),
        # by then the subsidy list is past its window: that is fine, not a problem
    ]
    assert "2026-Q4" in found[0].message and "2027-Q1" in found[0].message


def test_unknown_category(tmp_path):
    text = BASE_FINANCE().replace("unit: 元", "unit: 元\ncategory: 财物类")
    found = diagnostics(with_files(tmp_path, {FINANCE: text}))
    assert [(d.line, d.code) for d in found] == [(4, "unknown-category")]
    assert "财务类" in found[0].message


# --- fonts ------------------------------------------------------------------------

def test_character_missing_from_board_font(tmp_path):
    rare = "\U0002B820"
    text = BASE_LOW_INCOME().replace("name: 李四", f"name: 李{rare}")
    found = diagnostics(with_files(tmp_path, {LOW_INCOME: text}))
    assert [(d.path, d.line, d.code) for d in found] == [(LOW_INCOME, 9, "missing-glyph")]
    assert "U+2B820" in found[0].message and rare in found[0].message


# --- the command ------------------------------------------------------------------

def test_all_problems_in_one_run(tmp_path):
    root = with_files(tmp_path, {
        FINANCE: BASE_FINANCE().replace("total_income: 0.3", "total_income: 0.4"),
        LOW_INCOME: BASE_LOW_INCOME().replace("expires: 2026-11-25\n", ""),
        "boards/main.yml": "office: test-town\npanels: [fixed/nothing]\n",
    })
    assert {c for _, _, c in codes(root)} == {"total-mismatch", "missing-window", "missing-item"}


def test_cli_exit_codes_and_format(tmp_path, capsys):
    root = write_project(tmp_path / "ok")
    assert main(["check", str(root), "--date", "2026-11-21"]) == 0
    bad = with_files(tmp_path / "bad", {FINANCE: BASE_FINANCE().replace("total_income: 0.3", "total_income: 9")})
    capsys.readouterr()
    assert main(["check", str(bad), "--date", "2026-11-21"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{FINANCE}:9:15: error[total-mismatch]: ")
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["check", "--date", "tomorrow"])
    assert usage.value.code == 2


def test_messages_follow_site_language(tmp_path):
    root = with_files(tmp_path, {
        "content/site.yml": "title: Test\nlanguage: en\nurl: https://x.test/\nsupervision_phone: '12345'\n",
        FINANCE: BASE_FINANCE().replace("total_income: 0.3", "total_income: 9"),
    })
    found = diagnostics(root)
    assert found[0].message.startswith("total_income says 9")


def test_no_traceback_on_broken_files(tmp_path):
    root = with_files(tmp_path, {
        GUIDE: "- just\n- a list\n",
        FINANCE: "type: finance\nincome: 5\nexpenditure: [{}]\n",
        "content/offices/test-town/fixed/pledge.md": "no front matter\n",
        "boards/main.yml": "",
    })
    run = subprocess.run([sys.executable, "-m", "generator", "check", str(root), "--date", "2026-11-21"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    found = [re.match(r"(\S+?):(\d+):(\d+): error\[([a-z-]+)\]: ", line).groups()
             for line in run.stdout.splitlines() if "error[" in line]
    assert found == [  # every broken file at its place, nothing left out, nothing after a crash
        ("boards/main.yml", "1", "1", "empty-file"),
        (GUIDE, "1", "1", "wrong-type"),
        ("content/offices/test-town/fixed/pledge.md", "1", "1", "bad-front-matter"),
        (FINANCE, "1", "1", "missing-field"),
        (FINANCE, "1", "1", "missing-field"),
        (FINANCE, "1", "1", "unreviewed"),
        (FINANCE, "2", "9", "wrong-type"),  # income: 5
        (FINANCE, "3", "15", "missing-field"),  # expenditure: [{}]
        (FINANCE, "3", "15", "missing-field"),
    ]
    missing = [line.split("缺少必填字段 ")[-1] for line in run.stdout.splitlines() if "error[missing-field]" in line]
    assert missing == ["title", "unit", "expenditure[1].amount", "expenditure[1].name"]
    assert run.stdout.splitlines()[-1].startswith("9 ")  # the summary counts them


def BASE_FINANCE() -> str:
    return textwrap.dedent(BASE_FILES[FINANCE])


def BASE_LOW_INCOME() -> str:
    return textwrap.dedent(BASE_FILES[LOW_INCOME])


def test_project_font_that_is_missing_or_not_a_font(tmp_path):
    root = with_files(tmp_path, {
        "content/site.yml": "title: 测试\nurl: https://x.test/\nsupervision_phone: '12345'\n"
                            "fonts:\n  - fonts/missing.ttf\n  - fonts/broken.ttf\n",
        "fonts/broken.ttf": b"not a font",
    })
    assert codes(root) == [("content/site.yml", 5, "missing-font"), ("content/site.yml", 6, "bad-font")]


def test_empty_csv_cell_and_unreadable_csv_have_no_follow_on_errors(tmp_path):
    csv_path = "content/offices/test-town/quarters/2026-Q4/list.csv"
    item = BASE_LOW_INCOME().split("recipients:")[0] + "rows_from: list.csv\ntotal_amount: 600\n" + REVIEW
    root = with_files(tmp_path, {LOW_INCOME: item, csv_path: "姓名,村组,人数,金额\n张三,一组,2,\n"})
    found = diagnostics(root)
    assert [(d.path, d.line, d.col, d.code) for d in found] == [(csv_path, 2, 9, "missing-field")]
    assert "recipients[1].amount" in found[0].message
    root = with_files(tmp_path, {LOW_INCOME: item, csv_path: "姓名,村组,人数,金额\n张三,一组,2,600\n".encode("gbk")})
    assert [c for _, _, c in codes(root)] == ["not-utf8"]


def test_mixed_units_names_the_cell_like_other_messages(tmp_path):
    text = BASE_LOW_INCOME().replace("amount: 300}", "amount: 0.03万元}")
    found = diagnostics(with_files(tmp_path, {LOW_INCOME: text}))
    assert [(d.line, d.code) for d in found] == [(9, "mixed-units")]
    assert "recipients[2].amount" in found[0].message


def test_office_id_that_takes_a_site_url(tmp_path):
    root = with_files(tmp_path, {"content/offices/catalogue/office.yml": BASE_FILES[OFFICE]})
    assert codes(root) == [("content/offices/catalogue", 1, "reserved-id")]


def test_body_loading_from_another_host(tmp_path):
    root = with_files(tmp_path, {"content/offices/test-town/fixed/pledge.md": """\
        ---
        type: pledge
        title: 服务承诺
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}
        ---
        详见[省政府网站](https://www.example.gov.cn/)。

        ![办事大厅](https://cdn.example.com/hall.jpg)
        <img alt="x" src="//cdn.example.com/x.png">
        ![地图](map.png)
        """})
    found = diagnostics(root)
    assert [(d.line, d.col, d.code) for d in found] == [
        (8, 9, "external-resource"), (9, 19, "external-resource")]


def test_board_numbers_in_range_and_panel_prefix_hint(tmp_path):
    root = with_files(tmp_path, {"boards/main.yml": "office: test-town\ncolumns: 0\nmargin: -5\n"
                                                    "panels:\n  - finance\n"})
    found = diagnostics(root)
    assert [(d.line, d.code) for d in found] == [(2, "out-of-range"), (3, "out-of-range"), (5, "missing-item")]
    assert "quarter/finance" in found[2].message
