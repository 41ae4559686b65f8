"""``gongkai import``: Excel and CSV in any common encoding to the same exact YAML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import textwrap
from pathlib import Path

import openpyxl
import pytest
import yaml

from generator.cli import main
from generator.content import load_project

ITEM_DIR = "content/offices/town/quarters/2026-Q4"
HEADER = ["序号", "户主姓名", "村组", "保障人数", "月保障金（元）", "身份证号"]
ROWS = [
    [1, "王秀英", "一组", 2, "1240.50", "410122195203041236"],
    [2, "李建国", "三组", 1, "620.00", "41012219600815567X"],
    [3, "赵桂兰", "二组", 3, "1860.00", ""],
]
TITLE = "测试镇2026年11月农村低保名单"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    files = {
        "content/site.yml": "title: 测试县\nurl: https://gk.county.test/\nsupervision_phone: 0371-1\n",
        "content/offices/town/office.yml": textwrap.dedent("""\
            name: 测试镇人民政府
            kind: town
            address: 测试镇
            phone: 0371-12345670
            supervision_phone: 0371-12345679
            hours: 周一至周五
            """),
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / ITEM_DIR).mkdir(parents=True)
    return tmp_path


def excel(path: Path, rows: list[list], title: str | None = TITLE, money_format: str = "0.00") -> Path:
    """A sheet as a clerk makes it: a title row, numbers as numbers, IDs as text."""
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(HEADER)
    for row in rows:
        values = list(row)
        if isinstance(values[4], str) and values[4].replace(".", "").isdigit():
            values[4] = float(values[4]) if "." in values[4] and not values[4].endswith(".00") \
                else int(float(values[4]))
        sheet.append(values)
        sheet.cell(sheet.max_row, 5).number_format = money_format
    book.save(path)
    return path


def csv_bytes(rows: list[list], encoding: str, title: str | None = TITLE) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if title:
        writer.writerow([title] + [""] * 5)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def run(*args) -> int:
    return main(["import", *map(str, args)])


def test_excel_and_gbk_csv_import_to_identical_yaml(project, tmp_path):
    xlsx = excel(tmp_path / "低保.xlsx", ROWS)
    gbk = tmp_path / "低保.csv"
    gbk.write_bytes(csv_bytes(ROWS, "gbk"))
    a, b = project / ITEM_DIR / "a.yml", project / ITEM_DIR / "b.yml"
    assert run(xlsx, "--type", "subsidy-list", "--to", a) == 0
    assert run(gbk, "--type", "subsidy-list", "--to", b) == 0
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../../docs/schema/item.schema.json\n")
    assert "amount: 1240.50\n" in text and "amount: 620.00\n" in text
    assert "410122195203041236" not in text and "id: 410122********1236" in text
    data = yaml.safe_load(text)
    assert data["type"] == "subsidy-list" and data["title"] == TITLE and data["draft"] is True
    assert data["unit"] == "元"
    assert [r["name"] for r in data["recipients"]] == ["王秀英", "李建国", "赵桂兰"]
    assert data["recipients"][1]["id"] == "410122********567X"
    assert "id" not in data["recipients"][2]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings_import_alike(project, tmp_path, encoding):
    reference, other = project / ITEM_DIR / "gbk.yml", project / ITEM_DIR / "other.yml"
    (tmp_path / "gbk.csv").write_bytes(csv_bytes(ROWS, "gbk"))
    (tmp_path / "other.csv").write_bytes(csv_bytes(ROWS, encoding))
    assert run(tmp_path / "gbk.csv", "--type", "subsidy-list", "--to", reference) == 0
    assert run(tmp_path / "other.csv", "--type", "subsidy-list", "--to", other) == 0
    assert reference.read_bytes() == other.read_bytes()


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_written(project, tmp_path, capsys):
    rows = [list(r) for r in ROWS]
    rows[1][4] = "62O.00"  # a letter O typed for a zero
    rows[2][3] = "三"
    rows[2][1] = ""
    source = tmp_path / "bad.csv"
    source.write_bytes(csv_bytes(rows, "gbk"))
    target = project / ITEM_DIR / "dibao.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 1
    err = capsys.readouterr().err.splitlines()
    label = source.as_posix()
    assert f"{label}:4:5: error[bad-money]: CSV 文件 E4：月保障金（元） 不是有效金额：62O.00" in err[0]
    assert err[1].startswith(f"{label}:5:2: error[missing-field]: CSV 文件 B5：缺少必填字段 户主姓名")
    assert err[2].startswith(f"{label}:5:4: error[bad-number]: CSV 文件 D5：保障人数 应为整数")
    assert not target.exists()
    assert list((project / ITEM_DIR).iterdir()) == []


def test_excel_problems_are_reported_at_their_cell(project, tmp_path, capsys):
    xlsx = excel(tmp_path / "bad.xlsx", ROWS[:1])
    book = openpyxl.load_workbook(xlsx)
    sheet = book.active
    sheet.append([2, "李建国", "三组", 1, 620.004, 410122196008155678])
    sheet.cell(4, 5).number_format = "0.00"
    book.save(xlsx)
    assert run(xlsx, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    err = capsys.readouterr().err
    assert f"{xlsx.as_posix()}:4:5: error[import-hidden-decimals]" in err
    assert f"{xlsx.as_posix()}:4:6: error[import-id-number]" in err
    assert "410122196008155678" not in err
    assert not (project / ITEM_DIR / "x.yml").exists()


def test_unknown_and_private_columns_are_left_out_with_a_note(project, tmp_path, capsys):
    source = tmp_path / "x.csv"
    source.write_text("姓名,金额,银行卡号,困难类型\n王秀英,620,6222021234567890123,因病\n", encoding="utf-8")
    target = project / ITEM_DIR / "x.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 0
    err = capsys.readouterr().err
    assert (f"{source.as_posix()}:1:3: warning[import-private-column]: CSV 文件 C1：列“银行卡号”含有银行账号，"
            "属于个人信息，不得公开：这一列没有导入") in err
    assert f"{source.as_posix()}:1:4: warning[import-unknown-column]: CSV 文件 D1：列“困难类型”不是" in err
    assert "月保障金额" in err and "--map 困难类型=字段名" in err  # the accepted names are listed
    text = target.read_text(encoding="utf-8")
    assert "6222021234567890123" not in text and "因病" not in text


def test_import_into_an_existing_item_replaces_only_its_rows(project, tmp_path):
    target = project / ITEM_DIR / "dibao.yml"
    target.write_text(textwrap.dedent("""\
        # 每月公示一次
        type: subsidy-list
        title: 测试镇2026年11月农村低保名单
        program: 农村最低生活保障  # 项目
        objection_phone: 0371-12345671
        published: 2026-11-10
        expires: 2026-11-17
        recipients:
          - {name: 旧名单, amount: 1}
        total_amount: 1
        """), encoding="utf-8")
    source = tmp_path / "new.csv"
    source.write_bytes(csv_bytes(ROWS, "gbk"))
    assert run(source, "--type", "subsidy-list", "--to", target) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 每月公示一次\ntype: subsidy-list\ntitle: 测试镇2026年11月农村低保名单\n"
                           "draft: true\nprogram: 农村最低生活保障  # 项目\n")
    assert "旧名单" not in text and "total_amount" not in text
    _, report = load_project(project, dt.date(2026, 11, 12))
    assert [d.format() for d in report.errors] == []


def test_import_to_the_rows_from_csv_of_an_item(project, tmp_path):
    (project / ITEM_DIR / "dibao.yml").write_text(textwrap.dedent("""\
        type: subsidy-list
        title: 低保名单
        program: 农村最低生活保障
        objection_phone: 0371-12345671
        published: 2026-11-10
        expires: 2026-11-17
        rows_from: dibao.csv
        """), encoding="utf-8")
    source = excel(tmp_path / "list.xlsx", ROWS)
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "dibao.yml") == 0
    assert (project / ITEM_DIR / "dibao.csv").read_text(encoding="utf-8") == (
        "姓名,村组,人数,金额,身份证号\n王秀英,一组,2,1240.50,410122********1236\n"
        "李建国,三组,1,620.00,410122********567X\n赵桂兰,二组,3,1860.00,\n")
    _, report = load_project(project, dt.date(2026, 11, 12))
    assert [d.format() for d in report.errors] == []


def test_finance_sheet(project, tmp_path):
    source = tmp_path / "收支.csv"
    source.write_bytes(textwrap.dedent("""\
        类别,项目,金额（万元）
        收入,上级转移支付,612.35
        收入,非税收入,29.64
        支出,办公费,"1,021.30"
        支出,农林水支出,236.44
        收入,合计,641.99
        """).encode("gb18030"))
    target = project / ITEM_DIR / "finance.yml"
    assert run(source, "--type", "finance", "--to", target, "--title", "第四季度财务收支") == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["unit"] == "万元" and data["title"] == "第四季度财务收支"
    assert data["income"] == [{"name": "上级转移支付", "amount": 612.35}, {"name": "非税收入", "amount": 29.64}]
    assert [line["name"] for line in data["expenditure"]] == ["办公费", "农林水支出"]
    assert "amount: 1021.30\n" in target.read_text(encoding="utf-8")
    assert "total_income: 641.99\n" in target.read_text(encoding="utf-8")
    assert "total_expenditure" not in data
    _, report = load_project(project, dt.date(2026, 11, 12))
    assert [d.code for d in report.errors] == []


def test_finance_side_must_be_income_or_expenditure(project, tmp_path, capsys):
    source = tmp_path / "收支.csv"
    source.write_text("类别,项目,金额\n收入,转移支付,1\n其他,利息,2\n", encoding="utf-8")
    assert run(source, "--type", "finance", "--to", project / ITEM_DIR / "f.yml") == 1
    assert f"{source.as_posix()}:3:1: error[import-bad-side]" in capsys.readouterr().err


def test_table_masks_id_numbers_in_any_cell(project, tmp_path):
    source = tmp_path / "table.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["2026年第四季度临时救助"])
    book.active.append(["姓名", "事由", "救助金额"])
    book.active.append(["王秀英", "身份证 410122195203041236 火灾", 2000])
    book.save(source)
    target = project / ITEM_DIR / "relief.yml"
    assert run(source, "--type", "table", "--to", target) == 0
    text = target.read_text(encoding="utf-8")
    assert "- [王秀英, 身份证 410122********1236 火灾, '2000']" in text
    data = yaml.safe_load(text)
    assert data["title"] == "2026年第四季度临时救助" and data["columns"] == ["姓名", "事由", "救助金额"]


def test_second_sheet_by_name(project, tmp_path):
    source = excel(tmp_path / "book.xlsx", ROWS)
    book = openpyxl.load_workbook(source)
    book.create_sheet("说明").append(["不是名单"])
    book.move_sheet("说明", offset=-1)
    book.save(source)
    target = project / ITEM_DIR / "x.yml"
    assert run(source, "--type", "subsidy-list", "--to", target, "--sheet", "Sheet") == 0
    assert "王秀英" in target.read_text(encoding="utf-8")
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "y.yml",
               "--sheet", "没有") == 1


def test_usage_errors(project, tmp_path):
    assert run(tmp_path / "missing.xlsx", "--type", "table", "--to", project / ITEM_DIR / "x.yml") == 2
    source = tmp_path / "x.csv"
    source.write_text("姓名,金额\n王,1\n", encoding="utf-8")
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.txt") == 2
    assert run(source, "--type", "finance", "--to", project / ITEM_DIR / "x.csv") == 2


def test_a_broken_old_excel_file_is_refused_with_a_hint(project, tmp_path, capsys):
    source = tmp_path / "名单.xls"
    source.write_bytes(b"\xd0\xcf\x11\xe0 not an xls")
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    assert f"{source.as_posix()}:1:1: error[sheet-unreadable]: 无法读取这个表格文件" in capsys.readouterr().err
    assert not (project / ITEM_DIR / "x.yml").exists()


def test_an_unknown_file_kind_is_refused_with_a_hint(project, tmp_path, capsys):
    source = tmp_path / "名单.et"
    source.write_bytes(b"WPS")
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    assert f"{source.as_posix()}:1:1: error[sheet-type]: 无法读取 .et 文件：请在 Excel 或 WPS 中另存为" \
        in capsys.readouterr().err


@pytest.mark.parametrize("text, expected", [
    ("备注\n只有一列\n", (1, 1, "import-no-header")),
    ("姓名,金额\n", (1, 1, "import-no-rows")),
    ("姓名,金额,\n王秀英,620,多出来的\n", (1, 3, "import-unnamed-column")),
    ("姓名,金额,身份证号\n王秀英,620,4101221952\n", (2, 3, "import-bad-id")),
    ("姓名,金额\n王秀英,620\n合计,620\n李建国,310\n", (4, 1, "import-after-total")),
    ("姓名,金额\n王秀英,620万元\n", (2, 2, "mixed-units")),
    ("户主,村组\n王秀英,一组\n", (1, 1, "import-missing-column")),
])
def test_sheet_problems(project, tmp_path, capsys, text, expected):
    source = tmp_path / "x.csv"
    source.write_text(text, encoding="utf-8")
    assert run(source, "--type", "subsidy-list", "--to", project / ITEM_DIR / "x.yml") == 1
    row, col, code = expected
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"{source.as_posix()}:{row}:{col}: error[{code}]"), first
    assert not (project / ITEM_DIR / "x.yml").exists()


def test_notes_below_the_total_are_left_out(project, tmp_path):
    source = tmp_path / "x.csv"
    source.write_text("姓名,金额\n王秀英,620\n合计,620\n制表：何秀梅,\n", encoding="utf-8")
    target = project / ITEM_DIR / "x.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["recipients"] == [{"name": "王秀英", "amount": 620}] and data["total_amount"] == 620


def test_an_item_of_another_type_is_not_overwritten(project, tmp_path, capsys):
    target = project / ITEM_DIR / "finance.yml"
    target.write_text("type: finance\ntitle: 收支\n", encoding="utf-8")
    source = tmp_path / "x.csv"
    source.write_text("姓名,金额\n王秀英,620\n", encoding="utf-8")
    assert run(source, "--type", "subsidy-list", "--to", target) == 1
    assert "error[type-differs]" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "type: finance\ntitle: 收支\n"


def test_a_new_item_lists_what_is_left_and_passes_check_once_filled(project, tmp_path, capsys):
    source = tmp_path / "x.csv"
    source.write_bytes(csv_bytes(ROWS, "gbk"))
    target = project / ITEM_DIR / "dibao.yml"
    assert run(source, "--type", "subsidy-list", "--to", target) == 0
    out = capsys.readouterr().out
    for name in ("program", "objection_phone", "published", "expires"):
        assert f"还需：{name}（" in out
    text = target.read_text(encoding="utf-8")
    assert "# program:   # 补贴项目" in text
    filled = (text.replace("# program:  ", "program: 农村最低生活保障")
              .replace("# objection_phone:  ", "objection_phone: 0371-12345671")
              .replace("# published:  ", "published: 2026-11-10")
              .replace("# expires:  ", "expires: 2026-11-17"))
    target.write_text(filled, encoding="utf-8")
    _, report = load_project(project, dt.date(2026, 11, 12))
    assert [d.format() for d in report.errors] == []


def test_table_to_a_rows_from_csv(project, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text("村名,总户数,动态率\n柳溪村,9,33.33%\n", encoding="gb18030")
    target = project / ITEM_DIR / "dynamics.csv"
    assert run(source, "--type", "table", "--to", target) == 0
    assert target.read_text(encoding="utf-8") == "村名,总户数,动态率\n柳溪村,9,33.33%\n"


def test_table_cells_read_as_excel_shows_them(project, tmp_path):
    source = tmp_path / "dynamics.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["村名", "总户数", "动态率", "人均（元）"])
    sheet.append(["柳溪村", 9, 3 / 9, 1240.5])
    sheet["C2"].number_format = "0.00%"
    sheet["D2"].number_format = "#,##0.00"
    book.save(source)
    target = project / ITEM_DIR / "dynamics.yml"
    assert run(source, "--type", "table", "--to", target) == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["rows"] == [["柳溪村", "9", "33.33%", "1240.50"]]


def test_new_figures_need_a_new_review(project, tmp_path, capsys):
    target = project / ITEM_DIR / "finance.yml"
    target.write_text(textwrap.dedent("""\
        type: finance
        title: 旧标题
        unit: 元
        published: 2026-10-10
        income:
          - {name: 转移支付, amount: 1}
        expenditure:
          - {name: 办公费, amount: 1}
        review:
          reviewed_by: 张丽
          checked_by: 王强
          approved_by: 李明
          approved_on: 2026-10-09
        """), encoding="utf-8")
    source = tmp_path / "f.csv"
    source.write_text("收支,项目,金额\n收入,转移支付,100.00\n支出,办公费,80.00\n", encoding="utf-8")
    assert run(source, "--type", "finance", "--to", target, "--title", "测试镇: 第四季度收支") == 0
    assert "review（数据已更新" in capsys.readouterr().out
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["draft"] is True and "review" not in data
    assert data["title"] == "测试镇: 第四季度收支"
    assert data["income"] == [{"name": "转移支付", "amount": 100.0}]
