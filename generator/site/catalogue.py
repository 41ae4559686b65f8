"""The disclosure catalogue (公开目录): every published item in the standard columns.

事项, 内容, 依据, 时限, 主体, 渠道, 方式 — as a filterable page, CSV and JSON.
"""

from __future__ import annotations

from html import escape

from .. import urls
from ..model import Item, Office, Table
from .downloads import csv_bytes, json_bytes
from .html import a, breadcrumb, md_text, rel, table_html
from .items import window_text
from ..labels import label, quarter_name, type_name
from .outputs import Context, Download, Page

PATH = "catalogue/"
COLUMNS = ("cat_item", "cat_content", "cat_basis", "cat_limit", "cat_owner", "cat_channel", "cat_way")


def board_panels(ctx: Context) -> set[tuple[str, str]]:
    """(office id, panel key) of every item some board shows."""
    return {(board.office_id, panel.key)
            for board in ctx.project.boards.values() for panel in board.panels}


def entry(ctx: Context, office: Office, item: Item, on_boards: set[tuple[str, str]]) -> dict:
    """One catalogue row as named fields (the JSON record; CSV and page use the same)."""
    lang = ctx.language
    if item.expires is not None:
        limit = window_text(item, lang)
    elif item.quarter is not None:
        limit = label(lang, "cat_quarterly", quarter=quarter_name(lang, item.quarter))
    else:
        limit = label(lang, "cat_permanent")
    return {
        "item": item.title,
        "content": item.summary or type_name(lang, item.type),
        "basis": (item.basis or "").strip(),  # a YAML block (basis: |) ends with a newline
        "limit": limit,
        "owner": office.name,
        "channel": label(lang, "channel_board" if (office.id, item.key) in on_boards else "channel_web"),
        "way": label(lang, "way_active"),
        "office": office.id,
        "quarter": str(item.quarter) if item.quarter else "",
        "type": item.type,
        "category": item.category or "",
        "published": item.published.isoformat() if item.published else "",
        "expires": item.expires.isoformat() if item.expires else "",
        "expired": item.is_expired(ctx.on),
        "url": urls.item_url(ctx.project.site.url, item),
        "path": urls.item_path(item),
    }


def _categories(ctx: Context, rows: list[dict]) -> list[str]:
    """The categories in use, in site.yml's order."""
    used = {r["category"] for r in rows if r["category"]}
    return [c for c in ctx.project.site.categories if c in used] + sorted(used - set(ctx.project.site.categories))


def filter_controls(lang: str, menus: list[tuple[str, str, list[str]]]) -> str:
    """Free-text filter plus one menu per (label, attribute naming what it filters, values)."""
    selects = "".join(
        f'<select {attribute} aria-label="{escape(name)}"><option value="">{escape(name)}</option>'
        + "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values) + "</select>"
        for name, attribute, values in menus if values)
    return (f'<div class="gk-filter" data-search-exclude data-gk-table="t-catalogue" '
            f'data-gk-count="{escape(label(lang, "filter_count", shown="{shown}", total="{total}"))}">'
            f'<input type="search" placeholder="{escape(label(lang, "filter_any"))}" '
            f'aria-label="{escape(label(lang, "filter_any"))}">{selects}'
            f'<span class="gk-count" aria-live="polite"></span></div>')


def catalogue(ctx: Context) -> tuple[Page, list[Download]]:
    lang = ctx.language
    on_boards = board_panels(ctx)
    rows = [entry(ctx, office, item, on_boards)
            for office in ctx.project.offices.values() for item in ctx.public_items(office)]
    keys = ("item", "content", "basis", "limit", "owner", "channel", "way")
    headings = [label(lang, c) for c in COLUMNS]
    table = Table(name="catalogue", title="", columns=headings,
                  rows=[[r[k] for k in keys] for r in rows], numeric=[False] * len(keys))
    csv_file = Download(f"{PATH}catalogue.csv", csv_bytes(
        headings + [label(lang, "category"), label(lang, "cat_url")],
        [[r[k] for k in keys] + [r["category"], r["url"]] for r in rows]))
    json_file = Download(f"{PATH}catalogue.json", json_bytes(rows))
    controls = filter_controls(lang, [
        (label(lang, "filter_office"), 'data-gk-col="4"', sorted({r["owner"] for r in rows})),
        (label(lang, "filter_category"), 'data-gk-field="category"', _categories(ctx, rows)),
        (label(lang, "filter_way"), 'data-gk-col="6"', sorted({r["way"] for r in rows})),
    ])
    downloads = (f'<p class="gk-download">{a("catalogue.csv", label(lang, "download_csv"), download="")} · '
                 f'{a("catalogue.json", label(lang, "download_json"), download="")}</p>')
    blocks = [breadcrumb([(rel(PATH, ""), label(lang, "home"))], lang),
              f"# {md_text(label(lang, 'catalogue'))}", downloads, controls,
              table_html(table, table_id="t-catalogue", language=lang,
                         first_cell_links=[rel(PATH, r["path"]) for r in rows],
                         row_data=[{"category": r["category"]} for r in rows])]
    page = Page(PATH, label(lang, "catalogue"), "\n\n".join(blocks), searchable=False,
                hide=("navigation", "toc"))
    return page, [csv_file, json_file]
