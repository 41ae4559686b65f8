"""Board rendering speed: seconds per A0 board, cold and warm, for 1 and for 50 boards.

A county is generated with ``benchmarks/county.py`` (one A0 board per office,
every item type on it), then ``gongkai boards`` runs in a fresh process:

- ``cold``: empty render cache, every board and booklet is rendered;
- ``warm``: the same content again, every render comes from the cache.

Each office also gets its A4 booklet, so a board's figure includes one booklet.

Then one board alone, in this process (what a clerk waits for once Python
is running): ``render`` lays out and writes one A0 board (PDF and
proof, no booklet) from an empty cache; ``cached`` is the same board again,
found in the render cache and copied.

    python benchmarks/boards.py                  # 1 and 50 boards
    python benchmarks/boards.py --boards 1 10    # other counts
    taskset -c 0 python benchmarks/boards.py     # on one core

CPU seconds are printed beside the wall-clock ones: on a shared machine they
are the steadier figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from county import generate_county  # noqa: E402

TODAY = dt.date(2026, 11, 21)


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime + cpu_children()


def run_boards(root: Path, boards: list[str], jobs: int | None) -> tuple[float, float]:
    """Seconds (wall clock, CPU) for one ``gongkai boards`` process rendering ``boards``."""
    command = [sys.executable, "-m", "generator", "boards", str(root), "--out", str(root / "site"),
               "--date", TODAY.isoformat()]
    for board in boards:
        command += ["--board", board]
    if jobs:
        command += ["--jobs", str(jobs)]
    start, cpu = time.perf_counter(), cpu_children()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, cpu_children() - cpu


def one_board(root: Path, board_id: str) -> tuple[tuple[float, float], tuple[float, float], int]:
    """Seconds (wall clock, CPU) to lay out and write one board (PDF and proof) cold, and to
    build it again from the render cache; and its sheets."""
    from generator.boards import build_boards
    from generator.boards.document import board_document, font_faces
    from generator.boards.edition import select_edition
    from generator.boards.pdf import render_board
    from generator.boards.proof import proof_png
    from generator.content.fonts import board_font_files
    from generator.content.loader import load_project
    from generator.diagnostics import Report

    project, _ = load_project(root, today=TODAY)
    site, cache = project.site, root / ".cache-one"
    shutil.rmtree(cache, ignore_errors=True)
    faces = font_faces(board_font_files(root, site.fonts), len(site.fonts), cache)
    edition = select_edition(project, project.boards[board_id], None, TODAY, Report())
    start, cpu = time.perf_counter(), cpu_self()
    doc = board_document(edition, site, faces)
    rendered = render_board(doc)
    proof_png(rendered.pdf, doc.sheet.height_mm)
    cold = time.perf_counter() - start, cpu_self() - cpu
    build_boards(project, root / "site-one", board_ids=[board_id], jobs=1, cache_dir=cache, today=TODAY)
    start, cpu = time.perf_counter(), cpu_self()
    build_boards(project, root / "site-one", board_ids=[board_id], jobs=1, cache_dir=cache, today=TODAY)
    return cold, (time.perf_counter() - start, cpu_self() - cpu), rendered.sheets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, nargs="+", default=[1, 50])
    parser.add_argument("--jobs", type=int, default=None, help="render processes (default: CPU cores)")
    parser.add_argument("--one", nargs="*", default=None, metavar="BOARD",
                        help="boards to time alone in this process (default: the first)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongkai-boards-bench-") as tmp:
        root = Path(tmp) / "county"
        generate_county(root, offices=max(args.boards), quarters=1, today=TODAY)
        board_ids = sorted(p.stem for p in (root / "boards").glob("*.yml"))
        print(f"{os.cpu_count()} cores, A0 boards of a generated county (benchmarks/county.py)")
        print(f"{'boards':>6} {'cold s':>8} {'s/board':>8} {'warm s':>8} {'s/board':>8}"
              f" {'cold CPU':>9} {'warm CPU':>9}")
        for count in args.boards:
            selected = board_ids[:count]
            shutil.rmtree(root / ".cache", ignore_errors=True)
            shutil.rmtree(root / "site", ignore_errors=True)
            (cold, cold_cpu), (warm, warm_cpu) = run_boards(root, selected, args.jobs), run_boards(
                root, selected, args.jobs)
            print(f"{count:>6} {cold:>8.1f} {cold / count:>8.2f} {warm:>8.1f} {warm / count:>8.2f}"
                  f" {cold_cpu:>9.1f} {warm_cpu:>9.1f}")
        for board_id in args.one or board_ids[:1]:
            (cold, cold_cpu), (warm, warm_cpu), sheets = one_board(root, board_id)
            print(f"one board in-process ({board_id}, {sheets} sheet(s)): render {cold:.2f} s "
                  f"({cold_cpu:.2f} s CPU), cached {warm:.3f} s ({warm_cpu:.3f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
