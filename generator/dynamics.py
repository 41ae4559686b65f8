"""低保 dynamic management (动态管理): a quarter's changes to a subsidy roll.

A subsidy list is compared with the same office's list of the same programme
in the previous quarter. Households are matched by masked ID where both sides
have one, else by name + group. The summary counts, per unit and in total,
households, persons, newly added (新纳入), stopped (停发/退出), raised (调增)
and lowered (调减); the dynamic rate (动态率) is changed households / total,
an exact percentage rounded half-up to two places (never through float).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .model import Item, Office, Quarter

TOTAL_NAMES = ("合计", "总计", "Total")  # a declared unit with one of these names is the total row
COUNTS = ("households", "persons", "added", "stopped", "raised", "lowered")
_UNIT = re.compile(r"^(.+?(?:村|社区|居委会))(?=.)")  # 柳溪村三组 -> 柳溪村


def dynamic_rate(changed: int, households: int) -> Decimal:
    """``changed / households`` in per cent, two places, half-up: 16/62 -> 25.81."""
    if households <= 0:
        return Decimal("0.00")
    return (Decimal(changed * 100) / Decimal(households)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def parse_rate(text: str) -> Decimal | None:
    """``'33.33%'`` -> ``Decimal('33.33')``; None when it is not a percentage."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[%％]?\s*", text or "")
    return Decimal(match.group(1)) if match else None


@dataclass
class Row:
    """One unit's counts (or the total)."""

    name: str
    households: int = 0
    persons: int = 0
    added: int = 0
    stopped: int = 0
    raised: int = 0
    lowered: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.stopped + self.raised + self.lowered

    @property
    def rate(self) -> Decimal:
        return dynamic_rate(self.changed, self.households)

    def counts(self) -> tuple[int, ...]:
        return tuple(getattr(self, name) for name in COUNTS)


@dataclass(frozen=True)
class Ambiguity:
    """A household that cannot be matched for sure: its key occurs more than once."""

    item: Item  # the list it is in
    index: int  # its position in ``recipients``
    key: str  # the ID or name + group that repeats


@dataclass
class Dynamics:
    """The derived summary of ``current`` against ``previous`` (the previous quarter's list)."""

    current: Item
    previous: Item
    rows: list[Row]
    total: Row
    ambiguous: list[Ambiguity] = field(default_factory=list)


def unit_of(group: str | None) -> str:
    """The unit a household is counted in: the village of ``柳溪村三组``, else the group."""
    group = (group or "").strip()
    match = _UNIT.match(group)
    return match.group(1) if match else group


def _grouped(households: list[dict], key, pool: set[int]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for i in sorted(pool):
        k = key(households[i])
        if k:
            out[k].append(i)
    return out


def _id(household: dict) -> str:
    return (household.get("id") or "").strip().upper()


def _name_group(household: dict) -> str:
    return f"{(household.get('name') or '').strip()} {(household.get('group') or '').strip()}".strip()


def match(previous: list[dict], current: list[dict]):
    """Match households: ``(pairs, added, stopped, ambiguous)``.

    ``pairs`` are (previous index, current index); ``added`` the current households
    without a match, ``stopped`` the previous ones; ``ambiguous`` lists
    ``(side, index, key)`` (side ``'previous'`` or ``'current'``) where a key repeats
    on one side and occurs on the other, so which household continues is not known.
    Two households with different IDs are never matched by name.
    """
    left, right = set(range(len(previous))), set(range(len(current)))
    pairs: list[tuple[int, int]] = []
    ambiguous: list[tuple[str, int, str]] = []
    for key in (_id, _name_group):
        before, after = _grouped(previous, key, left), _grouped(current, key, right)
        for k in sorted(set(before) & set(after)):
            lhs, rhs = before[k], after[k]
            if key is _name_group:  # households with IDs on both sides differ (else matched above)
                if all(_id(previous[i]) for i in lhs) and all(_id(current[j]) for j in rhs):
                    continue
            if len(lhs) == 1 and len(rhs) == 1:
                pairs.append((lhs[0], rhs[0]))
            else:
                ambiguous += [("previous", i, k) for i in lhs] + [("current", j, k) for j in rhs]
            left.difference_update(lhs)
            right.difference_update(rhs)
    return sorted(pairs), sorted(right), sorted(left), ambiguous


def derive(current: Item, previous: Item) -> Dynamics:
    """Compare two subsidy lists of one programme (``current`` in the later quarter)."""
    now = current.fields.get("recipients") or []
    before = previous.fields.get("recipients") or []
    pairs, added, stopped, repeats = match(before, now)
    rows: dict[str, Row] = {}

    def row(household: dict) -> Row:
        name = unit_of(household.get("group"))
        return rows.setdefault(name, Row(name))

    for household in now:
        r = row(household)
        r.households += 1
        r.persons += household.get("persons") or 1
    for i in added:
        row(now[i]).added += 1
    for i in stopped:
        row(before[i]).stopped += 1
    for i, j in pairs:
        old, new = before[i].get("amount"), now[j].get("amount")
        if old is not None and new is not None and new != old:
            r = row(now[j])
            if new > old:
                r.raised += 1
            else:
                r.lowered += 1
    total = summed(list(rows.values()))
    ambiguous = [Ambiguity(previous if side == "previous" else current, i, key) for side, i, key in repeats]
    return Dynamics(current, previous, list(rows.values()), total, ambiguous)


def program_lists(office: Office, quarter: Quarter, program: str) -> list[Item]:
    """The office's non-draft subsidy lists of ``program`` in ``quarter``, newest last."""
    found = [i for i in office.quarters.get(quarter, [])
             if i.type == "subsidy-list" and not i.draft and i.fields.get("program") == program]
    return sorted(found, key=lambda i: (i.published or quarter.start, i.id))


def derive_office(office: Office) -> list[Dynamics]:
    """Every list of the office that has a list of its programme in the previous quarter."""
    out = []
    for quarter in sorted(office.quarters):
        for item in office.quarters[quarter]:
            if item.type != "subsidy-list" or item.draft:
                continue
            previous = program_lists(office, quarter.previous(), item.fields.get("program"))
            if previous:
                out.append(derive(item, previous[-1]))
    return out


COUNT_LABELS = {
    "zh": {"unit": "单位", "households": "总户数", "persons": "总人数", "added": "新纳入",
           "stopped": "停发/退出", "raised": "调增", "lowered": "调减", "rate": "动态率"},
    "en": {"unit": "Unit", "households": "Households", "persons": "Persons", "added": "Added",
           "stopped": "Stopped", "raised": "Raised", "lowered": "Lowered", "rate": "Dynamic rate"},
}


def count_label(name: str, language: str) -> str:
    return COUNT_LABELS.get(language, COUNT_LABELS["zh"])[name]


def declared_rows(item: Item) -> tuple[list[tuple[int, Row]], tuple[int, Row] | None]:
    """A subsidy-summary's units as ``[(index, Row)]`` and its total row (a unit named 合计), if any."""
    rows, total = [], None
    for i, unit in enumerate(item.fields.get("units") or []):
        if not unit.get("name") or any(unit.get(name) is None for name in COUNTS):
            continue  # a missing count is already reported
        row = Row(unit["name"], *(unit[name] for name in COUNTS))
        if row.name in TOTAL_NAMES:
            total = (i, row)
        else:
            rows.append((i, row))
    return rows, total


def summed(rows: list[Row]) -> Row:
    total = Row(TOTAL_NAMES[0])
    for r in rows:
        for name in COUNTS:
            setattr(total, name, getattr(total, name) + getattr(r, name))
    return total
