"""Map spreadsheet rows to item fields: subsidy lists, finance sheets and plain tables.

Chinese headers are matched with ``CSV_HEADERS`` (the same names ``rows_from``
accepts); a unit in brackets (``金额（元）``) becomes the item's unit. Amounts
are read exactly, ID numbers are masked on the way in, and every cell that
cannot be read is reported at its row and column. The result is only used
when the report has no errors, so nothing is written from a half-read sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..content.personal import find_personal_data, mask_id
from ..content.schema import CSV_HEADERS
from ..diagnostics import Report
from ..model import Location
from ..money import parse_amount
from .yaml_out import FlowList
from .spreadsheet import Cell, Row, Sheet, cell_text, excel_decimal

IMPORT_TYPES = ("subsidy-list", "finance", "table")

FINANCE_HEADERS: dict[str, tuple[str, ...]] = {
    "side": ("side", "类别", "收支", "收支类别", "收支类型", "类型"),
    "name": ("name", "项目", "项目名称", "名称", "科目", "摘要"),
    "amount": CSV_HEADERS["amount"],
}
SIDES = {"收入": "income", "收": "income", "支出": "expenditure", "支": "expenditure"}
TOTAL_WORDS = ("合计", "总计", "小计", "收入合计", "支出合计")
IGNORED_HEADERS = ("序号", "序", "编号", "no", "no.")
DEFAULT_TITLES = {"subsidy-list": "享受对象名单公示", "finance": "财务收支情况公开", "table": "公开表格"}

_UNIT = re.compile(r"[（(]\s*(万元|元)\s*[)）]")
_BRACKETS = re.compile(r"[（(][^)）]*[)）]")
_ID = re.compile(r"^(?:[0-9]{15}|[0-9]{17}[0-9X])$")
_MASKED_ID = re.compile(r"^[0-9]{6}\*+[0-9]{3}[0-9X]$")
_INT = re.compile(r"^[0-9]+$")
_FULLWIDTH = str.maketrans({0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF38: "X", 0xFF58: "X"})


@dataclass
class Imported:
    """What a sheet holds, as item fields in file order."""

    title: str | None  # a title row above the header, if any
    fields: dict = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)  # source headers of the imported columns
    count: int = 0  # data rows


def _header_key(text: str, headers: dict[str, tuple[str, ...]]) -> tuple[str | None, str | None]:
    """``'金额（元）'`` -> ``('amount', '元')``; unknown -> ``(None, unit)``."""
    compact = re.sub(r"\s+", "", text)
    unit_match = _UNIT.search(compact)
    bare = _BRACKETS.sub("", compact).lower()
    for key, names in headers.items():
        if bare in names:
            return key, unit_match.group(1) if unit_match else None
    return None, unit_match.group(1) if unit_match else None


@dataclass
class _Reader:
    sheet: Sheet
    label: str  # the file as the clerk named it, for messages
    report: Report

    def at(self, row: Row, col: int) -> Location:
        return Location(self.label, row.number, col + 1)

    def cell(self, row: Row, col: int) -> Cell:
        return row.cells[col] if col < len(row.cells) else Cell(None)

    # --- the header ---------------------------------------------------------

    def find_header(self, headers: dict[str, tuple[str, ...]] | None) -> tuple[int, str | None] | None:
        """Index of the header row and a one-cell title row above it."""
        title = None
        for index, row in enumerate(self.sheet.rows):
            filled = row.filled()
            if headers is None:
                is_header = len(filled) >= 2
            else:
                is_header = sum(_header_key(cell_text(c), headers)[0] is not None for c in filled) >= 2
            if is_header:
                return index, title
            if len(filled) == 1 and title is None:
                title = cell_text(filled[0])
        return None

    def data_rows(self, start: int) -> list[Row]:
        return [row for row in self.sheet.rows[start:] if not row.is_empty()]

    def unnamed_columns(self, header: Row, named: set[int], rows: list[Row]) -> None:
        for col, cell in enumerate(header.cells):
            if cell.is_empty and col not in named and any(not self.cell(r, col).is_empty for r in rows):
                self.report.error(self.at(header, col), "import-unnamed-column")

    # --- cells --------------------------------------------------------------

    def text(self, row: Row, col: int | None) -> str | None:
        if col is None:
            return None
        cell = self.cell(row, col)
        return None if cell.is_empty else mask_ids(cell_text(cell))

    def amount(self, row: Row, col: int, name: str, unit: str | None) -> Decimal | None:
        cell = self.cell(row, col)
        if cell.is_empty:
            self.report.error(self.at(row, col), "missing-field", field=name)
            return None
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            try:
                return excel_decimal(cell)
            except ValueError as exc:
                self.report.error(self.at(row, col), "import-hidden-decimals", value=str(exc))
                return None
        text = cell_text(cell)
        try:
            value, written_unit = parse_amount(text.translate(_FULLWIDTH))
        except ValueError:
            self.report.error(self.at(row, col), "bad-money", field=name, value=text)
            return None
        if written_unit and written_unit != (unit or "元"):
            self.report.error(self.at(row, col), "mixed-units", field=name, found=written_unit,
                              unit=unit or "元")
            return None
        return value

    def count(self, row: Row, col: int, name: str) -> int | None:
        cell = self.cell(row, col)
        if cell.is_empty:
            return None
        value = cell.value
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = cell_text(cell).translate(_FULLWIDTH)
        if _INT.match(text):
            return int(text)
        self.report.error(self.at(row, col), "bad-number", field=name, value=text)
        return None

    def resident_id(self, row: Row, col: int) -> str | None:
        cell = self.cell(row, col)
        if cell.is_empty:
            return None
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            self.report.error(self.at(row, col), "import-id-number", value=_masked_digits(cell.value))
            return None
        text = re.sub(r"[\s-]", "", str(cell.value)).translate(_FULLWIDTH).upper()
        if _ID.match(text):
            return mask_id(text)
        if _MASKED_ID.match(text):
            return text
        shown = mask_id(text) if len(text) > 10 else text
        self.report.error(self.at(row, col), "import-bad-id", value=shown)
        return None


def _masked_digits(value: int | float) -> str:
    digits = format(value, ".0f") if isinstance(value, float) else str(value)
    return mask_id(digits) if len(digits) > 10 else digits


def mask_ids(text: str) -> str:
    """Mask every full resident ID number inside ``text`` (first 6 and last 4 kept)."""
    for finding in reversed(find_personal_data(text)):
        if finding.kind == "id":
            text = text[:finding.start] + finding.example + text[finding.end:]
    return text


def _columns(reader: _Reader, header: Row, headers: dict[str, tuple[str, ...]],
             required: tuple[str, ...]) -> tuple[dict[str, int], str | None] | None:
    """Field -> column index, and a unit named in a header; None when a header is unknown."""
    columns: dict[str, int] = {}
    unit = None
    ok = True
    for col, cell in enumerate(header.cells):
        if cell.is_empty:
            continue
        text = cell_text(cell)
        key, header_unit = _header_key(text, headers)
        if key is None:
            if _BRACKETS.sub("", re.sub(r"\s+", "", text)).lower() in IGNORED_HEADERS:
                continue
            choices = "、".join(names[1] for names in headers.values())
            reader.report.error(reader.at(header, col), "csv-header", column=text, hint="",
                                choices=choices)
            ok = False
            continue
        columns.setdefault(key, col)
        unit = unit or header_unit
    for key in required:
        if key not in columns:
            reader.report.error(reader.at(header, 0), "missing-field", field=headers[key][1])
            ok = False
    return (columns, unit) if ok else None


def _is_total(name: str | None) -> bool:
    return name is not None and re.sub(r"\s+", "", name) in TOTAL_WORDS


def import_sheet(sheet: Sheet, item_type: str, label: str, report: Report) -> Imported | None:
    """The fields a sheet holds for ``item_type``; None (with errors in ``report``) if unreadable."""
    reader = _Reader(sheet, label, report)
    headers = {"subsidy-list": CSV_HEADERS, "finance": FINANCE_HEADERS, "table": None}[item_type]
    found = reader.find_header(headers)
    if found is None:
        expected = "、".join(names[1] for names in (headers or {"": ("", "表头")}).values())
        report.error(Location(label), "import-no-header", expected=expected)
        return None
    index, title = found
    header = sheet.rows[index]
    rows = reader.data_rows(index + 1)
    if not rows:
        report.error(reader.at(header, 0), "import-no-rows")
        return None
    errors = len(report.errors)
    if item_type == "table":
        result = _table(reader, header, rows, title)
    else:
        required = ("name", "amount") if item_type == "subsidy-list" else ("side", "name", "amount")
        mapped = _columns(reader, header, headers, required)
        if mapped is None:
            return None
        columns, unit = mapped
        reader.unnamed_columns(header, set(columns.values()), rows)
        make = _subsidy_list if item_type == "subsidy-list" else _finance
        result = make(reader, header, rows, columns, unit, title)
    return result if len(report.errors) == errors else None


def _data_before_total(reader: _Reader, rows: list[Row], name_col: int) -> tuple[list[Row], Row | None]:
    """Split off a 合计 row (the word in the name or any column before it, such as 序号);
    notes (one cell) below it are left out, other data is an error."""
    for i, row in enumerate(rows):
        if any(_is_total(reader.text(row, col)) for col in range(name_col + 1)):
            for later in rows[i + 1:]:
                if len(later.filled()) > 1:
                    reader.report.error(reader.at(later, 0), "import-after-total")
            return rows[:i], row
    return rows, None


def _subsidy_list(reader, header, rows, columns, unit, title) -> Imported:
    names = {key: cell_text(header.cells[col]) for key, col in columns.items()}
    data, total_row = _data_before_total(reader, rows, columns["name"])
    recipients = []
    for row in data:
        entry: dict = {}
        name = reader.text(row, columns["name"])
        if name is None:
            reader.report.error(reader.at(row, columns["name"]), "missing-field", field=names["name"])
        entry["name"] = name
        group = reader.text(row, columns.get("group"))
        if group is not None:
            entry["group"] = group
        if "persons" in columns:
            persons = reader.count(row, columns["persons"], names["persons"])
            if persons is not None:
                entry["persons"] = persons
        entry["amount"] = reader.amount(row, columns["amount"], names["amount"], unit)
        if "id" in columns:
            masked = reader.resident_id(row, columns["id"])
            if masked is not None:
                entry["id"] = masked
        recipients.append(entry)
    fields: dict = {}
    if unit:
        fields["unit"] = unit
    fields["recipients"] = recipients
    if total_row is not None:
        fields["total_amount"] = reader.amount(total_row, columns["amount"], names["amount"], unit)
    return Imported(title, fields, [names[k] for k in sorted(columns, key=columns.get)], len(data))


def _finance(reader, header, rows, columns, unit, title) -> Imported:
    names = {key: cell_text(header.cells[col]) for key, col in columns.items()}
    lines: dict[str, list] = {"income": [], "expenditure": []}
    totals: dict[str, Decimal | None] = {}
    for row in rows:
        side_text = reader.text(row, columns["side"])
        name = reader.text(row, columns["name"])
        if name and re.sub(r"\s+", "", name) in ("收入合计", "支出合计"):
            side_text = side_text or name[:2]
        side = SIDES.get(re.sub(r"\s+", "", side_text or ""))
        if side is None:
            reader.report.error(reader.at(row, columns["side"]), "import-bad-side",
                                field=names["side"], value=side_text or "（空）")
        if name is None:
            reader.report.error(reader.at(row, columns["name"]), "missing-field", field=names["name"])
        amount = reader.amount(row, columns["amount"], names["amount"], unit)
        if side is None:
            continue
        if _is_total(name):
            totals[side] = amount
        else:
            lines[side].append({"name": name, "amount": amount})
    fields: dict = {"unit": unit or "元", "income": lines["income"],
                    "expenditure": lines["expenditure"]}
    for side in ("income", "expenditure"):
        if side in totals:
            fields[f"total_{side}"] = totals[side]
    count = len(lines["income"]) + len(lines["expenditure"])
    return Imported(title, fields, [names[k] for k in sorted(columns, key=columns.get)], count)


def _table(reader, header, rows, title) -> Imported:
    width = max(i for i, c in enumerate(header.cells) if not c.is_empty) + 1
    columns = [cell_text(c) for c in header.cells[:width]]
    reader.unnamed_columns(header, set(), rows)
    out = []
    for row in rows:
        used = max(i for i, c in enumerate(row.cells) if not c.is_empty) + 1
        if used > width:
            reader.report.error(reader.at(row, used - 1), "row-width", found=used, expected=width)
        out.append(FlowList(reader.text(row, col) or "" for col in range(width)))
    return Imported(title, {"columns": columns, "rows": out}, columns, len(out))
