"""HTML and Markdown fragments for generated pages: escaping, links, tables.

Generated pages are Markdown whose structure is raw HTML blocks (so content
text is escaped once, here) plus the items' own Markdown bodies. Links in
raw HTML are final relative URLs: MkDocs does not rewrite them.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from decimal import Decimal
from html import escape
from typing import Any, Iterable

from ..model import Table
from ..money import format_amount
from ..labels import label
from ..markdown_ext import join_wrapped_lines

_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"


def md_text(text: str) -> str:
    """Plain text safe inside a Markdown line (headings, paragraphs)."""
    out = escape(text, quote=False)
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in out)


def heading(level: int, text: str) -> str:
    """A section heading of a generated page. It has no id, so the search index keeps the
    page whole under its title instead of indexing "名单" or "修订记录" as sections."""
    return f"<h{level}>{escape(text)}</h{level}>"


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


# Mainland numbers as written on boards: 0371-62316001, (0371)6231 6001, 13912345678, 400-…, 12345.
_PHONE = re.compile(r"(?<![\d-])(?:\(?0\d{2,3}\)?[-\s]?\d{3,4}[-\s]?\d{4}(?:-\d{1,5})?"
                    r"|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4}|12\d{3})(?![\d-])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def tel_html(text: str) -> str:
    """Escaped text whose phone numbers are tap-to-call links that never wrap."""
    out, last = [], 0
    for match in _PHONE.finditer(text):
        number = match.group()
        digits = re.sub(r"[^\d]", "", number)
        out.append(escape(text[last:match.start()]))
        out.append(f'<a class="gk-tel" href="tel:{digits}">{escape(number)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def dates_html(text: str) -> str:
    """Escaped text whose ISO dates never break across lines."""
    return _DATE.sub(lambda m: f'<span class="gk-nowrap">{m.group()}</span>', escape(text))


def _scale(values: list[Any]) -> int:
    """Decimal places that hold every value exactly (money summed in the browser as integers)."""
    return max((-v.as_tuple().exponent for v in values if isinstance(v, Decimal)), default=0)


def _integer(value: Any, scale: int) -> str:
    return str(int(Decimal(value).scaleb(scale))) if isinstance(value, (Decimal, int)) else "0"


def table_html(table: Table, *, table_id: str | None = None, first_cell_links: list[str] | None = None,
               csv_href: str | None = None, language: str = "zh", link_column: int = 0,
               cards: bool | None = None,
               sums: dict[int, str] | None = None, row_data: list[dict[str, str]] | None = None) -> str:
    """A table whose every cell carries its column label (``data-label``).

    On phones, ``cards`` tables (default: three columns or more) become one
    labelled card per row; the others stay tables. Numeric columns are
    right-aligned with tabular figures; dates, amounts and phone numbers never
    wrap; phone numbers are ``tel:`` links. ``sums`` names footer columns the
    subsidy filter recomputes for the visible rows: ``count`` (rows) or ``sum``
    (exact: each cell carries its value as an integer at the column's scale).
    """
    sums = sums or {}
    if cards is None:
        cards = len(table.columns) >= 3
    scales = {i: _scale([row[i] for row in table.rows if i < len(row)]) for i, kind in sums.items()
              if kind == "sum"}
    phone_cols = {i for i, c in enumerate(table.columns) if "电话" in c or "phone" in c.lower()}
    number_col = bool(table.columns) and table.columns[0] == label(language, "number")

    def cls(i: int, value: Any = None, text: str = "") -> str:
        names = []
        if i < len(table.numeric) and table.numeric[i]:
            names.append("gk-num")
        if i == 0 and number_col:
            names.append("gk-seq")
        if isinstance(value, (Decimal, dt.date)) or _DATE.fullmatch(text) or _PHONE.fullmatch(text):
            names.append("gk-nowrap")
        return f' class="{" ".join(names)}"' if names else ""

    def data_label(i: int) -> str:
        return f' data-label="{escape(table.columns[i])}"' if i < len(table.columns) else ""

    ident = f' id="{escape(table_id)}"' if table_id else ""
    box = "gk-table gk-cards" if cards else "gk-table"
    lines = [f'<div class="{box}">', f"<table{ident}>"]
    lines.append("<thead><tr>" + " ".join(
        f'<th scope="col"{cls(i)}>{escape(c)}</th>' for i, c in enumerate(table.columns)) + "</tr></thead>")
    lines.append("<tbody>")
    for r, row in enumerate(table.rows):
        cells = []
        for i, value in enumerate(row):
            plain = cell_text(value)
            if isinstance(value, str) and (i in phone_cols or _PHONE.fullmatch(plain)):
                text = tel_html(plain)
            elif isinstance(value, str):
                text = dates_html(plain)
            else:
                text = escape(plain)
            if i == link_column and first_cell_links:
                text = f'<a href="{escape(first_cell_links[r])}">{text}</a>'
            extra = f' data-gk-value="{_integer(value, scales[i])}"' if i in scales else ""
            cells.append(f"<td{cls(i, value, plain)}{data_label(i)}{extra}>{text}</td>")
        attrs = "".join(f' data-gk-{k}="{escape(v)}"' for k, v in (row_data[r] if row_data else {}).items())
        lines.append(f"<tr{attrs}>" + " ".join(cells) + "</tr>")  # spaced: search sees cells apart
    lines.append("</tbody>")
    if table.footer:
        cells = []
        for i, v in enumerate(table.footer):
            extra = ""
            if sums.get(i) == "count":
                extra = ' data-gk-sum="count"'
            elif sums.get(i) == "sum":
                extra = f' data-gk-sum="sum" data-gk-scale="{scales[i]}"'
            cells.append(f"<td{cls(i, v)}{data_label(i) if i else ''}{extra}>{escape(cell_text(v))}</td>")
        lines.append("<tfoot><tr>" + " ".join(cells) + "</tr></tfoot>")
    lines.append("</table>")
    lines.append("</div>")
    if csv_href:
        lines.append(f'<p class="gk-download" data-search-exclude>'
                     f'{a(csv_href, label(language, "download_csv"), download="")}</p>')
    return "\n".join(lines)


def facts(rows: Iterable[tuple[str, str]], phones: Iterable[str] = ()) -> str:
    """A two-column list of labelled facts (address, phone, ...); empty values are left out.

    Values under a label in ``phones`` get tap-to-call links; dates never wrap.
    """
    phones = set(phones)
    body = " ".join(  # spaced: the search index reads "类型 补贴名单", not "类型补贴名单"
        f"<dt>{escape(k)}</dt> <dd>"
        + "<br>".join((tel_html if k in phones else dates_html)(line)
                      for line in join_wrapped_lines(v.strip()).split("\n"))
        + "</dd>"
        for k, v in rows if v and v.strip())
    return f'<dl class="gk-facts">{body}</dl>' if body else ""


def link_list(links: Iterable[tuple[str, str, str]]) -> str:
    """``<ul>`` of (href, text, note) with an optional small note after each link."""
    items = []
    for href, text, note in links:
        extra = f' <span class="gk-note">{escape(note)}</span>' if note else ""
        items.append(f"<li>{a(href, text)}{extra}</li>")
    return '<ul class="gk-list" data-search-exclude>' + "".join(items) + "</ul>" if items else ""


def breadcrumb(crumbs: list[tuple[str, str]], language: str) -> str:
    """Links up the hierarchy: [(href, text)]; the current page is not repeated."""
    parts = " › ".join(a(href, text) for href, text in crumbs)
    return (f'<nav class="gk-crumbs" aria-label="{escape(label(language, "breadcrumb"))}" '
            f'data-search-exclude>{parts}</nav>')
