"""A panel as a sequence of units that must stay whole, and the parts it can be cut into.

A unit is what a panel may break between: its facts, each flow-chart step,
each element row, each table row (the total row stays with the last rows), each
Markdown block (a list item each; a paragraph breaks between its lines), the
review line. A :class:`Part` is a run of them, from one cut to the next; it
prints as a panel of its own: the title (with 续 after the first part), the
table heads again, and a note where it continues.
"""

from __future__ import annotations

import copy
import dataclasses
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache

import tinyhtml5

from .forms import Panel

LIST_TAGS = ("ul", "ol")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TOTAL_ROWS = 2  # a table's 合计 row keeps at least this many rows before it


@dataclass(frozen=True)
class Unit:
    kind: str  # facts | step | element | row | total | block | item | mdrow | para | review
    where: tuple  # (table, row), (block, item) ... : which piece of the panel
    glued: bool = False  # no cut just before this unit


@dataclass(frozen=True)
class Cut:
    """A position in a panel: before unit ``unit``, at line ``line`` of a paragraph unit."""

    unit: int
    line: int = 0


@dataclass(frozen=True)
class Part:
    """Units ``start`` to ``end`` of a panel; ``note`` is where it continues (接下栏), if it does."""

    panel: int  # index in the board's panels
    start: Cut
    end: Cut
    first: bool
    last: bool
    note: str = ""


def body_blocks(body_html: str) -> list[ET.Element]:
    """The top-level blocks of a panel's Markdown HTML."""
    return list(_parsed(body_html)) if body_html.strip() else []


@lru_cache(maxsize=256)
def _parsed(body_html: str) -> ET.Element:
    root = tinyhtml5.parse(f"<div>{body_html}</div>", namespace_html_elements=False)
    return root.find("body").find("div")


def units(p: Panel) -> list[Unit]:
    """The units of panel ``p``, in print order."""
    out: list[Unit] = []
    if p.facts:
        out.append(Unit("facts", ()))
    out += [Unit("step", (i,)) for i in range(len(p.steps))]
    if p.steps and p.facts:
        out[len(out) - len(p.steps)] = Unit("step", (0,), glued=True)  # facts stay with the flow chart
    out += [Unit("element", (i,)) for i in range(len(p.elements))]
    for t, table in enumerate(p.tables):
        n = len(table.rows)
        for r in range(n):
            # A table starts with a row under its head; the last rows stay with the total.
            glued = r == 0 or (table.footer is not None and n > TOTAL_ROWS + 1 and r >= n - TOTAL_ROWS + 1)
            out.append(Unit("row", (t, r), glued=glued))
        if table.footer:
            out.append(Unit("total", (t,), glued=True))
    after_heading = False
    for b, block in enumerate(body_blocks(p.body_html)):
        if block.tag in LIST_TAGS and len(block):
            out += [Unit("item", (b, i), glued=after_heading and i == 0) for i in range(len(block))]
        elif block.tag == "table" and body_rows(block):
            out += [Unit("mdrow", (b, i), glued=after_heading and i == 0) for i in range(len(body_rows(block)))]
        else:
            out.append(Unit("para" if block.tag == "p" else "block", (b,), glued=after_heading))
        after_heading = block.tag in HEADING_TAGS
    if p.review:
        out.append(Unit("review", (), glued=True))
    return out


def part_panel(p: Panel, us: list[Unit], start: Cut, end: Cut, line_chars: dict[int, list[int]]) -> Panel:
    """Panel ``p`` holding only units ``start`` to ``end`` (``line_chars``: per paragraph unit,
    the count of non-space characters before each of its lines)."""
    chosen = range(start.unit, end.unit + (1 if end.line else 0))
    kinds: dict[str, list[tuple]] = {}
    for i in chosen:
        kinds.setdefault(us[i].kind, []).append(us[i].where)
    out = dataclasses.replace(p, facts=p.facts if "facts" in kinds else [],
                              review=p.review if "review" in kinds else [])
    steps = [w[0] for w in kinds.get("step", [])]
    out.steps = [p.steps[i] for i in steps]
    out.step_start = steps[0] + 1 if steps else 1
    out.elements = [p.elements[w[0]] for w in kinds.get("element", [])]
    tables = []
    rows = kinds.get("row", [])
    totals = {w[0] for w in kinds.get("total", [])}
    for t, table in enumerate(p.tables):
        picked = [table.rows[r] for tt, r in rows if tt == t]
        if picked or t in totals:
            tables.append(dataclasses.replace(table, rows=picked, footer=table.footer if t in totals else None,
                                              caption=len(p.tables) > 1))
    out.tables = tables
    out.body_html = _body_part(p.body_html, us, start, end, line_chars)
    return out


def _body_part(body_html: str, us: list[Unit], start: Cut, end: Cut, line_chars: dict[int, list[int]]) -> str:
    blocks = body_blocks(body_html)
    html: list[str] = []
    lists: dict[int, ET.Element] = {}
    for i in range(start.unit, end.unit + (1 if end.line else 0)):
        u = us[i]
        if u.kind == "item":
            b, item = u.where
            if b not in lists:
                lists[b] = ET.Element(blocks[b].tag, dict(blocks[b].attrib))
                if blocks[b].tag == "ol":
                    lists[b].set("start", str(int(blocks[b].get("start", "1")) + item))
                html.append(lists[b])
            lists[b].append(copy.deepcopy(blocks[b][item]))
        elif u.kind == "mdrow":  # a Markdown table: its head again over the rows of this part
            b, row = u.where
            if b not in lists:
                lists[b] = ET.Element("table", dict(blocks[b].attrib))
                head = blocks[b].find("thead")
                if head is not None:
                    lists[b].append(copy.deepcopy(head))
                ET.SubElement(lists[b], "tbody")
                html.append(lists[b])
            lists[b].find("tbody").append(copy.deepcopy(body_rows(blocks[b])[row]))
        elif u.kind in ("para", "block"):
            block = blocks[u.where[0]]
            chars = line_chars.get(i, [0])
            lo = chars[start.line] if i == start.unit and start.line else 0
            hi = chars[end.line] if i == end.unit and end.line else None
            if lo or hi is not None:
                block = _slice(block, lo, hi)
                if lo:
                    block.set("class", (block.get("class", "") + " cont").strip())
            html.append(block)
    return "".join(x if isinstance(x, str) else ET.tostring(x, encoding="unicode", method="html") for x in html)


def body_rows(table: ET.Element) -> list[ET.Element]:
    """The body rows of a Markdown table."""
    return [row for body in table.findall("tbody") for row in body.findall("tr")]


def _slice(element: ET.Element, lo: int, hi: int | None) -> ET.Element:
    """A copy of ``element`` with only its non-space characters ``lo`` to ``hi`` (and their markup)."""
    count = 0

    def cut(text: str | None) -> str:
        nonlocal count
        if not text:
            return text or ""
        kept = []
        for char in text:
            inside = count >= lo and (hi is None or count < hi)
            if not char.isspace():
                count += 1
            if inside:
                kept.append(char)
        return "".join(kept)

    def walk(node: ET.Element) -> ET.Element:
        out = ET.Element(node.tag, dict(node.attrib))
        out.text = cut(node.text)
        for child in node:
            inner = walk(child)
            inner.tail = cut(child.tail)
            out.append(inner)
        return out

    out = walk(element)
    out.text = (out.text or "").lstrip()
    return out
