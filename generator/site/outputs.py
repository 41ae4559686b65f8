"""What the site stage produces (pages, downloads) and what it reads besides the model."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from html import escape

from ..model import Item, Office, Project


@dataclass(frozen=True)
class Revision:
    """One commit that changed an item file: only its date (its message is never published)."""

    date: dt.date


@dataclass(frozen=True)
class Page:
    """A generated page at a directory URL (``''`` is the home page)."""

    path: str
    title: str
    body: str  # Markdown (mostly raw HTML blocks)
    searchable: bool = True  # False: left out of the search index (pages repeating others)
    hide: tuple[str, ...] = ()  # Material's sidebars to hide: "navigation", "toc"

    @property
    def src_uri(self) -> str:
        return f"{self.path}index.md"

    def markdown(self) -> str:
        """The page file; the home page has no title of its own (its <title> is the site's).

        The title is HTML-escaped: MkDocs and Material print page titles as markup.
        """
        meta = [] if not self.path else [f"title: {json.dumps(escape(self.title), ensure_ascii=False)}"]
        if not self.searchable:
            meta.append("search: {exclude: true}")
        if self.hide:
            meta.append(f"hide: [{', '.join(self.hide)}]")
        front = "---\n" + "\n".join(meta) + "\n---\n\n" if meta else ""
        return f"{front}{self.body}\n"


@dataclass(frozen=True)
class Download:
    """A file offered for download (CSV, JSON, feed) at a site path."""

    path: str
    content: bytes


@dataclass
class SiteOutput:
    pages: list[Page] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)
    nav: list = field(default_factory=list)  # MkDocs ``nav``: office and section level only


@dataclass
class Context:
    """Everything a page is made from: the model plus the build's date and surroundings."""

    project: Project
    on: dt.date  # build date: decides which items are expired
    history: dict[str, list[Revision]] = field(default_factory=dict)  # item source -> newest first
    assets: frozenset[str] = frozenset()  # site paths of rendered board files present

    @property
    def language(self) -> str:
        return self.project.site.language

    def public_items(self, office: Office) -> list[Item]:
        return [item for item in office.items() if item.is_public(self.on)]

    def quarter_items(self, office: Office, quarter) -> list[Item]:
        return [item for item in office.quarters.get(quarter, []) if item.is_public(self.on)]
