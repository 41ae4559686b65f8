"""Which items a board edition prints, and the characters they need from the fonts.

An edition is a board in one quarter. Drafts and items whose publication
window has closed are never printed; a panel naming an item the quarter lacks
is a content error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from ..diagnostics import Report
from ..model import Board, Item, Location, Office, Project, Quarter
from ..content.fonts import missing_characters


@dataclass
class Edition:
    board: Board
    office: Office
    quarter: Quarter
    items: list[Item]
    published: dt.date  # the edition's publication date, from its items


def edition_quarter(office: Office, quarter: Quarter | None, today: dt.date) -> Quarter:
    """The requested quarter, else the office's latest that publishes anything (a next
    quarter still all drafts does not replace the board in use), else its latest, else
    the current one."""
    published = [q for q, items in office.quarters.items() if any(item.is_public(today) for item in items)]
    return quarter or max(published, default=None) or office.latest_quarter or Quarter.containing(today)


def printable(item: Item, today: dt.date) -> bool:
    return item.is_public(today) and not item.is_expired(today)


def publication_date(items: list[Item], quarter: Quarter) -> dt.date:
    """The newest publication (or approval) date among the items, else the quarter's start."""
    dates = [item.published or (item.review.approved_on if item.review else None) for item in items]
    return max((d for d in dates if d), default=quarter.start)


def select_edition(project: Project, board: Board, quarter: Quarter | None, today: dt.date,
                   report: Report) -> Edition | None:
    """The edition of ``board``; problems go to ``report`` (None when the office is unknown)."""
    office = project.offices.get(board.office_id)
    if office is None:
        where = board.locations.get(("office",), Location(board.source))
        report.error(where, "unknown-office", office=board.office_id, hint="")
        return None
    quarter = edition_quarter(office, quarter, today)
    items = []
    for ref in board.panels:
        item = office.find(ref.key, quarter)
        if item is None:
            report.error(ref.location, "missing-item", panel=f"{ref.key} ({quarter})", hint="")
        elif printable(item, today):
            items.append(item)
    return Edition(board, office, quarter, items, publication_date(items, quarter))


def office_items(office: Office, quarter: Quarter, today: dt.date) -> list[Item]:
    """Everything an office publishes in ``quarter``: fixed items, then the quarter's."""
    return [i for i in office.fixed + office.quarters.get(quarter, []) if printable(i, today)]


def _strings(value, path: tuple) -> Iterator[tuple[str, tuple]]:
    if isinstance(value, str):
        yield value, path
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key != "id":  # personal data is never printed, so never checked here
                yield from _strings(inner, path + (key,))
    elif isinstance(value, (list, tuple)):
        for index, inner in enumerate(value):
            yield from _strings(inner, path + (index,))


def item_texts(item: Item) -> Iterator[tuple[str, Location]]:
    """Every piece of text an item prints, with where it was written."""
    yield item.title, item.location("title")
    for name in ("basis", "summary"):
        if getattr(item, name):
            yield getattr(item, name), item.location(name)
    for text, path in _strings(item.fields, ()):
        yield text, item.location(*path)
    if item.body:
        yield item.body, item.location("body")


def check_glyphs(texts: Iterator[tuple[str, Location]], covered: frozenset[int], report: Report) -> None:
    """Report each character the fonts lack once, where it is first written."""
    seen: set[str] = set()
    for text, where in texts:
        for _, char in missing_characters(text, covered):
            if char not in seen:
                seen.add(char)
                report.error(where, "missing-glyph", char=char, codepoint=f"{ord(char):04X}")
