"""The tables an item shows, shared by site pages, CSV downloads and boards.

Personal data never enters a table: a subsidy list's ``id`` column is not
published (unless ``site.yml`` sets ``publish_masked_ids``, and then only
masked forms), and an expired item has no tables at all.
"""

from __future__ import annotations

import datetime as dt

from .content.personal import is_masked_id
from .dynamics import COUNTS, Row, count_label, declared_rows, summed
from .labels import label
from .model import Item, Table
from .money import total


def heading(key: str, language: str) -> str:
    return label(language, key)


def _money_heading(key: str, unit: str | None, language: str) -> str:
    return f"{heading(key, language)}（{unit}）" if unit else heading(key, language)


def item_tables(item: Item, language: str = "zh", on: dt.date | None = None,
                masked_ids: bool = False) -> list[Table]:
    """The item's tables in display order; none for an item expired ``on`` that date.

    ``masked_ids`` (``site.yml`` ``publish_masked_ids``) adds a subsidy list's masked ID numbers.
    """
    if on is not None and item.is_expired(on):
        return []
    h = lambda key: heading(key, language)  # noqa: E731
    f = item.fields
    if item.type == "finance":
        unit = f.get("unit")
        out = []
        for side, declared in (("income", "total_income"), ("expenditure", "total_expenditure")):
            lines = f.get(side) or []
            out.append(Table(
                name=side, title=h(side),
                columns=[h("line_name"), _money_heading("amount", unit, language)],
                rows=[[line["name"], line["amount"]] for line in lines],
                numeric=[False, True],
                footer=[h("total"), f.get(declared) or total(l["amount"] for l in lines)],
            ))
        return out
    if item.type == "subsidy-list":
        people = f.get("recipients") or []
        table = Table(
            name="recipients", title=h("recipients"),
            columns=[h("number"), h("recipient_name"), h("group"), h("persons"),
                     _money_heading("amount", f.get("unit"), language)],
            rows=[[i, r["name"], r.get("group") or "", r.get("persons") or 1, r["amount"]]
                  for i, r in enumerate(people, 1)],
            numeric=[True, False, False, True, True],
            footer=[h("total"), f"{len(people)}", "",
                    sum(r.get("persons") or 1 for r in people),
                    f.get("total_amount") or total(r["amount"] for r in people)],
        )
        if masked_ids and any(r.get("id") for r in people):  # last: the other columns keep their places
            table.columns.append(h("masked_id"))
            table.numeric.append(False)
            table.footer.append("")
            for row, r in zip(table.rows, people):
                row.append(r.get("id") if is_masked_id(r.get("id") or "") else "")
        return [table]
    if item.type == "duties":
        return [Table(
            name="people", title=h("people"),
            columns=[h("person_name"), h("post"), h("duties"), h("phone_column")],
            rows=[[p["name"], p["post"], p["duties"], p.get("phone") or ""]
                  for p in f.get("people") or []],
            numeric=[False, False, False, False],
        )]
    if item.type == "fees":
        return [Table(
            name="fees", title=h("fees"),
            columns=[h("fee_name"), h("standard"), h("charge_unit"), h("fee_basis")],
            rows=[[x["name"], x["standard"], x["unit"], x["basis"]] for x in f.get("items") or []],
            numeric=[False, True, False, False],
        )]
    if item.type == "projects":
        projects = f.get("projects") or []
        return [Table(
            name="projects", title=h("projects"),
            columns=[h("project_name"), _money_heading("budget", f.get("unit"), language),
                     h("contractor"), h("progress")],
            rows=[[p["name"], p["budget"], p.get("contractor") or "", p["progress"]]
                  for p in projects],
            numeric=[False, True, False, False],
            footer=[h("total"), total(p["budget"] for p in projects), "", ""],
        )]
    if item.type == "table":
        columns = list(f.get("columns") or [])
        return [Table(
            name="table", title=item.title, columns=columns,
            rows=[list(row) for row in f.get("rows") or []],
            numeric=[False] * len(columns),
        )]
    if item.type == "subsidy-summary":
        rows, declared_total = declared_rows(item)
        return [dynamics_table([r for _, r in rows], declared_total[1] if declared_total else summed(
            [r for _, r in rows]), language, title=item.title)]
    if item.type == "procedure":
        return [
            Table(name="materials", title=h("materials"), columns=[h("number"), h("material")],
                  rows=[[i, m] for i, m in enumerate(f.get("materials") or [], 1)],
                  numeric=[True, False]),
            Table(name="steps", title=h("steps"), columns=[h("number"), h("step")],
                  rows=[[i, s] for i, s in enumerate(f.get("steps") or [], 1)],
                  numeric=[True, False]),
        ]
    return []


def dynamics_table(rows: list[Row], total_row: Row, language: str = "zh", *, title: str = "",
                   name: str = "dynamics") -> Table:
    """A 低保 dynamic-management table: one row per unit, the 合计 row as footer."""
    def line(r: Row) -> list:
        return [r.name, *r.counts(), f"{r.rate}%"]

    return Table(
        name=name, title=title,
        columns=[count_label(key, language) for key in ("unit", *COUNTS, "rate")],
        rows=[line(r) for r in rows], numeric=[False] + [True] * (len(COUNTS) + 1),
        footer=[heading("total", language), *line(total_row)[1:]],
    )
