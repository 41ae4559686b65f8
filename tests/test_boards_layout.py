"""Boards laid out panel by panel, checked on the PDFs: whole panels, marked continuations,
tables cut between rows under their heads, totals last, balanced titles, the type floor,
no empty column beside an overflowing one; on the demo boards and on fixtures with many
small panels, an over-long procedure, table and text, and a 600-row list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from generator.boards import build_boards
from generator.boards.document import board_document, font_faces
from generator.boards.edition import select_edition
from generator.boards.geometry import Sheet
from generator.boards.measure import measure
from generator.boards.pdf import layout, shared_fonts
from generator.content.fonts import board_font_files
from generator.content.loader import load_project
from generator.diagnostics import Report
from test_boards_fixture import QUARTER, TODAY, board, item, make_project, name, recipients

REPO = Path(__file__).resolve().parents[1]
MM = 72 / 25.4
CONTINUED = "（续）"
NOTE = re.compile(r"接下栏|转第\d+张")


def long_office(project) -> None:
    """Add to the town: many small notices, an over-long procedure, table and text."""
    town = project.offices["qingshan-town"]
    small = [item(town.id, f"small-{i}", "notice", f"通知{i + 1}号：便民事项", QUARTER,
                  expires=dt.date(2026, 12, 31), body=f"第{i + 1}项便民措施已经落实，请群众知悉。")
             for i in range(18)]
    procedure = item(town.id, "long-procedure", "procedure", "农村集体经营性建设用地入市审批",
                     steps=[f"第{i + 1}步：提交第{i + 1}份材料并由相关部门审查后签署意见" for i in range(34)],
                     materials=["申请书", "权属证明"], time_limit="30 个工作日", fee="不收费")
    rows = [[f"2026年{i % 12 + 1}月{i % 28 + 1}日", f"第{i + 1}次村务会议", f"第{i % 9 + 1}村民小组会议室",
             f"0371-6201{i:04d}"] for i in range(160)]
    table = item(town.id, "long-table", "table", "2026年村务会议一览", QUARTER,
                 columns=["日期", "会议", "地点", "联系电话"], rows=rows)
    text = item(town.id, "long-text", "rules", "村务公开制度全文",
                body="\n\n".join(f"第{i + 1}条　" + "村务公开的内容应当真实、完整、及时，接受群众监督。" * 6
                                 for i in range(30)))
    grid = "| 序号 | 便民事项 |\n| --- | --- |\n" + "\n".join(f"| {i} | 第{i}项便民事项的办理说明 |"
                                                         for i in range(1, 121))
    markdown_table = item(town.id, "long-markdown-table", "rules", "便民事项清单", body=grid)
    town.fixed += [procedure, text, markdown_table]
    town.quarters[QUARTER] += small + [table]
    project.boards["many"] = board("many", town.id, [f"quarter/small-{i}" for i in range(18)], profile="offset")
    project.boards["long"] = board("long", town.id, ["fixed/long-procedure", "quarter/long-table", "fixed/long-text",
                                                    "fixed/long-markdown-table", "fixed/service-pledge"], size="A1",
                                   width_mm=Decimal(594), height_mm=Decimal(841), margin_mm=Decimal(20))
    village = project.offices["liuxi-village"]
    [dibao] = village.quarters[QUARTER]
    village.quarters[QUARTER] = [dataclasses.replace(dibao, fields=dict(dibao.fields, recipients=recipients(600)))]
    project.boards["list600"] = board("list600", village.id, ["fixed/village-rules", "quarter/dibao-q4"],
                                      margin_mm=Decimal(30))


@pytest.fixture(scope="module")
def fixture_boards(tmp_path_factory):
    root = tmp_path_factory.mktemp("layout")
    project = make_project(root, subsidy_rows=3)
    long_office(project)
    ids = ["many", "long", "list600"]
    editions = build_boards(project, root / "site", today=TODAY, board_ids=ids, jobs=2)
    return project, {e.board_id: e for e in editions}


@pytest.fixture(scope="module")
def demo_boards(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "boards", root / "boards")
    project, _ = load_project(root, today=TODAY)
    editions = build_boards(project, root / "site", today=TODAY, jobs=2)
    return project, {e.board_id: e for e in editions}


def boards_of(request) -> list[tuple]:
    out = []
    for name_ in ("fixture_boards", "demo_boards"):
        project, editions = request.getfixturevalue(name_)
        out += [(project, e) for e in editions.values()]
    return out


class Geometry:
    """Where a board's columns are, and its type sizes (from the manifest)."""

    def __init__(self, project, edition):
        self.manifest = json.loads(edition.manifest.read_text(encoding="utf-8"))
        b = project.boards[edition.board_id]
        self.sheet = Sheet.of(b)
        self.columns = b.columns
        inset, gap = self.sheet.inset_mm, self.sheet.mm(14)
        self.width = (self.sheet.width_mm - 2 * inset - (self.columns - 1) * gap) / self.columns
        self.lefts = [inset + i * (self.width + gap) for i in range(self.columns)]
        text_pt = self.manifest["text_pt"]
        self.heading = max(self.sheet.heading_floor_pt, round(self.sheet.pt(56) * text_pt / self.sheet.pt(32), 2))

    def column_of(self, x_pt: float) -> int | None:
        x = x_pt / MM - self.sheet.slug_mm  # the trim starts past the slug
        for i, left in enumerate(self.lefts):
            if left - 1 <= x <= left + self.width + 1:
                return i
        return None


def body_bounds(page, geo: Geometry) -> tuple[float, float]:
    """Top and bottom of a sheet's panels, between the header band and the footer."""
    offset = geo.sheet.slug_mm * MM
    top = page.bbox[1] + (geo.sheet.inset_mm + geo.sheet.mm(150) * geo.sheet.band_scale + 5) * MM + offset
    bottom = page.bbox[3] - (geo.sheet.inset_mm + geo.sheet.mm(95) * geo.sheet.band_scale) * MM - offset
    return top, bottom


def column_texts(page, geo: Geometry) -> list[str]:
    """The text of each column of a sheet, top to bottom, without white space."""
    out = []
    offset = geo.sheet.slug_mm * MM
    top, bottom = body_bounds(page, geo)
    for left in geo.lefts:
        x0 = page.bbox[0] + offset + (left - 0.5) * MM
        crop = page.crop((x0, top, x0 + (geo.width + 1) * MM, bottom))
        out.append(re.sub(r"\s+", "", crop.extract_text() or ""))
    return out


def title_lines(page, geo: Geometry) -> list[str]:
    """Each line of each panel title on a sheet (bold text at the panel heading size), in order."""
    top, bottom = body_bounds(page, geo)
    chars = [c for c in page.chars if "Bold" in c["fontname"] and abs(c["size"] - geo.heading) < 0.2
             and top <= c["top"] and c["bottom"] <= bottom]
    lines: list[list] = []
    for c in sorted(chars, key=lambda c: (geo.column_of(c["x0"] - page.bbox[0]) or 0, c["top"], c["x0"])):
        column = geo.column_of(c["x0"] - page.bbox[0])
        last = lines[-1][-1] if lines else None
        if last and last[0] == column and abs(last[1]["top"] - c["top"]) < geo.heading * 0.5:
            lines[-1].append((column, c))
        else:
            lines.append([(column, c)])
    return ["".join(c["text"] for _, c in sorted(line, key=lambda e: e[1]["x0"])) for line in lines]


def test_no_text_under_the_floor_and_titles_never_leave_a_character_alone(request):
    for project, edition in boards_of(request):
        geo = Geometry(project, edition)
        with pdfplumber.open(edition.pdf) as pdf:
            for page in pdf.pages:
                assert min(c["size"] for c in page.chars) >= geo.sheet.text_floor_pt - 0.01, edition.board_id
                lines = title_lines(page, geo)
                assert lines, edition.board_id
                for line in lines:
                    assert len(line.replace(CONTINUED, "")) > 1 or line == CONTINUED, (edition.board_id, line)


def test_only_panels_taller_than_a_column_are_split(request):
    """A panel continued anywhere (its title again with 续) is taller than a column at the size used."""
    faces_cache = {}
    for project, edition in boards_of(request):
        geo = Geometry(project, edition)
        split = {key for sheet in geo.manifest["sheet_layout"] for key in sheet["split_panels"]}
        with pdfplumber.open(edition.pdf) as pdf:
            titles = "".join("".join(title_lines(page, geo)) for page in pdf.pages)
        e = select_edition(project, project.boards[edition.board_id], None, TODAY, Report())
        continued = {i.key for i in e.items if i.title + CONTINUED in titles}
        assert continued == split, edition.board_id
        if not split:
            continue
        site = project.site
        faces = faces_cache.setdefault(project.root, font_faces(
            board_font_files(project.root, site.fonts), len(site.fonts), project.root / ".cache/gongkai/boards"))
        doc = board_document(e, site, faces)
        fonts = shared_fonts(repr(doc.faces))
        heights = measure(doc, geo.manifest["text_pt"], lambda html: layout(html, fonts))
        _, column = doc.column_mm
        for m, i in zip(heights, e.items):
            assert (m.height > column) == (i.key in split), (edition.board_id, i.key, m.height, column)


def test_each_part_is_marked_and_a_table_part_starts_with_its_head(fixture_boards):
    project, editions = fixture_boards
    for board_id, heads in (("long", {"2026年村务会议一览": "日期会议地点联系电话", "便民事项清单": "序号便民事项"}),
                            ("list600", {"2026年第四季度农村低保名单": "序号姓名村组人数金额（元）"})):
        edition = editions[board_id]
        geo = Geometry(project, edition)
        parts = notes = 0
        with pdfplumber.open(edition.pdf) as pdf:
            for page in pdf.pages:
                for text in column_texts(page, geo):
                    notes += len(NOTE.findall(text))
                    for title, head in heads.items():
                        for found in re.finditer(re.escape(title + CONTINUED), text):
                            parts += 1
                            after = text[found.end():].split("扫码看详情", 1)[1]
                            assert after.startswith(head), (board_id, after[:40])
        assert parts >= 1 and notes >= parts, board_id


def test_the_600_row_list_keeps_every_row_and_its_total_once_last(fixture_boards):
    project, editions = fixture_boards
    edition = editions["list600"]
    geo = Geometry(project, edition)
    with pdfplumber.open(edition.pdf) as pdf:
        text = "".join("".join(column_texts(page, geo)) for page in pdf.pages)
    assert len(pdf.pages) >= 3
    assert text.count("合计") == 1
    total = text.index("合计")
    last = max(m.end() for m in re.finditer(r"600" + re.escape(name(599)), text))
    assert total > last
    for i in range(600):
        assert f"{i + 1}{name(i)}" in text, i


def test_many_small_panels_fit_one_sheet_whole_in_reading_order(fixture_boards):
    project, editions = fixture_boards
    edition = editions["many"]
    geo = Geometry(project, edition)
    assert edition.sheets == 1
    [sheet] = geo.manifest["sheet_layout"]
    assert sheet["split_panels"] == [] and len(sheet["panels"]) == 18
    assert geo.manifest["text_pt"] > geo.sheet.text_floor_pt  # room to spare: the type grew
    with pdfplumber.open(edition.pdf) as pdf:
        columns = column_texts(pdf.pages[0], geo)
    order = [int(n) for column in columns for n in re.findall(r"通知(\d+)号", column)]
    assert order == list(range(1, 19))  # top to bottom, left to right
    assert all(columns)  # balanced: no column left empty


def test_a_long_text_is_cut_between_lines_without_orphans(fixture_boards):
    project, editions = fixture_boards
    edition = editions["long"]
    geo = Geometry(project, edition)
    with pdfplumber.open(edition.pdf) as pdf:
        everything = "".join("".join(column_texts(page, geo)) for page in pdf.pages)
    assert "村务公开制度全文" + CONTINUED in everything
    for i in range(30):
        assert f"第{i + 1}条" in everything, i
    assert everything.count("第34步") == 1  # every step once, numbered on across parts
    rows = re.findall(r"(\d+)第(\d+)项便民事项的办理说明", everything)
    assert [int(a) for a, b in rows] == list(range(1, 121)) == [int(b) for a, b in rows]
    assert re.search(r"34第34步", everything)


def test_last_sheet_has_no_empty_column_beside_an_overflow(request):
    for project, edition in boards_of(request):
        if edition.sheets < 2:
            continue
        geo = Geometry(project, edition)
        with pdfplumber.open(edition.pdf) as pdf:
            columns = column_texts(pdf.pages[-1], geo)
        if NOTE.search("".join(columns)):  # a panel runs on from column to column on it
            assert all(columns), (edition.board_id, [len(c) for c in columns])


def test_demo_boards_show_the_review_chain_and_a_prominent_hotline(demo_boards):
    project, editions = demo_boards
    for edition in editions.values():
        geo = Geometry(project, edition)
        e = select_edition(project, project.boards[edition.board_id], None, TODAY, Report())
        quarter_items = [i for i in e.items if i.quarter is not None]
        with pdfplumber.open(edition.pdf) as pdf:
            text = "".join("".join(column_texts(p, geo)) for p in pdf.pages)
            words = [w for p in pdf.pages for w in p.extract_words(extra_attrs=["size", "fontname"])]
        assert text.count("审核：") == len(quarter_items) > 0, edition.board_id
        assert "公示期：" in text  # the low-income list
        phone = e.office.supervision_phone or project.site.supervision_phone
        hotline = [w for w in words if phone in w["text"] and "Bold" in w["fontname"]]
        assert len(hotline) == edition.sheets  # in every sheet's footer
        assert all(w["size"] >= geo.heading - 0.1 for w in hotline), edition.board_id


def test_figures_in_tables_never_wrap(demo_boards):
    project, editions = demo_boards
    edition = editions["qingshan-town-main"]
    with pdfplumber.open(edition.pdf) as pdf:
        words = {w["text"] for p in pdf.pages for w in p.extract_words(keep_blank_chars=False)}
    town = project.offices["qingshan-town"]
    duties = next(i for i in town.fixed if i.id == "leadership-duties")
    phones = [p["phone"] for p in duties.fields["people"] if p.get("phone")]
    assert phones and all(any(phone in w for w in words) for phone in phones)
    assert any(re.fullmatch(r"[\d,]+\.\d\d", w) for w in words)  # amounts on one line


def test_report_lists_each_sheet(demo_boards, capsys):
    from generator.commands.boards import print_layout

    _, editions = demo_boards
    town = editions["qingshan-town-main"]
    print_layout(town.manifest)
    out = capsys.readouterr().out
    assert "第 1 张：版块" in out and "正文" in out and "填充" in out
    manifest = json.loads(town.manifest.read_text(encoding="utf-8"))
    assert len(manifest["sheet_layout"]) == manifest["sheets"] == town.sheets
    for sheet in manifest["sheet_layout"]:
        assert set(sheet) == {"panels", "split_panels", "text_pt", "fill"}
        assert 0 < sheet["fill"] <= 1.0
