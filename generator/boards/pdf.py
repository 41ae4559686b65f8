"""Render a board document to a print-ready PDF/X-4 with WeasyPrint.

:mod:`.layout` chooses the type size and places the panels (measuring them
with this module's one WeasyPrint call site); the board is then laid out once,
checked that no column runs past its sheet, and written.

The output is deterministic: dates come from the edition, the XMP document id
from the content (WeasyPrint writes a random one), the file id from the bytes.
"""

from __future__ import annotations

import atexit
import hashlib
import multiprocessing.util
import re
from dataclasses import dataclass, field
from typing import Iterator

import pydyf
import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

from . import layout as board_layout
from .document import BoardDocument
from .fetch import print_html
from .geometry import MARK_GAP_MM, Sheet

PDF_VARIANT = "pdf/x-4"
MM = 72 / 25.4
PX_MM = 25.4 / 96
REPLANS = 2  # times a board is placed again in shorter columns when a render ran over
OVERFLOW_MARGIN_MM = 1.0
OVERFLOW_TOLERANCE_MM = 0.2  # rounding; the page area is SHEET_SLACK_MM taller than a column
_XMP_DID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


@dataclass
class Rendered:
    pdf: bytes
    sheets: int
    text_pt: float  # the body size the board was set in
    report: list[dict] = field(default_factory=list)  # per sheet: see layout.report
    overflow_mm: float = 0.0  # how far a column that could not be cut runs past its sheet


_SHARED: dict[str, FontConfiguration] = {}


def shared_fonts(faces: str) -> FontConfiguration:
    """One font set per process and set of board fonts (``faces``, their description): the
    fonts load once for every board and booklet a process renders. Their temporary copies
    are removed when the process ends (a pool worker too: multiprocessing runs finalizers)."""
    if not _SHARED:
        atexit.register(_drop_shared)
        multiprocessing.util.Finalize(None, _drop_shared, exitpriority=10)
    if faces not in _SHARED:
        _SHARED[faces] = FontConfiguration()
    return _SHARED[faces]


def _drop_shared() -> None:
    while _SHARED:
        _SHARED.popitem()[1].__del__()


def layout(html: str, fonts: FontConfiguration) -> weasyprint.Document:
    """Lay out ``html``: the one place boards, booklets and tiles call WeasyPrint (through the
    project-only URL fetcher of :mod:`.fetch`)."""
    return print_html(html).render(font_config=fonts)


def render_board(doc: BoardDocument) -> Rendered:
    """Lay out ``doc`` at the size and places :func:`.layout.plan` chooses and write the PDF.

    The measuring layouts and the board share the process's font set, so fonts load once.
    """
    fonts = shared_fonts(repr(doc.faces))
    render = lambda html: layout(html, fonts)  # noqa: E731
    chosen = board_layout.plan(doc, render)
    for _ in range(REPLANS + 1):
        document = render(doc.html(chosen.text_pt, board_layout.views(doc, chosen), chosen.gap))
        over = overflow(document, chosen.column_height)
        if over <= OVERFLOW_TOLERANCE_MM or chosen.column_height - over < chosen.column_height * 0.8:
            break
        chosen = board_layout.replan(doc, chosen, over + OVERFLOW_MARGIN_MM)
    # A unit that cannot be cut and is taller than a column runs over: say by how much.
    planned = max((c.height for c in chosen.placement.columns), default=0.0) - chosen.column_height
    over = max(over, planned)
    return Rendered(_write(document, doc.sheet), len(document.pages), chosen.text_pt,
                    board_layout.report(doc, chosen), round(over, 1) if over > OVERFLOW_TOLERANCE_MM else 0.0)


def overflow(document: weasyprint.Document, column_height: float) -> float:
    """How far (mm) the longest column of the laid-out board runs past its sheet."""
    worst = 0.0
    for page in document.pages:
        for box in _columns(page._page_box):
            worst = max(worst, box.margin_height() * PX_MM - column_height)
    return worst


def _columns(box) -> Iterator[boxes.Box]:
    box = getattr(box, "_box", box)  # an absolutely positioned box sits in a placeholder
    element = getattr(box, "element", None)
    if isinstance(box, boxes.BlockBox) and element is not None and "column" in (element.get("class") or "").split():
        yield box
        return
    for child in getattr(box, "children", ()):
        yield from _columns(child)


def write_pdf(html: str, faces: str) -> bytes:
    """Another document in the board theme (booklet, tile labels) with the fonts ``faces``
    describes (see :func:`shared_fonts`): PDF/X-4, deterministic."""
    return _write(layout(html, shared_fonts(faces)))


def _write(document: weasyprint.Document, sheet: Sheet | None = None) -> bytes:
    return document.write_pdf(pdf_variant=PDF_VARIANT, finisher=lambda _, pdf: finish(pdf, sheet))


def finish(pdf: pydyf.PDF, sheet: Sheet | None) -> None:
    """Fix the random XMP id and, for offset sheets, add crop marks outside the bleed."""
    metadata = _object(pdf, pdf.catalog.get("Metadata"))
    if metadata is not None:
        data = b"".join(metadata.stream)
        digest = hashlib.sha256(_XMP_DID.sub(b"", data)).hexdigest()
        did = f"xmp.did:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
        metadata.stream = [_XMP_DID.sub(did.encode(), data)]
    if sheet is None or not sheet.slug_mm:
        return
    for page in [o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/Page"]:
        _add_crop_marks(pdf, page, sheet)


def _object(pdf: pydyf.PDF, reference):
    if not reference:
        return None
    if isinstance(reference, bytes):
        reference = reference.decode()
    number = int(str(reference).split()[0])
    return pdf.objects[number]


def _add_crop_marks(pdf: pydyf.PDF, page: pydyf.Dictionary, sheet: Sheet) -> None:
    """Widen the MediaBox by the slug and draw registration-colour crop marks in it.

    The marks start ``MARK_GAP_MM`` outside the trim (beyond the 3 mm bleed) and
    run to the media edge, so no artwork, which stops at the bleed, covers them.
    """
    x0, y0, x1, y1 = (float(v) for v in page["TrimBox"])
    slug, gap = sheet.slug_mm * MM, MARK_GAP_MM * MM
    page["MediaBox"] = pydyf.Array([x0 - slug, y0 - slug, x1 + slug, y1 + slug])
    lines = []
    for x, y, dx, dy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        lines.append(f"{x + dx * gap:.3f} {y:.3f} m {x + dx * slug:.3f} {y:.3f} l S")
        lines.append(f"{x:.3f} {y + dy * gap:.3f} m {x:.3f} {y + dy * slug:.3f} l S")
    # The page stream ends with its own graphics state; marks draw in default user space.
    opening = pydyf.Stream([b"q"])
    marks = pydyf.Stream([b"Q q 0.25 w 1 1 1 1 K " + " ".join(lines).encode() + b" Q"])
    pdf.add_object(opening)
    pdf.add_object(marks)
    page["Contents"] = pydyf.Array([opening.reference, page["Contents"], marks.reference])
