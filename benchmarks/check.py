"""How fast is ``gongkai check`` on a whole county? Target: 300 offices under 10 s on 2 cores.

Generates synthetic counties (benchmarks/county.py: 300 offices, 8 quarters
at scale 1) in a temporary folder, runs ``gongkai check`` on each in a
subprocess, and prints files, wall-clock and CPU seconds (the run with the
least wall-clock time of ``--runs``), files per second and the subprocess's
peak memory. CPU seconds vary less than wall-clock ones on a busy machine. The generated tree must check clean; any
diagnostic stops the benchmark.

    python benchmarks/check.py                 # 300 offices
    python benchmarks/check.py --scales 1 2 4  # 300, 600 and 1,200 offices
    python benchmarks/check.py --profile       # where load_project spends its time
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).parent))
from county import generate_county  # noqa: E402

TODAY = dt.date(2026, 11, 21)
DIAGNOSTIC = re.compile(r":\d+:\d+: (?:error|warning)\[", re.M)
TARGET_SECONDS = 10.0


def count_files(root: Path) -> int:
    return sum(1 for path in root.rglob("*") if path.is_file())


def time_check(root: Path) -> tuple[float, float, int, int, str]:
    """One ``gongkai check`` run: ``(seconds, CPU seconds, peak RSS in KiB, exit code, output)``."""
    command = [sys.executable, "-m", "generator", "check", str(root), "--date", TODAY.isoformat()]
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as process:
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory and CPU time
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss, process.returncode, output.decode("utf-8", "replace")


def profile(root: Path, top: int) -> None:
    """cProfile ``load_project`` run serially: work in pool processes is invisible to cProfile."""
    from generator.content import load_project, loader

    profiler = cProfile.Profile()
    with mock.patch.object(loader, "PARALLEL_MIN_OFFICES", sys.maxsize):
        profiler.runcall(load_project, root, TODAY)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=300, help="offices at scale 1 (300)")
    parser.add_argument("--quarters", type=int, default=8)
    parser.add_argument("--scales", type=int, nargs="+", default=[1], help="multiples of --offices")
    parser.add_argument("--runs", type=int, default=3, help="check runs per scale; the best counts")
    parser.add_argument("--profile", action="store_true", help="profile load_project at the first scale")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    args = parser.parse_args(argv)

    print(f"gongkai check, {args.quarters} quarters, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'offices':>8} {'files':>7} {'MB':>6} {'generate s':>10} {'check s':>8} {'cpu s':>6} {'files/s':>8} {'peak MiB':>9}")
    slow = False
    for scale in args.scales:
        offices = args.offices * scale
        with tempfile.TemporaryDirectory(prefix="gongkai-county-") as folder:
            root = Path(folder)
            start = time.perf_counter()
            generate_county(root, offices=offices, quarters=args.quarters, today=TODAY)
            generated = time.perf_counter() - start
            files = count_files(root)
            size = sum(path.stat().st_size for path in root.rglob("*") if path.is_file()) / 1e6
            if args.profile:
                profile(root, args.top)
                return 0
            runs = [time_check(root) for _ in range(args.runs)]
            seconds, cpu, peak_kib, code, output = min(runs)
            if code != 0 or DIAGNOSTIC.search(output):
                print(f"gongkai check exited {code} on the generated county:\n{output[:4000]}")
                return 1
            print(f"{offices:>8} {files:>7} {size:>6.1f} {generated:>10.1f} {seconds:>8.2f} {cpu:>6.2f} "
                  f"{files / seconds:>8.0f} {peak_kib / 1024:>9.0f}")
            slow |= offices == 300 and seconds > TARGET_SECONDS
    if slow:
        print(f"300 offices took more than the {TARGET_SECONDS:.0f} s target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
