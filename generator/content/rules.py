"""Rules that need more than one field: review, publication window, totals, units, boards, staleness."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from ..diagnostics import Report
from ..model import Item, Location, Project, Quarter, Site
from ..money import format_amount, total
from . import clock_rules, dynamics_rules
from .personal import find_personal_data, is_masked_id
from .schema import REVIEW
from .validate import suggestion

WINDOW_TYPES = ("notice", "subsidy-list")
UNIT_TYPES = ("finance", "subsidy-list", "projects")
# (lines field, amount key, declared total field) checked per type.
TOTALS = {
    "finance": (("income", "amount", "total_income"), ("expenditure", "amount", "total_expenditure")),
    "subsidy-list": (("recipients", "amount", "total_amount"),),
}


DEMO_TITLE = "清河县政务公开"  # the demo project's site title


def check_site_leftovers(site: Site, locations: dict, report: Report, rel: str) -> None:
    """Warn about what a project copied from the demo still says: its title, an example address."""
    if site.title.strip() == DEMO_TITLE:
        report.warning(locations.get(("title",), Location(rel)), "demo-title", title=DEMO_TITLE)
    host = urlsplit(site.url.strip()).hostname or ""
    if any(part.startswith("example") for part in host.lower().split(".")):
        report.warning(locations.get(("url",), Location(rel)), "example-url", url=site.url.strip())


def check_item(item: Item, money_units, report: Report, site: Site) -> None:
    """Rules within one item; fills computed totals into ``item.fields``."""
    if not item.draft:
        _check_review(item, report)
        if item.type in WINDOW_TYPES and item.expires is None:
            report.error(item.location(), "missing-window", type=item.type)
    if item.expires and item.published and item.expires < item.published:
        report.error(item.location("expires"), "window-order",
                     expires=item.expires.isoformat(), published=item.published.isoformat())
    if item.category and item.category not in site.categories:
        report.error(item.location("category"), "unknown-category", value=item.category,
                     choices="、".join(site.categories),
                     hint=suggestion(item.category, site.categories, report.language))
    if item.type in UNIT_TYPES:
        unit = item.fields.get("unit") or "元"
        for name, found, where in money_units:
            if found != unit:
                report.error(where, "mixed-units", field=name, found=found, unit=unit)
    for lines_field, amount_key, total_field in TOTALS.get(item.type, ()):
        _check_total(item, lines_field, amount_key, total_field, report)
    if item.type == "subsidy-list" and not item.fields.get("recipients") and not item.rows_from:
        report.error(item.location("recipients"), "missing-field", field="recipients")
    if item.type == "subsidy-list":
        _check_recipients(item, report)
    if item.type == "table":
        _check_table(item, report)
    if item.type == "subsidy-summary":
        dynamics_rules.check_summary(item, report)


def _check_recipients(item: Item, report: Report) -> None:
    """No negative household size or amount; an ``id`` only in its masked form."""
    for i, person in enumerate(item.fields.get("recipients") or []):
        for key in ("persons", "amount"):
            value = person.get(key)
            if value is not None and value < 0:
                report.error(item.location("recipients", i, key), "negative-value",
                             field=f"recipients[{i + 1}].{key}", value=value)
        written = person.get("id")
        if written and not is_masked_id(written) and not find_personal_data(written):  # else reported as such
            report.error(item.location("recipients", i, "id"), "id-not-masked", field=f"recipients[{i + 1}].id")


def _check_review(item: Item, report: Report) -> None:
    if item.review is not None:
        return
    written = item.locations.keys()
    missing = [f.name for f in REVIEW.fields if ("review", f.name) not in written]
    report.error(item.location("review"), "unreviewed", missing=", ".join(missing or [f.name for f in REVIEW.fields]))


def _check_total(item: Item, lines_field: str, amount_key: str, total_field: str, report: Report) -> None:
    lines = item.fields.get(lines_field) or []
    amounts = [line.get(amount_key) for line in lines]
    if not lines or any(a is None for a in amounts):  # nothing loaded, or already reported
        return
    computed = total(amounts)
    declared = item.fields.get(total_field)
    if declared is None:
        item.fields[total_field] = computed
    elif declared != computed:
        report.error(item.location(total_field), "total-mismatch", field=total_field,
                     declared=format_amount(declared), computed=format_amount(computed),
                     diff=format_amount(declared - computed))


def _check_table(item: Item, report: Report) -> None:
    columns = item.fields.get("columns") or []
    if not columns and not item.rows_from:
        report.error(item.location("columns"), "missing-field", field="columns")
        return
    for i, row in enumerate(item.fields.get("rows") or []):
        if len(row) != len(columns):
            report.error(item.location("rows", i), "row-width", found=len(row), expected=len(columns))


def check_project(project: Project, report: Report, today: dt.date,
                  broken: set[tuple[str, str]] = frozenset()) -> None:
    """Rules across files: stale offices, board references (``broken``: items already reported)."""
    current = Quarter.containing(today)
    for office in project.offices.values():
        where = Location(office.source)
        latest = office.latest_quarter
        if latest is None:
            if office.kind in ("town", "village"):
                report.warning(where, "no-quarters", office=office.name)
        elif latest < current:
            report.warning(where, "stale-office", office=office.name, latest=str(latest), current=str(current))
    for board in project.boards.values():
        office = project.offices.get(board.office_id)
        if office is None:
            report.error(board.locations.get(("office",), Location(board.source)), "unknown-office", office=board.office_id,
                         hint=suggestion(board.office_id, project.offices, report.language))
            continue
        available = [item.key for item in office.fixed]
        if office.latest_quarter:
            available += [item.key for item in office.quarters[office.latest_quarter]]
        for panel in board.panels:
            item = office.find(panel.key)
            if item is None:
                if (office.id, panel.key) not in broken:
                    prefixed = [f"{section}/{panel.key}" for section in ("fixed", "quarter")]
                    guess = next((key for key in prefixed if key in available), panel.key)
                    report.error(panel.location, "missing-item", panel=panel.key,
                                 hint=suggestion(guess, available, report.language))
            elif item.draft:
                report.warning(panel.location, "draft-panel", panel=panel.key)
    dynamics_rules.check_project(project, report)
    clock_rules.check_project(project, report, today)

