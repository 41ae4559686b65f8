"""The 低保 dynamic-management table a subsidy list's page shows, derived from the lists.

Counts only, no names: it stays on the page after the list's publication window
has closed, as the quarter's record of 动态管理.
"""

from __future__ import annotations

from html import escape

from .. import urls
from ..model import Item
from ..tables import dynamics_table
from .downloads import table_csv
from .html import a, md_text, rel, table_html
from ..labels import label
from .outputs import Context, Download


def dynamics_blocks(ctx: Context, item: Item) -> tuple[list[str], list[Download]]:
    """Heading, table, CSV download and how it was derived; nothing when not derived."""
    derived = item.dynamics
    if derived is None:
        return [], []
    lang, path = ctx.language, urls.item_path(item)
    table = dynamics_table(derived.rows, derived.total, lang)
    download = Download(f"{path}{item.id}-{table.name}.csv", table_csv(table))
    previous = derived.previous
    source = (a(rel(path, urls.item_path(previous)), previous.title)
              if previous.is_public(ctx.on) else escape(previous.title))
    note = escape(label(lang, "dynamics_note", quarter=str(previous.quarter))).replace(
        "{list}", source)
    return [f"## {md_text(label(lang, 'dynamics_title'))}",
            table_html(table, table_id=f"t-{table.name}", language=lang, csv_href=rel(path, download.path)),
            f'<p class="gk-note">{note}</p>'], [download]
