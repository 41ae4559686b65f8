"""A board cut into A3 or A4 tiles for office printers, with overlap and assembly marks.

Each sheet of the board becomes one Form XObject; every tile page shows a
window of it (clipped to the window and the trim) under a label layer drawn
by WeasyPrint in the board fonts: tile position, neighbours, the dashed line
where the next tile's picture starts, and a cut frame.
"""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DecodedStreamObject, DictionaryObject, NameObject

from .document import BoardDocument, CMYK_PROFILE, environment, families
from .forms import LABELS
from .pdf import MM, write_pdf

TILE_SIZES = {"A3": (297.0, 420.0), "A4": (210.0, 297.0)}
PRINTER_MARGIN_MM = 10.0  # office printers leave this unprinted
OVERLAP_MM = 10.0


@dataclass(frozen=True)
class Tile:
    sheet: int  # 0-based board sheet
    row: int  # 0-based
    col: int
    rows: int
    cols: int
    left_mm: float  # window's top-left corner on the board, from the trim's top-left
    top_mm: float


@dataclass(frozen=True)
class TileGrid:
    paper_mm: tuple[float, float]
    window_mm: tuple[float, float]
    rows: int
    cols: int

    @property
    def step_mm(self) -> tuple[float, float]:
        return self.window_mm[0] - OVERLAP_MM, self.window_mm[1] - OVERLAP_MM


def tile_grid(width_mm: float, height_mm: float, tile: str) -> TileGrid:
    """The paper orientation that needs the fewest tiles for a ``width × height`` board."""
    best = None
    for paper in (TILE_SIZES[tile], TILE_SIZES[tile][::-1]):
        window = (paper[0] - 2 * PRINTER_MARGIN_MM, paper[1] - 2 * PRINTER_MARGIN_MM)
        cols = max(1, math.ceil((width_mm - OVERLAP_MM) / (window[0] - OVERLAP_MM)))
        rows = max(1, math.ceil((height_mm - OVERLAP_MM) / (window[1] - OVERLAP_MM)))
        grid = TileGrid(paper, window, rows, cols)
        if best is None or rows * cols < best.rows * best.cols:
            best = grid
    return best


def tiles(grid: TileGrid, sheets: int) -> list[Tile]:
    step_x, step_y = grid.step_mm
    return [Tile(s, r, c, grid.rows, grid.cols, round(c * step_x, 3), round(r * step_y, 3))
            for s in range(sheets) for r in range(grid.rows) for c in range(grid.cols)]


def labels_html(doc: BoardDocument, grid: TileGrid, layout: list[Tile], sheets: int) -> str:
    env = environment()
    css = env.get_template("tiles.css").render(
        fonts=doc.faces, families=families(doc.faces), cmyk_profile=CMYK_PROFILE.as_uri(),
        paper=grid.paper_mm, margin=PRINTER_MARGIN_MM, window=grid.window_mm,
        step=grid.step_mm, overlap=OVERLAP_MM,
    )
    return env.get_template("tiles.html").render(
        css=css, tiles=layout, sheets=sheets, overlap=OVERLAP_MM, language=doc.context["html_lang"],
        labels=LABELS["en" if doc.context["html_lang"] == "en" else "zh"],
        office=doc.context["office"], title=doc.context["title"], edition=doc.context["edition"],
        created=doc.context["created"], generator=doc.context["generator"],
        trim=(round(doc.sheet.width_mm), round(doc.sheet.height_mm)),
    )


def tile_pdf(board_pdf: bytes, doc: BoardDocument, tile: str) -> bytes:
    """The tiled version of ``board_pdf`` on ``tile`` paper."""
    reader = PdfReader(io.BytesIO(board_pdf))
    sheet = doc.sheet
    grid = tile_grid(sheet.width_mm, sheet.height_mm, tile)
    layout = tiles(grid, len(reader.pages))
    label_pdf = write_pdf(labels_html(doc, grid, layout, len(reader.pages)), repr(doc.faces))
    labels = PdfReader(io.BytesIO(label_pdf))
    writer = PdfWriter()
    forms = [writer._add_object(_form(page, writer)) for page in reader.pages]
    paper_w, paper_h = (v * MM for v in grid.paper_mm)
    margin = PRINTER_MARGIN_MM * MM
    for tile_, label_page in zip(layout, labels.pages):
        page = writer.add_blank_page(paper_w, paper_h)
        # Window: from the margin, clipped to the part of the trim this tile covers.
        visible_w = min(grid.window_mm[0], sheet.width_mm - tile_.left_mm) * MM
        visible_h = min(grid.window_mm[1], sheet.height_mm - tile_.top_mm) * MM
        top = paper_h - margin
        tx = margin - tile_.left_mm * MM
        ty = top - (sheet.height_mm - tile_.top_mm) * MM
        content = DecodedStreamObject()
        content.set_data(
            f"q {margin:.3f} {top - visible_h:.3f} {visible_w:.3f} {visible_h:.3f} re W n "
            f"1 0 0 1 {tx:.3f} {ty:.3f} cm /Board Do Q".encode())
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/XObject"): DictionaryObject({NameObject("/Board"): forms[tile_.sheet]}),
        })
        page[NameObject("/Contents")] = writer._add_object(content.flate_encode())
        page.merge_page(label_page)
    _declare_pdf_x4(writer, labels, hashlib.md5(board_pdf + label_pdf).digest())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _declare_pdf_x4(writer: PdfWriter, labels: PdfReader, file_id: bytes) -> None:
    """Make the tiles a PDF/X-4 file like the board: the label layer's output intent, XMP and
    Info (WeasyPrint wrote them), trim and bleed boxes on every page (the paper: no bleed),
    and a file id from the content."""
    for key in ("/OutputIntents", "/Metadata"):
        writer.root_object[NameObject(key)] = labels.trailer["/Root"].raw_get(key).clone(writer)
    writer.add_metadata(labels.metadata)
    writer.pdf_header = labels.pdf_header
    for page in writer.pages:
        page.trimbox = page.bleedbox = page.mediabox
    writer._ID = ArrayObject([ByteStringObject(file_id), ByteStringObject(file_id)])


def _form(page, writer: PdfWriter) -> DecodedStreamObject:
    """A board sheet as a Form XObject in default user space (trim at the origin)."""
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(page.mediabox),
        NameObject("/Resources"): page["/Resources"].get_object().clone(writer),
    })
    return form.flate_encode()
