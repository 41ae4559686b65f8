"""Board pages: every edition of a board with its check code (核验码), current or superseded.

Anyone standing at a board can compare the code in its footer with the
"current" row here. The current edition is the one a build made today prints;
an earlier quarter's edition is shown as it stood on the last day of its
quarter. Item pages link to the editions that print them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from .. import urls
from ..boards.edition import edition_quarter, select_edition
from ..boards.fingerprint import fingerprint
from ..boards.forms import format_date
from ..diagnostics import Report
from ..model import Board, Item, Office, Project, Quarter, Table
from .html import breadcrumb, coded, link_list, md_text, rel, table_html
from ..labels import label, quarter_name
from .outputs import Context, Page


@dataclass(frozen=True)
class EditionInfo:
    board: Board
    quarter: Quarter
    published: dt.date
    code: str
    current: bool
    panels: tuple[str, ...]  # keys of the items printed

    @property
    def anchor(self) -> str:
        return f"e-{self.quarter}"


def board_path(board: Board) -> str:
    return f"boards/{board.id}/"


def _file(board: Board, quarter: Quarter, suffix: str) -> str:
    return f"{urls.board_dir(board.id, quarter)}{board.id}-{quarter}.{suffix}"


def _editions(project: Project, board: Board, on: dt.date) -> tuple[EditionInfo, ...]:
    office = project.offices.get(board.office_id)
    if office is None:
        return ()
    current = edition_quarter(office, None, on)
    out = []
    for quarter in sorted(office.quarters, reverse=True):
        if quarter > current:
            continue
        day = on if quarter == current else min(on, quarter.end)
        edition = select_edition(project, board, quarter, day, Report(project.site.language))
        if edition is None or not edition.items or not any(i.quarter == quarter for i in edition.items):
            continue
        out.append(EditionInfo(board, quarter, edition.published, fingerprint(edition, project.site),
                               quarter == current, tuple(i.key for i in edition.items)))
    return tuple(out)


def editions(ctx: Context, board: Board) -> tuple[EditionInfo, ...]:
    """The board's editions, newest first (worked out once per build)."""
    cache = ctx.__dict__.setdefault("_board_editions", {})
    if board.id not in cache:
        cache[board.id] = _editions(ctx.project, board, ctx.on)
    return cache[board.id]


def board_pages(ctx: Context) -> list[Page]:
    return [board_page(ctx, board) for board in ctx.project.boards.values()
            if board.office_id in ctx.project.offices]


def board_page(ctx: Context, board: Board) -> Page:
    lang, path = ctx.language, board_path(board)
    office = ctx.project.offices[board.office_id]
    title = board.printed_title(office.kind, lang)
    heading = label(lang, "board_page_title", title=title, office=office.name)
    blocks = [breadcrumb([(rel(path, ""), label(lang, "home")),
                          (rel(path, urls.office_path(office.id)), office.name)], lang),
              f"# {md_text(heading)}",
              f'<p class="gk-note">{escape(label(lang, "board_check_help"))}</p>']
    infos = editions(ctx, board)
    pdfs = [_file(board, info.quarter, "pdf") for info in infos]
    table = Table(name="editions", title="", columns=[label(lang, key) for key in (
        "board_edition", "published", "board_code", "board_status", "board_file")],
        rows=[[quarter_name(lang, info.quarter), info.published, info.code,
               label(lang, "board_current" if info.current else "board_superseded"),
               label(lang, "board_pdf") if pdf in ctx.assets else ""] for info, pdf in zip(infos, pdfs)])
    if infos:
        blocks.append(table_html(table, table_id="t-editions", language=lang, link_column=4,
                                 first_cell_links=[rel(path, pdf) if pdf in ctx.assets else "" for pdf in pdfs],
                                 row_ids=[info.anchor for info in infos], classes={2: "gk-code"}))
    current = next((info for info in infos if info.current), None)
    if current:
        blocks.append(f"## {md_text(label(lang, 'board_panels', quarter=quarter_name(lang, current.quarter)))}")
        items = [office.find(key, current.quarter) for key in current.panels]
        blocks.append(link_list((rel(path, urls.item_path(i)), i.title, "") for i in items if i))
    return Page(path, heading, "\n\n".join(blocks))


def board_links(ctx: Context, office: Office, from_path: str) -> list[str]:
    """Links from an office page to its boards' pages (editions and check codes)."""
    lang, links = ctx.language, []
    for board in ctx.project.boards.values():
        if board.office_id == office.id:
            current = next((i for i in editions(ctx, board) if i.current), None)
            note = coded(lang, "board_code_note", current.code) if current else ""
            links.append((rel(from_path, board_path(board)), escape(label(lang, "board_editions",
                          title=board.printed_title(office.kind, lang))), note))
    return [link_list(links, html=True)] if links else []


def printed_in(ctx: Context, item: Item) -> str:
    """On an item page: the board editions that print it (the current one first)."""
    lang, path = ctx.language, urls.item_path(item)
    office = ctx.project.offices.get(item.office_id)
    if office is None:
        return ""
    links = []
    for board in ctx.project.boards.values():
        if board.office_id != item.office_id:
            continue
        for info in editions(ctx, board):
            if item.key in info.panels and (item.quarter in (None, info.quarter)) and (
                    item.quarter is not None or info.current):
                text = coded(lang, "board_printed_in", info.code, title=board.printed_title(office.kind, lang),
                             edition=format_date(info.published, lang))
                links.append((f"{rel(path, board_path(board))}#{info.anchor}", text, ""))
    if not links:
        return ""
    return f'<div class="gk-printed"><p>{escape(label(lang, "board_printed"))}</p>{link_list(links, html=True)}</div>'
