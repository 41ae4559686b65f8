"""Build every board edition and office booklet: check, lay out, render in parallel, cache.

Per board and edition, into ``out_dir / urls.board_dir(board, quarter)``:
``<board>-<YYYY-Qn>.pdf``, ``.png`` (proof), ``manifest.json`` and, on request,
``<board>-<YYYY-Qn>-tiles-<A3|A4>.pdf``. Per office and quarter, into
``out_dir / urls.booklet_dir(office, quarter)``: ``<office>-<YYYY-Qn>-booklet.pdf``.

A render is keyed by a hash of everything it reads (the laid-out document,
the theme, the font and colour-profile files, the renderer's code and
version); an unchanged board is copied from the cache instead of rendered.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import weasyprint
from PIL import ImageCms

from .. import __version__, urls
from ..content.fonts import BOARD_FAMILY, FontError, board_font_files, covered_codepoints, default_fonts_found
from ..diagnostics import ContentError, Report
from ..model import Location, Project, Quarter
from .booklet import booklet_html, booklet_key
from .document import CMYK_PROFILE, THEME, BoardDocument, board_document, font_faces
from .edition import Edition, check_glyphs, edition_quarter, item_texts, office_items, select_edition
from .forms import LABELS
from .pdf import render_board, write_pdf
from .proof import proof_png
from .tiles import TILE_SIZES, tile_pdf

CACHE_DIR = Path(".cache/gongkai/boards")
RENDERER = f"gongkai {__version__} / WeasyPrint {weasyprint.__version__}"
PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for the process when its parent dies


class PrintSetupError(RuntimeError):
    """A system file the print needs is missing (not a content problem)."""


@dataclass
class BoardEdition:
    """One board in one quarter, as written to the output directory."""

    board_id: str
    office_id: str
    quarter: Quarter
    sheets: int
    pdf: Path
    proof: Path
    manifest: Path
    tiles: Path | None
    booklet: Path  # the office's booklet for the same quarter
    cached: bool  # copied from the cache, not rendered


def board_file_names(board_id: str, quarter: Quarter, tile: str | None = None) -> dict[str, str]:
    stem = f"{board_id}-{quarter}"
    names = {"pdf": f"{stem}.pdf", "proof": f"{stem}.png", "manifest": "manifest.json"}
    if tile:
        names["tiles"] = f"{stem}-tiles-{tile}.pdf"
    return names


def booklet_file_name(office_id: str, quarter: Quarter) -> str:
    return f"{office_id}-{quarter}-booklet.pdf"


@dataclass
class Job:
    """One render: a board edition or a booklet, and where its cached files go."""

    key: str
    entry: Path  # cache directory of this render
    names: dict[str, str]
    document: BoardDocument | None = None
    booklet: tuple | None = None  # booklet_html's arguments
    tile: str | None = None
    manifest: dict | None = None


def build_boards(project: Project, out_dir: Path, *, quarter: Quarter | None = None,
                 board_ids: list[str] | None = None, jobs: int | None = None,
                 cache_dir: Path | None = None, tile: str | None = None,
                 today: dt.date | None = None) -> list[BoardEdition]:
    """Render the selected boards (all by default) and their offices' booklets.

    Raises :class:`ContentError` before rendering anything when a panel names a
    missing item or a printed character is missing from the board fonts.
    """
    today = today or dt.date.today()
    if tile is not None and tile not in TILE_SIZES:
        raise ValueError(f"tile must be one of {', '.join(TILE_SIZES)}")
    if not CMYK_PROFILE.is_file():
        raise PrintSetupError(f"CMYK output profile {CMYK_PROFILE} not found: install Debian's libgs-common")
    if shutil.which("pdftoppm") is None:
        raise PrintSetupError("pdftoppm not found (proofs): install Debian's poppler-utils")
    if not default_fonts_found():
        raise PrintSetupError(f"board font {BOARD_FAMILY} not found: install Debian's fonts-noto-cjk")
    site = project.site
    report = Report(language=site.language)
    boards = [project.boards[b] for b in sorted(board_ids)] if board_ids else list(project.boards.values())
    editions = [e for e in (select_edition(project, b, quarter, today, report) for b in boards) if e]
    office_ids = sorted({e.office.id for e in editions}) if board_ids else sorted(project.offices)
    booklets = []
    for office_id in office_ids:
        office = project.offices[office_id]
        q = edition_quarter(office, quarter, today)
        booklets.append((office, q, office_items(office, q, today)))

    font_files = board_font_files(project.root, site.fonts)
    try:
        covered = covered_codepoints(font_files)
    except FontError as e:
        report.error(Location("content/site.yml"), "missing-font", file=str(e.path))
        raise ContentError(report) from None
    check_glyphs(_printed_texts(project, editions, booklets), covered, report)
    if report.has_errors():
        raise ContentError(report)

    cache_dir = Path(cache_dir) if cache_dir else project.root / CACHE_DIR
    faces = font_faces(font_files, len(site.fonts), cache_dir)
    identity = _renderer_identity(font_files)
    board_jobs = [_board_job(board_document(e, site, faces), e, tile, cache_dir, identity) for e in editions]
    booklet_jobs = [_booklet_job(office, q, items, site, faces, cache_dir, identity)
                    for office, q, items in booklets]
    todo = [job for job in board_jobs + booklet_jobs if not _complete(job)]
    _run(todo, jobs)

    out_dir = Path(out_dir)
    for (office, q, _), job in zip(booklets, booklet_jobs):
        _copy(job, out_dir / urls.booklet_dir(office.id, q))
    booklet_paths = {(office.id, q): out_dir / urls.booklet_dir(office.id, q) / booklet_file_name(office.id, q)
                     for office, q, _ in booklets}
    results = []
    rendered = {id(job) for job in todo}
    for edition, job in zip(editions, board_jobs):
        target = out_dir / urls.board_dir(edition.board.id, edition.quarter)
        _copy(job, target)
        manifest = json.loads((target / job.names["manifest"]).read_text(encoding="utf-8"))
        results.append(BoardEdition(
            board_id=edition.board.id, office_id=edition.office.id, quarter=edition.quarter,
            sheets=manifest["sheets"], pdf=target / job.names["pdf"], proof=target / job.names["proof"],
            manifest=target / job.names["manifest"],
            tiles=target / job.names["tiles"] if tile else None,
            booklet=booklet_paths[(edition.office.id, edition.quarter)],
            cached=id(job) not in rendered,
        ))
    return results


@lru_cache(maxsize=1)
def output_intent_name() -> str:
    """The CMYK profile's own description, as the print shop's software shows it."""
    profile = ImageCms.getOpenProfile(str(CMYK_PROFILE)).profile
    return profile.profile_description or CMYK_PROFILE.name


def _printed_texts(project: Project, editions: list[Edition], booklets):
    """Everything the boards and booklets print, with where it is written."""
    site_where = Location("content/site.yml")
    for text in LABELS.get(project.site.language, LABELS["zh"]).values():
        yield text, site_where
    yield project.site.title, site_where
    for edition in editions:
        yield edition.board.title or "", edition.board.locations.get(("title",), Location(edition.board.source))
    for office, _, items in booklets:
        where = Location(office.source)
        for text in (office.name, office.address, office.phone, office.supervision_phone, office.hours):
            yield text or "", where
        for item in items:
            yield from item_texts(item)
    for edition in editions:
        for item in edition.items:
            yield from item_texts(item)


def _renderer_identity(font_files: list[Path]) -> str:
    """What a render depends on besides its document: code, theme, fonts, colour profile."""
    digest = hashlib.sha256(RENDERER.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")) + sorted(THEME.glob("*")):
        digest.update(path.name.encode() + path.read_bytes())
    for path in [*font_files, CMYK_PROFILE]:
        stat = path.stat()
        digest.update(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _key(identity: str, *parts: str) -> str:
    digest = hashlib.sha256(identity.encode())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def _board_job(doc: BoardDocument, edition: Edition, tile: str | None, cache_dir: Path,
               identity: str) -> Job:
    names = board_file_names(edition.board.id, edition.quarter, tile)
    key = _key(identity, *names.values(), doc.key_text(), repr(doc.faces))
    sheet = doc.sheet
    manifest = {
        "board": edition.board.id, "office": edition.office.id, "edition": str(edition.quarter),
        "published": edition.published.isoformat(), "title": doc.context["title"],
        "fingerprint": doc.context["fingerprint"].rpartition(" ")[2],
        "profile": sheet.profile, "pdf_variant": "PDF/X-4", "colour": "CMYK",
        "trim_mm": [sheet.width_mm, sheet.height_mm], "bleed_mm": sheet.bleed_mm,
        "crop_marks": sheet.profile == "offset",
        "blank_margin_mm": sheet.margin_mm if sheet.profile == "inkjet" else 0,
        "columns": edition.board.columns, "panels": [item.key for item in edition.items],
        "text_floor_pt": sheet.text_floor_pt, "heading_floor_pt": sheet.heading_floor_pt,
        "fonts": [face.source.name for face in doc.faces], "output_intent": output_intent_name(),
        "renderer": RENDERER,
    }
    return Job(key, cache_dir / key, names, document=doc, tile=tile, manifest=manifest)


def _booklet_job(office, quarter, items, site, faces, cache_dir, identity) -> Job:
    names = {"booklet": booklet_file_name(office.id, quarter)}
    key = _key(identity, *names.values(), booklet_key(office, quarter, items, site), repr(faces))
    return Job(key, cache_dir / key, names, booklet=(office, quarter, items, site, faces))


def _complete(job: Job) -> bool:
    return all((job.entry / name).is_file() for name in job.names.values())


def _run(todo: list[Job], jobs: int | None) -> None:
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers <= 1:
        for job in todo:
            _render(job)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent) as pool:
        for _ in pool.map(_render, todo):
            pass


def end_with_parent() -> None:
    """Worker start: die with the build when it is killed, rather than wait idle forever (Linux)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _render(job: Job) -> None:
    """Render one job into a fresh cache entry (written whole, then moved into place)."""
    files: dict[str, bytes] = {}
    if job.booklet is not None:
        files[job.names["booklet"]] = write_pdf(booklet_html(*job.booklet), repr(job.booklet[-1]))
    else:
        doc = job.document
        rendered = render_board(doc)
        files[job.names["pdf"]] = rendered.pdf
        files[job.names["proof"]] = proof_png(rendered.pdf, doc.sheet.height_mm)
        if job.tile:
            files[job.names["tiles"]] = tile_pdf(rendered.pdf, doc, job.tile)
        manifest = dict(job.manifest, sheets=rendered.sheets, text_pt=rendered.text_pt,
                        sheet_layout=rendered.report, overflow_mm=rendered.overflow_mm)
        manifest["files"] = {name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                             for name, data in sorted(files.items())}
        files[job.names["manifest"]] = (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True)
                                        + "\n").encode()
    tmp = job.entry.with_name(f"{job.entry.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    shutil.rmtree(job.entry, ignore_errors=True)
    os.replace(tmp, job.entry)


def _copy(job: Job, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in job.names.values():
        shutil.copyfile(job.entry / name, target / name)
