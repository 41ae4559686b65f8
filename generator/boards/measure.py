"""Measure each panel alone with WeasyPrint: its height and where it may be cut.

The panels of a board are laid out one after another at the column width on
one very tall page (nothing breaks), and the box tree gives, for every unit of
:mod:`.parts`, where it starts and ends, and each paragraph's lines.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Iterator

from weasyprint.formatting_structure import boxes

from .document import BoardDocument
from .parts import Cut, Unit, body_blocks, body_rows, units

PX_MM = 25.4 / 96  # WeasyPrint lays out in CSS pixels


@dataclass
class Measured:
    """One panel at one type size (all lengths in mm)."""

    height: float  # the whole panel
    head: float  # its title bar
    head_continued: float  # the title bar saying 续
    frame: float  # rules and padding around the body
    note: float  # the 接下栏 line
    units: list[Unit] = field(default_factory=list)
    top: list[float] = field(default_factory=list)  # per unit, where a part starting there starts
    bottom: list[float] = field(default_factory=list)  # per unit, where a part ending after it ends
    lead: list[float] = field(default_factory=list)  # per unit, heads a part starting there repeats
    lines: dict[int, list[tuple[float, float]]] = field(default_factory=dict)  # paragraph: line top, bottom
    chars: dict[int, list[int]] = field(default_factory=dict)  # paragraph: characters before each line

    @property
    def splittable(self) -> bool:
        return len(self.top) == len(self.units) > 0 and any(True for _ in self.cuts())

    def cuts(self) -> Iterator[Cut]:
        """Every clean place to cut, in order (never an orphan or widow line)."""
        for i, unit in enumerate(self.units):
            if i and not unit.glued:
                yield Cut(i)
            for k in range(2, len(self.lines.get(i, ())) - 1):
                yield Cut(i, k)

    def start_y(self, cut: Cut) -> float:
        return self.lines[cut.unit][cut.line][0] if cut.line else self.top[cut.unit]

    def end_y(self, cut: Cut) -> float:
        if cut.line:
            return self.lines[cut.unit][cut.line - 1][1]
        return self.bottom[cut.unit - 1]

    def part_height(self, start: Cut, end: Cut | None) -> float:
        """Height of the part from ``start`` to ``end`` (None: to the panel's end)."""
        if start == Cut(0) and end is None:
            return self.height
        last = end or Cut(len(self.units))
        body = self.end_y(last) - self.start_y(start) + (self.lead[start.unit] if not start.line else 0)
        head = self.head if start == Cut(0) else self.head_continued
        return head + self.frame + body + (self.note if end is not None else 0)


def measure(doc: BoardDocument, text_pt: float, render: Callable) -> list[Measured]:
    """Every panel of ``doc`` at ``text_pt``; ``render`` lays out HTML (one WeasyPrint call site)."""
    views = []
    for i, p in enumerate(doc.panels):
        empty = dataclasses.replace(p, facts=[], steps=[], elements=[], tables=[], body_html="", review=[])
        views += [doc.view(i, text_pt, qr=False), doc.view(i, text_pt, panel=empty, continued=True, qr=False)]
    document = render(doc.measure_html(text_pt, views))
    sections = [b for page in document.pages for b in _find(page._page_box, _is_panel)]
    notes = [b for page in document.pages for b in _find(page._page_box, lambda b: _classes(b, "next-note"))]
    note = notes[-1].margin_height() * PX_MM if notes else 0.0
    out = []
    for i, p in enumerate(doc.panels):
        whole, cont = sections[2 * i], sections[2 * i + 1]
        out.append(_measured(whole, cont, units(p), p, note))
    return out


def _measured(section, cont, us: list[Unit], panel, note: float) -> Measured:
    head_box = next(_find(section, lambda b: _classes(b, "panel-head")))
    body = next(_find(section, lambda b: _classes(b, "panel-body")))
    y0 = section.border_box_y()
    m = Measured(
        height=section.border_height() * PX_MM,
        head=head_box.margin_height() * PX_MM,
        head_continued=next(_find(cont, lambda b: _classes(b, "panel-head"))).margin_height() * PX_MM,
        frame=(section.border_height() - head_box.margin_height() - body.height) * PX_MM,
        note=note, units=us,
    )
    found: list[tuple[float, float, float, list | None]] = []  # top, bottom, lead, lines
    blocks = body_blocks(panel.body_html)
    markdown = 0
    flow_title = None  # a flow chart's title starts with its first step
    for child in body.children:
        if not isinstance(child, boxes.BlockLevelBox):
            continue
        tag = child.element_tag
        if _classes(child, "flow-title"):
            flow_title = child.border_box_y()
        elif _classes(child, "facts") or _classes(child, "review"):
            found.append(_box(child))
        elif _classes(child, "flow"):
            steps = [_box(li) for li in child.children if isinstance(li, boxes.BlockBox)]
            if steps and flow_title is not None:
                steps[0] = (flow_title, *steps[0][1:])
            found += steps
        elif child.is_table_wrapper and (_classes(child, "data") or _classes(child, "elements")
                                         or (markdown < len(blocks) and blocks[markdown].tag == "table"
                                             and body_rows(blocks[markdown]))):
            table = next(_find(child, lambda b: isinstance(b, boxes.TableBox)))
            groups = [g for g in table.children if isinstance(g, boxes.TableRowGroupBox)]
            rows = [r for g in groups if not g.is_header for r in g.children]
            lead = 0.0
            if not _classes(child, "elements"):  # a continued table repeats its caption and head
                lead = sum(c.margin_height() for c in child.children if isinstance(c, boxes.TableCaptionBox))
                lead += sum(g.height for g in groups if g.is_header)
            entries = [(r.position_y, r.position_y + r.height, lead, None) for r in rows]
            if entries:
                entries[0] = (child.border_box_y(), entries[0][1], 0.0, None)
            found += entries
            if not (_classes(child, "data") or _classes(child, "elements")):
                markdown += 1
        elif tag in ("ul", "ol") and markdown < len(blocks):
            items = [li for li in child.children if isinstance(li, boxes.BlockBox)]
            found += [_box(li) for li in items]
            if items:
                found[-len(items)] = (child.border_box_y(), found[-len(items)][1], 0.0, None)
            markdown += 1
        elif markdown < len(blocks):
            lines = [(ln.position_y, ln.position_y + ln.height, _nonspace(ln))
                     for ln in child.children if isinstance(ln, boxes.LineBox)] if tag == "p" else None
            found.append((child.border_box_y(), child.border_box_y() + child.border_height(), 0.0, lines))
            markdown += 1
    if len(found) != len(us):
        return m  # not as expected (unusual markup): the panel is kept whole
    m.top = [(t - y0) * PX_MM for t, _, _, _ in found]
    m.bottom = [(b - y0) * PX_MM for _, b, _, _ in found]
    m.lead = [lead * PX_MM for _, _, lead, _ in found]
    for i, (_, _, _, lines) in enumerate(found):
        if us[i].kind == "para" and lines and len(lines) >= 4:
            m.lines[i] = [((a - y0) * PX_MM, (b - y0) * PX_MM) for a, b, _ in lines]
            before, total = [], 0
            for _, _, n in lines:
                before.append(total)
                total += n
            m.chars[i] = before
    return m


def _box(box) -> tuple[float, float, float, None]:
    return box.border_box_y(), box.border_box_y() + box.border_height(), 0.0, None


def _nonspace(box) -> int:
    if isinstance(box, boxes.TextBox):
        return sum(not c.isspace() for c in box.text)
    return sum(_nonspace(c) for c in getattr(box, "children", ()))


def _classes(box, name: str) -> bool:
    element = getattr(box, "element", None)
    return element is not None and name in (element.get("class") or "").split()


def _is_panel(box) -> bool:
    return isinstance(box, boxes.BlockBox) and box.element_tag == "section" and _classes(box, "panel")


def _find(box, match) -> Iterator:
    if match(box):
        yield box
        return
    for child in getattr(box, "children", ()):
        yield from _find(child, match)
