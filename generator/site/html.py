"""HTML and Markdown fragments for generated pages: escaping, links, tables.

Generated pages are Markdown whose structure is raw HTML blocks (so content
text is escaped once, here) plus the items' own Markdown bodies. Links in
raw HTML are final relative URLs: MkDocs does not rewrite them.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from decimal import Decimal
from html import escape
from typing import Any, Iterable

from ..model import Table
from ..money import format_amount
from .labels import label

_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"


def md_text(text: str) -> str:
    """Plain text safe inside a Markdown line (headings, paragraphs)."""
    out = escape(text, quote=False)
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in out)


def rel(from_page: str, to: str) -> str:
    """Relative URL from the page at site path ``from_page`` (``''`` or ``a/b/``) to ``to``.

    ``to`` is a site path: a directory URL (``a/``), a file (``a/x.csv``) or ``''`` (home).
    """
    start = from_page.rstrip("/") or "."
    target = to.rstrip("/") or "."
    out = posixpath.relpath(target, start)
    if to == "" or to.endswith("/"):
        out = "./" if out == "." else out + "/"
    return out


def a(href: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<a href="{escape(href)}"{extra}>{escape(text)}</a>'


def cell_text(value: Any) -> str:
    """A table cell as text: money with thousands separators, never through float."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def table_html(table: Table, *, table_id: str | None = None, first_cell_links: list[str] | None = None,
               csv_href: str | None = None, language: str = "zh", link_column: int = 0) -> str:
    """A table in a scrolling box; numeric columns right-aligned with tabular figures."""
    def cls(i: int) -> str:
        return ' class="gk-num"' if i < len(table.numeric) and table.numeric[i] else ""

    ident = f' id="{escape(table_id)}"' if table_id else ""
    lines = ['<div class="gk-table">', f"<table{ident}>"]
    lines.append("<thead><tr>" + "".join(
        f"<th{cls(i)}>{escape(c)}</th>" for i, c in enumerate(table.columns)) + "</tr></thead>")
    lines.append("<tbody>")
    for r, row in enumerate(table.rows):
        cells = []
        for i, value in enumerate(row):
            text = escape(cell_text(value))
            if i == link_column and first_cell_links:
                text = f'<a href="{escape(first_cell_links[r])}">{text}</a>'
            cells.append(f"<td{cls(i)}>{text}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody>")
    if table.footer:
        lines.append("<tfoot><tr>" + "".join(
            f"<td{cls(i)}>{escape(cell_text(v))}</td>" for i, v in enumerate(table.footer))
            + "</tr></tfoot>")
    lines.append("</table>")
    lines.append("</div>")
    if csv_href:
        lines.append(f'<p class="gk-download">{a(csv_href, label(language, "download_csv"), download="")}</p>')
    return "\n".join(lines)


def facts(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column list of labelled facts (address, phone, ...); empty values are left out."""
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v.strip()).replace(chr(10), '<br>')}</dd>"
                   for k, v in rows if v and v.strip())
    return f'<dl class="gk-facts">{body}</dl>' if body else ""


def link_list(links: Iterable[tuple[str, str, str]]) -> str:
    """``<ul>`` of (href, text, note) with an optional small note after each link."""
    items = []
    for href, text, note in links:
        extra = f' <span class="gk-note">{escape(note)}</span>' if note else ""
        items.append(f"<li>{a(href, text)}{extra}</li>")
    return '<ul class="gk-list">' + "".join(items) + "</ul>" if items else ""


def breadcrumb(crumbs: list[tuple[str, str]], language: str) -> str:
    """Links up the hierarchy: [(href, text)]; the current page is not repeated."""
    parts = " › ".join(a(href, text) for href, text in crumbs)
    return f'<nav class="gk-crumbs" aria-label="{escape(label(language, "breadcrumb"))}">{parts}</nav>'
