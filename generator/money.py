"""Exact money: parse amounts from their source text, never through float."""

from __future__ import annotations

import re
from decimal import Decimal

_AMOUNT = re.compile(
    r"^\s*[¥￥]?\s*(?P<number>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>万元|元)?\s*$"
)


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """``'1,234.50元'`` -> ``(Decimal('1234.50'), '元')``. Raise ValueError if not an amount."""
    match = _AMOUNT.match(text)
    if not match:
        raise ValueError(text)
    return Decimal(match.group("number").replace(",", "")), match.group("unit")


def format_amount(value: Decimal) -> str:
    """Thousands separators, the scale as written: ``Decimal('1234.5')`` -> ``'1,234.5'``."""
    return f"{value:,}"


def total(values) -> Decimal:
    return sum(values, Decimal(0))
