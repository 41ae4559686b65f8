"""Index pages: home, office, quarter archives (per office and site-wide)."""

from __future__ import annotations

from html import escape

from .. import urls
from ..model import OFFICE_KINDS, Item, Office, Quarter
from ..labels import label, quarter_name, type_name
from .html import a, breadcrumb, facts, heading, link_list, md_text, rel, tel_html
from .items import item_link
from .outputs import Context, Page
from .boards import board_links
from .requests import access_blocks

LATEST_COUNT = 10
QUARTERS_PATH = "quarters/"
CATALOGUE_PATH = "catalogue/"
FEED_PATH = "feed.xml"


def _sort_date(item: Item):
    return item.published or (item.review.approved_on if item.review else None)


def latest_items(ctx: Context, count: int) -> list[Item]:
    """Newest published items first (ties by URL), for the home page and the feed."""
    dated = [i for o in ctx.project.offices.values() for i in ctx.public_items(o) if _sort_date(i)]
    dated.sort(key=lambda i: urls.item_path(i))
    dated.sort(key=_sort_date, reverse=True)
    return dated[:count]


def home_page(ctx: Context) -> Page:
    lang, site, path = ctx.language, ctx.project.site, ""
    offices = ctx.project.offices
    blocks = [f"# {md_text(site.title)}"]
    if site.supervision_phone:
        blocks.append(f'<p class="gk-hotline">{escape(label(lang, "supervision_phone"))}：'
                      f'{tel_html(site.supervision_phone)}</p>')
    blocks.append(f'<p class="gk-shortcuts" data-search-exclude>{a(CATALOGUE_PATH, label(lang, "catalogue"))} · '
                  f'{a(QUARTERS_PATH, label(lang, "quarters"))} · {a(FEED_PATH, label(lang, "feed"))}</p>')
    latest = latest_items(ctx, LATEST_COUNT)
    if latest:
        blocks.append(heading(2, label(lang, 'latest')))
        blocks.append(link_list(
            item_link(ctx, path, item, f"{offices[item.office_id].name} · {_sort_date(item)}")
            for item in latest))
    for kind in OFFICE_KINDS:
        group = [o for o in offices.values() if o.kind == kind]
        if group:
            blocks.append(heading(2, label(lang, 'kinds_' + kind)))
            blocks.append(link_list((rel(path, urls.office_path(o.id)), o.name, o.address)
                                    for o in group))
    blocks.extend(access_blocks(lang, site))
    return Page(path, site.title, "\n\n".join(blocks))


def office_page(ctx: Context, office: Office) -> Page:
    lang, path = ctx.language, urls.office_path(office.id)
    blocks = [breadcrumb([(rel(path, ""), label(lang, "home"))], lang), f"# {md_text(office.name)}",
              facts([
                  (label(lang, "address"), office.address),
                  (label(lang, "phone"), office.phone),
                  (label(lang, "hours"), office.hours),
                  (label(lang, "supervision_phone"), office.supervision_phone),
              ], phones=(label(lang, "phone"), label(lang, "supervision_phone")))]
    fixed = [item for item in office.fixed if item.is_public(ctx.on)]
    if fixed:
        blocks.append(heading(2, label(lang, 'fixed_items')))
        categories = list(ctx.project.site.categories)
        extra = sorted({i.category or "" for i in fixed} - set(categories))
        for category in categories + extra:
            group = [i for i in fixed if (i.category or "") == category]
            if group:
                if category:
                    blocks.append(heading(3, category))
                blocks.append(link_list(item_link(ctx, path, i, type_name(lang, i.type)) for i in group))
    quarters = [q for q in sorted(office.quarters, reverse=True) if ctx.quarter_items(office, q)]
    if quarters:
        current = quarters[0]
        blocks.append(heading(2, label(lang, 'current_quarter', quarter=quarter_name(lang, current))))
        blocks.append(link_list(item_link(ctx, path, i, type_name(lang, i.type))
                                for i in ctx.quarter_items(office, current)))
    boards = _boards(ctx, office, path) + board_links(ctx, office, path)
    if boards:
        blocks.append(heading(2, label(lang, 'boards')))
        blocks.extend(boards)
    if quarters:
        blocks.append(heading(2, label(lang, 'earlier_quarters')))
        blocks.append(link_list(
            (rel(path, urls.quarter_path(office.id, q)), quarter_name(lang, q),
             label(lang, "pages", count=len(ctx.quarter_items(office, q))))
            for q in quarters))
    blocks.extend(access_blocks(lang, ctx.project.site, office))
    return Page(path, office.name, "\n\n".join(blocks))


def _boards(ctx: Context, office: Office, path: str) -> list[str]:
    """The office's boards (PDF + proof) and booklet, each in its newest rendered edition."""
    lang, out = ctx.language, []
    quarters = sorted(office.quarters, reverse=True)
    for board in ctx.project.boards.values():
        if board.office_id != office.id:
            continue
        edition = next((q for q in quarters if _board_file(board.id, q, "pdf") in ctx.assets), None)
        if edition is None:
            continue
        pdf, png = _board_file(board.id, edition, "pdf"), _board_file(board.id, edition, "png")
        title = board.printed_title(office.kind, lang)
        proof = label(lang, "board_proof", title=title, quarter=quarter_name(lang, edition))
        image = (f'<a href="{escape(rel(path, pdf))}"><img src="{escape(rel(path, png))}" '
                 f'alt="{escape(proof)}" loading="lazy"></a>' if png in ctx.assets else "")
        out.append(f'<figure class="gk-board" data-search-exclude>{image}<figcaption>{escape(title)}（{quarter_name(lang, edition)}）· '
                   f'{a(rel(path, pdf), label(lang, "board_pdf"))}</figcaption></figure>')
    booklets = [f"{urls.booklet_dir(office.id, q)}{office.id}-{q}-booklet.pdf" for q in quarters]
    booklet = next((b for b in booklets if b in ctx.assets), None)
    if booklet:
        out.append(f'<p class="gk-download" data-search-exclude>{a(rel(path, booklet), label(lang, "booklet"))}</p>')
    return out


def _board_file(board_id: str, quarter: Quarter, suffix: str) -> str:
    return f"{urls.board_dir(board_id, quarter)}{board_id}-{quarter}.{suffix}"


def office_quarter_page(ctx: Context, office: Office, quarter: Quarter) -> Page:
    lang, path = ctx.language, urls.quarter_path(office.id, quarter)
    title = label(lang, "quarter_title", office=office.name, quarter=quarter_name(lang, quarter))
    blocks = [breadcrumb([(rel(path, ""), label(lang, "home")),
                          (rel(path, urls.office_path(office.id)), office.name)], lang),
              f"# {md_text(title)}",
              link_list(item_link(ctx, path, i, type_name(lang, i.type))
                        for i in ctx.quarter_items(office, quarter)),
              "<p>" + a(rel(path, urls.site_quarter_path(quarter)),
                        label(lang, "site_quarter_title", quarter=quarter_name(lang, quarter))) + "</p>"]
    return Page(path, title, "\n\n".join(blocks))


def site_quarters(ctx: Context) -> list[Quarter]:
    found = {q for o in ctx.project.offices.values() for q in o.quarters if ctx.quarter_items(o, q)}
    return sorted(found, reverse=True)


def site_quarter_page(ctx: Context, quarter: Quarter) -> Page:
    lang, path = ctx.language, urls.site_quarter_path(quarter)
    title = label(lang, "site_quarter_title", quarter=quarter_name(lang, quarter))
    blocks = [breadcrumb([(rel(path, ""), label(lang, "home")),
                          (rel(path, QUARTERS_PATH), label(lang, "quarters"))], lang),
              f"# {md_text(title)}"]
    for office in ctx.project.offices.values():
        items = ctx.quarter_items(office, quarter)
        if items:
            link = a(rel(path, urls.quarter_path(office.id, quarter)), office.name)
            blocks.append(f'<h2 class="gk-office" data-search-exclude>{link}</h2>')
            blocks.append(link_list(item_link(ctx, path, i, type_name(lang, i.type)) for i in items))
    return Page(path, title, "\n\n".join(blocks))


def quarters_page(ctx: Context, quarters: list[Quarter]) -> Page:
    lang, path = ctx.language, QUARTERS_PATH
    offices = ctx.project.offices.values()
    blocks = [breadcrumb([(rel(path, ""), label(lang, "home"))], lang),
              f"# {md_text(label(lang, 'quarter_list'))}",
              link_list((rel(path, urls.site_quarter_path(q)), quarter_name(lang, q),
                         label(lang, "pages", count=sum(len(ctx.quarter_items(o, q)) for o in offices)))
                        for q in quarters)]
    return Page(path, label(lang, "quarter_list"), "\n\n".join(blocks))
