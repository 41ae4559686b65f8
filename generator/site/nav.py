"""The MkDocs navigation: sections and offices only, never every item.

MkDocs renders the whole nav into every page, so a nav listing every page
makes build time grow with the square of the page count. Items are reached
from office and quarter pages; offices are listed in the sidebar only while
there are few of them. Titles are HTML-escaped: Material prints nav titles as markup.
"""

from __future__ import annotations

from html import escape

from .. import urls
from ..model import OFFICE_KINDS
from .catalogue import PATH as CATALOGUE_PATH
from .indexes import QUARTERS_PATH
from ..labels import label, quarter_name
from .outputs import Context


def navigation(ctx: Context, quarters: list, max_offices: int) -> list:
    lang = ctx.language
    offices = list(ctx.project.offices.values())
    nav: list = [{label(lang, "home"): "index.md"}]
    if len(offices) <= max_offices:
        for kind in OFFICE_KINDS:
            group = [{escape(o.name): f"{urls.office_path(o.id)}index.md"} for o in offices if o.kind == kind]
            if group:
                nav.append({label(lang, "kinds_" + kind): group})
    nav.append({label(lang, "quarters"): [f"{QUARTERS_PATH}index.md"] + [
        {quarter_name(lang, q): f"{urls.site_quarter_path(q)}index.md"} for q in quarters]})
    nav.append({label(lang, "catalogue"): f"{CATALOGUE_PATH}index.md"})
    return nav
