"""Download files: tables as CSV (UTF-8 with BOM, so Excel opens it) and JSON.

Money is written as plain decimals (``1234.50``) so spreadsheets read numbers.
A text cell that a spreadsheet would run as a formula (it starts with ``=``,
``+``, ``-``, ``@``, ``|``, a tab or a line break and is neither a plain number
such as ``-12.50`` nor a lone ``-``) is written with a leading ``'``, so Excel
reads it as text (CSV injection). Numbers from the model (Decimal) stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal
from typing import Any

from ..model import Table

_FORMULA_START = ("=", "+", "-", "@", "|", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula; numbers stay numbers."""
    if (isinstance(value, str) and value.startswith(_FORMULA_START) and value not in ("-", "+")
            and not _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def plain(value: Any) -> Any:
    """A value for CSV/JSON: Decimal as its exact text, dates ISO, None empty."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def csv_bytes(columns: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(c) for c in columns])
    for row in rows:
        writer.writerow([plain(spreadsheet_safe(v)) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_csv(table: Table) -> bytes:
    rows = list(table.rows) + ([table.footer] if table.footer else [])
    return csv_bytes(table.columns, rows)


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=plain)
            + "\n").encode("utf-8")
