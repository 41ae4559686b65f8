"""Place measured panels into columns and sheets, in reading order, with balanced columns.

Whole panels go down the columns (top to bottom, left to right, sheet after
sheet) in the board's order. A panel that fits a column is never cut; only one
taller than a column is, at its clean cut points, and the column it starts in
takes as much of it as fits. Columns are balanced by filling them to the
lowest height at which everything still fits the sheets, so the last column is
not left short while the first overflow, and continued sheets share the panels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .measure import Measured
from .parts import Cut, Part

MIN_START = 0.2  # a long panel starts in a column only with this much of it (of the column) free
MIN_PART_UNITS = 4  # nor with fewer units (rows, steps, blocks) than this
PRECISION_MM = 1.0


@dataclass
class Column:
    parts: list[Part] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)  # of each part, mm
    height: float = 0.0  # mm used, gaps included


@dataclass
class Placement:
    columns: list[Column]  # in reading order; sheet n has columns [n*per_sheet, (n+1)*per_sheet)
    per_sheet: int

    @property
    def sheets(self) -> list[list[Column]]:
        c = self.columns + [Column() for _ in range(-len(self.columns) % self.per_sheet)]
        return [c[i:i + self.per_sheet] for i in range(0, len(c), self.per_sheet)] or [[Column()] * self.per_sheet]


def place(panels: list[Measured], column_height: float, per_sheet: int, gap: float,
          sheets: int | None = None) -> Placement | None:
    """The balanced placement on the fewest sheets (or on ``sheets``; None if they do not hold it)."""
    fewest = _fill(panels, column_height, column_height, gap)
    count = -(-len(fewest) // per_sheet)
    if sheets is not None:
        if count > sheets:
            return None
        count = sheets
    room = count * per_sheet
    if all(m.height <= column_height for m in panels):
        return Placement(_even(panels, column_height, room, gap), per_sheet)
    best = _lowest(panels, column_height, gap, room, (0, Cut(0)), fewest)
    # The last sheet again on its own, so its columns share what is left evenly.
    last = (len(best) - 1) // per_sheet * per_sheet
    if last:
        first = best[last].parts[0]
        tail = _fill(panels, column_height, column_height, gap, (first.panel, first.start))
        best = best[:last] + _lowest(panels, column_height, gap, per_sheet, (first.panel, first.start), tail)
    return Placement(best, per_sheet)


def _lowest(panels: list[Measured], column_height: float, gap: float, room: int, start: tuple[int, Cut],
            best: list[Column]) -> list[Column]:
    """The fill from ``start`` with the lowest column height that still fits ``room`` columns.

    Never lower than the tallest whole panel: it needs that column anyway, and a long panel
    cut lower would only be cut into more parts."""
    lo = max([0.0] + [m.height for m in panels[start[0]:] if m.height <= column_height]) - PRECISION_MM
    hi = column_height
    while hi - lo > PRECISION_MM:
        mid = (lo + hi) / 2
        trial = _fill(panels, mid, column_height, gap, start)
        if len(trial) <= room:
            best, hi = trial, mid
        else:
            lo = mid
    return best


def _even(panels: list[Measured], column_height: float, room: int, gap: float) -> list[Column]:
    """Whole panels in order over ``room`` columns, as evenly as they go: the least sum of
    squared shortfalls below the column foot (an empty column counts a whole column)."""
    n = len(panels)
    heights = [m.height for m in panels]

    def used(i: int, j: int) -> float:  # panels i..j-1 in one column
        return sum(heights[i:j]) + gap * (j - i - 1) if j > i else 0.0

    inf = float("inf")
    # cost[c][i]: best for panels i.. over c columns; choice[c][i]: where the first column ends
    cost = [[inf] * (n + 1) for _ in range(room + 1)]
    choice = [[n] * (n + 1) for _ in range(room + 1)]
    cost[0][n] = 0.0
    for c in range(1, room + 1):
        cost[c][n] = c * column_height ** 2
        for i in range(n - 1, -1, -1):
            for j in range(i + 1, n + 1):
                h = used(i, j)
                if h > column_height:
                    break
                total = (column_height - h) ** 2 + cost[c - 1][j]
                if total < cost[c][i]:
                    cost[c][i], choice[c][i] = total, j
    columns, i = [], 0
    for c in range(room, 0, -1):
        j = choice[c][i]
        column = Column()
        for k in range(i, j):
            column.height += heights[k] + (gap if column.parts else 0)
            column.parts.append(Part(k, Cut(0), Cut(len(panels[k].units)), True, True))
            column.heights.append(heights[k])
        columns.append(column)
        i = j
    while columns and not columns[-1].parts:
        columns.pop()
    return columns


def _fill(panels: list[Measured], target: float, column_height: float, gap: float,
          begin: tuple[int, Cut] = (0, Cut(0))) -> list[Column]:
    """Fill columns up to ``target`` (a whole panel up to ``column_height`` may stand alone),
    from panel ``begin[0]`` at cut ``begin[1]``."""
    columns = [Column()]

    def room() -> float:
        c = columns[-1]
        return target - c.height - (gap if c.parts else 0)

    def add(part: Part, height: float) -> None:
        c = columns[-1]
        c.height += height + (gap if c.parts else 0)
        c.parts.append(part)
        c.heights.append(height)

    for index, m in enumerate(panels):
        if index < begin[0]:
            continue
        resume = begin[1] if index == begin[0] else Cut(0)
        if resume == Cut(0) and (m.height <= room() or (not columns[-1].parts and m.height <= column_height)):
            add(Part(index, Cut(0), Cut(len(m.units)), True, True), m.height)
            continue
        if resume == Cut(0) and (m.height <= column_height or not m.splittable):
            # (one that cannot be cut and is taller than a column stands alone and runs over)
            columns.append(Column())
            add(Part(index, Cut(0), Cut(len(m.units)), True, True), m.height)
            continue
        start = resume
        if room() < MIN_START * column_height:
            columns.append(Column())
        while True:
            if m.part_height(start, None) <= room():
                add(Part(index, start, Cut(len(m.units)), start == Cut(0), True), m.part_height(start, None))
                break
            end = _last_cut(m, start, room())
            if end is not None and end.unit - start.unit < MIN_PART_UNITS and columns[-1].parts:
                end = None  # too little of it to start under another panel: it starts a column
            if end is None and columns[-1].parts:
                columns.append(Column())
                continue
            if end is None:  # not even one unit fits a column: it stands alone and runs over
                end = next((c for c in m.cuts() if (c.unit, c.line) > (start.unit, start.line)), None)
                if end is None:
                    add(Part(index, start, Cut(len(m.units)), start == Cut(0), True), m.part_height(start, None))
                    break
            add(Part(index, start, end, start == Cut(0), False), m.part_height(start, end))
            columns.append(Column())
            start = end
    return [c for c in columns if c.parts]


def _last_cut(m: Measured, start: Cut, room: float) -> Cut | None:
    best = None
    for cut in m.cuts():
        if (cut.unit, cut.line) <= (start.unit, start.line):
            continue
        if m.part_height(start, cut) > room:
            break
        best = cut
    return best
