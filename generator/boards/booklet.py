"""An office's A4 booklet (政务公开资料汇编) of one quarter: cover, contents, every item."""

from __future__ import annotations

from .. import __version__, urls
from ..labels import quarter_name
from ..model import Item, Office, Quarter, Site
from .document import CMYK_PROFILE, FontFace, environment, families
from .edition import publication_date
from .forms import LABELS, format_date, label, panel
from .qr import qr_html


def _meta(item: Item, language: str) -> str:
    parts = [item.category or ""]
    if item.published:
        parts.append(f"{label('published', language)}：{format_date(item.published, language)}")
    return " · ".join(p for p in parts if p)


def booklet_html(office: Office, quarter: Quarter, items: list[Item], site: Site,
                 faces: list[FontFace]) -> str:
    language = site.language
    env = environment()
    css = env.get_template("booklet.css").render(
        fonts=faces, families=families(faces), cmyk_profile=CMYK_PROFILE.as_uri())
    published = publication_date(items, quarter)
    return env.get_template("booklet.html").render(
        css=css,
        html_lang="zh-CN" if language == "zh" else "en",
        office=office,
        edition=quarter_name(language, quarter),
        created=f"{published.isoformat()}T00:00:00+08:00",
        generator=f"gongkai {__version__}",
        labels=LABELS.get(language, LABELS["zh"]),
        supervision_phone=office.supervision_phone or site.supervision_phone,
        office_qr=qr_html(urls.office_url(site.url, office)),
        panels=[panel(item, site) for item in items],
        meta=[_meta(item, language) for item in items],
    )



def booklet_key(office: Office, quarter: Quarter, items: list[Item], site: Site) -> str:
    """Everything the booklet prints, as text (the render cache's key; no QR codes made)."""
    language = site.language
    return repr((office.name, office.address, office.phone, office.hours, office.supervision_phone,
                 site.supervision_phone, site.url, str(quarter), language,
                 [panel(item, site) for item in items], [_meta(item, language) for item in items]))
