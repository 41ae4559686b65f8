"""What the theme prints around the pages: colours, logo, footer, its own words.

The plugin hands these to Material's configuration; every content text is
escaped here, since Material's templates print ``config.copyright`` as HTML.
"""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath

from ..labels import label
from ..model import Site
from .html import tel_html

LOGO_PATH = "assets/images/logo"  # + the file's suffix
FAVICON = "assets/images/favicon.svg"
FOOTER_LABELS = {"sponsor": "sponsor", "address": "footer_address", "phone": "footer_phone",
                 "site_code": "site_code", "icp": "icp", "police_record": "police_record"}
THEME_WORDS = ("print_url", "large_text", "large_text_label", "not_found", "not_found_text", "back_home")


def palette(site: Site) -> dict:
    """Material's palette: our own colour names, defined in gongkai.css (政务红, 政务蓝)."""
    return {"scheme": "default", "primary": f"gk-{site.palette}", "accent": f"gk-{site.palette}"}


def logo_path(site: Site) -> str | None:
    """Where the office's emblem is published, or None without one."""
    return f"{LOGO_PATH}{PurePosixPath(site.logo).suffix.lower()}" if site.logo else None


def footer_html(site: Site) -> str:
    """The footer lines Chinese government sites carry, each only when set in site.yml."""
    lang, parts = site.language, []
    for key, name in FOOTER_LABELS.items():
        value = site.footer.get(key)
        if not value:
            continue
        text = tel_html(value) if key == "phone" else escape(value)  # record numbers as text: no host named
        parts.append(f'<span class="gk-footer-item">{escape(label(lang, name))}：{text}</span>')
    return f'<div class="gk-footer">{"".join(parts)}</div>' if parts else ""


def theme_words(language: str) -> dict[str, str]:
    """Words our templates and scripts print (404 page, 大字 switch, printed URL)."""
    return {key: label(language, key) for key in THEME_WORDS}
