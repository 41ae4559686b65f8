"""What each office must publish under the catalogue, and by when: covered, due, overdue.

For every entry of ``content/catalogue.yml`` at an office's level:

- 常态 (standing): some item must cover it; missing is overdue at once.
- 每季度 / 每月: the current quarter (month) must have an item covering it,
  published within ``due_days`` (default 20) working days of the period's first
  day (政府信息公开条例 第二十六条); before that it is *due*, after it *overdue*. An entry covered
  only in earlier periods is *stale*, one never covered *missing*.
- 即时 (as it happens): never required; its items are listed.

Items with ``formed:`` that are not yet public are due 20 working days after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .model import CatalogueEntry, Item, Office, Project, Quarter
from .standard import entry_for, office_level
from .workdays import CalendarRangeError, add_working_days, publish_deadline

COVERED, DUE, OVERDUE, OPTIONAL = "covered", "due", "overdue", "optional"


@dataclass
class Obligation:
    office: Office
    entry: CatalogueEntry
    status: str  # covered | due | overdue | optional (即时, nothing published)
    period: str = ""  # 2026-Q4, 2026-11, or '' (常态, 即时)
    due: dt.date | None = None  # last day to publish this period's item (None: unknown or none)
    items: list[Item] = field(default_factory=list)  # public items covering the entry, oldest first
    ever: bool = False  # some item covered it in an earlier period (stale rather than missing)
    calendar_error: CalendarRangeError | None = None

    @property
    def missing(self) -> bool:
        return self.status in (DUE, OVERDUE) and not self.ever


@dataclass
class Upcoming:
    """Something an office must publish by ``due``: a catalogue period or a formed item."""

    office: Office
    due: dt.date
    what: str  # entry title or item title
    period: str = ""
    entry: CatalogueEntry | None = None
    item: Item | None = None


def _published(item: Item) -> dt.date | None:
    return item.published or (item.review.approved_on if item.review else None)


def covering(project: Project, office: Office, entry: CatalogueEntry, today: dt.date) -> list[Item]:
    return [i for i in office.items()
            if i.is_public(today) and entry_for(i, office, project.catalogue) is entry]


def _month(day: dt.date) -> tuple[int, int]:
    return day.year, day.month


def period_start(frequency: str, day: dt.date) -> tuple[str, dt.date] | None:
    """(period name, first day) of the quarter or month containing ``day``."""
    if frequency == "每季度":
        quarter = Quarter.containing(day)
        return str(quarter), quarter.start
    if frequency == "每月":
        return f"{day.year}-{day.month:02d}", day.replace(day=1)
    return None


def next_period(frequency: str, start: dt.date) -> dt.date:
    if frequency == "每季度":
        return Quarter.containing(start).next().start
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def in_period(item: Item, frequency: str, start: dt.date) -> bool:
    if frequency == "每季度":
        return item.quarter == Quarter.containing(start)
    published = _published(item)
    return published is not None and _month(published) == _month(start)


def obligation(project: Project, office: Office, entry: CatalogueEntry, today: dt.date) -> Obligation:
    items = sorted(covering(project, office, entry, today), key=lambda i: (_published(i) or dt.date.min, i.key))
    out = Obligation(office, entry, COVERED, items=items)
    if entry.frequency == "即时":
        out.status = COVERED if items else OPTIONAL
        return out
    if entry.frequency == "常态":
        out.status = COVERED if items else OVERDUE
        return out
    out.period, start = period_start(entry.frequency, today)
    current = [i for i in items if in_period(i, entry.frequency, start)]
    if current:
        out.items = current
        return out
    out.ever = bool(items)
    try:
        out.due = add_working_days(start, entry.due_days)
    except CalendarRangeError as exc:
        out.calendar_error, out.status = exc, DUE
        return out
    out.status = DUE if today <= out.due else OVERDUE
    return out


def required_entries(project: Project, office: Office) -> list[CatalogueEntry]:
    level = office_level(office)
    return [e for e in project.catalogue if level in e.levels]


def office_obligations(project: Project, office: Office, today: dt.date) -> list[Obligation]:
    return [obligation(project, office, entry, today) for entry in required_entries(project, office)]


def upcoming(project: Project, office: Office, today: dt.date, days: int) -> list[Upcoming]:
    """What falls due from ``today`` to ``today + days``: this period's uncovered entries, the
    next periods' entries, and formed items not yet public. Raises CalendarRangeError."""
    horizon = today + dt.timedelta(days=days)
    out = []
    for entry in required_entries(project, office):
        if entry.frequency not in ("每季度", "每月"):
            continue
        period, start = period_start(entry.frequency, today)
        found = obligation(project, office, entry, today)
        if found.calendar_error:
            raise found.calendar_error
        if found.status != COVERED:
            out.append(Upcoming(office, found.due, entry_title(entry), period, entry=entry))
        start = next_period(entry.frequency, start)
        while start <= horizon:
            due = add_working_days(start, entry.due_days)
            if due > horizon:
                break
            out.append(Upcoming(office, due, entry_title(entry), period_start(entry.frequency, start)[0],
                                entry=entry))
            start = next_period(entry.frequency, start)
    for item in office.items():
        if item.formed and not item.is_public(today):
            due = publish_deadline(item.formed)
            if due <= horizon:
                out.append(Upcoming(office, due, item.title, item=item))
    return sorted(out, key=lambda u: (u.due, u.what))


def entry_title(entry: CatalogueEntry) -> str:
    """``社会救助 / 最低生活保障：低保对象名单`` style: the matters and the content."""
    matters = " / ".join(v for v in (entry.columns.get("level1"), entry.columns.get("level2")) if v)
    content = entry.columns.get("elements") or ""
    return f"{matters}：{content}" if matters and content else matters or content or entry.id
