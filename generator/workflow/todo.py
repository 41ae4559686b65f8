"""What a clerk still has to fill in before a draft item can be reviewed and published."""

from __future__ import annotations

from ..content.schema import ROWS_FIELD, Field, item_fields

WINDOW_TYPES = ("notice", "subsidy-list")  # need an end of the publication window


def missing_fields(item_type: str, present: set[str]) -> list[Field]:
    """Required fields not yet written, then the publication dates (review is listed apart)."""
    wanted = [f for f in item_fields(item_type) if f.required and f.name not in present]
    if "rows_from" in present:
        wanted = [f for f in wanted if f.name != ROWS_FIELD.get(item_type)]
    for name in ("published", "expires") if item_type in WINDOW_TYPES else ("published",):
        if name not in present:
            wanted.append(next(f for f in item_fields(item_type) if f.name == name))
    return wanted


def placeholder_lines(fields: list[Field]) -> list[str]:
    """Commented lines a clerk un-comments and fills: ``# program:   # 补贴项目…``."""
    if not fields:
        return []
    return ["# 还需填写（删掉行首的“# ”再填写）："] + [f"# {f.name}:   # {f.zh}" for f in fields]
