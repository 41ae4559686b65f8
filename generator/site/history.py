"""Revision history of item files, read from git in one call for the whole project.

``git log --name-status -M`` lists every commit touching ``content/``, newest
first; renames are followed back so a renamed item keeps its history. A folder
that is not a git repository (or has no commits, or no git) has no history.
Commit subjects are published: ID, bank card and mobile numbers in them are masked.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..content.personal import masked_text
from .outputs import Revision

_COMMIT = "\x1e"  # record separator before each commit header


def read_history(root: Path) -> dict[str, list[Revision]]:
    """Project-relative file path (as it is now) -> revisions, newest first."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--relative", "-M", "--name-status", "--no-color",
             f"--format={_COMMIT}%cs%x09%s", "--", "content"],
            capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
        )
    except OSError:
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout)


def parse_log(text: str) -> dict[str, list[Revision]]:
    history: dict[str, list[Revision]] = {}
    alias: dict[str, str] = {}  # path in older commits -> path today
    closed: set[str] = set()  # paths whose older commits belong to an earlier, deleted file
    for record in text.split(_COMMIT)[1:]:
        header, _, changes = record.partition("\n")
        day, _, subject = header.partition("\t")
        # A commit subject is published and cannot be corrected afterwards: numbers are masked.
        revision = Revision(dt.date.fromisoformat(day), masked_text(subject.strip()))
        for line in changes.splitlines():
            fields = line.split("\t")
            if len(fields) < 2:
                continue
            status, path = fields[0], fields[-1]
            current = alias.get(path, path)
            if current in closed:
                continue
            if status.startswith("D"):
                closed.add(current)
                continue
            history.setdefault(current, []).append(revision)
            if status.startswith("A"):
                closed.add(current)
            elif status.startswith(("R", "C")) and len(fields) == 3:
                alias[fields[1]] = current
    return history
