"""Write a list or table item back to an Excel workbook a clerk can edit (``gongkai export``).

The workbook holds what the item publishes and nothing more: a title row,
the headers ``gongkai import`` reads, the rows (ID numbers masked as in the
item), and 合计 rows as ``SUM`` formulas that Excel keeps up to date.
Text cells are stored as text, never as formulas (CSV-style injection).
Amounts are numbers shown with exactly the decimals the item has (so
``1240.50`` reads back as ``1240.50``); an amount with more digits than Excel
keeps (15) is written as text. Importing the workbook gives the same item.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from ..model import Item
from .spreadsheet import column_letters

EXPORT_TYPES = ("subsidy-list", "finance", "table")
SHEET_NAMES = {"subsidy-list": "名单", "finance": "收支", "table": "表格"}
EXCEL_DIGITS = 15
TEXT = "@"  # Excel's Text format: IDs and table cells stay as typed


def _amount_cell(cell, value: Decimal | None) -> None:
    if value is None:
        return
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if len(value.as_tuple().digits) > EXCEL_DIGITS:
        cell.value, cell.number_format = format(value, "f"), TEXT
        return
    cell.value = int(value) if places == 0 else float(value)
    cell.number_format = "0" if places == 0 else "0." + "0" * places


def _text_cell(cell, value) -> None:
    """Text as text: openpyxl would store ``=…`` as a live formula (a name typed ``=HYPERLINK(…)``)."""
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"
    cell.number_format = TEXT


def workbook(item: Item, when: dt.date):
    """The openpyxl workbook for ``item`` (a subsidy list, finance sheet or table)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET_NAMES[item.type]
    fields = item.fields
    unit = fields.get("unit") or "元"
    if item.type == "subsidy-list":
        recipients = fields["recipients"]
        keys = ["name"] + [k for k in ("group", "persons") if any(r.get(k) is not None for r in recipients)]
        keys += ["amount"] + (["id"] if any(r.get("id") for r in recipients) else [])
        names = {"name": "姓名", "group": "村组", "persons": "人数", "amount": f"金额（{unit}）", "id": "身份证号"}
        headers = ["序号"] + [names[k] for k in keys]
        rows = []
        for n, r in enumerate(recipients, 1):
            rows.append([("int", n)] + [(("amount" if k == "amount" else "int" if k == "persons" else "text"), r.get(k))
                                        for k in keys])
        totals = [("合计", 3, 3 + len(rows) - 1, keys.index("amount") + 1, keys)]
    elif item.type == "finance":
        headers = ["类别", "项目", f"金额（{unit}）"]
        rows, totals = [], []
        for side, word in (("income", "收入"), ("expenditure", "支出")):
            start = 3 + len(rows)
            rows_side = [[("text", word), ("text", line["name"]), ("amount", line["amount"])] for line in fields[side]]
            rows += rows_side
            totals.append((f"{word}合计", start, start + len(rows_side) - 1, 2, None))
            rows.append(None)  # the total row's place
    else:
        headers = list(fields["columns"])
        rows = [[("text", cell) for cell in row] for row in fields["rows"]]
        totals = []
    width = len(headers)
    sheet.append([None])
    _text_cell(sheet["A1"], item.title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(headers)
    for col in range(1, width + 1):
        sheet.cell(2, col).data_type = "s"
        sheet.cell(2, col).font = Font(bold=True)
    r = 3
    for values in rows:
        if values is None:  # a finance total: written below with the others
            r += 1
            continue
        for c, (kind, value) in enumerate(values, 1):
            cell = sheet.cell(r, c)
            if kind == "amount":
                _amount_cell(cell, value)
            elif kind == "int" and value is not None:
                cell.value = int(value)
            else:
                _text_cell(cell, value)
        r += 1
    for word, first, last, amount_col, _ in totals:
        row = last + 1 if item.type == "finance" else r
        label_col = 2 if item.type == "finance" else 1
        sheet.cell(row, label_col, word).font = Font(bold=True)
        if last >= first:
            letter = column_letters(amount_col)
            total = sheet.cell(row, amount_col + 1, f"=SUM({letter}{first}:{letter}{last})")
            total.font = Font(bold=True)
    for col in range(1, width + 1):
        longest = max([len(str(sheet.cell(row, col).value or "")) for row in range(2, sheet.max_row + 1)] + [4])
        sheet.column_dimensions[column_letters(col - 1)].width = min(60, 2.2 * longest + 2)
    sheet.freeze_panes = "A3"
    moment = dt.datetime(when.year, when.month, when.day)  # same item, same date: the same file
    book.properties.created = moment
    book.properties.creator = "gongkai"
    return book


def export_item(item: Item, to: Path, when: dt.date) -> int:
    """Write ``item`` to the workbook ``to``; the number of data rows written.

    The zip entries are dated ``when`` too: the same item on the same date gives the same bytes.
    """
    packed = io.BytesIO()
    workbook(item, when).save(packed)
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    to.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(packed) as source, zipfile.ZipFile(to, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + f"{when.isoformat()}T00:00:00Z".encode(),
                              data)
            out.writestr(fixed, data)
    fields = item.fields
    if item.type == "subsidy-list":
        return len(fields["recipients"])
    if item.type == "finance":
        return len(fields["income"]) + len(fields["expenditure"])
    return len(fields["rows"])
