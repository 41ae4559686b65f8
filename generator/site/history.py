"""Dates of item-file revisions, read from git in one call for the whole project.

``git log --name-status -M`` lists every commit touching ``content/``, newest
first; renames are followed back so a renamed item keeps its history. Only
commit dates are read: commit messages are developers' words and never reach
the public, whose revision history is what clerks wrote (``changes``,
``corrections``). A folder that is not a git repository (or has no commits,
or no git) has no history.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .outputs import Revision

_COMMIT = "\x1e"  # record separator before each commit header


def read_history(root: Path) -> dict[str, list[Revision]]:
    """Project-relative file path (as it is now) -> revisions, newest first."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--relative", "-M", "--name-status", "--no-color",
             f"--format={_COMMIT}%cs", "--", "content"],
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
        revision = Revision(dt.date.fromisoformat(header.strip()[:10]))
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
