"""Rules of 低保 dynamic management: a declared summary adds up, its rates are right, and it
agrees with the summary derived from the office's lists; ambiguous households are reported."""

from __future__ import annotations

from ..diagnostics import Report
from ..dynamics import (
    COUNTS, Dynamics, count_label, declared_rows, derive_office, parse_rate, program_lists, summed,
)
from ..model import Item, Project


def check_summary(item: Item, report: Report) -> None:
    """Within one ``subsidy-summary``: the 合计 row is the sum of the units, every rate is right."""
    lang = report.language
    if not item.fields.get("units") and not item.rows_from:
        report.error(item.location("units"), "missing-field", field="units")
        return
    units = item.fields.get("units") or []
    for i, unit in enumerate(units):
        for name in COUNTS:
            value = unit.get(name)
            if isinstance(value, int) and value < 0:
                report.error(item.location("units", i, name), "negative-value",
                             field=f"units[{i + 1}].{name}", value=value)
    rows, total = declared_rows(item)
    for i, unit in enumerate(units):
        text = unit.get("rate")
        if not text or not unit.get("name") or any(unit.get(n) is None for n in COUNTS):
            continue
        declared = parse_rate(text)
        row = next((r for j, r in rows + ([total] if total else []) if j == i), None)
        if declared is None:
            report.error(item.location("units", i), "bad-rate", field=f"units[{i + 1}].rate", value=text)
        elif row is not None and declared != row.rate:
            report.error(item.location("units", i), "rate-mismatch", unit=row.name, declared=text,
                         computed=f"{row.rate}%")
    if total is not None and rows:
        index, written = total
        computed = summed([r for _, r in rows])
        for name in COUNTS:
            if getattr(written, name) != getattr(computed, name):
                report.error(item.location("units", index), "total-mismatch",
                             field=f"{written.name} {count_label(name, lang)}",
                             declared=getattr(written, name), computed=getattr(computed, name),
                             diff=getattr(written, name) - getattr(computed, name))


def check_project(project: Project, report: Report) -> None:
    """Derive every list's dynamics; report ambiguous matches and disagreeing declared summaries."""
    for office in project.offices.values():
        for dynamics in derive_office(office):
            if dynamics.ambiguous:
                for case in dynamics.ambiguous:
                    other = dynamics.previous if case.item is dynamics.current else dynamics.current
                    report.warning(case.item.location("recipients", case.index), "dynamics-ambiguous",
                                   key=case.key, other=other.source)
                continue
            dynamics.current.dynamics = dynamics
    for office in project.offices.values():  # every office's lists derived first: summaries may name them
        for quarter, items in office.quarters.items():
            for summary in items:
                if summary.type != "subsidy-summary" or summary.draft:
                    continue
                lists = program_lists(office, quarter, summary.fields.get("program"))
                if lists and lists[-1].dynamics is not None:
                    _agree(summary, lists[-1].dynamics, report)
                _agree_with_offices(project, office.id, quarter, summary, report)


def _agree(summary: Item, derived: Dynamics, report: Report) -> None:
    """A declared summary's total (and each unit the lists also have) equals the derived one."""
    lang = report.language
    rows, total = declared_rows(summary)
    by_name = {r.name: r for r in derived.rows}
    pairs = [(i, r, by_name[r.name]) for i, r in rows if r.name in by_name]
    if total is not None:
        pairs.append((total[0], total[1], derived.total))
    elif rows:
        pairs.append((None, summed([r for _, r in rows]), derived.total))
    for index, written, computed in pairs:
        where = summary.location("units", index) if index is not None else summary.location("units")
        for name in COUNTS:
            if getattr(written, name) != getattr(computed, name):
                report.error(where, "dynamics-mismatch", unit=written.name, field=count_label(name, lang),
                             declared=getattr(written, name), derived=getattr(computed, name),
                             current=derived.current.source, previous=derived.previous.source)


def _agree_with_offices(project: Project, office_id: str, quarter, summary: Item, report: Report) -> None:
    """A unit named after another office (青山镇 for 青山镇人民政府) equals that office's derived total."""
    lang = report.language
    rows, _ = declared_rows(summary)
    for index, written in rows:
        for other in project.offices.values():
            if other.id == office_id or not other.name.startswith(written.name):
                continue
            lists = program_lists(other, quarter, summary.fields.get("program"))
            derived = lists[-1].dynamics if lists else None
            if derived is None:
                continue
            for name in COUNTS:
                if getattr(written, name) != getattr(derived.total, name):
                    report.error(summary.location("units", index), "dynamics-mismatch", unit=written.name,
                                 field=count_label(name, lang), declared=getattr(written, name),
                                 derived=getattr(derived.total, name), current=derived.current.source,
                                 previous=derived.previous.source)
