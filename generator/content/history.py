"""Archive integrity: a published quarter changes only with a recorded correction (勘误).

Git is the archive. Every item of a quarter that has ended is compared with
the history of its file (and of its ``rows_from`` CSV). A change to what the
file says, committed after the quarter's last day (or after the item's
``published`` date, when that is later: a quarter's report is often
published just after the quarter), or such an uncommitted change, must come
with a ``corrections:`` entry: one added by the same change, or one dated
that day or later.

What a file says is its values as written, not its layout: comments,
indentation, quoting and flow or block style may change freely (adding the
editor's ``$schema`` line is not a correction), and so may the
``corrections`` and ``changes`` lists themselves, so recording a correction is not a change that
needs another. Adding a file to a past quarter (bringing an old archive into
git) is not a change either. Without git, or outside a repository, there is
nothing to compare and the check is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..diagnostics import Report
from ..model import Item, Location, Project

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n?^---[ \t]*$\n?", re.S | re.M)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, order=True)
class Change:
    day: dt.date
    commit: str  # short hash, or "" for an uncommitted change


@dataclass(frozen=True)
class _Late:
    """A change to one of an item's files after the item became a public record."""

    change: Change
    path: str  # repository path
    file: str  # project path


def check_history(project: Project, report: Report, root: Path, today: dt.date) -> None:
    """Report ``unrecorded-change`` for past-quarter items changed without a correction."""
    past = [item for item in project.items() if item.quarter is not None and item.quarter.end < today]
    if not past:
        return
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix is None:
        return
    prefix = prefix.strip()
    changes = _committed_changes(root, min(item.quarter.end for item in past))
    for path in _uncommitted(root):
        changes.setdefault(path, []).append(Change(today, ""))
    if not changes:
        return
    late = {id(item): _late_changes(item, changes, prefix) for item in past}
    versions = _versions(root, [late_change for found in late.values() for late_change in found])
    for item in past:
        real = [c for c in late[id(item)] if _unrecorded(root, c, versions)]
        if real:
            _report(item, max(real, key=lambda c: (c.change, c.file)), report)


def _late_changes(item: Item, changes: dict[str, list[Change]], prefix: str) -> list[_Late]:
    files = [item.source]
    if item.rows_from:
        files.append((PurePosixPath(item.source).parent / item.rows_from).as_posix())
    closed = max(item.quarter.end, item.published or item.quarter.end)
    recorded = max((c.date for c in item.corrections), default=None)
    return [_Late(change, prefix + file, file) for file in files for change in changes.get(prefix + file, [])
            if change.day > closed and (recorded is None or recorded < change.day)]


def _report(item: Item, late: _Late, report: Report) -> None:
    closed = max(item.quarter.end, item.published or item.quarter.end)
    english = report.language == "en"
    change = late.change
    if change.commit:
        commit = f"commit {change.commit}" if english else f"提交 {change.commit}"
    else:
        commit = "not yet committed" if english else "尚未提交"
    report.error(
        item.locations.get(("corrections",)) or Location(item.source), "unrecorded-change",
        quarter=str(item.quarter), end=closed.isoformat(), changed=change.day.isoformat(),
        commit=commit, file=_file_words(PurePosixPath(late.file).name, late.file != item.source, english),
    )


def _file_words(name: str, data_file: bool, english: bool) -> str:
    if english:
        return f"its data file {name}" if data_file else name
    return f"它的数据文件 {name} " if data_file else f"文件 {name} "


# --- what a version of a file says ------------------------------------------------

def _unrecorded(root: Path, late: _Late, versions: dict[str, bytes | None]) -> bool:
    """Whether the change altered what the file says without adding a correction.

    A version that cannot be read counts as altered.
    """
    change = late.change
    if change.commit:
        before, after = versions.get(f"{change.commit}^:{late.path}"), versions.get(f"{change.commit}:{late.path}")
    else:
        before = versions.get(f"HEAD:{late.path}")
        try:
            after = (root / late.file).read_bytes()
        except OSError:
            return True
    if before is None or after is None:
        return True
    (old, old_corrections), (new, new_corrections) = _meaning(late.path, before), _meaning(late.path, after)
    return old != new and not new_corrections - old_corrections


def _meaning(path: str, data: bytes) -> tuple[object, frozenset]:
    """A file's values as written, without layout or comments; and its corrections apart."""
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return data, frozenset()
    if path.endswith(".csv"):
        return tuple(line.rstrip() for line in text.split("\n") if line.strip()), frozenset()
    body = ""
    if path.endswith(".md"):
        match = _FRONT_MATTER.match(text)
        if not match:
            return text, frozenset()
        text, body = match.group(1), text[match.end():].strip()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return (text, body), frozenset()
    fields = dict(_tree(node)) if isinstance(node, yaml.MappingNode) else {}
    corrections = fields.pop("corrections", None)
    fields.pop("changes", None)  # a revision note says what changed; it is not a change itself
    listed = frozenset(corrections) if isinstance(corrections, tuple) else frozenset()
    return (tuple(sorted(fields.items(), key=lambda kv: kv[0])), body), listed


def _tree(node: yaml.Node | None):
    if isinstance(node, yaml.MappingNode):
        return tuple(sorted(((getattr(k, "value", str(k)), _tree(v)) for k, v in node.value),
                            key=lambda kv: kv[0]))
    if isinstance(node, yaml.SequenceNode):
        return tuple(_tree(v) for v in node.value)
    return None if node is None else node.value


# --- git ---------------------------------------------------------------------------

def _git(root: Path, *args: str, stdin: bytes | None = None) -> str | None:
    """Output of a git command in ``root``; None when git is missing or it fails."""
    out = _git_bytes(root, *args, stdin=stdin)
    return None if out is None else out.decode("utf-8", errors="surrogateescape")


def _git_bytes(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root, input=stdin,
                              capture_output=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def _committed_changes(root: Path, since: dt.date) -> dict[str, list[Change]]:
    """Repository path -> modifications (not additions) in commits since ``since``.

    One ``git log`` for the whole content tree.
    """
    out = _git(root, "log", "--no-renames", "--name-status", "-z", "--format=%x01%h%x02%cs",
               f"--since={since.isoformat()}", "--", "content")
    changes: dict[str, list[Change]] = {}
    for record in (out or "").split("\x01")[1:]:
        tokens = record.split("\0")
        commit, _, day = tokens[0].partition("\x02")
        change = Change(dt.date.fromisoformat(day.strip()), commit)
        for status, path in zip(tokens[1::2], tokens[2::2]):
            if status.strip().startswith("M"):
                changes.setdefault(path, []).append(change)
    return changes


def _uncommitted(root: Path) -> list[str]:
    """Repository paths of tracked content files changed in the index or the work tree."""
    out = _git(root, "status", "--porcelain", "-z", "--untracked-files=no", "--", "content")
    entries = (out or "").split("\0")
    paths = []
    for n, entry in enumerate(entries):
        if len(entry) > 3 and "M" in entry[:2] and not (n and entries[n - 1][:1] in ("R", "C")):
            paths.append(entry[3:])
    return paths


def _versions(root: Path, changes: list[_Late]) -> dict[str, bytes | None]:
    """The file versions before and after each change, read with one ``git cat-file``."""
    specs = sorted({spec for late in changes for spec in (
        (f"{late.change.commit}^:{late.path}", f"{late.change.commit}:{late.path}")
        if late.change.commit else (f"HEAD:{late.path}",))})
    if not specs:
        return {}
    out = _git_bytes(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in specs).encode())
    versions: dict[str, bytes | None] = {}
    at = 0
    for spec in specs:
        if out is None:
            break
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            versions[spec] = out[end + 1:end + 1 + size]
            at = end + 1 + size + 1
        else:
            versions[spec] = None
            at = end + 1
    return versions
