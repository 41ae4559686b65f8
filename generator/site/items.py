"""One page per item, rendered for its type, with its tables as CSV downloads.

An expired item keeps only its title, its publication window and "公示期已满"
(an expired subsidy list also its totals: households, persons, amount, and
whom to call): no body, no tables, no downloads, so its personal data reaches
neither the page nor the search index.
"""

from __future__ import annotations

from html import escape

from .. import urls
from ..labels import label, quarter_name, type_name
from ..model import Item, Office, Table
from ..money import total
from ..tables import item_tables
from .charts import bar_chart, flow_chart
from .downloads import table_csv
from .dynamics import dynamics_blocks
from .html import breadcrumb, cell_text, dates_html, facts, heading, md_text, rel, table_html, tel_html
from .order import group_key
from .outputs import Context, Download, Page
from .boards import printed_in
from .requests import reply_blocks


def window_text(item: Item, language: str) -> str:
    if item.expires is None:
        return ""
    start = item.published.isoformat() if item.published else ""
    return label(language, "window_range", start=start, end=item.expires.isoformat())


def download_path(item: Item, table: Table) -> str:
    return f"{urls.item_path(item)}{item.id}-{table.name}.csv"


def item_page(ctx: Context, office: Office, item: Item) -> tuple[Page, list[Download]]:
    lang = ctx.language
    path = urls.item_path(item)
    crumbs = [(rel(path, ""), label(lang, "home")), (rel(path, urls.office_path(office.id)), office.name)]
    if item.quarter is not None:
        crumbs.append((rel(path, urls.quarter_path(office.id, item.quarter)), quarter_name(lang, item.quarter)))
    blocks = [breadcrumb(crumbs, lang), f"# {md_text(item.title)}"]
    about = [
        (label(lang, "type"), type_name(lang, item.type)),
        (label(lang, "category"), item.category or ""),
        (label(lang, "published"), item.published.isoformat() if item.published else ""),
        (label(lang, "window"), window_text(item, lang)),
    ]
    if item.is_expired(ctx.on):
        blocks.append(facts(about + _expired_totals(item, lang)))
        blocks.append(f'<p class="gk-expired">{escape(label(lang, "expired"))}</p>')
        if item.type == "subsidy-list":
            blocks.append(_expired_notice(item, office, lang))
        derived, downloads = dynamics_blocks(ctx, item)
        return Page(path, item.title, "\n\n".join(blocks + derived)), downloads

    if item.summary:
        blocks.append(f'<p class="gk-summary">{escape(item.summary)}</p>')
    reply_about, reply_sections = reply_blocks(lang, item) if item.type == "reply" else ([], [])
    blocks.append(facts(about + reply_about + _facts(ctx, item),
                        phones=(label(lang, "enquiry_phone"), label(lang, "objection_phone"))))
    blocks.extend(reply_sections)
    downloads: list[Download] = []
    tables = item_tables(item, lang, on=ctx.on, masked_ids=ctx.project.site.publish_masked_ids)
    if item.type == "finance":
        blocks.append(bar_chart([(t.title, [(row[0], row[1]) for row in t.rows]) for t in tables],
                                item.title))
    for table in tables:
        if table.title and table.title != item.title:
            blocks.append(heading(2, table.title))
        download = Download(download_path(item, table), table_csv(table))
        downloads.append(download)
        subsidy = item.type == "subsidy-list"
        shown = table_html(table, table_id=f"t-{table.name}", language=lang,
                           csv_href=rel(path, download.path),
                           cards=False if subsidy or table.name in ("materials", "steps") else None,
                           sums={1: "count", 3: "sum", 4: "sum"} if subsidy else None)
        if item.type == "procedure" and table.name == "steps":
            blocks.append(flow_chart(item.fields.get("steps") or [], label(lang, "steps")))
            shown = (f'<details class="gk-steps"><summary>{escape(label(lang, "steps_text"))}</summary>\n'
                     f"{shown}\n</details>")
        elif item.type == "subsidy-list":
            blocks.append(_filter(table, lang))
        blocks.append(shown)
    derived, derived_downloads = dynamics_blocks(ctx, item)
    blocks.extend(derived)
    downloads.extend(derived_downloads)
    if item.body.strip():
        blocks.append(item.body.strip())
    blocks.append(printed_in(ctx, item))
    blocks.extend(_accountability(ctx, item))
    return Page(path, item.title, "\n\n".join(b for b in blocks if b)), downloads


def _facts(ctx: Context, item: Item) -> list[tuple[str, str]]:
    """The type's key facts, shown under the title: the six elements of a procedure,
    a finance report's totals, a subsidy list's programme and counts."""
    lang, f = ctx.language, item.fields
    if item.type == "procedure":
        return [
            (label(lang, "basis"), item.basis or ""),
            (label(lang, "conditions"), f.get("conditions") or ""),
            (label(lang, "time_limit"), f.get("time_limit") or ""),
            (label(lang, "fee"), f.get("fee") or ""),
            (label(lang, "place"), f.get("place") or ""),
            (label(lang, "enquiry_phone"), f.get("phone") or ""),
        ]
    if item.type == "finance":
        return [
            (label(lang, "finance_period"), f.get("period") or ""),
            (label(lang, "money_unit"), f.get("unit") or ""),
            *((label(lang, f"{t.name}_total"), cell_text(t.footer[1]))
              for t in item_tables(item, lang, on=ctx.on, masked_ids=ctx.project.site.publish_masked_ids)),
        ]
    if item.type == "subsidy-list":
        people = f.get("recipients") or []
        return [
            (label(lang, "program"), f.get("program") or ""),
            (label(lang, "money_unit"), f.get("unit") or ""),
            (label(lang, "objection_phone"), f.get("objection_phone") or ""),
            (label(lang, "households"), str(len(people))),
            (label(lang, "persons"), str(sum(p.get("persons") or 1 for p in people))),
        ]
    if item.type == "subsidy-summary":
        return [(label(lang, "program"), f.get("program") or ""),
                (label(lang, "summary_period"), f.get("period") or "")]
    return [(label(lang, "basis"), item.basis or "")]


def _expired_totals(item: Item, lang: str) -> list[tuple[str, str]]:
    """An expired subsidy list's aggregate figures: never a name."""
    if item.type != "subsidy-list":
        return []
    people = item.fields.get("recipients") or []
    amount = item.fields.get("total_amount") or total(p["amount"] for p in people)
    unit = item.fields.get("unit") or ""
    return [
        (label(lang, "program"), item.fields.get("program") or ""),
        (label(lang, "households"), str(len(people))),
        (label(lang, "persons"), str(sum(p.get("persons") or 1 for p in people))),
        (label(lang, "amount_total"), f"{cell_text(amount)} {unit}".strip()),
    ]


def _expired_notice(item: Item, office: Office, lang: str) -> str:
    """In a sentence: the names came down when the window closed, and whom to call."""
    marker = "\x00"
    text = label(lang, "expired_notice", end=item.expires.isoformat(), office=office.name, phone=marker)
    before, _, after = text.partition(marker)
    return (f'<p class="gk-expired-note">{escape(before)}{tel_html(office.phone)}{escape(after)}'
            f'{"。" if lang == "zh" else "."}</p>')


def _filter(table: Table, lang: str) -> str:
    """Filter controls for a subsidy list: free text over name and group, and a group menu."""
    groups = sorted({str(row[2]) for row in table.rows if row[2]}, key=group_key)
    options = "".join(f'<option value="{escape(g)}">{escape(g)}</option>' for g in groups)
    select = (f'<select data-gk-col="2" aria-label="{escape(label(lang, "filter_group"))}">'
              f'<option value="">{escape(label(lang, "filter_group"))}</option>{options}</select>'
              if groups else "")
    return (f'<div class="gk-filter" data-search-exclude data-gk-table="t-{table.name}" '
            f'data-gk-count="{escape(label(lang, "filter_count", shown="{shown}", total="{total}"))}">'
            f'<input type="search" data-gk-cols="1,2" placeholder="{escape(label(lang, "filter_name"))}" '
            f'aria-label="{escape(label(lang, "filter_name"))}">{select}'
            f'<span class="gk-count" aria-live="polite"></span></div>')


def _accountability(ctx: Context, item: Item) -> list[str]:
    """Review chain and the revision history: what clerks wrote for the public.

    The history lists the ``changes`` (修订说明) and ``corrections`` (勘误)
    entries, newest first. Git supplies only a date (the last change of the
    file); commit messages are never shown.
    """
    lang, out = ctx.language, []
    if item.review:
        r = item.review
        out.append('<p class="gk-review" data-search-exclude>' + dates_html(label(
            lang, "review_chain", reviewed=r.reviewed_by, checked=r.checked_by,
            approved=r.approved_by, on=r.approved_on.isoformat())) + "</p>")
    entries = sorted(
        [(c.date, label(lang, "change"), c.text, "") for c in item.changes]
        + [(c.date, label(lang, "correction"), c.what, c.why) for c in item.corrections],
        key=lambda e: e[0], reverse=True)
    revisions = ctx.history.get(item.source, [])
    if not entries and item.quarter is not None:
        return out
    out.append(heading(2, label(lang, 'history')))
    if entries:
        out.append(table_html(Table(
            name="history", title="",
            columns=[label(lang, "date"), label(lang, "history_kind"), label(lang, "history_text"),
                     label(lang, "why")],
            rows=[list(e) for e in entries]), language=lang))
    else:
        out.append(f'<p class="gk-note" data-search-exclude>{escape(label(lang, "no_history"))}</p>')
    if revisions:
        out.append(f'<p class="gk-note" data-search-exclude>'
                   f'{escape(label(lang, "last_changed", date=revisions[0].date.isoformat()))}</p>')
    return out


def item_link(ctx: Context, from_path: str, item: Item, note: str = "") -> tuple[str, str, str]:
    """(href, title, note) for lists of items; expired items say so."""
    if item.is_expired(ctx.on):
        note = " · ".join(n for n in (note, label(ctx.language, "expired")) if n)
    return rel(from_path, urls.item_path(item)), item.title, note

