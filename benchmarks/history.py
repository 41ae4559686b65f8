"""How fast is the archive-integrity check (``check_history``) on a county with a git history?

Generates a synthetic county (benchmarks/county.py: 300 offices, 8 quarters),
commits it, then commits edits to past-quarter items after their quarters
ended: some change only comments (not corrections), some change a value and
record a correction, some change a value without one. Prints the repository
size, the late changes, the time ``check_history`` takes (best of
``--runs``; the project is loaded once beforehand) and the errors it found,
which must equal the unrecorded changes made.

    python benchmarks/history.py
    python benchmarks/history.py --offices 600 --edits 900
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from county import generate_county  # noqa: E402

from generator.content import load_project  # noqa: E402
from generator.content.history import check_history  # noqa: E402
from generator.diagnostics import Report  # noqa: E402

TODAY = dt.date(2026, 11, 21)


def git(root: Path, *args: str, day: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.gov.cn",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.gov.cn",
               GIT_AUTHOR_DATE=f"{day}T10:00:00+08:00", GIT_COMMITTER_DATE=f"{day}T10:00:00+08:00")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, day: str) -> None:
    git(root, "add", "-A", day=day)
    git(root, "commit", "-q", "-m", day, day=day)


def make_history(root: Path, offices: int, edits: int) -> int:
    """Commit the county, then ``edits`` late edits in three kinds; the unrecorded ones."""
    generate_county(root, offices=offices, today=TODAY)
    git(root, "init", "-q", day="2024-01-01")
    commit(root, "2024-01-01")
    project, _ = load_project(root, TODAY)
    past = [item for item in project.items() if item.quarter and item.quarter.end < TODAY
            and item.source.endswith(".yml")]
    unrecorded = 0
    for n, item in enumerate(past[:edits]):
        path = root / item.source
        text = path.read_text(encoding="utf-8")
        if n % 3 == 0:
            text = "# 已核对\n" + text
        else:
            text = text.replace(f"title: {item.title}", f"title: {item.title}（修订）", 1)
            if n % 3 == 1:
                text += ("corrections:\n  - date: 2026-11-20\n    what: 标题补充“修订”\n"
                         "    why: 与纸质档案一致\n")
            else:
                unrecorded += 1
        path.write_text(text, encoding="utf-8")
        if n % 100 == 99 or n == len(past[:edits]) - 1:
            commit(root, "2026-11-20")
    return unrecorded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=300)
    parser.add_argument("--edits", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        unrecorded = make_history(root, args.offices, args.edits)
        project, _ = load_project(root, TODAY)
        commits = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=root, check=True,
                                 capture_output=True, text=True).stdout.strip()
        best = float("inf")
        for _ in range(args.runs):
            report = Report()
            start = time.perf_counter()
            check_history(project, report, root, TODAY)
            best = min(best, time.perf_counter() - start)
        found = len(report.errors)
        print(f"{args.offices} offices, {len(project.items())} items, {commits} commits, "
              f"{args.edits} late edits ({unrecorded} unrecorded)")
        print(f"check_history: {best:.2f} s (best of {args.runs}), {found} errors")
        return 0 if found == unrecorded else 1


if __name__ == "__main__":
    sys.exit(main())
