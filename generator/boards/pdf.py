"""Render a board document to a print-ready PDF/X-4 with WeasyPrint.

Fitting: the board is laid out at each body size from the sheet's steps down
to the legibility floor until it fits one sheet; if even the floor does not
fit, it continues on further sheets, each numbered and marked 续.

The output is deterministic: dates come from the edition, the XMP document id
from the content (WeasyPrint writes a random one), the file id from the bytes.
"""

from __future__ import annotations

import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import pydyf
import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

from .document import BoardDocument
from .fetch import print_html
from .geometry import MARK_GAP_MM, Sheet

PDF_VARIANT = "pdf/x-4"
MM = 72 / 25.4
_XMP_DID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


@dataclass
class Rendered:
    pdf: bytes
    sheets: int
    text_pt: float  # the body size the board was set in


@contextmanager
def font_configuration() -> Iterator[FontConfiguration]:
    """WeasyPrint's font set for one render; its temporary copies of the font files are
    removed at the end (its finalizer alone may never run in a worker process)."""
    fonts = FontConfiguration()
    try:
        yield fonts
    finally:
        fonts.__del__()


def layout(html: str, fonts: FontConfiguration) -> weasyprint.Document:
    return print_html(html).render(font_config=fonts)


def render_board(doc: BoardDocument) -> Rendered:
    """Fit ``doc`` on as few sheets as the type floor allows and write the PDF.

    The layouts share one font configuration, so the fonts are loaded once.
    """
    plain: frozenset[str] = frozenset()
    with font_configuration() as fonts:
        for text_pt in doc.sheet.text_steps_pt():
            document, plain = _layout_board(doc, text_pt, False, plain, fonts)
            if len(document.pages) == 1:
                break
        else:
            document, plain = _layout_board(doc, text_pt, True, plain, fonts)
        return Rendered(_write(document, doc.sheet), len(document.pages), text_pt)


def _layout_board(doc: BoardDocument, text_pt: float, sheet_labels: bool, plain: frozenset[str],
                  fonts: FontConfiguration) -> tuple[weasyprint.Document, frozenset[str]]:
    """Lay out ``doc``; panels that lost their title bar become plain and it is laid out again."""
    while True:
        document = layout(doc.html(text_pt, sheet_labels, plain), fonts)
        dropped = dropped_heads(document)
        if not dropped:
            return document, plain
        plain |= dropped


def dropped_heads(document: weasyprint.Document) -> frozenset[str]:
    """The panels (ids) that start without their title bar.

    WeasyPrint leaves a table's head out where the head and the start of the
    body do not fit together at the top of a column; a panel must never lose
    its title, so such a panel is laid out again as a plain section.
    """
    started: set[str] = set()
    dropped = set()
    for page in document.pages:
        for box in _tables(page._page_box):
            panel = box.element.get("id")
            if panel not in started:
                started.add(panel)
                if not any(group.is_header for group in box.children):
                    dropped.add(panel)
    return frozenset(dropped)


def _tables(box) -> Iterator[boxes.TableBox]:
    if isinstance(box, boxes.TableBox) and "panel" in (box.element.get("class") or "").split():
        yield box
        return
    for child in getattr(box, "children", ()):
        yield from _tables(child)


def write_pdf(html: str) -> bytes:
    """Another document in the board theme (booklet, tile labels): PDF/X-4, deterministic."""
    with font_configuration() as fonts:
        return _write(layout(html, fonts))


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
