"""A board edition as one HTML document with CSS Paged Media, from theme/boards/.

The document is pure data until :meth:`BoardDocument.html` lays it out at a
given body text size; the renderer tries sizes down to the legibility floor.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
from fontTools.ttLib import TTCollection

from .. import __version__, urls
from ..content.fonts import face_index
from ..model import Site
from ..share import shared_path
from .edition import Edition
from .fingerprint import fingerprint_text
from .forms import Panel, format_date, label, panel
from .geometry import Sheet
from .qr import qr_svg

THEME = shared_path("theme/boards")
# Process CMYK output intent: Debian's libgs-common ships this ICC profile.
CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
ZH_NUMERALS = "〇一二三四"


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


def edition_label(quarter, language: str) -> str:
    if language == "zh":
        return f"{quarter.year}年第{ZH_NUMERALS[quarter.number]}季度"
    return f"{quarter.year} Q{quarter.number}"



def fitted_pt(text: str, width_mm: float, largest_pt: float) -> float:
    """The largest size up to ``largest_pt`` at which ``text`` fits one line ``width_mm`` wide."""
    ems = sum(1.0 if ord(c) > 0x2E80 else 0.6 for c in text) * 1.12 or 1
    return round(min(largest_pt, width_mm / 25.4 * 72 / ems), 2)


@dataclass
class BoardDocument:
    """Everything a board edition prints, before type sizes are chosen."""

    board_id: str
    sheet: Sheet
    columns: int
    faces: list[FontFace]
    context: dict = field(default_factory=dict)
    panels: list[Panel] = field(default_factory=list)

    def sizes(self, text_pt: float) -> dict:
        s, inset = self.sheet, self.sheet.inset_mm
        band = s.band_scale
        header, footer, gap = round(s.mm(150) * band, 2), round(s.mm(95) * band, 2), s.mm(12)
        inner = s.width_mm - 2 * inset
        floor = s.text_floor_pt
        return {
            "width": s.width_mm, "height": s.height_mm, "inset": inset, "bleed": s.bleed_mm,
            "header": header, "footer": footer, "gap": gap, "gap_small": s.mm(4),
            "band_pad": round(s.mm(14) * band, 2),
            "margin_top": round(inset + header + gap, 2),
            "margin_bottom": round(inset + footer + gap, 2),
            "text": text_pt, "heading": s.pt(56), "subheading": s.heading_floor_pt, "caption": s.text_floor_pt,
            "office": max(floor, fitted_pt(self.context["office"], inner * 0.9, s.pt(88) * band)),
            "title": max(s.heading_floor_pt, fitted_pt(self.context["title"] + "（续）", inner * 0.9, s.pt(190) * band)),
            "footer_text": max(floor, round(s.pt(36) * band, 2)),
            "footer_phone": max(floor, round(s.pt(48) * band, 2)),
            "office_qr": round(s.mm(70) * band, 2), "panel_qr": s.mm(44), "column_gap": s.mm(14),
            "pad": s.mm(6), "pad_small": s.mm(3), "rule": s.mm(1.2), "rule_heavy": s.mm(3),
            "hairline": s.mm(0.5), "arrow": s.mm(9), "arrow_half": s.mm(7),
        }

    def html(self, text_pt: float, sheet_labels: bool, plain: frozenset[str] = frozenset()) -> str:
        """The document at body size ``text_pt``; ``sheet_labels`` prints "sheet n of m".

        A panel repeats its title bar where it runs on, except the ``plain`` ones (by id).
        """
        env = environment()
        before, _, rest = self.context["labels"]["sheet"].partition("{page}")
        middle, _, after = rest.partition("{pages}")
        css = env.get_template("board.css").render(
            s=self.sizes(text_pt), fonts=self.faces, families=families(self.faces),
            cmyk_profile=CMYK_PROFILE.as_uri(), columns=self.columns, column_fill="auto",
            sheet_label_before=before, sheet_label_middle=middle, sheet_label_after=after,
        )
        return env.get_template("board.html").render(
            css=css, panels=self.panels, sheet_labels=sheet_labels, plain=plain, **self.context)


def board_document(edition: Edition, site: Site, faces: list[FontFace]) -> BoardDocument:
    language = site.language
    office = edition.office
    labels = {key: label(key, language) for key in ("supervision", "office_qr", "scan", "continued",
                                                    "flow", "sheet")}
    context = {
        "html_lang": "zh-CN" if language == "zh" else "en",
        "office": office.name,
        "title": edition.board.printed_title(edition.office.kind, language),
        "edition": edition_label(edition.quarter, language),
        "published": label("published_on", language).format(date=format_date(edition.published, language)),
        "fingerprint": fingerprint_text(edition, site),
        "created": f"{edition.published.isoformat()}T00:00:00+08:00",
        "generator": f"gongkai {__version__}",
        "supervision_phone": office.supervision_phone or site.supervision_phone,
        "office_qr": qr_svg(urls.office_url(site.url, office)),
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
