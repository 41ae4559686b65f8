"""Arguments and steps shared by commands: the project folder, the build date, loading."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from ..content import load_project
from ..diagnostics import Report
from ..messages import render
from ..model import Project


def add_project_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default=".", type=Path,
                        help="项目目录（含 content/ 和 boards/），默认当前目录")
    parser.add_argument("--date", type=parse_date_arg, default=None,
                        help="按此日期判断公示期和季度（YYYY-MM-DD），默认今天")


def parse_date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是有效日期（YYYY-MM-DD）：{text}") from None


def build_date(args) -> dt.date:
    """--date, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if getattr(args, "date", None):
        return args.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def is_project(root: Path) -> bool:
    return (root / "content" / "site.yml").is_file()


def require_project(root: Path) -> bool:
    """True for a project folder; otherwise say so (the caller exits with 2)."""
    if is_project(root):
        return True
    print(render("no-project", "zh", path=root), file=sys.stderr)
    return False


def under_a_file(path: Path) -> bool:
    """Whether ``path``, or a folder above it, is an existing file: no output can go there."""
    return any(p.exists() and not p.is_dir() for p in (path, *path.parents))


def inside_sources(root: Path, out: Path) -> bool:
    """Whether ``out`` is, or lies inside, the project's content/ or boards/ (read-only to builds)."""
    out = out.resolve()
    sources = [(root / name).resolve() for name in ("content", "boards")]
    return any(out == source or source in out.parents for source in sources)


class NoPrintLibraries(Exception):
    """WeasyPrint or its native libraries (Pango, as on Windows without GTK) cannot load."""

    def __str__(self) -> str:
        return (f"无法生成公开栏 PDF：排版库 WeasyPrint 或它需要的 Pango 等系统库没有装好（{self.args[0]}）。"
                "网站照常可以生成：gongkai build --no-boards；公开栏 PDF 请在 CI 或 WSL（Windows 的 Linux 子系统）中"
                "生成，见 README")


def import_boards():
    """The board renderer (:mod:`generator.boards`), loaded only when boards are made."""
    try:
        from .. import boards
        from ..boards import build  # noqa: F401  (WeasyPrint and its native libraries load here)
    except (ImportError, OSError) as error:  # OSError: a native library WeasyPrint loads is missing
        raise NoPrintLibraries(f"{type(error).__name__}: {error}") from None
    return boards


def print_report(report: Report, stream=None) -> None:
    stream = stream or sys.stdout
    for diagnostic in report.sorted():
        print(diagnostic.format(), file=stream)
    if report.diagnostics:
        print(report.summary(), file=stream)


def load_or_exit(args) -> tuple[Project | None, int]:
    """Load the project for a building command: ``(project, 0)``, or ``(None, exit code)``
    after printing why (2: not a project, 1: content errors)."""
    root: Path = args.dir
    if not require_project(root):
        return None, 2
    project, report = load_project(root, build_date(args))
    if report.has_errors():
        print_report(report)
        return None, 1
    print_report(report, sys.stderr)
    return project, 0
