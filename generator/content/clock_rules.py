"""Legal clocks ``check`` keeps: 20 working days to publish what was formed, the 7-day 低保
公示, 20 working days to answer a request, and the catalogue's periods per office."""

from __future__ import annotations

import datetime as dt

from ..diagnostics import Report
from ..model import Item, Location, Project
from ..obligations import DUE, OVERDUE, entry_title, office_obligations
from ..workdays import (
    DIBAO_NOTICE_DAYS, REPLY_WORKING_DAYS, SOON_WORKING_DAYS, CalendarRangeError, add_working_days,
    publish_deadline,
)
from .catalogue import PATH as CATALOGUE_PATH


def check_project(project: Project, report: Report, today: dt.date) -> None:
    beyond: dict[Location, CalendarRangeError] = {}
    for item in project.items():
        try:
            _check_item(item, report, today)
        except CalendarRangeError as exc:
            beyond.setdefault(item.location("formed" if item.formed else "received"), exc)
    for office in project.offices.values():
        for found in office_obligations(project, office, today):
            where = Location(office.source)
            if found.calendar_error:
                beyond.setdefault(found.entry.location, found.calendar_error)
                continue
            title, period = entry_title(found.entry), found.period or found.entry.frequency
            if found.status == OVERDUE:
                code = "catalogue-missing" if found.missing else "catalogue-overdue"
                report.warning(where, code, office=office.name, entry=title, frequency=found.entry.frequency,
                               period=period, due=found.due.isoformat() if found.due else today.isoformat(),
                               file=CATALOGUE_PATH)
            elif found.status == DUE and _soon(today, found.due):
                report.warning(where, "catalogue-due-soon", office=office.name, entry=title, period=period,
                               due=found.due.isoformat())
    for where, exc in sorted(beyond.items()):
        report.warning(where, "calendar-range", date=exc.day.isoformat(), last=exc.last.isoformat())


def _soon(today: dt.date, due: dt.date | None) -> bool:
    return due is not None and due >= today and add_working_days(today, SOON_WORKING_DAYS) >= due


def _check_item(item: Item, report: Report, today: dt.date) -> None:
    if item.type == "subsidy-list" and item.published and item.expires and not item.draft:
        days = (item.expires - item.published).days + 1
        if 0 < days < DIBAO_NOTICE_DAYS:
            report.warning(item.location("expires"), "short-window", days=days, required=DIBAO_NOTICE_DAYS)
    if item.type == "reply":
        _check_reply(item, report)
    if item.formed is None:
        return
    deadline = publish_deadline(item.formed)
    published = item.published if item.published and not item.draft else None
    if published is not None and published > deadline:
        report.warning(item.location("published"), "published-late", formed=item.formed.isoformat(),
                       published=published.isoformat(), deadline=deadline.isoformat())
    elif published is None or published > today:
        if today > deadline:
            report.warning(item.location("formed"), "publish-overdue", formed=item.formed.isoformat(),
                           deadline=deadline.isoformat())
        elif _soon(today, deadline):
            report.warning(item.location("formed"), "publish-due-soon", formed=item.formed.isoformat(),
                           deadline=deadline.isoformat())


def _check_reply(item: Item, report: Report) -> None:
    received, answered = item.fields.get("received"), item.fields.get("answered")
    if not received or not answered:
        return
    if answered < received:
        report.error(item.location("answered"), "reply-order", received=received.isoformat(),
                     answered=answered.isoformat())
        return
    if item.fields.get("channel") == "request":
        deadline = add_working_days(received, REPLY_WORKING_DAYS)
        if answered > deadline:
            report.warning(item.location("answered"), "reply-late", received=received.isoformat(),
                           answered=answered.isoformat(), deadline=deadline.isoformat())
