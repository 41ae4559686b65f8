"""Same commit, same bytes: `gongkai build` in separate processes that differ in all else.

The two builds run at the same time in two processes with different hash
seeds (a set listed in hash order shows), from two checkouts at different
paths (an absolute path that leaks shows), in time zones 26 hours apart (so
"today" is a different day in each: a date not taken from the build date
shows), and every output file is compared byte for byte: pages, search
index, downloads, sitemap, feed, board PDFs, proofs, manifests, booklets.
The build date is fixed with --date, or in the second build with the board
test, SOURCE_DATE_EPOCH (a time that day, UTC): the two must agree.

The demo is built as a website (every item type, and git history for the
revision pages); the fixture project also with its board and booklets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "site-project"
DATE = "2026-11-21"
EPOCH = "1795264496"  # 2026-11-21 12:34:56 UTC
BUILDS = (  # hash seed, time zone (POSIX Etc zones have the sign reversed: GMT+12 is UTC-12)
    {"PYTHONHASHSEED": "1", "TZ": "Etc/GMT+12"},
    {"PYTHONHASHSEED": "2", "TZ": "Etc/GMT-14"},
)


def checkout(source: Path, target: Path, folders: tuple[str, ...]) -> Path:
    """A copy of ``source``'s ``folders`` committed to a new git repository (same commit id in every copy)."""
    for folder in folders:
        shutil.copytree(source / folder, target / folder)
    env = {**os.environ, "GIT_AUTHOR_NAME": "clerk", "GIT_AUTHOR_EMAIL": "clerk@example.gov.cn",
           "GIT_COMMITTER_NAME": "clerk", "GIT_COMMITTER_EMAIL": "clerk@example.gov.cn",
           "GIT_AUTHOR_DATE": "2026-10-08T10:00:00+08:00", "GIT_COMMITTER_DATE": "2026-10-08T10:00:00+08:00",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "首次公开"]):
        subprocess.run(["git", *args], cwd=target, env=env, check=True, capture_output=True)
    return target


def build_twice(tmp_path: Path, source: Path, folders: tuple[str, ...], *options: str,
                epoch: bool = False) -> list[Path]:
    """Build two checkouts of ``source`` at once, one per entry of BUILDS; the two output folders.

    ``epoch``: the second build gets its date from SOURCE_DATE_EPOCH instead of --date.
    """
    roots = [checkout(source, tmp_path / "first", folders),
             checkout(source, tmp_path / "second-checkout" / "gongkai", folders)]
    runs = []
    for n, (root, build) in enumerate(zip(roots, BUILDS)):
        env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONHASHSEED", "TZ")}
        env.update(build)
        date = ["--date", DATE]
        if epoch and n == 1:
            env["SOURCE_DATE_EPOCH"], date = EPOCH, []
        runs.append(subprocess.Popen(
            [sys.executable, "-m", "generator", "build", *date, "--out", "site", *options],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    for run in runs:
        output, _ = run.communicate(timeout=600)
        assert run.returncode == 0, output
    return [root / "site" for root in roots]


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_identical(one: Path, two: Path) -> dict[str, bytes]:
    first, second = files(one), files(two)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    return first


def test_demo_site_is_byte_identical_across_processes_paths_and_time_zones(tmp_path):
    built = assert_identical(*build_twice(tmp_path, REPO, ("content", "boards"), "--no-boards"))
    assert len([n for n in built if n.endswith("index.html")]) > 40
    assert "修订记录".encode() in built["qingshan-town/service-pledge/index.html"]  # the revision history
    for name in ("search/search_index.json", "sitemap.xml", "feed.xml", "catalogue/catalogue.json"):
        assert name in built


def test_site_board_and_booklets_are_byte_identical_across_processes(tmp_path):
    built = assert_identical(*build_twice(tmp_path, FIXTURE, ("content", "boards"), epoch=True))
    edition = "boards/hill-town-square/2026-Q4/hill-town-square-2026-Q4"
    for name in (f"{edition}.pdf", f"{edition}.png", "boards/hill-town-square/2026-Q4/manifest.json",
                 "booklets/hill-town/2026-Q4/hill-town-2026-Q4-booklet.pdf",
                 "booklets/pine-village/2026-Q4/pine-village-2026-Q4-booklet.pdf"):
        assert name in built, name
