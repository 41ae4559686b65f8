"""A board edition's fingerprint (核验码): a short code anyone can compare with the website.

It is a hash of what the edition prints and how: the board's layout settings,
the office header, every printed item's content as the print forms read it
(title, fields without the unpublished ``id``, body, dates, its derived
dynamic table, its QR target), the board theme, the code that lays items out
and draws QR codes, the Markdown version and the generator version. It never
depends on when or where it was built, so rebuilding the same content gives
the same code, and any change to what is printed gives a new one.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import markdown

from .. import __version__, urls
from ..labels import label
from ..model import Item, Site
from ..share import shared_path
from .edition import Edition

THEME = shared_path("theme/boards")  # the checkout's, or the wheel's copy
HERE = Path(__file__).resolve().parent
# The code that turns an item into its print form and draws its QR code from its url.
LAYOUT_CODE = (HERE / "forms.py", HERE / "qr.py", HERE.parent / "tables.py", HERE.parent / "dynamics.py")


@lru_cache(maxsize=1)
def theme_digest() -> str:
    digest = hashlib.sha256()
    for path in [*sorted(p for p in THEME.glob("*") if p.is_file()), *LAYOUT_CODE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(f"markdown {markdown.__version__}".encode())
    return digest.hexdigest()


def printed_inputs(edition: Edition, site: Site) -> dict:
    """Everything the edition's print depends on, as plain data."""
    board, office = edition.board, edition.office
    return {
        "format": 1,
        "generator": __version__,
        "theme": theme_digest(),
        "language": site.language,
        "fonts": list(site.fonts),
        "board": {
            "id": board.id, "title": board.printed_title(office.kind, site.language),
            "size": [str(board.width_mm), str(board.height_mm)], "orientation": board.orientation,
            "profile": board.profile, "margin": str(board.margin_mm), "columns": board.columns,
        },
        "office": {"name": office.name, "url": urls.office_url(site.url, office),
                   "supervision_phone": office.supervision_phone or site.supervision_phone},
        "edition": str(edition.quarter),
        "published": edition.published.isoformat(),
        "panels": [_item_inputs(item, site) for item in edition.items],
    }


def _printed(value):
    """``value`` without the members that are never printed (a household's ``id``)."""
    if isinstance(value, dict):
        return {k: _printed(v) for k, v in value.items() if k != "id"}
    if isinstance(value, (list, tuple)):
        return [_printed(v) for v in value]
    return value


def _item_inputs(item: Item, site: Site) -> dict:
    dynamics = item.dynamics
    return {
        "key": item.key, "type": item.type, "title": item.title, "url": urls.item_url(site.url, item),
        "summary": item.summary, "basis": item.basis, "published": item.published, "expires": item.expires,
        "body": item.body, "fields": _printed(item.fields),
        "dynamics": None if dynamics is None else [
            [r.name, *r.counts()] for r in [*dynamics.rows, dynamics.total]],
    }


def fingerprint(edition: Edition, site: Site) -> str:
    """``7KQ2-M4XD``: 40 bits of the SHA-256 of :func:`printed_inputs`, in base32."""
    text = json.dumps(printed_inputs(edition, site), ensure_ascii=False, sort_keys=True, default=str)
    code = base64.b32encode(hashlib.sha256(text.encode()).digest()[:5]).decode()
    return f"{code[:4]}-{code[4:]}"


def fingerprint_text(edition: Edition, site: Site) -> str:
    """The footer's words: ``核验码 7KQ2-M4XD``."""
    return f"{label(site.language, 'board_code')} {fingerprint(edition, site)}"
