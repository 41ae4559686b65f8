"""Regressions found by using gongkai as a new office would: own content, own sheets, own boards."""

from __future__ import annotations

import csv
import datetime as dt
import io
import textwrap
from decimal import Decimal
from pathlib import Path

import jsonschema
import pdfplumber
import pytest
import yaml

from checkfixtures import BASE_FILES, TODAY, diagnostics, write_project
from generator.boards import build_boards
from generator.boards.edition import edition_quarter
from generator.cli import main
from generator.content import load_project
from generator.model import Quarter
from generator.site import generate
from generator.workflow.editor_schema import item_schema
from test_boards_fixture import board, make_project

ITEM_DIR = "content/offices/town/quarters/2026-Q4"
GUIDE = "content/offices/test-town/fixed/birth-registration.yml"
PLEDGE = "content/offices/test-town/fixed/pledge.md"
LOW_INCOME = "content/offices/test-town/quarters/2026-Q4/low-income.yml"
LIST_CSV = "content/offices/test-town/quarters/2026-Q4/list.csv"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write(tmp_path / "p", {
        "content/site.yml": "title: 测试县\nurl: https://gk.county.test/\nsupervision_phone: 0371-1\n",
        "content/offices/town/office.yml": """\
            name: 测试镇人民政府
            kind: town
            address: 测试镇
            phone: 0371-12345670
            supervision_phone: 0371-12345679
            hours: 周一至周五
            """,
    })
    (root / ITEM_DIR).mkdir(parents=True)
    return root


def test_import_total_row_with_the_word_in_the_number_column(project, tmp_path):
    """Excel sheets often write 合计 in the 序号 column, with a note in the same column below."""
    source = tmp_path / "x.csv"
    source.write_text("序号,户主姓名,金额\n1,王秀英,620\n2,李建国,380\n合计,,\"1,000\"\n制表人：陈一,,\n",
                      encoding="gbk")
    target = project / ITEM_DIR / "x.yml"
    assert main(["import", str(source), "--type", "subsidy-list", "--to", str(target)]) == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert [r["name"] for r in data["recipients"]] == ["王秀英", "李建国"]
    assert data["total_amount"] == 1000


def csv_list_project(tmp_path: Path, text: str) -> Path:
    item = textwrap.dedent(BASE_FILES[LOW_INCOME]).split("recipients:")[0]
    item += "rows_from: list.csv\nreview: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-17}\n"
    return write_project(tmp_path, {LOW_INCOME: item, LIST_CSV: text})


def test_subsidy_csv_cell_beyond_the_header_is_reported_not_dropped(tmp_path):
    root = csv_list_project(tmp_path, '姓名,金额\n"张,三",600\n李四,300,410523\n王五,300,,\n')
    assert [(d.path, d.line, d.col, d.code) for d in diagnostics(root)] == [(LIST_CSV, 3, 8, "row-width")]


def test_tab_indentation_is_named_in_the_clerks_language(tmp_path):
    root = write_project(tmp_path, {GUIDE: "type: procedure\ntitle: 生育登记\nmaterials:\n\t- 身份证\n"})
    found = diagnostics(root)
    assert [(d.path, d.line, d.col, d.code) for d in found] == [(GUIDE, 4, 1, "yaml-tab")]
    assert "Tab" in found[0].message and "while scanning" not in found[0].message


def test_a_list_at_the_top_of_a_file_names_the_file(tmp_path):
    root = write_project(tmp_path, {GUIDE: "- type: procedure\n- title: 生育登记\n"})
    found = diagnostics(root)
    assert [(d.path, d.line, d.code) for d in found] == [(GUIDE, 1, "wrong-type")]
    assert found[0].message.startswith("整个文件 应为键值对")


def test_an_item_left_in_the_quarters_folder_itself_is_reported(tmp_path):
    stray = "content/offices/test-town/quarters/notice.md"
    root = write_project(tmp_path, {stray: "---\ntype: pledge\ntitle: 承诺\n---\n正文\n"})
    assert [(d.path, d.code) for d in diagnostics(root)] == [(stray, "misplaced-file")]


def test_nested_list_indented_less_than_4_spaces_is_reported_at_its_line(tmp_path):
    """Python-Markdown (site and boards) would read '   - 每天巡山' as item 3 of the outer list."""
    root = write_project(tmp_path, {PLEDGE: """\
        ---
        type: pledge
        title: 服务承诺
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}
        ---
        1. 严禁野外用火；
        2. 加强巡查：
           - 每天巡山不少于两次；

        ```
          - 代码块里不算
        ```
        3. 落实责任。
            - 四个空格
        """})
    found = diagnostics(root)
    assert [(d.path, d.line, d.col, d.code) for d in found] == [(PLEDGE, 8, 4, "list-indent")]
    assert "4 个空格" in found[0].message


def test_placeholders_left_from_new_office_are_reported_unless_draft(tmp_path):
    root = write_project(tmp_path / "p")
    assert main(["new", "office", "hill-village", str(root), "--name", "山前村民委员会"]) == 0
    office = "content/offices/hill-village/office.yml"
    found = [(d.path, d.line, d.code) for d in diagnostics(root) if d.code == "placeholder"]
    assert found == [(office, line, "placeholder") for line in (5, 6, 7, 8)]  # not the drafts
    pledge = root / "content/offices/hill-village/fixed/service-pledge.md"
    pledge.write_text(pledge.read_text(encoding="utf-8").replace(
        "draft: true", "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}"),
        encoding="utf-8")
    assert ("content/offices/hill-village/fixed/service-pledge.md", "error", "placeholder") in \
        [(d.path, d.severity, d.code) for d in diagnostics(root)]  # an item to be published: an error
    assert {d.severity for d in diagnostics(root) if d.path == office} == {"warning"}


def test_a_table_never_runs_into_the_next_column_of_a_small_board(tmp_path):
    """A3, three columns: the subsidy list's headings wrap instead of pushing the table
    past its panel onto the panel in the next column."""
    project = make_project(tmp_path, subsidy_rows=3)
    project.boards = {"a3": board("a3", "liuxi-village", ["quarter/dibao-q4", "fixed/village-rules"] * 2,
                                  size="A3", width_mm=Decimal(297), height_mm=Decimal(420))}
    [edition] = build_boards(project, tmp_path / "site", today=TODAY, jobs=1)
    with pdfplumber.open(edition.pdf) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["text"].strip()]
    overlapping = [(a["text"], b["text"]) for i, a in enumerate(chars) for b in chars[i + 1:]
                   if min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 1
                   and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1]
    assert overlapping == []


def test_new_quarter_rolls_a_date_written_without_leading_zeros(tmp_path, capsys):
    """gongkai check accepts published: 2026-11-2, so the roll must move it too."""
    notice = "content/offices/test-town/quarters/2026-Q4/notice.md"
    root = write_project(tmp_path, {notice: """\
        ---
        type: notice
        title: 通知
        published: 2026-11-2
        expires: 2026-12-1
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-01}
        ---
        正文
        """})
    assert main(["new", "quarter", "2027-Q1", str(root), "--office", "test-town"]) == 0
    rolled = (root / notice.replace("2026-Q4", "2027-Q1")).read_text(encoding="utf-8")
    assert "published: 2027-02-02" in rolled and "expires: 2027-03-01" in rolled
    assert "published 已从 2026-11-02 顺延为 2027-02-02" in capsys.readouterr().out


def test_a_fresh_fork_is_told_how_to_start(tmp_path, capsys):
    """No site.yml yet, then an office without any quarter: each refusal says what to do."""
    assert main(["new", "office", "hill-village", str(tmp_path)]) == 2
    assert "content/site.yml" in capsys.readouterr().err
    write(tmp_path, {"content/site.yml": "title: 测试县\nurl: https://gk.county.test/\nsupervision_phone: 0371-1\n"})
    assert main(["new", "office", "hill-village", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["new", "quarter", "2026-Q4", str(tmp_path), "--office", "hill-village"]) == 2
    assert "quarters/2026-Q4/" in capsys.readouterr().err


def test_catalogue_basis_from_a_yaml_block_has_no_trailing_line_break(tmp_path):
    guide = textwrap.dedent(BASE_FILES[GUIDE]).replace(
        "basis: 《测试省人口与计划生育条例》", "basis: |\n  《测试省人口与计划生育条例》")
    root = write_project(tmp_path, {GUIDE: guide})
    project, report = load_project(root, TODAY)
    assert not report.has_errors()
    files = {d.path: d for d in generate(project, TODAY).downloads}
    rows = list(csv.DictReader(io.StringIO(files["catalogue/catalogue.csv"].content.decode("utf-8-sig"))))
    assert [r["公开依据"] for r in rows if r["公开事项"] == "生育登记"] == ["《测试省人口与计划生育条例》"]


def test_import_into_a_markdown_item_with_rows_from_updates_its_csv_and_total(project, tmp_path):
    item = project / ITEM_DIR / "dibao.md"
    item.write_text(textwrap.dedent("""\
        ---
        type: subsidy-list
        title: 低保名单
        program: 农村最低生活保障
        objection_phone: 0371-12345671
        published: 2026-11-10
        expires: 2026-11-17
        rows_from: dibao.csv
        total_amount: 900元
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-09}
        ---
        对名单有异议的，请在公示期内反映。
        """), encoding="utf-8")
    source = tmp_path / "x.csv"
    source.write_text("姓名,金额\n王秀英,620\n李建国,380\n合计,\"1,000\"\n", encoding="gbk")
    assert main(["import", str(source), "--type", "subsidy-list", "--to", str(item)]) == 0
    assert (project / ITEM_DIR / "dibao.csv").read_text(encoding="utf-8") == "姓名,金额\n王秀英,620\n李建国,380\n"
    text = item.read_text(encoding="utf-8")
    assert "total_amount: 1000\n" in text and "draft: true" in text and "review" not in text
    assert text.endswith("---\n对名单有异议的，请在公示期内反映。\n")
    _, report = load_project(project, dt.date(2026, 11, 12))
    assert [d.format() for d in report.errors] == []


def test_a_next_quarter_of_drafts_does_not_replace_the_board_in_use(tmp_path):
    """After gongkai new quarter (every item a draft) the default edition stays the current one."""
    root = write_project(tmp_path)
    assert main(["new", "quarter", "2027-Q1", str(root), "--office", "test-town"]) == 0
    project, _ = load_project(root, TODAY)
    office = project.offices["test-town"]
    assert office.latest_quarter == Quarter.parse("2027-Q1")
    assert edition_quarter(office, None, TODAY) == Quarter.parse("2026-Q4")
    assert edition_quarter(office, Quarter.parse("2027-Q1"), TODAY) == Quarter.parse("2027-Q1")


def test_an_untitled_board_is_named_on_the_site_as_it_is_printed(tmp_path):
    """A board without a title prints 政务公开栏; the office page says so, not the file name."""
    project, _ = load_project(write_project(tmp_path), TODAY)
    assets = frozenset({"boards/main/2026-Q4/main-2026-Q4.pdf", "boards/main/2026-Q4/main-2026-Q4.png"})
    page = next(p for p in generate(project, TODAY, assets=assets).pages if p.path == "test-town/").body
    assert "政务公开栏（2026年第四季度）" in page and ">main（" not in page


def test_editor_schema_accepts_an_empty_optional_field_as_check_does(tmp_path):
    """place:, phone: and conditions: left empty pass gongkai check; VS Code must not flag them."""
    guide = textwrap.dedent(BASE_FILES[GUIDE]) + "place:\nphone:\nconditions:\n"
    assert diagnostics(write_project(tmp_path, {GUIDE: guide})) == []
    data = yaml.load(guide, Loader=yaml.BaseLoader)  # text as the editor sees it
    data = {k: None if v == "" else v for k, v in data.items()}
    validator = jsonschema.Draft202012Validator(item_schema())
    assert list(validator.iter_errors(data)) == []
    assert list(validator.iter_errors(data | {"title": None}))  # a required field stays required
