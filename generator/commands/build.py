"""``gongkai build``: the website and the board PDFs, swapped in only when complete.

Content errors stop the build before anything is written. Boards are rendered
first (into a temporary folder, so the office pages link exactly the files that
exist), then MkDocs builds the site next to the output folder, and the finished
site replaces the old one with two renames: nothing half-built is ever left
where the good site was. The scratch folder is locked while the build runs, so
the next build clears one left by a killed build.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, so scratch folders of killed builds stay
    fcntl = None

from .. import engine
from ..diagnostics import ContentError
from ..share import mkdocs_config_file
from .common import (NoPrintLibraries, add_project_arguments, build_date, import_boards, inside_sources, is_project,
                     load_or_exit, print_report, under_a_file)

HELP = "生成网站和公开栏印刷文件（默认输出到 site/）"


def add_arguments(parser) -> None:
    add_project_arguments(parser)
    parser.add_argument("--out", type=Path, default=None, help="输出目录，默认 DIR/site")
    parser.add_argument("--no-boards", action="store_true", help="只生成网站，不生成公开栏 PDF")


def mkdocs_config(root: Path, *, site_dir: Path | None = None, date=None, boards_dir: Path | None = None,
                  project=None):
    """The MkDocs configuration for project ``root``: its own mkdocs.yml, else gongkai's.

    A ``project`` already loaded (and its problems reported) is handed to the plugin.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    engine.select()
    from mkdocs.config import load_config

    config_file = mkdocs_config_file(root)
    overrides = {"docs_dir": str((root / "content").resolve())}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    config = load_config(config_file=str(config_file), **overrides)
    plugin = config.plugins.get("gongkai")
    if plugin is None:
        raise SystemExit(f"{config_file}: the gongkai plugin is missing from plugins")
    if date is not None:
        plugin.config.date = date
    if boards_dir is not None:
        plugin.config.boards_dir = str(boards_dir)
    if project is not None:
        plugin.loaded = (project, date)
    return config


def render_boards(project, out: Path, date: dt.date) -> bool:
    """Render every board edition and booklet into ``out``; False when the project has no boards."""
    if not project.boards:
        return False
    import_boards().build_boards(project, out, today=date)  # WeasyPrint loads only when boards are built
    return True


SITE_ONLY = {"boards", "booklets"}  # what ``gongkai boards`` alone writes into the site folder
LOCK = ".lock"
MARKER = ".gongkai-site"  # written into every site gongkai builds: the files it wrote, one a line


def replaceable(root: Path, out: Path) -> bool:
    """Whether ``out`` may be replaced by a new site: missing, empty, or a site gongkai wrote
    (its marker file lists every file in it, boards and booklets aside).

    Never the project, its content/ or boards/, a folder holding them, a file, or a folder
    with a file gongkai did not write (an ``index.html`` alone proves nothing).
    """
    if inside_sources(root, out) or is_project(out) or out == root or out in root.parents:
        return False
    if not out.exists():
        return True
    if not out.is_dir():
        return False
    names = {p.name for p in out.iterdir()}
    if not names or names <= SITE_ONLY:
        return True
    return (out / MARKER).is_file() and not foreign_files(out)


def foreign_files(out: Path) -> list[str]:
    """Files in the gongkai site ``out`` that its marker does not list (boards and booklets aside)."""
    try:
        written = set((out / MARKER).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return [MARKER]
    found = (p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() or p.is_symlink())
    return sorted(f for f in found if f != MARKER and f not in written and f.split("/")[0] not in SITE_ONLY)


def write_marker(site: Path) -> None:
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    (site / MARKER).write_text("".join(f"{f}\n" for f in files), encoding="utf-8")


def scratch_dir(out: Path) -> tuple[Path, int]:
    """A fresh scratch folder beside ``out``, locked for this build (the lock ends with the process).

    Scratch folders whose lock is free were left by a killed build: they are removed first.
    """
    prefix = f".{out.name}-build-"
    for old in out.parent.glob(prefix + "*"):
        if abandoned(old):
            shutil.rmtree(old, ignore_errors=True)
    scratch = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
    fd = os.open(scratch / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    return scratch, fd


def abandoned(scratch: Path) -> bool:
    """Whether ``scratch`` is a build's scratch folder whose build no longer runs (its lock is free)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(scratch / LOCK, os.O_RDWR)
    except OSError:
        return False  # being created, or not a build's scratch folder
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False  # a build still running
    finally:
        os.close(fd)


def replace_dir(new: Path, out: Path, scratch: Path) -> None:
    """Put ``new`` at ``out``: the old output moves aside first, then is deleted."""
    if out.exists():
        old = scratch / "old"
        out.rename(old)
    new.rename(out)


def run(args) -> int:
    project, code = load_or_exit(args)
    if project is None:
        return code
    root: Path = args.dir.resolve()
    out: Path = (args.out or root / "site").resolve()
    if under_a_file(out.parent):
        print(f"gongkai build: cannot write {out}: a file is in the way", file=sys.stderr)
        return 2
    if not replaceable(root, out):
        foreign = foreign_files(out) if (out / MARKER).is_file() else []
        why = f"{foreign[0]} was not written by gongkai" if foreign else "not a site built by gongkai"
        print(f"gongkai build: refusing to replace {out} ({why})", file=sys.stderr)
        return 2
    date = build_date(args)
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch, lock = scratch_dir(out)
    env_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        boards_dir = scratch / "boards"
        try:
            if args.no_boards or not render_boards(project, boards_dir, date):
                boards_dir = None
        except ContentError as error:
            print_report(error.report)
            return 1
        except NoPrintLibraries as error:
            print(f"gongkai build: {error}", file=sys.stderr)
            return 1
        except Exception as error:  # noqa: BLE001 - narrowed below without loading WeasyPrint early
            from ..boards import PrintSetupError
            if not isinstance(error, PrintSetupError):
                raise
            print(f"gongkai build: {error}", file=sys.stderr)
            return 1
        site = scratch / "site"
        if args.date and env_epoch is None:  # MkDocs' own dates (sitemap) follow --date too
            os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight_epoch(date)))
        mkdocs_logging()
        from mkdocs.commands.build import build
        from mkdocs.exceptions import Abort, PluginError

        try:
            build(mkdocs_config(root, site_dir=site, date=date, boards_dir=boards_dir, project=project))
        except (Abort, PluginError) as error:
            print(f"gongkai build: {error}", file=sys.stderr)
            return 1
        from ..editor.publish import EditorSetupError, write_admin  # only when site.yml asks for it
        try:
            write_admin(project, site)
        except EditorSetupError as error:
            print(f"gongkai build: {error}", file=sys.stderr)
            return 1
        write_marker(site)
        replace_dir(site, out, scratch)
    finally:
        if env_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        os.close(lock)  # first: Windows deletes no open file
        shutil.rmtree(scratch, ignore_errors=True)
    pages = sum(1 for _ in out.rglob("index.html"))
    print(f"{out}: {pages} pages" + ("" if boards_dir is None else ", boards rendered"))
    return 0


def midnight_epoch(date: dt.date) -> float:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc).timestamp()


def mkdocs_logging(level: int = logging.WARNING) -> None:
    """Show MkDocs messages from ``level`` up (build: warnings and errors), as plain lines."""
    for name in engine.logger_names():
        logger = logging.getLogger(name)
        if not any(getattr(h, "_gongkai", False) for h in logger.handlers):
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
            handler._gongkai = True
            logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False
