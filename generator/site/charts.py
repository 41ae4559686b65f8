"""Inline SVG charts drawn from the model: a procedure's flow chart, finance bars.

Geometry is computed with Decimal and printed with fixed precision, so the same
content gives the same bytes. Colours come from CSS classes (theme aware).
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from ..money import format_amount

WIDTH = 320  # viewBox width: about a phone's content width, so text stays ~15 px
FONT = 15
LINE = 21


def text_width(text: str, size: int = FONT) -> Decimal:
    """Approximate rendered width: full-width characters 1 em, others 0.55 em."""
    ems = sum(Decimal(1) if unicodedata.east_asian_width(c) in "WF" else Decimal("0.55") for c in text)
    return ems * size


def wrap(text: str, width: Decimal, size: int = FONT) -> list[str]:
    """Break text into lines no wider than ``width`` (CJK may break anywhere)."""
    lines, current = [], ""
    for char in text:
        if current and text_width(current + char, size) > width:
            lines.append(current)
            current = char.lstrip()
        else:
            current += char
    if current:
        lines.append(current)
    return lines or [""]


def _n(value) -> str:
    return str(Decimal(value).quantize(Decimal("0.1"), ROUND_HALF_UP).normalize())


def flow_chart(steps: list[str], label: str) -> str:
    """Steps as numbered boxes joined by arrows, top to bottom."""
    parts, y, gap = [], 4, 30
    text_x, right = 46, WIDTH - 4
    for number, step in enumerate(steps, 1):
        lines = wrap(step, Decimal(right - text_x - 10))
        height = 2 * 12 + LINE * len(lines)
        parts.append(f'<rect class="gk-box" x="4" y="{y}" width="{WIDTH - 8}" height="{height}" rx="8"/>')
        middle = Decimal(y) + Decimal(height) / 2
        parts.append(f'<circle class="gk-dot" cx="25" cy="{_n(middle)}" r="13"/>')
        parts.append(f'<text class="gk-num" x="25" y="{_n(middle + 5)}" text-anchor="middle">{number}</text>')
        for i, line in enumerate(lines):
            parts.append(f'<text x="{text_x}" y="{y + 12 + LINE * i + 16}">{escape(line)}</text>')
        y += height
        if number < len(steps):
            mid = WIDTH // 2
            parts.append(f'<line class="gk-arrow" x1="{mid}" y1="{y}" x2="{mid}" y2="{y + gap - 8}"/>')
            tip, base = y + gap - 1, y + gap - 9
            parts.append(f'<polygon class="gk-head" points="{mid - 6},{base} {mid + 6},{base} {mid},{tip}"/>')
            y += gap
    return _svg("gk-flow", y + 4, label, parts)


def bar_chart(groups: list[tuple[str, list[tuple[str, Decimal]]]], label: str) -> str:
    """Horizontal bars, one per line, grouped (e.g. income, expenditure); one scale for all."""
    largest = max((amount for _, lines in groups for _, amount in lines), default=Decimal(0))
    scale = Decimal(WIDTH - 8) / largest if largest > 0 else Decimal(0)
    parts, y = [], 4
    for g, (title, lines) in enumerate(groups):
        parts.append(f'<text class="gk-group" x="4" y="{y + 16}">{escape(title)}</text>')
        y += 26
        for name, amount in lines:
            amount_text = format_amount(amount)
            name_room = Decimal(WIDTH - 12) - text_width(amount_text, 13)
            shown = wrap(name, name_room, 13)[0]
            if shown != name:
                shown = shown[:-1] + "…"
            parts.append(f'<text class="gk-label" x="4" y="{y + 13}">{escape(shown)}</text>')
            parts.append(f'<text class="gk-label gk-amount" x="{WIDTH - 4}" y="{y + 13}" '
                         f'text-anchor="end">{escape(amount_text)}</text>')
            width = max(Decimal(0), amount) * scale
            parts.append(f'<rect class="gk-bar gk-bar{g}" x="4" y="{y + 18}" '
                         f'width="{_n(width)}" height="10" rx="2"/>')
            y += 36
        y += 6
    return _svg("gk-bars", y, label, parts)


def _svg(kind: str, height, label: str, parts: list[str]) -> str:
    body = "".join(parts)
    return (f'<figure class="gk-chart {kind}" data-search-exclude><svg viewBox="0 0 {WIDTH} {_n(height)}" '
            f'role="img" aria-label="{escape(label)}">'
            f"{body}</svg></figure>")
