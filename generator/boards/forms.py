"""The print form of each item type, as plain data the board and booklet templates lay out.

A procedure becomes a flow chart plus its six elements (六公开), finance and
other lists become tables with totals, Markdown becomes text. Tables come from
:func:`generator.tables.item_tables`, so the site, the CSV downloads and the
boards show the same rows and never a personal-data column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import markdown

from .. import urls
from ..labels import board_labels
from ..markdown_ext import extensions
from ..model import Item, Site
from ..money import format_amount
from ..safehtml import clean_body
from ..tables import dynamics_table, item_tables
from .qr import qr_svg

LABELS = {language: board_labels(language) for language in ("zh", "en")}


def label(key: str, language: str) -> str:
    return LABELS.get(language, LABELS["zh"])[key]


def format_date(day: dt.date, language: str) -> str:
    return label("date", language).format(y=day.year, m=day.month, d=day.day)


@dataclass
class TableView:
    """A table ready to print: every cell already text."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    footer: list[str] | None = None
    short: list[bool] = field(default_factory=list)  # per column: short cells, kept on one line


@dataclass
class Panel:
    """One item as printed: its title, QR code and type-specific parts."""

    key: str
    type: str
    title: str
    url: str
    qr: str  # inline SVG
    facts: list[tuple[str, str]] = field(default_factory=list)  # short label: value lines
    steps: list[str] = field(default_factory=list)  # procedure flow chart
    elements: list[tuple[str, str | list[str]]] = field(default_factory=list)  # 六公开
    tables: list[TableView] = field(default_factory=list)
    body_html: str = ""


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount(value)
    return str(value)


SHORT_CELL = 5  # characters: names, posts, groups and amounts never wrap


def table_view(table) -> TableView:
    rows = [[cell(v) for v in row] for row in table.rows]
    return TableView(
        title=table.title,
        columns=list(table.columns),
        rows=rows,
        numeric=list(table.numeric) or [False] * len(table.columns),
        footer=[cell(v) for v in table.footer] if table.footer else None,
        short=[all(len(row[i]) <= SHORT_CELL for row in rows if i < len(row))
               for i in range(len(table.columns))],
    )


def markdown_html(text: str) -> str:
    """A body as board HTML, cleaned like the site's (no scripts, no loading from elsewhere)."""
    return clean_body(markdown.markdown(text, extensions=extensions())) if text.strip() else ""


def _window(item: Item, language: str) -> str | None:
    if item.expires is None:
        return None
    start = format_date(item.published, language) + " — " if item.published else ""
    return start + format_date(item.expires, language)


def panel(item: Item, site: Site) -> Panel:
    """The print form of ``item`` (one that is printed: neither a draft nor expired)."""
    lang = site.language
    url = urls.item_url(site.url, item)
    out = Panel(key=item.key, type=item.type, title=item.title, url=url, qr=qr_svg(url))
    f = item.fields
    if item.type == "procedure":
        out.steps = list(f.get("steps") or [])
        for key, value in (
            ("basis", item.basis), ("conditions", f.get("conditions")),
            ("materials", list(f.get("materials") or [])), ("time_limit", f.get("time_limit")),
            ("fee", f.get("fee")), ("place", f.get("place")), ("phone", f.get("phone")),
        ):
            if value:
                out.elements.append((label(key, lang), value))
    else:
        out.tables = [table_view(t) for t in item_tables(item, lang, masked_ids=site.publish_masked_ids)]
        if item.basis:
            out.facts.append((label("basis", lang), item.basis))
    if item.type == "finance" and f.get("period"):
        out.facts.insert(0, (label("period", lang), f["period"]))
    if item.type == "subsidy-list":
        out.facts[:0] = [(label("program", lang), f.get("program") or "")]
        out.facts.append((label("objection_phone", lang), f.get("objection_phone") or ""))
        if item.dynamics is not None:  # the quarter's 动态管理 table, derived from the lists
            out.tables.append(table_view(dynamics_table(item.dynamics.rows, item.dynamics.total, lang,
                                                        title=label("dynamics", lang))))
    if item.type == "reply":
        out.elements = [(label(key, lang), f[key].strip()) for key in ("question", "answer") if f.get(key)]
        out.facts += [(label(key, lang), format_date(f[key], lang)) for key in ("received", "answered")
                      if f.get(key)]
    if item.type == "subsidy-summary":
        out.facts[:0] = [(label(key, lang), f[key]) for key in ("program", "period") if f.get(key)]
    window = _window(item, lang)
    if window and item.type in ("subsidy-list", "notice"):
        out.facts.append((label("window", lang), window))
    out.body_html = markdown_html(item.body)
    return out
