"""``gongkai import`` on sheets as offices really keep them: merged titles, extra and private
columns, synonyms, totals, signatures, IDs typed as numbers, GBK CSV with CRLF, old .xls."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import textwrap
from pathlib import Path

import openpyxl
import pytest
import yaml

from generator.cli import main
from generator.content import load_project
from generator.content.personal import find_personal_data
from test_import import ITEM_DIR, project  # noqa: F401  (the shared project fixture)

TITLE = "柳溪村2026年11月农村低保对象名单公示"


def resident_id(body17: str) -> str:
    """A valid 18-character resident ID (GB 11643 check digit) for ``body17``."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body17 + "10X98765432"[sum(int(d) * w for d, w in zip(body17, weights)) % 11]


IDS = [resident_id("41012219520304123"), resident_id("41012219600815567"), resident_id("41012219781120002")]
PHONES = ["13912345678", "13698765432", "15011112222"]

# The sheet as a village office keeps it: a merged title, the unit and date above the header,
# synonyms and units in the header, a contact column and remarks, a blank row, totals, signatures.
SHEET = [
    [TITLE, None, None, None, None, None, None, None],
    ["填报单位：柳溪村村民委员会", None, None, None, None, "日期：2026年11月5日", None, None],
    ["序号", "户主姓名", "村民小组", "家庭人口", "月保障金额（元）", "公民身份号码", "联系电话", "备注"],
    [1, "王秀英", "一组", 2, "1240.50", IDS[0], PHONES[0], "新增"],
    [2, "李建国", "三组", 1, "620.00", IDS[1], PHONES[1], f"本人电话 {PHONES[1]}"],
    [None] * 8,
    [3, "赵桂兰", "二组", 3, "1860.00", IDS[2], PHONES[2], None],
    ["合计", None, None, 6, "3720.50", None, None, None],
    ["制表人：何秀梅", None, "审核人：张丽", None, None, "2026年11月5日", None, None],
]


def workbook(path: Path, rows: list[list], sheet_name: str = "低保名单") -> Path:
    """``rows`` in an .xlsx: the title merged across the header, amounts and counts as numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_name
    for values in rows:
        values = list(values)
        if isinstance(values[4], str) and re.fullmatch(r"[0-9]+\.[0-9]+", values[4]):
            values[4] = float(values[4])
        sheet.append(values)
        if isinstance(values[4], float):
            sheet.cell(sheet.max_row, 5).number_format = "#,##0.00"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list], encoding: str = "gbk") -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(
        [["" if v is None else str(v) for v in row] for row in rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def xls_file(path: Path, rows: list[list]) -> Path:
    """An Excel 97–2003 workbook (xlwt writes the old format; test-only dependency)."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("低保名单")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    sheet.write_merge(0, 0, 0, 7, rows[0][0])
    for r, values in enumerate(rows[1:], 1):
        for c, value in enumerate(values):
            if value is None:
                continue
            if c == 4 and isinstance(value, str) and re.fullmatch(r"[0-9]+\.[0-9]+", value):
                sheet.write(r, c, float(value), money)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def run(*args) -> int:
    return main(["import", *map(str, args)])


def assert_nothing_personal(text: str) -> None:
    for secret in IDS + PHONES:
        assert secret not in text
    assert [f.kind for f in find_personal_data(text, in_subsidy_list=True)] == []


def test_a_real_workbook_imports_without_phones_or_full_ids_and_checks_the_total(project, tmp_path, capsys):
    source = workbook(tmp_path / "柳溪村低保.xlsx", SHEET)
    target = project / ITEM_DIR / "dibao.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 0
    out, err = capsys.readouterr()
    text = target.read_text(encoding="utf-8")
    assert_nothing_personal(text)
    data = yaml.safe_load(text)
    assert data["title"] == TITLE and data["unit"] == "元"
    assert [(r["name"], r["group"], r["persons"]) for r in data["recipients"]] == [
        ("王秀英", "一组", 2), ("李建国", "三组", 1), ("赵桂兰", "二组", 3)]
    assert [r["id"] for r in data["recipients"]] == [i[:6] + "********" + i[-4:] for i in IDS]
    assert "amount: 1240.50\n" in text and "total_amount: 3720.50\n" in text
    label = source.as_posix()
    assert f"{label}:3:7: warning[import-private-column]: Excel 工作表“低保名单” G3：列“联系电话”含有个人电话" in err
    assert f"{label}:3:8: warning[import-private-column]: Excel 工作表“低保名单” H3：列“备注”含有手机号码" in err
    assert "第 8 行是合计行（E8 = 3,720.50），已与各行相加核对一致" in out
    assert "第 9 行是签名行（制表人：何秀梅）" in out
    assert "error" not in err
    _, report = load_project(project, dt.date(2026, 11, 12))
    assert [d.code for d in report.diagnostics if d.code.startswith("personal")] == []


def test_gbk_csv_with_crlf_and_old_xls_import_like_the_workbook(project, tmp_path):
    targets = {}
    sources = {
        "xlsx": workbook(tmp_path / "a.xlsx", SHEET),
        "csv": csv_file(tmp_path / "a.csv", SHEET),
        "xls": xls_file(tmp_path / "a.xls", SHEET),
    }
    for kind, source in sources.items():
        targets[kind] = project / ITEM_DIR / f"{kind}.yml"
        assert run(source, "--type", "subsidy-list", "--to", targets[kind]) == 0, kind
    texts = {kind: path.read_text(encoding="utf-8") for kind, path in targets.items()}
    assert texts["csv"] == texts["xlsx"]
    assert texts["xls"] == texts["xlsx"]
    assert_nothing_personal(texts["xls"])


def test_an_id_in_the_amount_column_is_refused_at_its_cell(project, tmp_path, capsys):
    rows = [list(r) for r in SHEET]
    rows[4][4] = IDS[1]  # typed one column too far left
    source = workbook(tmp_path / "错列.xlsx", rows)
    target = project / ITEM_DIR / "dibao.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 1
    err = capsys.readouterr().err
    assert (f"{source.as_posix()}:5:5: error[import-amount-id]: Excel 工作表“低保名单” E5："
            "月保障金额（元） 里是一个身份证号或长号码（410122********") in err
    assert IDS[1] not in err
    assert not target.exists()


def test_an_id_typed_as_a_number_in_the_amount_column_is_refused(project, tmp_path, capsys):
    rows = [list(r) for r in SHEET]
    source = workbook(tmp_path / "x.xlsx", rows)
    book = openpyxl.load_workbook(source)
    book.active["E5"] = float(IDS[1])
    book.save(source)
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    assert "E5：月保障金额（元） 里是一个身份证号或长号码" in capsys.readouterr().err


def test_a_phone_number_in_the_amount_column_is_refused(project, tmp_path, capsys):
    rows = [list(r) for r in SHEET]
    rows[6][4] = PHONES[2]
    source = csv_file(tmp_path / "x.csv", rows)
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    err = capsys.readouterr().err
    assert f"{source.as_posix()}:7:5: error[import-amount-phone]: CSV 文件 E7：月保障金额（元） 里是一个手机号码（150****2222）" \
        in err


@pytest.mark.parametrize("stored", [float(IDS[0]), "4.10122E+17"])
def test_an_id_stored_as_a_number_is_refused_at_its_cell(project, tmp_path, capsys, stored):
    source = workbook(tmp_path / "x.xlsx", SHEET)
    book = openpyxl.load_workbook(source)
    book.active["F4"] = stored
    book.save(source)
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    err = capsys.readouterr().err
    assert f"{source.as_posix()}:4:6: error[import-id-number]: Excel 工作表“低保名单” F4：身份证号被 Excel 存成了数字" in err


def test_a_total_that_does_not_add_up_is_an_error_at_its_cell(project, tmp_path, capsys):
    rows = [list(r) for r in SHEET]
    rows[7][4] = "3720.00"
    rows[7][0] = "总 计"
    source = csv_file(tmp_path / "x.csv", rows)
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    assert (f"{source.as_posix()}:8:5: error[import-total-mismatch]: CSV 文件 E8：合计行的月保障金额（元）是 3,720.00，"
            "但上面各行相加是 3,720.50") in capsys.readouterr().err


def test_subtotals_are_checked_per_group(project, tmp_path, capsys):
    source = tmp_path / "x.csv"
    source.write_text("姓名,组别,保障金额(元)\n王秀英,一组,100\n李建国,一组,50\n小计,,150\n"
                      "赵桂兰,二组,80\n小计,,80\n合计,,230\n", encoding="utf-8")
    target = project / ITEM_DIR / "x.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert [r["name"] for r in data["recipients"]] == ["王秀英", "李建国", "赵桂兰"]
    assert data["total_amount"] == 230
    source.write_text("姓名,金额\n王秀英,100\n李建国,50\n小计,140\n", encoding="utf-8")
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "y.yml") == 1
    assert "error[import-total-mismatch]: CSV 文件 B4：小计行" in capsys.readouterr().err


def test_map_names_a_column_by_hand(project, tmp_path, capsys):
    source = tmp_path / "x.csv"
    source.write_text("姓名,发放标准,享受人数\n王秀英,620,2\n", encoding="utf-8")
    target = project / ITEM_DIR / "x.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 1
    assert "error[import-missing-column]" in capsys.readouterr().err
    assert run(source, "--type", "subsidy-list", "--to", target, "--map", "发放标准=amount",
               "--map", "享受人数=-") == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["recipients"] == [{"name": "王秀英", "amount": 620}]
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "y.yml",
               "--map", "发放标准=金额") == 0
    assert run(source, "--type", "subsidy-list", "--to", target, "--map", "发放标准=money") == 2
    assert run(source, "--type", "subsidy-list", "--to", target, "--map", "发放标准") == 2


def test_table_drops_private_columns_and_keeps_the_rest(project, tmp_path, capsys):
    source = tmp_path / "t.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["2026年第四季度临时救助"])
    book.active.append(["姓名", "身份证号码", "事由", "金额", "手机", "银行账号"])
    book.active.append(["王秀英", IDS[0], "火灾", "2000", PHONES[0], "6222021234567890128"])
    book.save(source)
    target = project / ITEM_DIR / "relief.yml"
    assert run(source, "--type", "table", "--to", target) == 0
    err = capsys.readouterr().err
    for col, name, what in (("B", "身份证号码", "身份证号"), ("E", "手机", "个人电话"), ("F", "银行账号", "银行账号")):
        assert f"{col}2：列“{name}”含有{what}" in err
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["columns"] == ["姓名", "事由", "金额"] and data["rows"] == [["王秀英", "火灾", "2000"]]


def test_finance_totals_in_any_spelling_are_checked(project, tmp_path, capsys):
    source = tmp_path / "f.csv"
    source.write_bytes(textwrap.dedent("""\
        柳溪村2026年第四季度财务收支公开
        收支类别,科目,本期金额（元）,备注
        收入,上级补助,"12,000.00",
        收入,集体经营,3000,
        ,收入合计,15000.00,
        支出,办公费,800.50,
        支出 ,  合计,800.50,
        总计,,15800.50,
        会计：王芳,,,出纳：李丽
        """).replace("\n", "\r\n").encode("gbk"))
    target = project / ITEM_DIR / "f.yml"
    assert run(source, "--type", "finance", "--to", target) == 0
    captured = capsys.readouterr()
    text = target.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["title"] == "柳溪村2026年第四季度财务收支公开"
    assert [line["name"] for line in data["income"]] == ["上级补助", "集体经营"]
    assert [line["name"] for line in data["expenditure"]] == ["办公费"]
    assert "total_income: 15000.00\n" in text and "total_expenditure: 800.50\n" in text
    assert "warning[import-total-unsided]: CSV 文件 A8" in captured.err
    assert "warning[import-unknown-column]: CSV 文件 D2：列“备注”" in captured.err
    source.write_bytes("类别,项目,金额\n收入,补助,100\n收入合计,,90\n".encode("gbk"))
    assert run(source, "--type", "finance", "--to", project / ITEM_DIR / "g.yml") == 1
    assert "error[import-total-mismatch]: CSV 文件 C3：合计行的收入是 90，但上面各行相加是 100" \
        in capsys.readouterr().err


def test_a_bad_cell_gives_no_follow_on_total_error(project, tmp_path, capsys):
    rows = [list(r) for r in SHEET]
    rows[3][4] = "124O.50"  # a letter O for a zero
    source = csv_file(tmp_path / "x.csv", rows)
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    err = capsys.readouterr().err
    assert "error[bad-money]: CSV 文件 E4" in err and "import-total-mismatch" not in err


def test_full_width_figures_typed_with_a_chinese_input_method_are_read(project, tmp_path):
    source = tmp_path / "x.csv"
    source.write_text("姓名,人数,金额\n王秀英,２,１，２４０．５０\n合计,２,１２４０．５０\n", encoding="utf-8")
    target = project / ITEM_DIR / "x.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["recipients"] == [
        {"name": "王秀英", "persons": 2, "amount": 1240.5}]
    assert "amount: 1240.50\n" in target.read_text(encoding="utf-8")


def test_a_table_title_row_with_a_unit_beside_it_is_not_the_header(project, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text("2026年11月低保动态管理情况,,,单位：户\n乡镇,总户数,新增,停保\n青山镇,62,3,1\n"
                      "合计,62,3,1\n制表人：何秀梅,,,\n", encoding="gbk")
    target = project / ITEM_DIR / "t.yml"
    assert run(source, "--type", "table", "--to", target) == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["title"] == "2026年11月低保动态管理情况"
    assert data["columns"] == ["乡镇", "总户数", "新增", "停保"]
    assert data["rows"] == [["青山镇", "62", "3", "1"], ["合计", "62", "3", "1"]]  # a table keeps its totals


def test_a_unit_line_above_the_header_sets_the_unit(project, tmp_path):
    source = tmp_path / "f.csv"
    source.write_text("柳溪村2026年第四季度财务收支,,单位：万元\n类别,项目,金额\n收入,上级补助,1.2\n"
                      "支出,办公费,0.08\n", encoding="gbk")
    target = project / ITEM_DIR / "f.yml"
    assert run(source, "--type", "finance", "--to", target) == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["unit"] == "万元" and data["title"] == "柳溪村2026年第四季度财务收支"
