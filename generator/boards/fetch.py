"""What WeasyPrint may read while it renders a board, booklet or tile labels.

Only the project's own print files: the board theme, the colour profile, font
files (by their signature: @font-face of the board fonts and their extracted
faces) and ``data:`` images. Any other ``file:`` URL, ``http(s):`` and every
other scheme are refused, and attachments (``rel="attachment"`` on ``<a>`` or
``<link>``) are removed before layout, so no file of the building machine
and nothing from the network can reach a published PDF.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.urls import URLFetcher

from .document import CMYK_PROFILE, THEME

LOGGER = logging.getLogger("gongkai.boards")
FONT_SUFFIXES = (".otf", ".ttf", ".ttc", ".otc", ".woff", ".woff2")
# The first four bytes of OpenType/TrueType fonts, collections and WOFF files.
FONT_SIGNATURES = (b"OTTO", b"\x00\x01\x00\x00", b"true", b"ttcf", b"wOFF", b"wOF2")
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp|svg\+xml)[;,]", re.IGNORECASE)


class RefusedURL(ValueError):
    """A URL the board renderer does not fetch."""


class ProjectFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves only the print theme, the colour profile,
    font files and ``data:`` images; ``refused`` lists every other URL asked for."""

    def __init__(self, allowed_dirs=(THEME,), allowed_files=(CMYK_PROFILE,)):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.allowed_dirs = tuple(Path(d).resolve() for d in allowed_dirs)
        self.allowed_files = frozenset(Path(f).resolve() for f in allowed_files)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if self.allows(url):
            return super().fetch(url, headers)
        self.refused.append(url)
        LOGGER.warning("refused to fetch %s", url[:200])
        raise RefusedURL(f"gongkai does not fetch {url[:200]}")

    def allows(self, url: str) -> bool:
        if _DATA_IMAGE.match(url):
            return True
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return False
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if path in self.allowed_files or any(d in path.parents for d in self.allowed_dirs):
            return path.is_file()
        return path.suffix.lower() in FONT_SUFFIXES and is_font_file(path)


def is_font_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) in FONT_SIGNATURES
    except OSError:
        return False


def strip_attachments(document: weasyprint.HTML) -> None:
    """Remove the ``attachment`` link type from every element: nothing is embedded as a file."""
    for element in document.etree_element.iter():
        rel = element.get("rel")
        if rel and "attachment" in rel.lower().split():
            kept = [t for t in rel.split() if t.lower() != "attachment"]
            if kept:
                element.set("rel", " ".join(kept))
            else:
                del element.attrib["rel"]


def print_html(html: str, fetcher: ProjectFetcher | None = None) -> weasyprint.HTML:
    """``html`` parsed for printing: the project fetcher, no attachments."""
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher or ProjectFetcher())
    strip_attachments(document)
    return document
