"""The layout step of a board: choose its type size, place its panels, and describe the result.

The body size is the largest from the floor to the ceiling at which the panels
fit the fewest sheets they can fit at the floor: a board with room to spare
grows its type, a board that needs a second sheet spreads over both. Sizes are
searched from an estimate (panel heights grow about as the square of the type
size), then in halves, each trial one measuring layout of the panels alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .document import BoardDocument, View
from .geometry import TEXT_BASE_PT
from .measure import Measured, measure
from .parts import part_panel
from .placement import Placement, place

GROWTH = 1.7  # panel height ~ type size ** GROWTH (text reflows: more lines, each taller)
MAX_TRIALS = 3  # measuring layouts per board


@dataclass
class Plan:
    text_pt: float
    measured: list[Measured]
    placement: Placement
    column_height: float
    gap: float  # between panels in a column, mm

    @property
    def sheet_count(self) -> int:
        return len(self.placement.sheets)


def plan(doc: BoardDocument, render: Callable) -> Plan:
    """The type size and placement of ``doc``; ``render`` lays out HTML.

    Panels stand ``panel_gap`` apart, or closer (``panel_gap_tight``) where that saves a sheet.
    """
    sizes = doc.sheet.text_sizes_pt()
    sizes = sizes[:1] + [s for s in sizes[1:] if doc.tables_fit(s)]  # no larger than the tables allow
    _, height = doc.column_mm
    spacing = doc.sizes(sizes[0])
    gap = spacing["panel_gap"]
    measured: dict[int, list[Measured]] = {}

    def at(i: int, sheets: int | None = None) -> Placement | None:
        if i not in measured:
            measured[i] = measure(doc, sizes[i], render)
        return place(measured[i], height, doc.columns, gap, sheets)

    base = min(range(len(sizes)), key=lambda i: abs(sizes[i] - doc.sheet.pt(TEXT_BASE_PT)))
    first = at(base)
    if len(first.sheets) == 1:
        sheets, lo, hi, fitting = 1, base, len(sizes), first
    else:
        floor = at(0)
        if len(floor.sheets) > 1:
            gap = spacing["panel_gap_tight"]
            tight = at(0)
            if len(tight.sheets) < len(floor.sheets):
                floor, first = tight, at(base)
            else:
                gap = spacing["panel_gap"]
        sheets = len(floor.sheets)
        if len(first.sheets) == sheets:
            lo, hi, fitting = base, len(sizes), first
        else:
            lo, hi, fitting = 0, base, floor
    while hi - lo > 1 and len(measured) < MAX_TRIALS:
        guess = _estimate(sizes, lo, fitting, height)
        i = min(max(guess, lo + 1), hi - 1) if guess > lo else (lo + hi) // 2
        trial = at(i, sheets)
        if trial is not None:
            lo, fitting = i, trial
        else:
            hi = i
    return Plan(sizes[lo], measured[lo], fitting, height, gap)


def replan(doc: BoardDocument, previous: Plan, shortfall: float) -> Plan:
    """The same size placed again in columns ``shortfall`` mm shorter (the render ran over)."""
    height = previous.column_height - shortfall
    gap = previous.gap
    placement = (place(previous.measured, height, doc.columns, gap, previous.sheet_count)
                 or place(previous.measured, height, doc.columns, gap))
    return Plan(previous.text_pt, previous.measured, placement, height, gap)


def _estimate(sizes: list[float], lo: int, fitting: Placement, height: float) -> int:
    """The size index at which the tallest column would about reach the foot of its sheet."""
    tallest = max((c.height for c in fitting.columns), default=0.0)
    if tallest <= 0:
        return len(sizes) - 1
    target = sizes[lo] * (height / tallest) ** (1 / GROWTH)
    return max((i for i, s in enumerate(sizes) if s <= target), default=0)


def views(doc: BoardDocument, p: Plan) -> list[list[list[View]]]:
    """Sheets of columns of views: each part of a panel as printed, with its 续 and 接下栏."""
    sheets = p.placement.sheets
    per_sheet = doc.columns
    flat = [column for sheet in sheets for column in sheet]
    where = {}
    for n, column in enumerate(flat):
        for part in column.parts:
            where.setdefault(part.panel, []).append(n)
    out = []
    labels = doc.context["labels"]
    for s, sheet in enumerate(sheets):
        columns = []
        for c, column in enumerate(sheet):
            index = s * per_sheet + c
            vs = []
            for k, part in enumerate(column.parts):
                m = p.measured[part.panel]
                panel = doc.panels[part.panel]
                if not (part.first and part.last):
                    panel = part_panel(panel, m.units, part.start, part.end, m.chars)
                note = ""
                if not part.last:
                    following = next(n for n in where[part.panel] if n > index)
                    note = (labels["next_column"] if following // per_sheet == s
                            else labels["next_sheet"].format(sheet=following // per_sheet + 1))
                v = doc.view(part.panel, p.text_pt, panel=panel, continued=not part.first, note=note)
                if k == len(column.parts) - 1:  # the last panel reaches the foot of the column
                    v.min_height = round(column.heights[k] + max(0.0, p.column_height - column.height), 2)
                vs.append(v)
            columns.append(vs)
        out.append(columns)
    return out


def report(doc: BoardDocument, p: Plan) -> list[dict]:
    """Per sheet: its panels, the panels cut there, the body size and how full its columns are."""
    out = []
    for sheet in p.placement.sheets:
        parts = [part for column in sheet for part in column.parts]
        keys = list(dict.fromkeys(doc.panels[part.panel].key for part in parts))
        split = list(dict.fromkeys(doc.panels[part.panel].key for part in parts if not (part.first and part.last)))
        fill = sum(column.height for column in sheet) / (p.column_height * doc.columns)
        out.append({"panels": keys, "split_panels": split, "text_pt": p.text_pt, "fill": round(fill, 3)})
    return out
