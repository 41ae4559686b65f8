"""Board PDFs checked on the files themselves: boxes, colour, fonts, type sizes, text, overflow,
determinism, cache, glyph refusal, booklets and tiles."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from generator import urls
from generator.boards import build_boards
from generator.boards.geometry import Sheet
from generator.diagnostics import ContentError
from pdfx import pdfx4_problems
from test_boards_fixture import QUARTER, TODAY, make_project, name

MM = 72 / 25.4


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    project = make_project(root)
    out = root / "site"
    editions = build_boards(project, out, today=TODAY, tile="A4", jobs=2)
    return project, out, {e.board_id: e for e in editions}


def reader(edition) -> PdfReader:
    return PdfReader(edition.pdf)


def box_mm(box) -> list[float]:
    return [round(float(v) / MM, 2) for v in box]


def test_editions_are_written_where_the_site_links(built):
    _, out, editions = built
    town = editions["town"]
    assert town.pdf == out / "boards/town/2026-Q4/town-2026-Q4.pdf"
    assert town.proof == out / "boards/town/2026-Q4/town-2026-Q4.png"
    assert town.booklet == out / "booklets/qingshan-town/2026-Q4/qingshan-town-2026-Q4-booklet.pdf"
    assert town.tiles == out / "boards/town/2026-Q4/town-2026-Q4-tiles-A4.pdf"
    for e in editions.values():
        assert e.pdf.is_file() and e.proof.is_file() and e.manifest.is_file() and e.booklet.is_file()


def test_offset_board_has_bleed_crop_marks_and_trim(built):
    town = reader(built[2]["town"])
    assert len(town.pages) == 1
    page = town.pages[0]
    assert box_mm(page.trimbox) == [0, 0, 841, 1189]
    assert box_mm(page.bleedbox) == [-3, -3, 844, 1192]
    assert box_mm(page.mediabox) == [-15, -15, 856, 1204]  # slug for the crop marks
    marks = page["/Contents"][-1].get_object().get_data()
    assert b"1 1 1 1 K" in marks  # registration colour, drawn last: nothing paints over them


def test_inkjet_board_has_no_bleed_and_a_blank_margin(built):
    village = built[2]["village"]
    page = reader(village).pages[0]
    assert box_mm(page.mediabox) == box_mm(page.trimbox) == [0, 0, 420, 594]
    assert box_mm(page.bleedbox) == [0, 0, 420, 594]
    png = subprocess.run(["pdftoppm", "-r", "25", "-f", "1", "-l", "1", "-png", str(village.pdf)],
                         capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(png)).convert("L")
    margin = int(30 / 25.4 * 25) - 1  # the board's 30 mm grommet margin, in pixels
    w, h = image.size
    for region in ((0, 0, w, margin), (0, h - margin, w, h), (0, 0, margin, h), (w - margin, 0, w, h)):
        assert image.crop(region).getextrema() == (255, 255), region


def test_boards_booklets_and_tiles_are_pdf_x4(built):
    """Read back structurally (tests/pdfx.py): output intent, XMP, boxes, no RGB, fonts embedded."""
    sheets = {"town": ((841, 1189), 3.0), "village": ((420, 594), 0.0), "mini": ((210, 297), 0.0)}
    problems = []
    for board_id, (trim, bleed) in sheets.items():
        edition = built[2][board_id]
        problems += pdfx4_problems(edition.pdf, trim, bleed)
        problems += pdfx4_problems(edition.tiles, (210, 297))  # A4 paper, no bleed
    for booklet in sorted({e.booklet for e in built[2].values()}):
        problems += pdfx4_problems(booklet, (210, 297))
    assert problems == []


def test_fonts_are_embedded_subset_board_fonts(built):
    for edition in built[2].values():
        fonts = {}
        for page in reader(edition).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[font["/BaseFont"]] = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert fonts
        for base, descriptor in fonts.items():
            assert re.fullmatch(r"/[A-Z]{6}\+gongkai-cjk(-Bold)?", base), base  # subset, never a system font
            assert "/FontFile3" in descriptor or "/FontFile2" in descriptor


def sheet_scale(pdf_path) -> float:
    """docs/boards.md: sizes are set for A0 and scaled by the square root of the area ratio (of the trim)."""
    trim = PdfReader(pdf_path).pages[0].trimbox
    return (float(trim.width) / MM * float(trim.height) / MM / (841 * 1189)) ** 0.5


def documented_pt(pdf_path, a0_points: float) -> float:
    return a0_points * sheet_scale(pdf_path)


def printed_titles(project, edition) -> list[str]:
    office = project.offices[edition.office_id]
    return [i.title for i in office.fixed + office.quarters[QUARTER] if i.id not in ("old-notice", "draft-plan")
            and any(p.key == i.key for p in project.boards[edition.board_id].panels)]


def smallest_size_of(chars: list[dict], text: str) -> float:
    """The largest of the smallest sizes over the runs of ``chars`` that spell ``text`` (0 if none)."""
    chars = [c for c in chars if not c["text"].isspace()]
    spelled, text = "".join(c["text"] for c in chars), re.sub(r"\s+", "", text)
    sizes = [min(c["size"] for c in chars[m.start():m.start() + len(text)])
             for m in re.finditer(re.escape(text), spelled)]
    return max(sizes, default=0.0)


def test_type_sizes_are_the_documented_figures_scaled_to_the_sheet(built):
    """docs/boards.md: at A0 no text below 24 pt and no panel title below 48 pt; scaled by sqrt(area / A0)."""
    project, _, editions = built
    for board_id, edition in editions.items():
        floor, heading = documented_pt(edition.pdf, 24), documented_pt(edition.pdf, 48)
        with pdfplumber.open(edition.pdf) as pdf:
            pages = [page.chars for page in pdf.pages]
        assert min(c["size"] for chars in pages for c in chars) >= floor - 0.01, board_id
        for title in printed_titles(project, edition):
            size = max(smallest_size_of(chars, title) for chars in pages)
            assert size >= heading - 0.01, (board_id, title, size, heading)
    assert sheet_scale(editions["town"].pdf) == pytest.approx(1, abs=1e-4)  # the A0 trim
    assert sheet_scale(editions["village"].pdf) == pytest.approx(0.5, abs=1e-3)  # A2 (420 x 594 mm)


def qr_codes(pdf_path, dpi: int) -> list[list[str]]:
    """The text of every QR code on each page, decoded from a greyscale rendering (zxing-cpp)."""
    import zxingcpp

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_path), f"{folder}/p"], check=True)
        return [[code.text for code in zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)]
                for png in sorted(Path(folder).glob("p*.png"))]


def test_every_qr_code_on_a_board_opens_its_items_page(built):
    """Each printed panel has a QR code of its item's URL; each sheet's footer one of the office's."""
    project, _, editions = built
    base = project.site.url
    for board_id, edition in editions.items():
        office = project.offices[edition.office_id]
        items = [i for i in office.fixed + office.quarters[QUARTER] if i.title in printed_titles(project, edition)]
        pages = qr_codes(edition.pdf, round(80 / sheet_scale(edition.pdf)))  # 80 dpi at A0, as much on any sheet
        decoded = [url for page in pages for url in page]
        assert len(pages) == edition.sheets and items, board_id
        assert set(decoded) == {urls.item_url(base, i) for i in items} | {urls.office_url(base, office)}, board_id
        assert [page.count(urls.office_url(base, office)) for page in pages] == [1] * edition.sheets, board_id


def test_every_qr_code_in_a_booklet_opens_its_page(built):
    project, _, editions = built
    office = project.offices["qingshan-town"]
    pages = qr_codes(editions["town"].booklet, 100)
    assert pages[0] == [urls.office_url(project.site.url, office)]  # the cover
    items = [i for i in office.fixed + office.quarters[QUARTER] if i.id not in ("old-notice", "draft-plan")]
    inside = sorted(url for page in pages[1:] for url in page)
    assert inside == sorted(urls.item_url(project.site.url, i) for i in items)


def text_of(path, page: int | None = None) -> str:
    """The text in the order it is drawn (panel by panel, cell by cell), without white space."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", "-raw", *pages, str(path), "-"], capture_output=True, check=True).stdout
    return re.sub(r"\s+", "", out.decode())


def test_every_panel_prints_its_text_and_nothing_unpublished(built):
    project, _, editions = built
    text = text_of(editions["town"].pdf)
    office = project.offices["qingshan-town"]
    for item_id in ("homestead-approval", "service-pledge", "leadership-duties", "agricultural-fees"):
        assert next(i for i in office.fixed if i.id == item_id).title in text
    for item in office.quarters[QUARTER]:
        printed = item.title in text
        assert printed == (item.id not in ("old-notice", "draft-plan")), item.id
    for expected in ("村民小组会议讨论并公示", "20个工作日", "1,336,420.50", "1,032,300.25", "505.5",
                     "分管农业农村、民政工作", "限时办结，超时默认", "严禁野外用火", "党员大会", "35.00",
                     "青山镇人民政府", "政务公开栏", "0371-62019999", "2026年第四季度", "2026年10月8日发布"):
        assert expected in text, expected
    assert "第1张" not in text  # one sheet: no sheet numbers


def test_personal_ids_never_print(built):
    village = text_of(built[2]["village"].pdf)
    assert name(0) in village
    assert "110105" not in village and "********" not in village


def test_overlong_subsidy_list_continues_on_a_second_sheet(built):
    project, _, editions = built
    village = editions["village"]
    manifest = json.loads(village.manifest.read_text(encoding="utf-8"))
    assert village.sheets == manifest["sheets"] >= 2
    assert manifest["text_pt"] >= Sheet.of(project.boards["village"]).text_floor_pt
    n = village.sheets
    pages = [text_of(village.pdf, i) for i in range(1, n + 1)]
    assert f"第1张，共{n}张" in pages[0] and "村务公开栏（续）" not in pages[0]
    assert f"第{n}张，共{n}张" in pages[-1] and "村务公开栏（续）" in pages[-1]
    everything = "".join(pages)
    assert all(name(i) in everything for i in range(260))
    assert "150,720.00" in pages[-1]  # the total closes the list on the last sheet


def test_manifest_describes_the_edition(built):
    town = built[2]["town"]
    manifest = json.loads(town.manifest.read_text(encoding="utf-8"))
    assert manifest["trim_mm"] == [841.0, 1189.0]
    assert manifest["profile"] == "offset" and manifest["bleed_mm"] == 3.0
    assert manifest["sheets"] == 1 and manifest["edition"] == "2026-Q4"
    assert manifest["fonts"] == ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"]
    for name_, entry in manifest["files"].items():
        data = (town.pdf.parent / name_).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]


def test_proof_shows_every_sheet(built):
    village = built[2]["village"]
    proof = Image.open(village.proof)
    assert proof.width > 2 * proof.height * 420 / 594 * 0.95  # two sheets side by side
    assert 900 <= proof.height <= 1100


def test_booklet_has_contents_and_every_published_item(built):
    project, _, editions = built
    booklet = editions["town"].booklet
    pdf = PdfReader(booklet)
    assert box_mm(pdf.pages[0].mediabox) == [0, 0, 210, 297]
    contents = (pdf.pages[1].extract_text() or "").replace(" ", "")
    office = project.offices["qingshan-town"]
    for item in office.fixed + office.quarters[QUARTER]:
        assert (item.title in contents) == (item.id not in ("old-notice", "draft-plan")), item.id
    assert len(pdf.pages) >= 2 + 8


def test_tiles_cover_the_board_with_labels(built):
    village = built[2]["village"]
    tiles = PdfReader(village.tiles)
    # A2 on A4 with 10 mm margins and 10 mm overlap: 2 × 4 landscape tiles per sheet.
    assert len(tiles.pages) == 8 * village.sheets
    assert sorted(box_mm(tiles.pages[0].mediabox)) == [0, 0, 210, 297]
    first = (tiles.pages[0].extract_text() or "").replace(" ", "")
    assert "A1" in first and "→A2" in first and "↓B1" in first


def test_second_build_is_byte_identical(built, tmp_path):
    project, out, _ = built
    again = build_boards(project, tmp_path / "site", today=TODAY, tile="A4", jobs=2,
                         cache_dir=tmp_path / "cache")
    assert not any(e.cached for e in again)
    for edition in again:
        for path in (edition.pdf, edition.proof, edition.manifest, edition.tiles, edition.booklet):
            assert path.read_bytes() == (out / path.relative_to(tmp_path / "site")).read_bytes(), path


def test_unchanged_boards_come_from_the_cache(built, tmp_path):
    project, _, _ = built
    again = build_boards(project, tmp_path / "site", today=TODAY, tile="A4")
    assert all(e.cached for e in again)
    pledge = next(i for i in project.offices["qingshan-town"].fixed if i.id == "service-pledge")
    changed = dataclasses.replace(project, offices=dict(project.offices))
    town = changed.offices["qingshan-town"] = dataclasses.replace(project.offices["qingshan-town"])
    town.fixed = [dataclasses.replace(pledge, body=pledge.body + "\n\n四、新增承诺。") if i is pledge else i
                  for i in town.fixed]
    third = {e.board_id: e for e in build_boards(changed, tmp_path / "site2", today=TODAY, tile="A4",
                                                 board_ids=["mini", "village"])}
    assert not third["mini"].cached and third["village"].cached
    assert "四、新增承诺。" in text_of(third["mini"].pdf)


def test_missing_glyph_stops_before_rendering(tmp_path):
    project = make_project(tmp_path, subsidy_rows=3)
    rare = "\U0002B820"  # a rare name character Noto Sans CJK lacks
    pledge = next(i for i in project.offices["qingshan-town"].fixed if i.id == "service-pledge")
    pledge.title = f"服务承诺{rare}"
    with pytest.raises(ContentError) as raised:
        build_boards(project, tmp_path / "site", today=TODAY, board_ids=["mini"])
    [diagnostic] = raised.value.report.errors
    assert diagnostic.code == "missing-glyph" and "U+2B820" in diagnostic.message
    assert diagnostic.path == pledge.source
    assert not (tmp_path / "site").exists()


def test_panel_naming_a_missing_item_is_a_content_error(tmp_path):
    project = make_project(tmp_path, subsidy_rows=3)
    with pytest.raises(ContentError) as raised:
        build_boards(project, tmp_path / "site", today=TODAY, board_ids=["town"],
                     quarter=QUARTER.previous())
    codes = {(d.code, d.path, d.line) for d in raised.value.report.errors}
    assert ("missing-item", "boards/town.yml", 14) in codes  # quarter/finance-q4, the 5th panel


def test_every_panel_starts_with_its_title_on_a_wide_banner(tmp_path):
    """Six short columns: WeasyPrint would drop the procedure panel's table head there."""
    project = make_project(tmp_path, subsidy_rows=3)
    town = project.boards["town"]
    project.boards = {"banner": dataclasses.replace(
        town, id="banner", source="boards/banner.yml", size="2400x1200", width_mm=Decimal(2400),
        height_mm=Decimal(1200), orientation="landscape", profile="inkjet", columns=6)}
    [banner] = build_boards(project, tmp_path / "site", today=TODAY, jobs=1)
    with pdfplumber.open(banner.pdf) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words(extra_attrs=["size"])]
    floor = documented_pt(banner.pdf, 48)  # x1.7 on a 2400 x 1200 mm banner
    titles = {w["text"] for w in words if w["size"] >= floor - 0.01}
    office = project.offices["qingshan-town"]
    for item in office.fixed + office.quarters[QUARTER]:
        if item.id not in ("old-notice", "draft-plan"):
            assert any(item.title.startswith(t) for t in titles), item.title
