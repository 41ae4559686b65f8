"""Download files: tables as CSV (UTF-8 with BOM, so Excel opens it) and JSON.

Money is written as plain decimals (``1234.50``) so spreadsheets read numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

from ..model import Table


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
    writer.writerow(columns)
    for row in rows:
        writer.writerow([plain(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_csv(table: Table) -> bytes:
    rows = list(table.rows) + ([table.footer] if table.footer else [])
    return csv_bytes(table.columns, rows)


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=plain)
            + "\n").encode("utf-8")
