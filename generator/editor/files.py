"""Where the editor's entries live: the CMS's paths <-> the project's content files.

Site, offices and boards keep their own paths. Items of every office and
quarter are one CMS folder, ``content/offices``, each entry at
``content/offices/<office>/<fixed|YYYY-Qn>/<item>.item``: the CMS lists them
all and filters by ``type``; the real file is the ``.md`` or ``.yml`` there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content.loader import ITEM_SUFFIXES
from .entry import EntryError

ITEMS_FOLDER = "content/offices"
ITEM_EXT = "item"
BOARDS_FOLDER = "boards"
TEXT_TYPES = ("pledge", "rules", "notice")  # a new item of these types is Markdown
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_QUARTER = re.compile(r"(\d{4})-[qQ]([1-4])")
_OFFICE = re.compile(r"content/offices/([^/]+)/office\.yml")
_ITEM = re.compile(r"content/offices/([^/]+)/([^/]+)/([^/]+)\.item")
_BOARD = re.compile(r"boards/([^/]+)\.ya?ml")


@dataclass(frozen=True)
class Target:
    """A content file the editor reads or writes (``path`` is project-relative)."""

    kind: str
    path: str
    exists: bool

    @property
    def markdown(self) -> bool:
        return self.path.endswith(".md")


def cms_path(rel: str) -> str:
    """The CMS's path of a project-relative content file."""
    parts = rel.split("/")
    if len(parts) == 5 and parts[:2] == ["content", "offices"] and parts[3] == "fixed":
        return f"{ITEMS_FOLDER}/{parts[2]}/fixed/{Path(parts[4]).stem}.{ITEM_EXT}"
    if len(parts) == 6 and parts[:2] == ["content", "offices"] and parts[3] == "quarters":
        return f"{ITEMS_FOLDER}/{parts[2]}/{parts[4]}/{Path(parts[5]).stem}.{ITEM_EXT}"
    return rel


def item_meta(rel: str) -> dict:
    """The editor's own fields of an item: its office, section and file name."""
    parts = rel.split("/")
    section = "fixed" if parts[3] == "fixed" else parts[4]
    return {"_office": parts[2], "_section": section, "_file": Path(rel).stem}


def resolve(root: Path, path: str, markdown_if_new: bool = False) -> Target:
    """The content file behind a CMS path; EntryError for anything else."""
    path = path.replace("\\", "/").strip("/")
    if path == "content/site.yml":
        return _target(root, "site", path)
    if m := _OFFICE.fullmatch(path):
        _name(m.group(1))
        return _target(root, "office", path)
    if m := _BOARD.fullmatch(path):
        _name(m.group(1))
        return _target(root, "board", path)
    if m := _ITEM.fullmatch(path):
        office, section, name = m.groups()
        _name(office)
        _name(name)
        if not (root / "content" / "offices" / office / "office.yml").is_file():
            raise EntryError(f"没有这个单位：{office}")
        if section == "fixed":
            folder = f"content/offices/{office}/fixed"
        elif q := _QUARTER.fullmatch(section):
            quarters = root / "content" / "offices" / office / "quarters"
            wanted = f"{q.group(1)}-Q{q.group(2)}"
            existing = [p.name for p in quarters.iterdir() if p.is_dir()] if quarters.is_dir() else []
            found = next((n for n in existing if n.upper() == wanted), wanted)
            folder = f"content/offices/{office}/quarters/{found}"
        else:
            raise EntryError(f"位置应为 fixed（固定内容）或季度（如 2026-Q4）：{section}")
        for suffix in ITEM_SUFFIXES:
            if (root / folder / (name + suffix)).is_file():
                return Target("item", f"{folder}/{name}{suffix}", True)
        return Target("item", f"{folder}/{name}{'.md' if markdown_if_new else '.yml'}", False)
    raise EntryError(f"编辑器不能修改这个文件：{path}")


def _name(text: str) -> None:
    if not NAME.fullmatch(text):
        raise EntryError(f"文件名只能用小写英文字母、数字和连字符（如 winter-notice）：{text}")


def _target(root: Path, kind: str, path: str) -> Target:
    return Target(kind, path, (root / path).is_file())


def item_files(root: Path) -> list[str]:
    """Project-relative paths of every item file, in a stable order."""
    offices = root / "content" / "offices"
    if not offices.is_dir():
        return []
    found = []
    for office in sorted(p for p in offices.iterdir() if p.is_dir()):
        folders = [office / "fixed"]
        quarters = office / "quarters"
        if quarters.is_dir():
            folders += sorted(p for p in quarters.iterdir() if p.is_dir())
        for folder in folders:
            if folder.is_dir():
                found += sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in ITEM_SUFFIXES)
    return [p.relative_to(root).as_posix() for p in found]


def board_files(root: Path) -> list[str]:
    boards = root / BOARDS_FOLDER
    if not boards.is_dir():
        return []
    return [p.relative_to(root).as_posix() for p in sorted(boards.iterdir())
            if p.is_file() and p.suffix in (".yml", ".yaml")]


def office_files(root: Path) -> list[str]:
    offices = root / "content" / "offices"
    if not offices.is_dir():
        return []
    return [p.relative_to(root).as_posix() for p in sorted(offices.glob("*/office.yml"))]
