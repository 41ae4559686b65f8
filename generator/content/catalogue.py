"""``content/catalogue.yml``: the disclosure catalogue an office kind must publish, validated
with positions like every content file (optional: without it nothing is required)."""

from __future__ import annotations

from ..model import ID_PATTERN, CatalogueEntry, Location, Project
from ..diagnostics import Report
from .schema import CATALOGUE
from .validate import Reader, suggestion

PATH = "content/catalogue.yml"


def load_catalogue(loader) -> list[CatalogueEntry]:
    """Entries of the project's catalogue (``loader``: the ProjectLoader reading the project)."""
    path = loader.root / PATH
    if not path.is_file():
        return []
    node, text = loader.compose(path)
    if node is None:
        return []
    reader = Reader(loader.report, PATH)
    values = reader.mapping(node, CATALOGUE.fields)
    if values is None:
        return []
    loader.scan_yaml(PATH, text, node, CATALOGUE.fields)  # published: mobiles and escaped IDs too
    loader.report_placeholders(PATH, text)
    entries, seen = [], set()
    for i, entry in enumerate(values.get("entries") or []):
        where = reader.locations.get(("entries", i), Location(PATH))
        if not entry or not entry.get("id") or not entry.get("frequency") or not entry.get("levels"):
            continue  # a missing field is already reported
        if not ID_PATTERN.match(entry["id"]):
            loader.report.error(where, "bad-id", value=entry["id"])
            continue
        if entry["id"] in seen:
            loader.report.error(where, "duplicate-id", id=entry["id"], other=PATH)
            continue
        seen.add(entry["id"])
        columns = {f.name: entry.get(f.name) for f in CATALOGUE.fields[0].item.fields
                   if f.name not in ("id", "levels", "frequency", "types", "due_days")}
        due_days = entry.get("due_days") or 20
        if not 1 <= due_days <= 250:
            loader.report.error(reader.locations.get(("entries", i), where), "out-of-range",
                                field=f"entries[{i + 1}].due_days", value=due_days, low=1, high=250)
            due_days = 20
        entries.append(CatalogueEntry(
            id=entry["id"], columns=columns, levels=[v for v in entry["levels"] if v],
            frequency=entry["frequency"], types=[t for t in entry.get("types") or [] if t], due_days=due_days,
            location=where))
    return entries


def check_references(project: Project, report: Report) -> None:
    """An item's ``catalogue:`` names an entry of content/catalogue.yml."""
    ids = [entry.id for entry in project.catalogue]
    for item in project.items():
        if item.catalogue and item.catalogue not in ids:
            report.error(item.location("catalogue"), "unknown-catalogue-entry", value=item.catalogue,
                         file=PATH, hint=suggestion(item.catalogue, ids, report.language))
