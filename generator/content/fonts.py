"""The board font and which characters it covers.

Boards print in the files :func:`board_font_files` returns: the project's own
fonts (site.yml ``fonts``) first, then Noto Sans CJK SC regular and bold. The
check and the board renderer use the same list, so a character the check
passes prints. Reading a 20 MB collection takes a few tenths of a second, so
coverage is cached in memory and on disk, keyed by file path, size and mtime.

In a collection (.ttc) the face that counts is :func:`face_index`: Noto Sans
CJK SC's (all faces of Noto Sans CJK map the same code points, with Chinese,
Japanese or Korean glyph forms). WeasyPrint's ``url()`` takes face 0 of a
collection, the Japanese one, so renderers give it :func:`single_face_file`.

Where Noto Sans CJK SC is not installed (Windows, a CI runner without fonts),
the check uses the code points it covers from :data:`COVERAGE_FILE`, shipped
with gongkai and made from the font with ``scripts/font_coverage.py``.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
import zlib
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError

BOARD_FAMILY = "Noto Sans CJK SC"

# Debian/Ubuntu fonts-noto-cjk.
DEFAULT_BOARD_FONTS: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)

# Where other systems and manual installs put the same fonts.
_FONT_DIRS = (
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/google-noto-sans-cjk-fonts",
    "/usr/share/fonts/truetype/noto",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)
_FILE_NAMES = ("NotoSansCJK-{w}.ttc", "NotoSansCJKsc-{w}.otf", "NotoSansSC-{w}.otf")
_WEIGHTS = ("Regular", "Bold")

COVERAGE_FILE = Path(__file__).with_name("noto-sans-cjk-sc.txt")
_CACHE_VERSION = 1
_memory: dict[tuple[str, int, int], tuple[int, frozenset[int]]] = {}


class FontError(ValueError):
    """A board font file that is missing or cannot be read."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def board_font_files(project_root: Path, extra: list[str]) -> list[Path]:
    """The project's fonts (as given, found or not), then the default fonts found."""
    return [project_root / name for name in extra] + list(_default_files())


@lru_cache(maxsize=1)
def _default_files() -> tuple[Path, ...]:
    found = []
    for weight, default in zip(_WEIGHTS, DEFAULT_BOARD_FONTS):
        candidates = [Path(default)] + [
            Path(d).expanduser() / name.format(w=weight) for d in _FONT_DIRS for name in _FILE_NAMES
        ]
        path = next((p for p in candidates if p.is_file()), None) or _fontconfig_file(weight)
        if path is not None and path not in found:
            found.append(path)
    return tuple(found)


def _fontconfig_file(weight: str) -> Path | None:
    """The file fontconfig knows for the board family in this weight, if any."""
    if shutil.which("fc-list") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-list", f":family={BOARD_FAMILY}:style={weight}", "file"],
            capture_output=True, text=True, timeout=30, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.rstrip().rstrip(":") for line in out.splitlines() if line.strip())
    return Path(files[0]) if files else None


def default_fonts_found() -> bool:
    """Whether Noto Sans CJK SC is installed (boards print in it; the check can do without)."""
    return bool(_default_files())


def board_coverage(project_root: Path, extra: list[str]) -> frozenset[int]:
    """What the board fonts cover: the project's fonts and Noto Sans CJK SC, read from the
    installed files, else (not installed) from the shipped coverage data.

    Raises :class:`FontError` for a project font that is missing or unreadable.
    """
    covered = covered_codepoints(board_font_files(project_root, extra))
    return covered if default_fonts_found() else covered | shipped_coverage()


@lru_cache(maxsize=1)
def shipped_coverage() -> frozenset[int]:
    """The code points of Noto Sans CJK SC listed in :data:`COVERAGE_FILE`."""
    codepoints: set[int] = set()
    for line in COVERAGE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            codepoints.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(codepoints)


def coverage_text(path: Path) -> str:
    """:data:`COVERAGE_FILE`'s text for a Noto Sans CJK SC file: hexadecimal ranges, one a line."""
    index, codepoints = _read_font(path)
    if _is_collection(path):
        font = TTCollection(str(path), lazy=True).fonts[index]
    else:
        font = TTFont(str(path), lazy=True)
    version = font["name"].getDebugName(5) or "?"
    lines = [f"# Code points {BOARD_FAMILY} maps to a glyph ({path.name}, face {index}: {version}).",
             "# The board font check uses them when the font is not installed (generator/content/fonts.py).",
             "# Made with: python scripts/font_coverage.py [FONT_FILE]"]
    for first, last in _ranges(codepoints):
        lines.append(f"{first:X}" if first == last else f"{first:X}-{last:X}")
    return "\n".join(lines) + "\n"


def _ranges(codepoints) -> list[list[int]]:
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def covered_codepoints(paths: list[Path]) -> frozenset[int]:
    """Every code point that one of the fonts maps to a glyph.

    Raises :class:`FontError` for a missing or unreadable file.
    """
    covered: set[int] = set()
    for path in paths:
        covered |= _font_info(path)[1]
    return frozenset(covered)


def face_index(path: Path) -> int:
    """The face used in a collection: Noto Sans CJK SC's, else the first (0 for single fonts)."""
    return _font_info(path)[0]


def missing_characters(text: str, covered: frozenset[int]) -> list[tuple[int, str]]:
    """``(offset, char)`` of every character the fonts lack.

    Control and format characters and variation selectors need no glyph.
    """
    absent = {c for c in set(text) if ord(c) not in covered and _needs_glyph(c)}
    if not absent:
        return []
    return [(i, c) for i, c in enumerate(text) if c in absent]


def _needs_glyph(char: str) -> bool:
    cp = ord(char)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return False
    return unicodedata.category(char) not in ("Cc", "Cf")


def single_face_file(path: Path) -> Path:
    """A font file holding only the face that counts: ``path`` itself unless it is a collection.

    The face is copied out of the collection once, into the cache folder (a
    temporary folder for this process when that cannot be written); the copy
    is the same bytes on every run.
    """
    index = face_index(path)
    if not _is_collection(path):
        return path
    name = f"face-{_key_digest(_file_key(path))}-{index}.otf"
    for folder in (_cache_dir(), _temp_dir()):
        target = folder / name
        if target.is_file():
            return target
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f"{name}.{os.getpid()}.tmp")
            faces = TTCollection(str(path), recalcTimestamp=False, recalcBBoxes=False).fonts
            faces[index].save(str(tmp))
            os.replace(tmp, target)
            return target
        except OSError:
            continue
    raise FontError(path, "no folder to write the font face to")


@lru_cache(maxsize=1)
def _temp_dir() -> Path:
    folder = tempfile.TemporaryDirectory(prefix="gongkai-fonts-")
    atexit.register(folder.cleanup)
    return Path(folder.name)


def _is_collection(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"ttcf"
    except OSError as e:
        raise FontError(path, e.strerror or "cannot be read") from None


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as e:
        raise FontError(path, e.strerror or "not found") from None
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


def _font_info(path: Path) -> tuple[int, frozenset[int]]:
    """(face index, code points) of a font file, from memory, disk cache or the file."""
    key = _file_key(path)
    info = _memory.get(key)
    if info is None:
        cache_file = _cache_dir() / f"font-{_key_digest(key)}.json.z"
        info = _read_cache(cache_file)
        if info is None:
            info = _read_font(path)
            _write_cache(cache_file, info)
        _memory[key] = info
    return info


def _read_font(path: Path) -> tuple[int, frozenset[int]]:
    try:
        if _is_collection(path):
            faces = TTCollection(str(path), lazy=True).fonts
            families = [f["name"].getDebugName(1) or "" for f in faces]
            index = families.index(BOARD_FAMILY) if BOARD_FAMILY in families else 0
            font = faces[index]
        else:
            index, font = 0, TTFont(str(path), lazy=True)
        cmap = font.getBestCmap() or {}
    except (OSError, TTLibError, KeyError, AssertionError, ValueError) as e:
        raise FontError(path, f"not a readable font ({e})") from None
    return index, frozenset(cmap)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gongkai"


def _key_digest(key: tuple[str, int, int]) -> str:
    return hashlib.sha256(repr((_CACHE_VERSION, *key)).encode()).hexdigest()[:24]


def _read_cache(cache_file: Path) -> tuple[int, frozenset[int]] | None:
    try:
        data = json.loads(zlib.decompress(cache_file.read_bytes()))
        codepoints = set()
        for start, end in data["ranges"]:
            codepoints.update(range(start, end + 1))
        return int(data["face"]), frozenset(codepoints)
    except (OSError, ValueError, KeyError, TypeError, zlib.error):
        return None


def _write_cache(cache_file: Path, info: tuple[int, frozenset[int]]) -> None:
    """Store code points as ranges; a cache that cannot be written is skipped."""
    ranges = _ranges(info[1])
    payload = zlib.compress(json.dumps({"face": info[0], "ranges": ranges}).encode(), 9)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
        tmp.write_bytes(payload)
        os.replace(tmp, cache_file)
    except OSError:
        pass

