"""The disclosure catalogue (公开目录): every published item in the standard columns.

The columns of 国办发〔2019〕54号 — 一级/二级事项, 公开事项, 公开内容（要素）, 公开依据,
公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级 — as a filterable page,
CSV and JSON (generator.standard fills what an item leaves out).
"""

from __future__ import annotations

from html import escape

from .. import urls
from ..model import Item, Office, Table
from .downloads import csv_bytes, json_bytes
from .html import a, breadcrumb, md_text, rel, table_html
from .items import window_text
from ..labels import label, quarter_name, type_name
from ..standard import columns
from .outputs import Context, Download, Page

PATH = "catalogue/"
# (record key, heading label) in page and CSV order.
COLUMNS = (("level1", "std_level1"), ("level2", "std_level2"), ("item", "std_item"),
           ("content", "std_elements"), ("basis", "std_basis"), ("limit", "std_limit"),
           ("owner", "std_owner"), ("channel", "std_channel"), ("audience", "std_audience"),
           ("way", "std_way"), ("level", "std_level"))
KEYS = [key for key, _ in COLUMNS]  # the filters name their columns by index


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
    expired = item.is_expired(ctx.on)  # only the title, the window and 公示期已满 remain
    channel = label(lang, "channel_board" if (office.id, item.key) in on_boards else "channel_web")
    std = columns(item, office, ctx.project, limit=limit, channel=channel)
    return {
        "level1": std["level1"],
        "level2": std["level2"],
        "item": item.title,
        "content": label(lang, "expired") if expired else std["elements"] or type_name(lang, item.type),
        "basis": "" if expired else std["basis"],
        "limit": std["limit"],
        "owner": std["owner"],
        "channel": std["channel"],
        "audience": std["audience"],
        "way": std["way"],
        "level": std["level"],
        "entry": std["entry"],
        "office": office.id,
        "quarter": str(item.quarter) if item.quarter else "",
        "type": item.type,
        "category": item.category or "",
        "published": item.published.isoformat() if item.published else "",
        "expires": item.expires.isoformat() if item.expires else "",
        "expired": expired,
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
    keys = KEYS
    headings = [label(lang, heading) for _, heading in COLUMNS]
    table = Table(name="catalogue", title="", columns=headings,
                  rows=[[r[k] for k in keys] for r in rows], numeric=[False] * len(keys))
    csv_file = Download(f"{PATH}catalogue.csv", csv_bytes(
        headings + [label(lang, "category"), label(lang, "std_entry"), label(lang, "cat_url")],
        [[r[k] for k in keys] + [r["category"], r["entry"], r["url"]] for r in rows]))
    json_file = Download(f"{PATH}catalogue.json", json_bytes(rows))
    controls = filter_controls(lang, [
        (label(lang, "filter_office"), f'data-gk-col="{KEYS.index("owner")}"', sorted({r["owner"] for r in rows})),
        (label(lang, "filter_category"), 'data-gk-field="category"', _categories(ctx, rows)),
        (label(lang, "filter_way"), f'data-gk-col="{KEYS.index("way")}"', sorted({r["way"] for r in rows})),
    ])
    downloads = (f'<p class="gk-download">{a("catalogue.csv", label(lang, "download_csv"), download="")} · '
                 f'{a("catalogue.json", label(lang, "download_json"), download="")}</p>')
    blocks = [breadcrumb([(rel(PATH, ""), label(lang, "home"))], lang),
              f"# {md_text(label(lang, 'catalogue'))}", downloads, controls,
              table_html(table, table_id="t-catalogue", language=lang,
                         first_cell_links=[rel(PATH, r["path"]) for r in rows], link_column=KEYS.index("item"),
                         row_data=[{"category": r["category"]} for r in rows])]
    page = Page(PATH, label(lang, "catalogue"), "\n\n".join(blocks), searchable=False,
                hide=("navigation", "toc"))
    return page, [csv_file, json_file]
