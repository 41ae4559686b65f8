"""Write an imported sheet: a new item file, the data blocks of an existing one, or a CSV.

A new item is a draft with the schema line on top and commented placeholders
for what the sheet cannot say (programme, phone, dates). An existing item
keeps every other line as the clerk wrote it; only its data blocks change,
and it goes back to a draft without its old review: new figures need a new
review.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from ..content.schema import CSV_HEADERS, ROWS_FIELD
from ..diagnostics import Report
from ..model import Location
from . import yamltext
from .importer import Imported
from .project import schema_line
from .todo import missing_fields, placeholder_lines
from .yaml_out import dump, dump_lines

# The fields an import of each type owns in an item (others are the clerk's).
DATA_FIELDS = {
    "subsidy-list": ("unit", "recipients", "total_amount"),
    "finance": ("unit", "income", "expenditure", "total_income", "total_expenditure"),
    "table": ("columns", "rows"),
}
REVIEW_NOTE = "# 审核（review：审核、复核、审批）完成后删除 draft: true"


def write_import(to: Path, item_type: str, imported: Imported, title: str, root: Path | None,
                 report: Report, retitle: bool = False) -> list[str] | None:
    """Write ``imported`` to ``to``; the list of what is left to fill, or None after an error.

    An existing item keeps its title unless ``retitle`` (the clerk gave ``--title``).
    """
    if to.suffix == ".csv":
        _write(to, rows_csv(item_type, imported))
        return []
    if not to.exists():
        text, todo = new_item(to, item_type, imported, title, root)
        _write(to, text)
        return todo
    text = to.read_bytes().decode("utf-8-sig")
    markdown = to.suffix == ".md"  # an existing Markdown item: its front matter is updated
    data = yaml.safe_load(yamltext.split_front(text.replace("\r\n", "\n"))[0] if markdown else text) or {}
    found = data.get("type") if isinstance(data, dict) else None
    if found != item_type:
        report.error(Location(to.as_posix()), "type-differs", file=to.as_posix(),
                     found=found or "?", expected=item_type)
        return None
    rows_from = data.get("rows_from")
    if rows_from and item_type in ROWS_FIELD:
        _write(to.parent / rows_from, rows_csv(item_type, imported))
        in_csv = (ROWS_FIELD[item_type], "columns")  # the declared total and unit stay in the item
        rest = Imported(imported.title, {k: v for k, v in imported.fields.items() if k not in in_csv})
        text = yamltext.edit_fields(text, markdown, lambda lines: _update(lines, item_type, rest))
    else:
        text = yamltext.edit_fields(text, markdown, lambda lines: _update(lines, item_type, imported))
    text = yamltext.edit_fields(text, markdown, lambda lines: _draft_again(lines, title if retitle else None))
    _write(to, text)
    present = set(data) | set(imported.fields)
    todo = [f"{f.name}（{f.zh}）" for f in missing_fields(item_type, present)]
    if "review" in data:
        todo.append("review（数据已更新，原审核记录已删除，须重新审核）")
    return todo


def _draft_again(lines: list[str], title: str | None) -> list[str]:
    """New data needs a new review: back to a draft, the old review removed."""
    if title:
        lines = yamltext.set_scalar(lines, "title", dump_lines("title", title)[0].split(": ", 1)[1])
    lines = yamltext.remove(lines, "review")
    return yamltext.set_scalar(lines, "draft", "true", after="title")


def new_item(to: Path, item_type: str, imported: Imported, title: str,
             root: Path | None) -> tuple[str, list[str]]:
    """The text of a new draft item, and what is left to fill."""
    head = [line for line in (schema_line("item", to, root),) if line]
    body = dump({"type": item_type, "title": title, "draft": True, **imported.fields})
    missing = missing_fields(item_type, set(imported.fields) | {"type", "title", "draft"})
    lines = head + [REVIEW_NOTE] + body.rstrip("\n").split("\n") + placeholder_lines(missing)
    return "\n".join(lines) + "\n", [f"{f.name}（{f.zh}）" for f in missing]


def _update(lines: list[str], item_type: str, imported: Imported) -> list[str]:
    """Replace the data blocks; a new one goes before the next data block (or at the end)."""
    following = None
    for key in reversed(DATA_FIELDS[item_type]):
        if key in imported.fields:
            lines = yamltext.replace(lines, key, dump_lines(key, imported.fields[key]), before=following)
            following = key
        elif key != "unit":
            lines = yamltext.remove(lines, key)
    return lines


def rows_csv(item_type: str, imported: Imported) -> str:
    """A UTF-8 CSV for ``rows_from``: canonical Chinese headers, exact amounts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if item_type == "table":
        writer.writerow(imported.fields["columns"])
        writer.writerows(imported.fields["rows"])
        return out.getvalue()
    recipients = imported.fields["recipients"]
    keys = [k for k in CSV_HEADERS if any(k in r for r in recipients)]
    writer.writerow([CSV_HEADERS[k][1] for k in keys])
    for r in recipients:
        writer.writerow([format(r[k], "f") if k == "amount" else r.get(k, "") for k in keys])
    return out.getvalue()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
