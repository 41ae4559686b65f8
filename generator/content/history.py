"""Archive integrity: a published quarter changes only with a recorded correction (勘误).

Git is the archive. Every item of a quarter that has ended is compared with
the history of its file (and of its ``rows_from`` CSV): a commit that
modified it dated after the quarter's last day (or after the item's
``published`` date, when that is later: a quarter's report is often
published just after the quarter), or an uncommitted change, must be matched
by a ``corrections:`` entry dated that day or later. Adding a file to a past
quarter (bringing an old archive into git) is not a change.
Without git, or outside a repository, there is nothing to compare and the
check is skipped.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..diagnostics import Report
from ..model import Item, Location, Project


@dataclass(frozen=True, order=True)
class Change:
    day: dt.date
    commit: str  # short hash, or "" for an uncommitted change


def check_history(project: Project, report: Report, root: Path, today: dt.date) -> None:
    """Report ``unrecorded-change`` for past-quarter items changed without a correction."""
    past = [item for item in project.items() if item.quarter is not None and item.quarter.end < today]
    if not past:
        return
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix is None:
        return
    prefix = prefix.strip()
    since = min(item.quarter.end for item in past)
    changes = _committed_changes(root, since)
    for path in _uncommitted(root):
        changes.setdefault(path, []).append(Change(today, ""))
    if not changes:
        return
    for item in past:
        _check_item(item, changes, prefix, report)


def _check_item(item: Item, changes: dict[str, list[Change]], prefix: str, report: Report) -> None:
    files = [item.source]
    if item.rows_from:
        files.append((PurePosixPath(item.source).parent / item.rows_from).as_posix())
    closed = max(item.quarter.end, item.published or item.quarter.end)
    late = [(change, file) for file in files for change in changes.get(prefix + file, [])
            if change.day > closed]
    if not late:
        return
    change, file = max(late)
    recorded = max((c.date for c in item.corrections), default=None)
    if recorded is not None and recorded >= change.day:
        return
    where = item.locations.get(("corrections",)) or Location(item.source)
    english = report.language == "en"
    report.error(
        where, "unrecorded-change",
        quarter=str(item.quarter), end=closed.isoformat(), changed=change.day.isoformat(),
        commit=(f"commit {change.commit}" if english else f"提交 {change.commit}") if change.commit
        else ("not yet committed" if english else "尚未提交"),
        file=_file_words(PurePosixPath(file).name, file != item.source, english),
    )


def _file_words(name: str, data_file: bool, english: bool) -> str:
    if english:
        return f"its data file {name}" if data_file else name
    return f"它的数据文件 {name} " if data_file else f"文件 {name} "


def _git(root: Path, *args: str) -> str | None:
    """Output of a git command in ``root``; None when git is missing or it fails."""
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root,
                              capture_output=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="surrogateescape")


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
    paths = []
    for entry in (out or "").split("\0"):
        if len(entry) > 3 and "M" in entry[:2]:
            paths.append(entry[3:])
    return paths
