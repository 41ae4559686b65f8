"""A board edition as one HTML document with CSS Paged Media, from theme/boards/.

The document is pure data until :meth:`BoardDocument.html` lays it out at a
given body text size; the renderer tries sizes down to the legibility floor.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
from fontTools.ttLib import TTCollection

from .. import __version__, urls
from ..content.fonts import face_index
from ..labels import quarter_name
from ..model import Site
from ..share import shared_path
from .edition import Edition
from .fingerprint import fingerprint_text
from .forms import Panel, TableView, format_date, label, panel
from .geometry import TEXT_BASE_PT, Sheet
from .qr import qr_html

THEME = shared_path("theme/boards")
# Process CMYK output intent: Debian's libgs-common ships this ICC profile.
CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
MM_PT = 72 / 25.4
LATIN_EM = 0.6  # Latin letters and figures in Noto Sans CJK, generously
TYPICAL_KEEP_EM = 6.0  # a text column is at least as wide as its typical cell, up to this
LONG_TEXT_EM = 4.0  # a column of longer text may be as narrow as this
CELL_PAD_EM = 0.75  # a table cell's padding and rules
HEADING_KEEP_EM = 4.0  # a column heading up to this wide stays on one line
SHEET_SLACK_MM = 0.5  # a sheet's column area stops short of the page area, so it never spills
MEASURE_PAGE_MM = 100000  # panels are measured on one page this tall: no breaks
WORD = re.compile(r"[0-9A-Za-z.,:/%+\-]+")
# Title tokens: a Latin/figure run, or one character with its punctuation held on.
TOKEN = re.compile(r"[（(《“‘〔【\[]*(?:[0-9A-Za-z.,:/%+\-]+[年月日号]?|\S)[）)》”’〕】\]，、。：；！？·]*|\s+")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(THEME)),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class FontFace:
    family: str
    path: Path  # the file WeasyPrint loads
    weight: int
    source: Path  # the board font file it comes from (the file the glyph check read)

    @property
    def url(self) -> str:
        return self.path.resolve().as_uri()


def font_faces(paths: list[Path], extra_count: int, cache_dir: Path) -> list[FontFace]:
    """The project's extra fonts (the first ``extra_count`` paths) back up the main CJK family.

    From a collection (.ttc) the face the glyph check read is extracted, so the
    board prints exactly the glyphs that were checked (Noto CJK SC, not JP).
    """
    files = [face_file(p, cache_dir) for p in paths]
    faces = [FontFace("gongkai-cjk", f, 700 if "bold" in p.name.lower() else 400, p)
             for p, f in zip(paths[extra_count:], files[extra_count:])]
    faces += [FontFace(f"gongkai-extra-{i}", f, 400, p)
              for i, (p, f) in enumerate(zip(paths[:extra_count], files[:extra_count]))]
    return faces


def face_file(path: Path, cache_dir: Path) -> Path:
    """``path`` itself, or for a collection its checked face as a font file in ``cache_dir``."""
    with open(path, "rb") as f:
        if f.read(4) != b"ttcf":
            return path
    index = face_index(path)
    stat = path.stat()
    digest = hashlib.sha256(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{index}".encode())
    target = cache_dir / "fonts" / f"{path.stem}-{index}-{digest.hexdigest()[:16]}.otf"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        TTCollection(str(path), lazy=True, recalcTimestamp=False).fonts[index].save(str(tmp))
        os.replace(tmp, target)
    return target


def families(faces: list[FontFace]) -> str:
    return ", ".join(dict.fromkeys(f'"{f.family}"' for f in faces))



def fitted_pt(text: str, width_mm: float, largest_pt: float) -> float:
    """The largest size up to ``largest_pt`` at which ``text`` fits one line ``width_mm`` wide."""
    ems = sum(1.0 if ord(c) > 0x2E80 else 0.6 for c in text) * 1.12 or 1
    return round(min(largest_pt, width_mm / 25.4 * 72 / ems), 2)


@dataclass
class View:
    """One panel, or one part of it, as a column prints it."""

    panel: Panel  # holding only this part's units
    title_lines: list[str]
    qr: str
    continued: bool = False
    note: str = ""  # 接下栏 / 转第N张 where the panel runs on
    min_height: float = 0.0  # mm: the last panel of a column is drawn down to the column's foot


@dataclass
class BoardDocument:
    """Everything a board edition prints, before type sizes and places are chosen."""

    board_id: str
    sheet: Sheet
    columns: int
    faces: list[FontFace]
    context: dict = field(default_factory=dict)
    panels: list[Panel] = field(default_factory=list)

    @property
    def column_mm(self) -> tuple[float, float]:
        """Width and height of a column of panels."""
        s = self.sizes(self.sheet.text_floor_pt)
        inner = self.sheet.width_mm - 2 * s["inset"]
        width = (inner - (self.columns - 1) * s["column_gap"]) / self.columns
        height = self.sheet.height_mm - s["margin_top"] - s["margin_bottom"] - SHEET_SLACK_MM
        return round(width, 2), round(height, 2)

    def sizes(self, text_pt: float) -> dict:
        s, inset = self.sheet, self.sheet.inset_mm
        band = s.band_scale
        header, footer, gap = round(s.mm(150) * band, 2), round(s.mm(95) * band, 2), s.mm(12)
        inner = s.width_mm - 2 * inset
        floor = s.text_floor_pt
        grow = text_pt / s.pt(TEXT_BASE_PT)  # headings grow and shrink with the body, down to their floor
        heading = max(s.heading_floor_pt, round(s.pt(56) * grow, 2))
        return {
            "width": s.width_mm, "height": s.height_mm, "inset": inset, "bleed": s.bleed_mm,
            "header": header, "footer": footer, "gap": gap, "gap_small": s.mm(4),
            "panel_gap": s.mm(8), "panel_gap_tight": s.mm(3),
            "band_pad": round(s.mm(14) * band, 2),
            "margin_top": round(inset + header + gap, 2),
            "margin_bottom": round(inset + footer + gap, 2),
            "text": text_pt, "heading": heading,
            "subheading": max(s.heading_floor_pt, round(s.pt(48) * grow, 2)), "caption": floor,
            "office": max(floor, fitted_pt(self.context["office"], inner * 0.9, s.pt(88) * band)),
            "title": max(s.heading_floor_pt, fitted_pt(self.context["title"] + "（续）", inner * 0.9, s.pt(190) * band)),
            "footer_text": max(floor, round(s.pt(36) * band, 2)),
            "footer_phone": heading,  # the supervision phone: as large as a panel title
            "office_qr": round(s.mm(70) * band, 2), "panel_qr": s.mm(44), "column_gap": s.mm(14),
            "pad": s.mm(6), "pad_small": s.mm(3), "rule": s.mm(1.2), "rule_heavy": s.mm(3),
            "hairline": s.mm(0.5), "arrow": s.mm(9), "arrow_half": s.mm(7),
        }

    def title_width_em(self, text_pt: float) -> float:
        """Room for a panel title beside its QR plate, in ems of the title size."""
        s = self.sizes(text_pt)
        qr_plate = s["panel_qr"] + 4 * s["pad_small"]
        room = self.column_mm[0] - 2 * s["rule"] - qr_plate - 2 * s["pad"]
        return room * MM_PT / s["heading"]

    def table_width_em(self, text_pt: float) -> float:
        """Width of a table in a panel, in ems of the body size."""
        s = self.sizes(text_pt)
        return (self.column_mm[0] - 2 * s["rule"] - 2 * s["pad"]) * MM_PT / text_pt

    def tables_fit(self, text_pt: float) -> bool:
        """Whether every table keeps its figures on one line at ``text_pt``."""
        room = self.table_width_em(text_pt)
        return all(sum(least_widths(t)) <= room for p in self.panels for t in p.tables)

    def view(self, index: int, text_pt: float, panel: Panel | None = None, continued: bool = False,
             note: str = "", qr: bool = True) -> View:
        """Panel ``index`` (or ``panel``, a part of it) as printed at ``text_pt``."""
        p = dataclasses.replace(panel or self.panels[index])
        room = self.table_width_em(text_pt)
        p.tables = [dataclasses.replace(t, widths=column_widths(t, room)) for t in p.tables]
        title = p.title + (f"（{self.context['labels']['continued']}）" if continued else "")
        return View(p, balanced_lines(title, self.title_width_em(text_pt)),
                    p.qr if qr else '<span class="qr"></span>', continued, note)

    def css(self, text_pt: float, measure: bool = False, gap: float | None = None) -> str:
        before, _, rest = self.context["labels"]["sheet"].partition("{page}")
        middle, _, after = rest.partition("{pages}")
        width, height = self.column_mm
        sizes = self.sizes(text_pt)
        if gap is not None:
            sizes["panel_gap"] = gap
        return environment().get_template("board.css").render(
            s=sizes, fonts=self.faces, families=families(self.faces),
            cmyk_profile=CMYK_PROFILE.as_uri(), measure=measure, column_width=width,
            column_height=height, measure_height=MEASURE_PAGE_MM,
            sheet_label_before=before, sheet_label_middle=middle, sheet_label_after=after,
        )

    def measure_html(self, text_pt: float, views: list[View]) -> str:
        """Panels laid out alone, one after another at the column width (for measuring)."""
        return environment().get_template("board.html").render(
            css=self.css(text_pt, measure=True), measure=True, views=views, **self.context)

    def html(self, text_pt: float, sheets: list[list[list[View]]], gap: float) -> str:
        """The board at body size ``text_pt`` with ``sheets`` of columns of views ``gap`` mm apart."""
        width, _ = self.column_mm
        gutter = self.sizes(text_pt)["column_gap"]
        placed = [[{"left": round(i * (width + gutter), 2), "views": column} for i, column in enumerate(sheet)]
                  for sheet in sheets]
        return environment().get_template("board.html").render(
            css=self.css(text_pt, gap=gap), measure=False, sheets=placed, sheet_labels=len(sheets) > 1,
            office_qr=qr_html(self.context["office_url"]), **self.context)

    def key_text(self) -> str:
        """Everything the board's render depends on, as text (for the render cache)."""
        return json.dumps([self.board_id, dataclasses.asdict(self.sheet), self.columns, self.context,
                           [dataclasses.asdict(p) for p in self.panels]], ensure_ascii=False, default=str)


def least_widths(t: TableView) -> list[float]:
    """Per column, the narrowest it may be (ems): figures and short cells on one line, a
    column heading up to a few characters on one line, a typical text cell on one line."""
    cells = [t.columns, *t.rows, *([t.footer] if t.footer else [])]
    out = []
    for i in range(len(t.columns)):
        natural = max(text_em(row[i]) if i < len(row) else 0 for row in cells)
        if _whole(t, i):
            values = max([text_em(row[i]) for row in cells[1:] if i < len(row)] or [0.0])
            out.append(max(values, min(natural, HEADING_KEEP_EM)) + CELL_PAD_EM)
        else:
            typical = typical_em(t, i)  # a label column keeps its typical cell on one line
            out.append(max(min(text_em(t.columns[i]), HEADING_KEEP_EM), longest_word_em(t, i),
                           typical if typical <= TYPICAL_KEEP_EM else LONG_TEXT_EM) + CELL_PAD_EM)
    return out


def _whole(t: TableView, i: int) -> bool:
    return (t.numeric[i] if i < len(t.numeric) else False) or (t.short[i] if i < len(t.short) else False)


def column_widths(t: TableView, room_em: float) -> list[float]:
    """Column widths (% of the table) from the content: figures and short cells keep their
    width on one line, long text columns share the rest; none when even that does not fit."""
    cells = [t.columns, *t.rows, *([t.footer] if t.footer else [])]
    n = len(t.columns)
    whole = [_whole(t, i) for i in range(n)]
    natural = [max(text_em(row[i]) if i < len(row) else 0 for row in cells) + CELL_PAD_EM for i in range(n)]
    least = least_widths(t)
    if sum(least) > room_em:  # too narrow for its figures: each column by its least, cells wrap
        return [round(100 * w / sum(least), 3) for w in least]
    if sum(natural) <= room_em:
        widths = natural[:]
        spare = room_em - sum(natural)
        text = [i for i in range(n) if not whole[i]] or list(range(n))
        for i in text:
            widths[i] += spare * natural[i] / sum(natural[j] for j in text)
    else:
        # Between each column's least and natural width, as a browser shares a table's room.
        spare = room_em - sum(least)
        stretch = [natural[i] - least[i] for i in range(n)]
        widths = [least[i] + (spare * stretch[i] / sum(stretch) if sum(stretch) else 0) for i in range(n)]
    return [round(100 * w / sum(widths), 3) for w in widths]


def typical_em(t: TableView, i: int) -> float:
    """The median width of the cells of column ``i``."""
    widths = sorted(text_em(row[i]) for row in t.rows if i < len(row))
    return widths[len(widths) // 2] if widths else 0.0


def longest_word_em(t: TableView, i: int) -> float:
    """The widest run of Latin letters or figures in column ``i`` (Chinese breaks anywhere)."""
    words = [w for row in t.rows if i < len(row) for w in WORD.findall(row[i])]
    return max((text_em(w) for w in words), default=1.0)


def text_em(text: str) -> float:
    """Width of ``text`` in ems: CJK and full-width characters 1, the rest about 0.6."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else LATIN_EM for c in text)


def balanced_lines(title: str, room_em: float) -> list[str]:
    """``title`` in as few lines as fit ``room_em``, of even length, never one character alone.

    Breaks fall between characters, never inside a run of Latin letters or figures, nor
    before closing or after opening punctuation.
    """
    tokens = TOKEN.findall(title)
    if len(tokens) > 1 and tokens[-1].startswith("（"):  # a closing （续） stays with the title
        tokens[-2:] = ["".join(tokens[-2:])]
    widths = [text_em(t) for t in tokens]
    if sum(widths) <= room_em or len(tokens) < 2:
        return [title]
    for count in range(2, len(tokens) + 1):
        best = _split(tokens, widths, count, room_em)
        if best:
            return best
    return [title]


def _split(tokens: list[str], widths: list[float], count: int, room_em: float) -> list[str] | None:
    """The split into ``count`` lines that fit with the most even lengths (None if none fits)."""
    n = len(tokens)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    target = prefix[-1] / count

    @lru_cache(maxsize=None)
    def best(i: int, lines: int) -> tuple[float, tuple[int, ...]] | None:
        if lines == 1:
            width = prefix[n] - prefix[i]
            ok = width <= room_em and (n - i > 1 or len(tokens[i]) > 1)
            return ((width - target) ** 2, ()) if ok else None
        out = None
        for j in range(i + 1, n):
            width = prefix[j] - prefix[i]
            if width > room_em:
                break
            if j - i == 1 and len(tokens[i]) == 1:
                continue  # one character alone on a line
            rest = best(j, lines - 1)
            if rest is not None:
                score = (width - target) ** 2 + rest[0]
                if out is None or score < out[0]:
                    out = (score, (j,) + rest[1])
        return out

    found = best(0, count)
    if found is None:
        return None
    cuts = (0, *found[1], n)
    return ["".join(tokens[a:b]) for a, b in zip(cuts, cuts[1:])]


def board_document(edition: Edition, site: Site, faces: list[FontFace]) -> BoardDocument:
    language = site.language
    office = edition.office
    labels = {key: label(key, language) for key in ("supervision", "office_qr", "scan", "continued",
                                                    "flow", "sheet", "next_column", "next_sheet")}
    context = {
        "html_lang": "zh-CN" if language == "zh" else "en",
        "office": office.name,
        "title": edition.board.printed_title(edition.office.kind, language),
        "edition": quarter_name(language, edition.quarter),
        "published": label("published_on", language).format(date=format_date(edition.published, language)),
        "fingerprint": fingerprint_text(edition, site),
        "created": f"{edition.published.isoformat()}T00:00:00+08:00",
        "generator": f"gongkai {__version__}",
        "supervision_phone": office.supervision_phone or site.supervision_phone,
        "office_url": urls.office_url(site.url, office),
        "labels": labels,
    }
    return BoardDocument(
        board_id=edition.board.id,
        sheet=Sheet.of(edition.board),
        columns=edition.board.columns,
        faces=faces,
        context=context,
        panels=[panel(item, site) for item in edition.items],
    )
