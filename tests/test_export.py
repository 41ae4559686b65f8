"""``gongkai export ITEM --to FILE.xlsx``: a list or table back to a workbook a clerk can edit;
importing the workbook again gives the same item."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from checkfixtures import TODAY, write_project
from generator.cli import main
from generator.content import load_project

Q4 = "content/offices/test-town/quarters/2026-Q4"
TABLE = f"{Q4}/dynamics.yml"
TABLE_TEXT = """\
    type: table
    title: 2026年11月低保动态管理情况
    columns: [村名, 总户数, 动态率, 备注]
    rows:
      - [柳溪村, '0012', 33.33%, 新增 2 户]
      - [山前村, '9', '0.50', '']
    review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-17}
    """


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", {TABLE: TABLE_TEXT})


def item(root: Path, rel: str):
    project, report = load_project(root, TODAY)
    assert [d.format() for d in report.errors] == []
    return next(i for i in project.items() if i.source == rel)


def cells(path: Path) -> list[list]:
    book = openpyxl.load_workbook(path)
    return [[c.value for c in row] for row in book.active.iter_rows()]


@pytest.mark.parametrize("name, kind", [("low-income.yml", "subsidy-list"), ("finance.yml", "finance"),
                                        ("dynamics.yml", "table")])
def test_export_then_import_gives_the_same_item(project, tmp_path, name, kind):
    rel = f"{Q4}/{name}"
    before = item(project, rel)
    workbook = tmp_path / f"{name}.xlsx"
    assert main(["export", str(project / rel), "--to", str(workbook), "--date", TODAY.isoformat()]) == 0
    again = tmp_path / "again"
    shutil.copytree(project, again)
    assert main(["import", str(workbook), "--type", kind, "--to", str(again / rel)]) == 0
    after = item(again, rel)
    assert after.title == before.title and after.draft  # new figures need a new review
    assert after.fields == before.fields
    for key, value in before.fields.items():  # exactly: 1,000.50 stays 1000.50, not 1000.5
        if isinstance(value, Decimal):
            assert str(after.fields[key]) == str(value), key
    text = "\n".join(str(v) for row in cells(workbook) for v in row if v is not None)
    assert "张丽" not in text and "2026-11-17" not in text  # the review is not data of the sheet


def test_the_workbook_is_one_a_clerk_can_edit(project, tmp_path):
    workbook = tmp_path / "list.xlsx"
    assert main(["export", str(project / Q4 / "low-income.yml"), "--to", str(workbook)]) == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book.active
    assert sheet["A1"].value == "2026年11月低保名单" and "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[2]] == ["序号", "姓名", "村组", "人数", "金额（元）", "身份证号"]
    assert [c.value for c in sheet[3]] == [1, "张三", "一组", 2, 600, "410523********1234"]
    assert sheet["F3"].number_format == "@"  # IDs stay text, as masked in the item
    assert sheet["A5"].value == "合计" and sheet["E5"].value == "=SUM(E3:E4)"
    finance = tmp_path / "finance.xlsx"
    assert main(["export", str(project / Q4 / "finance.yml"), "--to", str(finance)]) == 0
    sheet = openpyxl.load_workbook(finance).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [["类别", "项目", "金额（元）"], ["收入", "上级转移支付", 0.1], ["收入", "集体经营收入", 0.2],
                    [None, "收入合计", "=SUM(C3:C4)"], ["支出", "办公经费", 1000.5], [None, "支出合计", "=SUM(C6:C6)"]]
    assert sheet["C6"].number_format == "0.00" and sheet["C3"].number_format == "0.0"


def test_the_same_item_gives_the_same_file(project, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (a, b):
        assert main(["export", str(project / Q4 / "low-income.yml"), "--to", str(out), "--date", "2026-11-21"]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_export_refuses_what_it_cannot_do(project, tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    fixed = project / "content/offices/test-town/fixed/birth-registration.yml"
    assert main(["export", str(fixed), "--to", str(out)]) == 2  # a procedure has no rows
    assert main(["export", str(project / Q4 / "finance.yml"), "--to", str(tmp_path / "x.csv")]) == 2
    assert main(["export", str(project / Q4 / "nothing.yml"), "--to", str(out)]) == 2
    out.write_bytes(b"the clerk's own workbook")
    assert main(["export", str(project / Q4 / "finance.yml"), "--to", str(out)]) == 2
    assert out.read_bytes() == b"the clerk's own workbook" and "已经存在" in capsys.readouterr().err
    assert main(["export", str(project / Q4 / "finance.yml"), "--to", str(out), "--force"]) == 0
    broken = project / Q4 / "finance.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("amount: 0.1", "amount: 0.1元元"), encoding="utf-8")
    assert main(["export", str(broken), "--to", str(tmp_path / "y.xlsx")]) == 1
    assert f"{Q4}/finance.yml:" in capsys.readouterr().out and not (tmp_path / "y.xlsx").exists()
