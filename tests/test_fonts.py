"""Board font files and their coverage (fontTools), with the coverage cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

from generator.content import fonts
from generator.content.fonts import (
    DEFAULT_BOARD_FONTS,
    FontError,
    board_font_files,
    covered_codepoints,
    face_index,
    missing_characters,
    single_face_file,
)

RARE = "\U0002B820"  # 𫠠, CJK Extension C: a real name character Noto Sans CJK lacks
EXT_B = "\U00020000"  # 𠀀, first of CJK Extension B: Noto Sans CJK has none of it


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch):
    """Each test starts with empty memory and disk caches."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(fonts, "_memory", {})


def build_font(path: Path, chars: str, family: str = "Test Rare") -> Path:
    """A tiny TrueType font with a square glyph for each of chars."""
    names = [".notdef"] + [f"g{i}" for i in range(len(chars))]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"g{i}" for i, c in enumerate(chars)})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((500, 500))
    pen.closePath()
    fb.setupGlyf({name: pen.glyph() for name in names})
    fb.setupHorizontalMetrics({name: (600, 0) for name in names})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    fb.save(str(path))
    return path


def jp_sc_collection(tmp_path: Path) -> Path:
    """A collection like NotoSansCJK-*.ttc: a Japanese face first, the board face second."""
    jp = TTFont(str(build_font(tmp_path / "jp.ttf", "A", family="Noto Sans CJK JP")))
    sc = TTFont(str(build_font(tmp_path / "sc.ttf", "AB", family="Noto Sans CJK SC")))
    collection = TTCollection()
    collection.fonts = [jp, sc]
    collection.save(str(tmp_path / "pair.ttc"))
    return tmp_path / "pair.ttc"


def default_fonts() -> list[Path]:
    return board_font_files(Path("/nonexistent-project"), [])


# --- which files -------------------------------------------------------------------------

def test_default_fonts_are_noto_sans_cjk_regular_and_bold():
    files = default_fonts()
    assert [p.name for p in files] == ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"]
    assert [str(p) for p in files] == list(DEFAULT_BOARD_FONTS)  # Debian's fonts-noto-cjk


def test_project_fonts_come_first_and_are_listed_even_when_missing(tmp_path):
    files = board_font_files(tmp_path, ["fonts/rare.ttf", "fonts/more.otf"])
    assert files[:2] == [tmp_path / "fonts/rare.ttf", tmp_path / "fonts/more.otf"]
    assert files[2:] == default_fonts()


@pytest.fixture
def fresh_defaults():
    fonts._default_files.cache_clear()
    yield
    fonts._default_files.cache_clear()


def test_defaults_found_in_other_install_locations(tmp_path, monkeypatch, fresh_defaults):
    monkeypatch.setattr(fonts, "DEFAULT_BOARD_FONTS", (str(tmp_path / "none-R.ttc"), str(tmp_path / "none-B.ttc")))
    monkeypatch.setattr(fonts, "_FONT_DIRS", (str(tmp_path / "empty"), str(tmp_path / "noto-cjk")))
    monkeypatch.setattr(fonts, "_fontconfig_file", lambda weight: None)
    (tmp_path / "noto-cjk").mkdir()
    regular = build_font(tmp_path / "noto-cjk" / "NotoSansCJKsc-Regular.otf", "A")
    bold = build_font(tmp_path / "noto-cjk" / "NotoSansCJKsc-Bold.otf", "A")
    assert board_font_files(tmp_path, []) == [regular, bold]


def test_defaults_found_by_fontconfig(tmp_path, monkeypatch, fresh_defaults):
    if fonts.shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed")
    monkeypatch.setattr(fonts, "DEFAULT_BOARD_FONTS", (str(tmp_path / "none-R.ttc"), str(tmp_path / "none-B.ttc")))
    monkeypatch.setattr(fonts, "_FONT_DIRS", ())
    assert [p.name for p in board_font_files(tmp_path, [])] == ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"]


def test_no_default_fonts_anywhere(tmp_path, monkeypatch, fresh_defaults):
    monkeypatch.setattr(fonts, "DEFAULT_BOARD_FONTS", (str(tmp_path / "none-R.ttc"), str(tmp_path / "none-B.ttc")))
    monkeypatch.setattr(fonts, "_FONT_DIRS", ())
    monkeypatch.setattr(fonts, "_fontconfig_file", lambda weight: None)
    assert board_font_files(tmp_path, ["my.ttf"]) == [tmp_path / "my.ttf"]


def test_noto_collection_uses_the_simplified_chinese_face():
    for path in default_fonts():
        index = face_index(path)
        assert TTCollection(str(path), lazy=True).fonts[index]["name"].getDebugName(1) == "Noto Sans CJK SC"


# --- coverage ---------------------------------------------------------------------------

def test_noto_covers_common_text_and_ascii():
    covered = covered_codepoints(default_fonts())
    text = "村务公开栏 Board 2025-Q4：低保名单（¥1,200.00）。王秀英、覃、啰"
    assert missing_characters(text, covered) == []


def test_noto_lacks_extension_b_and_the_rare_name_character():
    covered = covered_codepoints(default_fonts())
    assert ord(RARE) not in covered
    assert ord(EXT_B) not in covered
    text = f"姓名：王{RARE}，{EXT_B}"
    assert missing_characters(text, covered) == [(4, RARE), (6, EXT_B)]


def test_every_occurrence_is_reported_in_order():
    covered = frozenset(map(ord, "ab"))
    assert missing_characters("axbxc", covered) == [(1, "x"), (3, "x"), (4, "c")]


def test_controls_and_variation_selectors_need_no_glyph():
    covered = frozenset(map(ord, "ab 公"))
    text = "a\tb\r\n公\ufe0f 公\U000e0100\u200d\ufeffa\x00"
    assert missing_characters(text, covered) == []


def test_ascii_must_be_covered():
    assert missing_characters("公A", frozenset([ord("公")])) == [(1, "A")]


def test_a_project_font_adds_the_rare_character(tmp_path):
    extra = build_font(tmp_path / "rare.ttf", RARE + "A")
    files = board_font_files(tmp_path, ["rare.ttf"])
    assert files[0] == extra
    covered = covered_codepoints(files)
    assert ord(RARE) in covered and ord("公") in covered
    assert missing_characters(f"王{RARE}{EXT_B}", covered) == [(2, EXT_B)]


def test_collection_face_is_the_board_family(tmp_path):
    jp_sc_collection(tmp_path)
    assert face_index(tmp_path / "pair.ttc") == 1
    assert covered_codepoints([tmp_path / "pair.ttc"]) == {ord("A"), ord("B")}


def test_other_collections_use_their_first_face(tmp_path):
    one = TTFont(str(build_font(tmp_path / "one.ttf", "A", family="One")))
    two = TTFont(str(build_font(tmp_path / "two.ttf", "AB", family="Two")))
    collection = TTCollection()
    collection.fonts = [one, two]
    collection.save(str(tmp_path / "pair.ttc"))
    assert face_index(tmp_path / "pair.ttc") == 0
    assert covered_codepoints([tmp_path / "pair.ttc"]) == {ord("A")}


def test_single_face_file_holds_the_board_face(tmp_path, monkeypatch):
    face = single_face_file(jp_sc_collection(tmp_path))
    assert face.parent == tmp_path / "cache" / "gongkai"
    font = TTFont(str(face))
    assert font["name"].getDebugName(1) == "Noto Sans CJK SC"
    assert set(font.getBestCmap()) == {ord("A"), ord("B")}
    first = face.read_bytes()
    face.unlink()
    assert single_face_file(tmp_path / "pair.ttc").read_bytes() == first  # the same bytes every run
    monkeypatch.setattr(fonts, "TTCollection", lambda *a, **k: pytest.fail("extracted again"))
    assert single_face_file(tmp_path / "pair.ttc") == face


def test_single_face_file_of_a_plain_font_is_the_font(tmp_path):
    font = build_font(tmp_path / "f.ttf", "A")
    assert single_face_file(font) == font


def test_single_face_file_without_a_writable_cache(tmp_path, monkeypatch):
    (tmp_path / "blocker").write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "blocker"))
    face = single_face_file(jp_sc_collection(tmp_path))
    assert TTFont(str(face))["name"].getDebugName(1) == "Noto Sans CJK SC"


def test_noto_single_face_is_simplified_chinese():
    regular = default_fonts()[0]
    face = single_face_file(regular)
    assert TTFont(str(face), lazy=True)["name"].getDebugName(6) == "NotoSansCJKsc-Regular"


# --- errors -------------------------------------------------------------------------------

def test_missing_font_file(tmp_path):
    with pytest.raises(FontError) as e:
        covered_codepoints([tmp_path / "fonts/none.ttf"])
    assert e.value.path == tmp_path / "fonts/none.ttf"


def test_file_that_is_not_a_font(tmp_path):
    (tmp_path / "notes.ttf").write_text("not a font")
    with pytest.raises(FontError, match="notes.ttf"):
        covered_codepoints([tmp_path / "notes.ttf"])


# --- caching --------------------------------------------------------------------------------

def test_disk_cache_is_used_by_a_new_process(tmp_path, monkeypatch):
    font = build_font(tmp_path / "rare.ttf", RARE + "AB")
    first = covered_codepoints([font])
    assert len(list((tmp_path / "cache" / "gongkai").iterdir())) == 1

    def no_parsing(path):
        raise AssertionError("font parsed again")

    monkeypatch.setattr(fonts, "_memory", {})  # as in a new process
    monkeypatch.setattr(fonts, "_read_font", no_parsing)
    assert covered_codepoints([font]) == first == {ord(RARE), ord("A"), ord("B")}


def test_memory_cache_skips_the_disk(tmp_path, monkeypatch):
    font = build_font(tmp_path / "f.ttf", "AB")
    covered_codepoints([font])
    monkeypatch.setattr(fonts, "_read_cache", lambda cache_file: pytest.fail("disk read"))
    monkeypatch.setattr(fonts, "_read_font", lambda path: pytest.fail("font parsed"))
    assert covered_codepoints([font]) == {ord("A"), ord("B")}


def test_changed_font_is_read_again(tmp_path):
    font = build_font(tmp_path / "f.ttf", "AB")
    assert covered_codepoints([font]) == {ord("A"), ord("B")}
    build_font(font, "ABC")
    assert covered_codepoints([font]) == {ord("A"), ord("B"), ord("C")}


def test_corrupt_cache_file_is_ignored(tmp_path, monkeypatch):
    font = build_font(tmp_path / "f.ttf", "AB")
    covered_codepoints([font])
    [cache_file] = (tmp_path / "cache" / "gongkai").iterdir()
    cache_file.write_bytes(b"garbage")
    monkeypatch.setattr(fonts, "_memory", {})
    assert covered_codepoints([font]) == {ord("A"), ord("B")}


def test_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "blocker").write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "blocker"))
    font = build_font(tmp_path / "f.ttf", "AB")
    assert covered_codepoints([font]) == {ord("A"), ord("B")}


def test_cache_lives_under_home_without_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    covered_codepoints([build_font(tmp_path / "f.ttf", "A")])
    assert len(list((tmp_path / "home" / ".cache" / "gongkai").iterdir())) == 1
