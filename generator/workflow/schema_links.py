"""Point content YAML files at their JSON Schema with a first-line comment.

``# yaml-language-server: $schema=<relative path>`` is what VS Code's YAML
extension reads; the rest of the file is left exactly as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from .editor_schema import schema_comment

MARK = "# yaml-language-server: $schema="


def kind_of(root: Path, path: Path) -> str:
    """Which schema a project YAML file follows: site, office, board or item."""
    rel = path.relative_to(root).as_posix()
    if rel == "content/site.yml":
        return "site"
    if rel == "content/catalogue.yml":
        return "catalogue"
    if rel.startswith("boards/"):
        return "board"
    return "office" if path.name == "office.yml" else "item"


def yaml_files(root: Path) -> list[Path]:
    files = [root / "content" / "site.yml", root / "content" / "catalogue.yml", *sorted((root / "content" / "offices").rglob("*.yml")),
             *sorted((root / "boards").glob("*.yml"))]
    return [f for f in files if f.is_file()]


def link(root: Path, schema_dir: Path) -> list[Path]:
    """Add or update the schema line of every content YAML file; the files changed."""
    changed = []
    for path in yaml_files(root):
        relative = Path(os.path.relpath(schema_dir.resolve(), path.parent.resolve())).as_posix()
        line = schema_comment(kind_of(root, path), relative)
        text = path.read_bytes().decode("utf-8-sig")
        newline = "\r\n" if "\r\n" in text else "\n"
        first, sep, rest = text.partition(newline)
        if first.startswith(MARK):
            if first == line:
                continue
            text = line + sep + rest
        else:
            text = line + newline + text
        path.write_text(text, encoding="utf-8", newline="")
        changed.append(path)
    return changed
