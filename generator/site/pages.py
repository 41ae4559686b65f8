"""The site stage: model -> every generated page and download (no MkDocs involved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import Project
from ..urls import RESERVED
from .boards import board_pages
from .catalogue import catalogue
from .feed import feed
from .indexes import home_page, office_page, office_quarter_page, quarters_page, site_quarter_page, site_quarters
from .items import item_page
from .nav import navigation
from .outputs import Context, Revision, SiteOutput

NAV_MAX_OFFICES = 40


class SiteError(ValueError):
    """The project cannot be published as a site (e.g. an office id takes a reserved URL)."""


def generate(project: Project, on: dt.date, *, history: dict[str, list[Revision]] | None = None,
             assets: frozenset[str] = frozenset(), nav_max_offices: int = NAV_MAX_OFFICES) -> SiteOutput:
    """All pages and downloads of the site built ``on`` a date, in a stable order.

    ``history`` maps item sources to their git revisions; ``assets`` names the
    rendered board files present (site paths) so office pages link only those.
    """
    clashes = sorted(RESERVED & set(project.offices))
    if clashes:
        raise SiteError(", ".join(clashes))
    ctx = Context(project, on, history or {}, frozenset(assets))
    out = SiteOutput()
    out.pages.append(home_page(ctx))
    for office in project.offices.values():
        out.pages.append(office_page(ctx, office))
        for quarter in sorted(office.quarters):
            if ctx.quarter_items(office, quarter):
                out.pages.append(office_quarter_page(ctx, office, quarter))
        for item in ctx.public_items(office):
            page, downloads = item_page(ctx, office, item)
            out.pages.append(page)
            out.downloads.extend(downloads)
    quarters = site_quarters(ctx)
    out.pages.append(quarters_page(ctx, quarters))
    out.pages.extend(site_quarter_page(ctx, q) for q in quarters)
    out.pages.extend(board_pages(ctx))
    page, downloads = catalogue(ctx)
    out.pages.append(page)
    out.downloads.extend(downloads)
    out.downloads.append(feed(ctx))
    out.nav = navigation(ctx, quarters, nav_max_offices)
    return out


def board_assets(folder: Path | None) -> frozenset[str]:
    """Site paths of the rendered board files under ``folder`` (its boards/ and booklets/)."""
    if folder is None or not folder.is_dir():
        return frozenset()
    return frozenset(p.relative_to(folder).as_posix()
                     for top in ("boards", "booklets") if (folder / top).is_dir()
                     for p in (folder / top).rglob("*") if p.is_file())

