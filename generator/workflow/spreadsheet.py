"""Rows of a spreadsheet as the clerk sees them: Excel (.xlsx, old .xls) or CSV in any common encoding.

Cells keep what the file holds: CSV cells are text; Excel cells are text,
``int``, ``float`` or ``datetime`` together with their number format, so an
amount can be read as the figure the clerk sees on screen (see
:func:`excel_decimal`). Old ``.xls`` workbooks are read with xlrd,
with their number formats too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from ..content.encoding import decode_any


class SheetError(Exception):
    """The file as a whole cannot be read; ``code`` and ``values`` name a message."""

    def __init__(self, code: str, **values):
        super().__init__(code)
        self.code = code
        self.values = values


@dataclass(frozen=True)
class Cell:
    value: Any  # str for CSV; str, int, float, datetime or None for Excel
    number_format: str = "General"

    @property
    def is_empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, as the spreadsheet program shows it
    cells: list[Cell]

    def is_empty(self) -> bool:
        return all(c.is_empty for c in self.cells)

    def filled(self) -> list[Cell]:
        return [c for c in self.cells if not c.is_empty]


@dataclass(frozen=True)
class Sheet:
    rows: list[Row]
    encoding: str | None = None  # of a CSV file
    name: str | None = None  # the worksheet's name in an Excel workbook; None for CSV

    @property
    def is_excel(self) -> bool:
        return self.name is not None


EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")


# What a workbook may hold unpacked, and a file on disk: 4 times the largest content file the
# import could write. A zip bomb (400 MB of spaces packed into 400 KB) is refused before it is read.
MAX_SHEET_BYTES = 128 * 2**20


def _too_large(size: int) -> SheetError:
    return SheetError("file-too-large", size=f"{size / 2**20:.1f}", limit=MAX_SHEET_BYTES // 2**20)


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """Read ``path`` (.xlsx, .xls or .csv); raise :class:`SheetError` when it cannot be read at all."""
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > MAX_SHEET_BYTES:
        raise _too_large(size)
    if suffix in (".xlsx", ".xlsm"):
        return _read_excel(path, sheet)
    if suffix == ".xls":
        return _read_xls(path, sheet)
    if suffix in (".csv", ".txt"):
        return _read_csv(path.read_bytes())
    raise SheetError("sheet-type", suffix=suffix or "?")


def column_letters(col: int) -> str:
    """Excel's name of a 0-based column: 0 -> ``A``, 27 -> ``AB``."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """Excel's name of a cell: 1-based ``row``, 0-based ``col`` -> ``E12``."""
    return f"{column_letters(col)}{row}"


def _read_csv(data: bytes) -> Sheet:
    try:
        text, encoding = decode_any(data)
    except ValueError as exc:
        raise SheetError("sheet-unreadable", detail=str(exc)) from exc
    rows = [Row(n, [Cell(value) for value in values])
            for n, values in enumerate(csv.reader(io.StringIO(text, newline="")), 1)]
    return Sheet(rows, encoding)


def _read_excel(path: Path, name: str | None) -> Sheet:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException
    import zipfile
    from xml.etree.ElementTree import ParseError
    from zipfile import BadZipFile

    try:
        with zipfile.ZipFile(path) as packed:
            unpacked = sum(entry.file_size for entry in packed.infolist())
    except (BadZipFile, OSError) as exc:
        raise SheetError("sheet-unreadable", detail=str(exc)) from exc
    if unpacked > MAX_SHEET_BYTES:
        raise _too_large(unpacked)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ParseError) as exc:
        raise SheetError("sheet-unreadable", detail=str(exc)) from exc
    try:
        if name is None:
            ws = book.worksheets[0]
        elif name in book.sheetnames:
            ws = book[name]
        else:
            raise SheetError("sheet-missing", name=name, sheets="、".join(book.sheetnames))
        rows = []
        for n, cells in enumerate(ws.iter_rows(min_row=1, min_col=1), 1):
            rows.append(Row(n, [Cell(c.value, getattr(c, "number_format", "General") or "General")
                                for c in cells]))
        return Sheet(rows, name=ws.title)
    except (ParseError, BadZipFile, KeyError, ValueError) as exc:  # a damaged sheet, XML entities (&e;)
        raise SheetError("sheet-unreadable", detail=str(exc)) from exc
    finally:
        book.close()


def _read_xls(path: Path, name: str | None) -> Sheet:
    """An old Excel 97–2003 workbook, read with xlrd: values with their number formats, as for .xlsx."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds of error on a damaged file
        raise SheetError("sheet-unreadable", detail=str(exc) or type(exc).__name__) from exc
    try:
        names = book.sheet_names()
        if name is not None and name not in names:
            raise SheetError("sheet-missing", name=name, sheets="、".join(names))
        ws = book.sheet_by_name(name or names[0])
        rows = [Row(r + 1, [_xls_cell(book, ws.cell(r, c)) for c in range(ws.ncols)]) for r in range(ws.nrows)]
        return Sheet(rows, name=ws.name)
    finally:
        book.release_resources()


def _xls_cell(book, cell) -> Cell:
    """An xlrd cell as openpyxl gives it: empty is None, whole numbers are ints, dates are datetimes."""
    import xlrd

    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
    number_format = book.format_map[xf.format_key].format_str if xf and xf.format_key in book.format_map \
        else "General"
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return Cell(None)
    if cell.ctype == xlrd.XL_CELL_DATE:
        return Cell(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), number_format)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return Cell(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return Cell(xlrd.error_text_from_code.get(cell.value, "#ERROR"))
    value = cell.value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return Cell(value, number_format or "General")


_DECIMALS = re.compile(r"\.([0#?]+)")


def format_decimals(number_format: str) -> int | None:
    """Decimal places an Excel number format shows (``'#,##0.00'`` -> 2); None for General."""
    section = re.sub(r'"[^"]*"|\\.|\[[^]]*\]', "", number_format.split(";")[0])
    if section.strip().lower() in ("general", "@", ""):
        return None
    match = _DECIMALS.search(section)
    return len(match.group(1)) if match else 0


def _stored(value: int | float) -> Decimal:
    """The decimal Excel stored: the shortest ``repr`` of openpyxl's float."""
    return Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))


def excel_decimal(cell: Cell) -> Decimal:
    """The exact amount an Excel number cell shows.

    openpyxl gives a binary float; its shortest ``repr`` is the decimal Excel
    stored (``1234.5``), padded to the places the cell's number format shows
    (``0.00`` -> ``1234.50``). Raise ValueError when the stored value has more
    places than shown: the sheet would then publish a figure nobody saw.
    """
    exact = _stored(cell.value)
    places = format_decimals(cell.number_format)
    if places is None:
        return exact
    shown = exact.quantize(Decimal(1).scaleb(-places))
    if shown != exact:
        raise ValueError(str(exact))
    return shown


def _shown(cell: Cell) -> str:
    """A number cell's text as Excel displays it (rounded to the format; percentages in %)."""
    exact = _stored(cell.value)
    section = re.sub(r'"[^"]*"|\\.', "", cell.number_format.split(";")[0])
    percent = "%" in section
    if percent:
        exact *= 100
    places = format_decimals(cell.number_format.replace("%", ""))
    if places is not None:
        exact = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format(exact, "f") + ("%" if percent else "")


def cell_text(cell: Cell) -> str:
    """A cell as text: numbers as Excel shows them, dates as YYYY-MM-DD."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _shown(cell)
    return str(value).strip()
