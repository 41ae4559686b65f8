"""Stable public URLs: the site's pages and the boards' QR codes agree on these.

Every past quarter keeps its URL forever, so these paths are a public contract.
All paths are relative to the site root and end with ``/`` (directory URLs).
"""

from __future__ import annotations

from .model import Item, Office, Quarter

# Top-level site paths that are not offices: an office id must not take one.
RESERVED = frozenset({"quarters", "catalogue", "boards", "booklets", "assets", "search",
                      "feed.xml", "sitemap.xml", "404.html"})


def office_path(office_id: str) -> str:
    return f"{office_id}/"


def quarter_path(office_id: str, quarter: Quarter) -> str:
    return f"{office_id}/{quarter}/"


def item_path(item: Item) -> str:
    if item.quarter is None:
        return f"{item.office_id}/{item.id}/"
    return f"{item.office_id}/{item.quarter}/{item.id}/"


def site_quarter_path(quarter: Quarter) -> str:
    return f"quarters/{quarter}/"


def absolute(base_url: str, path: str) -> str:
    """Join the site's ``url`` (site.yml) and a page path."""
    return base_url.rstrip("/") + "/" + path


def office_url(base_url: str, office: Office) -> str:
    return absolute(base_url, office_path(office.id))


def item_url(base_url: str, item: Item) -> str:
    return absolute(base_url, item_path(item))


def board_dir(board_id: str, quarter: Quarter) -> str:
    """Where a board edition's files live in the built site: PDF, proof PNG, manifest."""
    return f"boards/{board_id}/{quarter}/"


def booklet_dir(office_id: str, quarter: Quarter) -> str:
    return f"booklets/{office_id}/{quarter}/"
