"""Map spreadsheet rows to item fields: subsidy lists, finance sheets and plain tables.

The header row is found wherever it is (title rows above it are skipped, the
first becomes the title); its names are matched loosely (``月保障金额（元）``,
``保障金额(元)``, ``公民身份号码``; see :mod:`.sheet_rows`) or by hand with
``--map``. Columns the item does not take are listed and left out; columns
that must not be published (个人电话、银行账号、身份证号 outside lists) are
dropped with a note. Blank rows, signature lines and notes are skipped; 合计
and 小计 rows are checked against the rows they add up. Amounts are read
exactly, ID numbers are masked on the way in, and every cell that cannot be
read is reported at its cell, named as Excel names it (``E12``). The result
is only used when the report has no errors, so nothing is written from a
half-read sheet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from ..content.personal import find_personal_data, mask_id
from ..diagnostics import Diagnostic, Report
from ..messages import render
from ..money import format_amount, parse_amount
from .sheet_rows import (FINANCE_HEADERS, PERSONAL_KINDS, PUBLIC_PHONE_HEADER, SUBSIDY_HEADERS,
                         accepted_names, field_label, header_key, header_parts, is_ignored, is_note, is_signature,
                         normal, private_column, total_word)
from .spreadsheet import Cell, Row, Sheet, cell_name, cell_text, excel_decimal
from .yaml_out import FlowList

IMPORT_TYPES = ("subsidy-list", "finance", "table")
HEADERS = {"subsidy-list": SUBSIDY_HEADERS, "finance": FINANCE_HEADERS, "table": None}
SIDES = {"收入": "income", "收": "income", "支出": "expenditure", "支": "expenditure"}
DEFAULT_TITLES = {"subsidy-list": "享受对象名单公示", "finance": "财务收支情况公开", "table": "公开表格"}
SKIP = "-"  # ``--map 表头=-``: leave a column out

_ID = re.compile(r"^(?:[0-9]{15}|[0-9]{17}[0-9X])$")
_MASKED_ID = re.compile(r"^[0-9]{6}\*+[0-9]{3}[0-9X]$")
_MOBILE = re.compile(r"^(?:\+?86)?1[3-9][0-9]{9}$")
_SCIENTIFIC = re.compile(r"^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]{2}$")
_INT = re.compile(r"^[0-9]+$")
LONG_DIGITS = 15  # Excel keeps 15 significant digits: a longer number stored as a number has lost some


@dataclass
class Imported:
    """What a sheet holds, as item fields in file order."""

    title: str | None  # a title row above the header, if any
    fields: dict = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)  # source headers of the imported columns
    count: int = 0  # data rows
    skipped: list[str] = field(default_factory=list)  # rows left out, for the summary (第 12 行：合计…)


@dataclass
class Column:
    index: int
    header: str
    key: str | None = None  # the field; None for a table column


@dataclass
class _Reader:
    sheet: Sheet
    label: str  # the file as the clerk named it, for messages
    report: Report
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, what) for the summary
    cell_errors: int = 0  # errors in cells: sums are not checked against totals after one

    # --- messages -------------------------------------------------------

    def where(self, row: int | None = None, col: int | None = None) -> str:
        """``Excel 工作表“名单” E12`` / ``CSV 文件 E12``: the cell as the clerk finds it."""
        en = self.report.language == "en"
        if self.sheet.is_excel:
            place = f"Excel sheet “{self.sheet.name}”" if en else f"Excel 工作表“{self.sheet.name}”"
        else:
            place = "CSV file" if en else "CSV 文件"
        if row is not None:
            place += f" {cell_name(row, col or 0)}"
        return place

    def add(self, severity: str, row: int | None, col: int | None, code: str, **values) -> None:
        message = f"{self.where(row, col)}：{render(code, self.report.language, **values)}"
        self.report.diagnostics.append(Diagnostic(self.label, row or 1, (col or 0) + 1, severity, code, message))

    def error(self, row: Row, col: int, code: str, **values) -> None:
        if code != "import-total-mismatch":
            self.cell_errors += 1
        self.add("error", row.number, col, code, **values)

    def warning(self, row: Row, col: int, code: str, **values) -> None:
        self.add("warning", row.number, col, code, **values)

    # --- cells ----------------------------------------------------------

    def cell(self, row: Row, col: int) -> Cell:
        return row.cells[col] if col < len(row.cells) else Cell(None)

    def text(self, row: Row, col: int | None) -> str | None:
        if col is None:
            return None
        cell = self.cell(row, col)
        if cell.is_empty:
            return None
        if _lost_digits(cell):
            self.error(row, col, "import-long-number", value=_masked_digits(cell.value))
            return None
        return mask_ids(cell_text(cell))

    def amount(self, row: Row, col: int, name: str, unit: str | None) -> Decimal | None:
        cell = self.cell(row, col)
        if cell.is_empty:
            self.error(row, col, "missing-field", field=name)
            return None
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            digits = format(cell.value, ".0f").lstrip("-")
            if _lost_digits(cell) or _ID.match(digits) or _MOBILE.match(digits):
                self.not_an_amount(row, col, name, digits)
                return None
            try:
                return excel_decimal(cell)
            except ValueError as exc:
                self.error(row, col, "import-hidden-decimals", value=str(exc))
                return None
        text = unicodedata.normalize("NFKC", cell_text(cell))  # full-width digits and points typed in Chinese
        compact = re.sub(r"[\s,-]", "", text).upper()
        if _ID.match(compact) or _MOBILE.match(compact) or _SCIENTIFIC.match(compact):
            self.not_an_amount(row, col, name, compact)
            return None
        try:
            value, written_unit = parse_amount(text)
        except ValueError:
            self.error(row, col, "bad-money", field=name, value=cell_text(cell))
            return None
        if written_unit and written_unit != (unit or "元"):
            self.error(row, col, "mixed-units", field=name, found=written_unit, unit=unit or "元")
            return None
        return value

    def not_an_amount(self, row: Row, col: int, name: str, digits: str) -> None:
        if _MOBILE.match(digits):
            self.error(row, col, "import-amount-phone", field=name, value=digits[:3] + "****" + digits[-4:])
        else:
            self.error(row, col, "import-amount-id", field=name,
                       value=mask_id(digits) if len(digits) > 10 else digits)

    def count(self, row: Row, col: int, name: str) -> int | None:
        cell = self.cell(row, col)
        if cell.is_empty:
            return None
        value = cell.value
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = unicodedata.normalize("NFKC", cell_text(cell))
        if _INT.match(text):
            return int(text)
        self.error(row, col, "bad-number", field=name, value=text)
        return None

    def resident_id(self, row: Row, col: int) -> str | None:
        cell = self.cell(row, col)
        if cell.is_empty:
            return None
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            self.error(row, col, "import-id-number", value=_masked_digits(cell.value))
            return None
        text = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", str(cell.value))).upper()
        if _SCIENTIFIC.match(text):
            self.error(row, col, "import-id-number", value=text)
            return None
        if _ID.match(text):
            return mask_id(text)
        if _MASKED_ID.match(text):
            return text
        shown = mask_id(text) if len(text) > 10 else text
        self.error(row, col, "import-bad-id", value=shown)
        return None

    # --- the header and the columns ---------------------------------------

    def find_header(self, headers: dict | None, mapping: dict[str, str]) -> tuple[int, str | None] | None:
        """Index of the header row and the first title row above it (a one-cell row, or the
        first cell of a short row such as ``标题 | 单位：元``)."""
        title = None
        for index, row in enumerate(self.sheet.rows):
            filled = row.filled()
            if not filled:
                continue
            first = cell_text(filled[0])
            signature = is_signature(first, len(filled), len(row.cells))
            titled = all(":" in normal(cell_text(c)) and (is_signature(cell_text(c), 1, 2)
                                                          or normal(cell_text(c)).startswith("单位"))
                         for c in filled[1:])  # 标题 | 单位：元 | 日期：…
            if headers is None:
                is_header = len(filled) >= 2 and not signature and not titled
            else:
                is_header = sum(header_key(cell_text(c), headers, mapping)[0] not in (None, SKIP)
                                for c in filled) >= 2
            if is_header:
                return index, title
            if title is None and not signature and titled:
                title = first
        return None

    def columns(self, header: Row, rows: list[Row], item_type: str,
                mapping: dict[str, str]) -> tuple[list[Column], str | None]:
        """The columns to import and a unit named in a header; the others reported and left out."""
        headers = HEADERS[item_type]
        out: list[Column] = []
        taken: set[str] = set()
        unit = None
        for col, cell in enumerate(header.cells):
            values = [self.cell(r, col) for r in rows]
            if cell.is_empty:
                if any(not v.is_empty for v in values):
                    self.error(header, col, "import-unnamed-column")
                continue
            text = cell_text(cell)
            key, header_unit = (None, None) if headers is None else header_key(text, headers, mapping)
            if headers is None and mapping:
                renamed = header_key(text, {}, mapping)[0]
                if renamed == SKIP:
                    continue
                key = None
                text = renamed or text
            if key == SKIP or (key is None and is_ignored(text)):
                continue
            if key is not None and key not in taken:
                taken.add(key)
                unit = unit or (header_unit if key == "amount" else None)
                out.append(Column(col, text, key))
                continue
            why = private_column(text) or self.personal_in(values, text, item_type)
            if why:
                self.warning(header, col, "import-private-column", column=text, what=why)
            elif headers is None:
                out.append(Column(col, text))
            else:
                self.warning(header, col, "import-unknown-column", column=text,
                             choices=accepted_names(headers))
        return out, unit

    def personal_in(self, cells: list[Cell], header: str, item_type: str) -> str | None:
        """The kind of personal data a column's cells hold (remarks with phones, bank cards), or None.

        ID numbers inside a table's text are masked instead; mobiles count unless the
        header names a public line (办公电话、监督电话).
        """
        phones = not PUBLIC_PHONE_HEADER.search(header_parts(header)[0])
        for cell in cells:
            if cell.is_empty or not isinstance(cell.value, str):
                continue
            for finding in find_personal_data(cell.value, in_subsidy_list=phones):
                if finding.kind != "id" or item_type != "table":
                    return PERSONAL_KINDS[finding.kind]
        return None

    # --- rows -------------------------------------------------------------

    def data_rows(self, start: int, width: int) -> list[Row]:
        """Rows under the header: blank rows, signature lines and notes are left out (and
        listed for the summary), and so are one-cell lines under the last data row."""
        out: list[Row] = []
        for row in self.sheet.rows[start:]:
            filled = row.filled()
            if not filled:
                continue
            first = cell_text(filled[0])
            if is_signature(first, len(filled), width):
                self.skip(row, "import-skipped-signature", first)
            elif len(filled) == 1 and is_note(first):
                self.skip(row, "import-skipped-note", first)
            else:
                out.append(row)
        while out and len(out[-1].filled()) == 1 and not any(total_word(cell_text(c)) for c in out[-1].filled()):
            row = out.pop()
            self.skip(row, "import-skipped-note", cell_text(row.filled()[0]))
        return out

    def skip(self, row: Row, code: str, text: str) -> None:
        self.skipped.append((row.number, render(code, self.report.language, row=row.number, text=text[:20])))


_UNIT_LINE = re.compile(r"(?:金额)?单位:(万元|元)")


def _unit_above(rows: list[Row]) -> str | None:
    """The unit a line above the header names for the whole sheet (``单位：万元``), if any."""
    for row in rows:
        for cell in row.filled():
            match = _UNIT_LINE.search(normal(cell_text(cell)))
            if match:
                return match.group(1)
    return None


def _with_totals(rows: list[Row], before: int) -> list[tuple[Row, str | None]]:
    """Each row with its total word (合计, 小计) when a cell left of column ``before`` names one."""
    return [(row, next((w for w in (total_word(cell_text(c)) for c in row.cells[:before] if not c.is_empty)
                        if w), None)) for row in rows]


def _lost_digits(cell: Cell) -> bool:
    """A number Excel cannot hold exactly: 15 or more digits (an ID or account typed as a number)."""
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return len(format(abs(value), ".0f")) >= LONG_DIGITS + (1 if isinstance(value, int) else 0) \
        or (isinstance(value, float) and "e" in repr(value))


def _masked_digits(value: int | float) -> str:
    digits = format(value, ".0f") if isinstance(value, float) else str(value)
    return mask_id(digits) if len(digits) > 10 else digits


def mask_ids(text: str) -> str:
    """Mask every full resident ID number inside ``text`` (first 6 and last 4 kept)."""
    for finding in reversed(find_personal_data(text)):
        if finding.kind == "id":
            text = text[:finding.start] + finding.example + text[finding.end:]
    return text


def import_sheet(sheet: Sheet, item_type: str, label: str, report: Report,
                 mapping: dict[str, str] | None = None) -> Imported | None:
    """The fields a sheet holds for ``item_type``; None (with errors in ``report``) if unreadable.

    ``mapping`` (``--map``) names fields for headers by hand: ``{'发放标准': 'amount'}``.
    """
    mapping = mapping or {}
    reader = _Reader(sheet, label, report)
    headers = HEADERS[item_type]
    found = reader.find_header(headers, mapping)
    if found is None:
        expected = accepted_names(headers) if headers else "至少两列的表头"
        reader.add("error", None, None, "import-no-header", expected=expected)
        return None
    index, title = found
    header = sheet.rows[index]
    width = max(i for i, c in enumerate(header.cells) if not c.is_empty) + 1
    errors = len(report.errors)
    data = reader.data_rows(index + 1, width)
    columns, unit = reader.columns(header, data, item_type, mapping)
    unit = unit or _unit_above(sheet.rows[:index])  # 单位：万元 on a line of its own
    if headers is None:
        for row in data:
            used = max(i for i, c in enumerate(row.cells) if not c.is_empty) + 1
            if used > width:
                reader.error(row, used - 1, "row-width", found=used, expected=width)
        rows = [(row, None) for row in data]
    else:
        keys = {c.key: c for c in columns}
        required = ("name", "amount") if item_type == "subsidy-list" else ("side", "name", "amount")
        missing = [k for k in required if k not in keys]
        for key in missing:
            reader.error(header, 0, "import-missing-column", field=field_label(headers, key), key=key,
                         choices=accepted_names(headers))
        if missing:
            return None
        rows = _with_totals(data, keys["amount"].index)
    if not any(word is None for _, word in rows):
        reader.error(header, 0, "import-no-rows")
        return None
    make = {"subsidy-list": _subsidy_list, "finance": _finance, "table": _table}[item_type]
    result = make(reader, rows, columns, unit, title)
    result.skipped = [what for _, what in sorted(reader.skipped)]
    return result if len(report.errors) == errors else None


def _check_total(reader: _Reader, row: Row, col: int, word: str, found: Decimal | None,
                 expected: Decimal, what: str) -> None:
    if reader.cell_errors:  # a row above could not be read: its sum says nothing
        return
    if found is not None and found != expected:
        reader.error(row, col, "import-total-mismatch", word=word, what=what,
                     found=format_amount(found), expected=format_amount(expected))
    elif found is not None:
        reader.skipped.append((row.number, render("import-total-checked", reader.report.language, row=row.number,
                                                  word=word, cell=cell_name(row.number, col),
                                                  value=format_amount(found))))


def _subsidy_list(reader: _Reader, rows, columns: list[Column], unit, title) -> Imported:
    col = {c.key: c.index for c in columns}
    names = {c.key: c.header for c in columns}
    recipients: list[dict] = []
    since_subtotal: list[Decimal] = []
    persons_total = 0
    total: Decimal | None = None
    grand_seen = False
    for row, word in rows:
        if word is not None:
            value = reader.amount(row, col["amount"], names["amount"], unit) \
                if not reader.cell(row, col["amount"]).is_empty else None
            amounts = [r["amount"] for r in recipients if r["amount"] is not None]
            if word == "小计":
                _check_total(reader, row, col["amount"], word, value, sum(since_subtotal, Decimal(0)), names["amount"])
                since_subtotal = []
            else:
                _check_total(reader, row, col["amount"], word, value, sum(amounts, Decimal(0)), names["amount"])
                if "persons" in col:
                    persons = reader.count(row, col["persons"], names["persons"])
                    if persons is not None and persons != persons_total and not reader.cell_errors:
                        reader.error(row, col["persons"], "import-total-mismatch", word=word, what=names["persons"],
                                     found=str(persons), expected=str(persons_total))
                total, grand_seen = value, True
            continue
        if grand_seen:
            reader.error(row, 0, "import-after-total")
            continue
        entry: dict = {}
        name = reader.text(row, col["name"])
        if name is None:
            reader.error(row, col["name"], "missing-field", field=names["name"])
        entry["name"] = name
        group = reader.text(row, col.get("group"))
        if group is not None:
            entry["group"] = group
        if "persons" in col:
            persons = reader.count(row, col["persons"], names["persons"])
            if persons is not None:
                entry["persons"] = persons
                persons_total += persons
        entry["amount"] = reader.amount(row, col["amount"], names["amount"], unit)
        if entry["amount"] is not None:
            since_subtotal.append(entry["amount"])
        if "id" in col:
            masked = reader.resident_id(row, col["id"])
            if masked is not None:
                entry["id"] = masked
        recipients.append(entry)
    fields: dict = {}
    if unit:
        fields["unit"] = unit
    fields["recipients"] = recipients
    if total is not None:
        fields["total_amount"] = total
    return Imported(title, fields, [c.header for c in columns], len(recipients))


def _side_of(*texts: str | None) -> str | None:
    for text in texts:
        compact = normal(text or "")
        if compact in SIDES:
            return SIDES[compact]
        for word, side in (("收入", "income"), ("支出", "expenditure")):
            if compact.startswith(word) and total_word(compact[len(word):] or "x"):
                return side
    return None


def _finance(reader: _Reader, rows, columns: list[Column], unit, title) -> Imported:
    col = {c.key: c.index for c in columns}
    names = {c.key: c.header for c in columns}
    lines: dict[str, list] = {"income": [], "expenditure": []}
    totals: dict[str, Decimal] = {}
    for row, word in rows:
        side_text = reader.text(row, col["side"])
        name = reader.text(row, col["name"])
        if word is None and total_word(name or "") is None and total_word(side_text or "") is None:
            side = _side_of(side_text)
            if side is None:
                reader.error(row, col["side"], "import-bad-side", field=names["side"], value=side_text or "（空）")
            if name is None:
                reader.error(row, col["name"], "missing-field", field=names["name"])
            amount = reader.amount(row, col["amount"], names["amount"], unit)
            if side is not None:
                lines[side].append({"name": name, "amount": amount})
            continue
        side = _side_of(side_text, name)
        word = total_word(name or "") or total_word(side_text or "") or word
        if side is None:
            reader.warning(row, col["side"], "import-total-unsided", text=name or side_text or "")
            continue
        if reader.cell(row, col["amount"]).is_empty:  # a SUM formula Excel has not computed yet
            continue
        amount = reader.amount(row, col["amount"], names["amount"], unit)
        added = sum((line["amount"] for line in lines[side] if line["amount"] is not None), Decimal(0))
        _check_total(reader, row, col["amount"], word, amount, added, {"income": "收入", "expenditure": "支出"}[side])
        if amount is not None:
            totals[side] = amount
    fields: dict = {"unit": unit or "元", "income": lines["income"], "expenditure": lines["expenditure"]}
    for side in ("income", "expenditure"):
        if side in totals:
            fields[f"total_{side}"] = totals[side]
    count = len(lines["income"]) + len(lines["expenditure"])
    return Imported(title, fields, [c.header for c in columns], count)


def _table(reader: _Reader, rows, columns: list[Column], unit, title) -> Imported:
    out = [FlowList(reader.text(row, c.index) or "" for c in columns) for row, _ in rows]
    headers = [c.header for c in columns]
    return Imported(title, {"columns": headers, "rows": out}, headers, len(out))
