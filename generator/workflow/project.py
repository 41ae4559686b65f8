"""Where a content file stands in its project: the root, the site language, the schema path."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .editor_schema import SCHEMA_DIR, schema_comment


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``content/site.yml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "content" / "site.yml").is_file():
            return folder
    return None


def site_language(root: Path | None) -> str:
    """The site's language for messages (zh when unknown or unreadable)."""
    if root is None:
        return "zh"
    try:
        data = yaml.safe_load((root / "content" / "site.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "zh"
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in ("zh", "en") else "zh"


def schema_line(kind: str, file: Path, root: Path | None) -> str | None:
    """``# yaml-language-server: $schema=…`` for ``file``, relative to it; None outside a project."""
    if root is None:
        return None
    relative = os.path.relpath(root.resolve() / SCHEMA_DIR, file.resolve().parent)
    return schema_comment(kind, Path(relative).as_posix())
