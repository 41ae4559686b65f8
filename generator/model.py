"""The content model: what a loaded, validated project holds.

Every later stage (site pages, board layouts, workflow commands) reads these
objects and never the files. Values are already typed: dates are
``datetime.date``, money is ``decimal.Decimal``, counts are ``int``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUARTER_PATTERN = re.compile(r"^(\d{4})-Q(\d)$")

FIXED_TYPES = ("procedure", "pledge", "rules", "duties", "fees")
ROTATING_TYPES = ("finance", "subsidy-list", "projects", "notice", "table")
ITEM_TYPES = (
    "procedure", "pledge", "rules", "notice", "duties",
    "fees", "finance", "subsidy-list", "projects", "table",
    "subsidy-summary", "reply",
)
OFFICE_KINDS = ("town", "village", "department")
DEFAULT_CATEGORIES = ("政务类", "财务类", "服务类", "党务类")
DEFAULT_BOARD_TITLES = {"zh": ("政务公开栏", "村务公开栏"), "en": ("Public Disclosure Board", "Village Affairs Board")}


@dataclass(frozen=True, order=True)
class Location:
    """Where a value was written: a project-relative POSIX path, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, written ``2025-Q3``."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """Parse ``YYYY-Qn``; raise ValueError for anything else (``2025-Q5``)."""
        match = QUARTER_PATTERN.match(text.strip())
        if not match or not 1 <= int(match.group(2)) <= 4:
            raise ValueError(text)
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: dt.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the quarter."""
        return self.next().start - dt.timedelta(days=1)

    def next(self) -> "Quarter":
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"


@dataclass(frozen=True)
class Review:
    """The review chain: 审核 → 复核 → 审批."""

    reviewed_by: str
    checked_by: str
    approved_by: str
    approved_on: dt.date


@dataclass(frozen=True)
class Correction:
    """A recorded change to an item after its quarter was published (勘误)."""

    date: dt.date
    what: str
    why: str


@dataclass(frozen=True)
class Change:
    """A revision note the clerk wrote for the public (修订说明)."""

    date: dt.date
    text: str


@dataclass
class Table:
    """A rectangular table derived from an item, for display and CSV download."""

    name: str  # stable slug, used in download file names
    title: str
    columns: list[str]
    rows: list[list[Any]]
    numeric: list[bool] = field(default_factory=list)  # per column: right-align, tabular figures
    footer: list[Any] | None = None  # totals row, same width as columns


@dataclass
class Item:
    """One disclosure item: a fixed item or a rotating item of one quarter."""

    id: str
    office_id: str
    type: str
    title: str
    source: str  # project-relative path of the item file
    quarter: Quarter | None = None  # None for fixed items
    category: str | None = None
    summary: str | None = None
    basis: str | None = None
    published: dt.date | None = None
    expires: dt.date | None = None
    draft: bool = False
    review: Review | None = None
    corrections: list[Correction] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # revision notes for the public
    body: str = ""  # Markdown body of a .md item
    rows_from: str | None = None  # CSV file (beside the item) that the rows came from
    fields: dict[str, Any] = field(default_factory=dict)  # type-specific, typed values
    locations: dict[tuple, Location] = field(default_factory=dict)  # field path -> where written
    dynamics: Any = None  # subsidy-list: its derived quarter summary (generator.dynamics.Dynamics)
    catalogue: str | None = None  # the catalogue entry it covers (by type when not written)
    disclosure: dict[str, Any] = field(default_factory=dict)  # standard columns as written (None: default)
    formed: dt.date | None = None  # when the information was formed or changed (20 working days to publish)

    @property
    def section(self) -> str:
        """``fixed`` or ``quarter``: the prefix used by board panels."""
        return "fixed" if self.quarter is None else "quarter"

    @property
    def key(self) -> str:
        """Board panel reference: ``fixed/<id>`` or ``quarter/<id>``."""
        return f"{self.section}/{self.id}"

    def is_expired(self, on: dt.date) -> bool:
        """True once the publication window has closed (the day after ``expires``)."""
        return self.expires is not None and on > self.expires

    def summary_on(self, on: dt.date) -> str | None:
        """The summary as published ``on``: none once the window has closed."""
        return None if self.is_expired(on) else self.summary

    def is_public(self, on: dt.date) -> bool:
        """Published by ``on``: not a draft, and its ``published`` date (if any) has come."""
        return not self.draft and (self.published is None or self.published <= on)

    def location(self, *path: Any) -> Location:
        """Where a field (or the nearest enclosing value) was written."""
        for end in range(len(path), -1, -1):
            found = self.locations.get(tuple(path[:end]))
            if found:
                return found
        return Location(self.source)


@dataclass
class Office:
    id: str
    name: str
    kind: str
    source: str
    address: str = ""
    phone: str = ""
    supervision_phone: str = ""
    hours: str = ""
    requests: dict[str, Any] = field(default_factory=dict)  # 依申请公开: where, how, phone, email
    feedback: dict[str, Any] = field(default_factory=dict)  # 意见箱: box, how, phone, email
    fixed: list[Item] = field(default_factory=list)  # sorted by id
    quarters: dict[Quarter, list[Item]] = field(default_factory=dict)  # ascending, items by id

    @property
    def latest_quarter(self) -> Quarter | None:
        return max(self.quarters) if self.quarters else None

    def items(self) -> list[Item]:
        """Every item: fixed first, then quarters oldest first."""
        out = list(self.fixed)
        for quarter in sorted(self.quarters):
            out.extend(self.quarters[quarter])
        return out

    def find(self, key: str, quarter: Quarter | None = None) -> Item | None:
        """Resolve a panel reference (``fixed/<id>`` or ``quarter/<id>``)."""
        section, _, item_id = key.partition("/")
        if section == "fixed":
            pool = self.fixed
        elif section == "quarter":
            pool = self.quarters.get(quarter or self.latest_quarter, [])
        else:
            return None
        return next((item for item in pool if item.id == item_id), None)


@dataclass(frozen=True)
class PanelRef:
    key: str  # fixed/<id> or quarter/<id>
    location: Location


@dataclass
class Board:
    id: str
    office_id: str
    source: str
    title: str | None = None  # default: 政务公开栏 / 村务公开栏 by office kind
    size: str = "A0"  # as written
    width_mm: Decimal = Decimal(841)  # trim size after orientation
    height_mm: Decimal = Decimal(1189)
    orientation: str = "portrait"
    profile: str = "inkjet"  # offset | inkjet
    margin_mm: Decimal = Decimal(50)  # inkjet blank margin for grommets
    columns: int = 3
    panels: list[PanelRef] = field(default_factory=list)
    locations: dict[tuple, Location] = field(default_factory=dict)  # field path -> where written

    def printed_title(self, office_kind: str, language: str) -> str:
        """The header title as printed: ``title``, else 政务公开栏 (村务公开栏 for a village)."""
        if self.title:
            return self.title
        town, village = DEFAULT_BOARD_TITLES.get(language, DEFAULT_BOARD_TITLES["zh"])
        return village if office_kind == "village" else town


@dataclass
class Site:
    title: str
    language: str = "zh"
    url: str = ""
    supervision_phone: str = ""
    categories: list[str] = field(default_factory=lambda: list(DEFAULT_CATEGORIES))
    fonts: list[str] = field(default_factory=list)  # extra board font files, project-relative
    publish_masked_ids: bool = False  # subsidy lists show their recipients' masked ID numbers
    requests: dict[str, Any] = field(default_factory=dict)  # 依申请公开: where, how, phone, email
    feedback: dict[str, Any] = field(default_factory=dict)  # 意见箱: box, how, phone, email
    palette: str = "red"  # 政务红 (red) or 政务蓝 (blue)
    logo: str = ""  # emblem image file, project-relative
    footer: dict[str, str] = field(default_factory=dict)  # 主办单位, 地址, … as set in site.yml


@dataclass
class CatalogueEntry:
    """One entry of the disclosure catalogue (content/catalogue.yml): what must be published, how often."""

    id: str
    columns: dict[str, Any]  # level1, level2, elements, basis, limit, channel, audience, way (None: unset)
    levels: list[str]  # 县级, 乡级, 村级: the levels whose offices must publish it
    frequency: str  # 常态, 每季度, 每月, 即时
    types: list[str] = field(default_factory=list)  # item types that cover it by default
    due_days: int = 20  # working days after a period starts to publish its item
    location: Location = Location("content/catalogue.yml")


@dataclass
class Project:
    root: Path
    site: Site
    offices: dict[str, Office] = field(default_factory=dict)  # sorted by id
    boards: dict[str, Board] = field(default_factory=dict)  # sorted by id
    catalogue: list[CatalogueEntry] = field(default_factory=list)  # content/catalogue.yml, in file order

    def items(self) -> list[Item]:
        return [item for office in self.offices.values() for item in office.items()]
