"""Board rendering speed: seconds per A0 board, cold and warm, for 1 and for 50 boards.

A county is generated with ``benchmarks/county.py`` (one A0 board per office,
every item type on it), then ``gongkai boards`` runs in a fresh process:

- ``cold``: empty render cache, every board and booklet is rendered;
- ``warm``: the same content again, every render comes from the cache.

Each office also gets its A4 booklet, so a board's figure includes one booklet.

    python benchmarks/boards.py                  # 1 and 50 boards
    python benchmarks/boards.py --boards 1 10    # other counts
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from county import generate_county  # noqa: E402

TODAY = dt.date(2026, 11, 21)


def run_boards(root: Path, boards: list[str], jobs: int | None) -> float:
    """Seconds for one ``gongkai boards`` process rendering ``boards``."""
    command = [sys.executable, "-m", "generator", "boards", str(root), "--out", str(root / "site"),
               "--date", TODAY.isoformat()]
    for board in boards:
        command += ["--board", board]
    if jobs:
        command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, nargs="+", default=[1, 50])
    parser.add_argument("--jobs", type=int, default=None, help="render processes (default: CPU cores)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongkai-boards-bench-") as tmp:
        root = Path(tmp) / "county"
        generate_county(root, offices=max(args.boards), quarters=1, today=TODAY)
        board_ids = sorted(p.stem for p in (root / "boards").glob("*.yml"))
        print(f"{os.cpu_count()} cores, A0 boards of a generated county (benchmarks/county.py)")
        print(f"{'boards':>6} {'cold s':>8} {'s/board':>8} {'warm s':>8} {'s/board':>8}")
        for count in args.boards:
            selected = board_ids[:count]
            shutil.rmtree(root / ".cache", ignore_errors=True)
            shutil.rmtree(root / "site", ignore_errors=True)
            cold = run_boards(root, selected, args.jobs)
            warm = run_boards(root, selected, args.jobs)
            print(f"{count:>6} {cold:>8.1f} {cold / count:>8.2f} {warm:>8.1f} {warm / count:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
