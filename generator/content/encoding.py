"""Text encodings of content files.

Content is UTF-8. :func:`decode_utf8` is the check: it names the position of
the first byte that is not UTF-8 and guesses what the file is (most often a
GBK CSV saved by Excel). :func:`decode_any` is for importers that convert
such files.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

GBK = "GBK/GB18030"
UTF16 = "UTF-16"
BIG5 = "Big5"
UNKNOWN = "unknown"

_SAMPLE = 1 << 16  # bytes looked at when guessing


@dataclass(frozen=True)
class EncodingProblem:
    line: int  # 1-based position of the first byte that is not valid UTF-8
    col: int  # characters, counting the valid UTF-8 before it on its line
    guess: str  # GBK, UTF16, BIG5 or UNKNOWN


def decode_utf8(data: bytes) -> tuple[str | None, EncodingProblem | None]:
    """``(text, None)`` for UTF-8 (a BOM is stripped), else ``(None, problem)``.

    A NUL byte counts as not text: it is what UTF-16 looks like when read as
    UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
        bad = data.find(b"\0")
    except UnicodeDecodeError as e:
        text, bad = None, e.start
    if bad < 0:
        return text, None
    line_start = data.rfind(b"\n", 0, bad) + 1
    line_end = data.find(b"\n", bad)
    line = data.count(b"\n", 0, bad) + 1
    col = len(data[line_start:bad].decode("utf-8")) + 1
    if _utf16_codec(data):
        guess = UTF16
    else:  # the rest of the file; in a file of mixed encodings, the rest of the line
        guess = _guess_legacy(data[bad:])
        if guess == UNKNOWN and line_end >= 0:
            guess = _guess_legacy(data[bad:line_end])
    return None, EncodingProblem(line, col, guess)


def decode_any(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a file in UTF-8, UTF-16 or GB18030 (Big5 when it clearly is).

    Raises :class:`UnicodeDecodeError` (a :class:`ValueError`) when none fits.
    """
    utf16 = _utf16_codec(data)
    if utf16:
        return data.decode(utf16), utf16
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig"), "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        nul = data.find(b"\0")
        if nul < 0:
            return text, "utf-8"
        raise UnicodeDecodeError("utf-8", data, nul, nul + 1, "NUL byte in text")
    if _guess_legacy(data) == BIG5 and _decodes(data, "big5"):
        return data.decode("big5"), "big5"
    return data.decode("gb18030"), "gb18030"


def _utf16_codec(data: bytes) -> str | None:
    """The UTF-16 codec of data with a BOM, or without one when NULs fill one side of the byte pairs."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:_SAMPLE]
    if len(data) < 2 or len(data) % 2:
        return None
    pairs = len(sample) // 2
    even = sample[0:2 * pairs:2].count(0)
    odd = sample[1:2 * pairs:2].count(0)
    # Latin text in UTF-16 has a NUL in half of every pair; CJK text has none,
    # so only mostly-Latin files are recognised without a BOM.
    if odd >= pairs * 0.3 and even == 0:
        return _decodes(data, "utf-16-le")
    if even >= pairs * 0.3 and odd == 0:
        return _decodes(data, "utf-16-be")
    return None


def _decodes(data: bytes, codec: str) -> str | None:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _guess_legacy(data: bytes) -> str:
    """GBK or Big5 by which reading gives common characters; GBK on a tie."""
    sample = data[:_SAMPLE]
    gbk = _common_share(sample, "gb18030", _common_gb2312)
    big5 = _common_share(sample, "big5", _common_big5)
    if gbk is None and big5 is None:
        return UNKNOWN
    if big5 is not None and (gbk is None or big5 > gbk):
        return BIG5
    return GBK


def _common_share(sample: bytes, codec: str, common) -> float | None:
    """The share of non-ASCII characters that are common ones, or None if it does not decode.

    A sample cut inside a character is forgiven at its end.
    """
    try:
        text = codecs.getincrementaldecoder(codec)().decode(sample, final=len(sample) < _SAMPLE)
    except UnicodeDecodeError:
        return None
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return None
    return sum(1 for c in wide if common(c)) / len(wide)


def _common_gb2312(char: str) -> bool:
    """GB2312 hanzi and punctuation: both bytes from 0xA1."""
    try:
        b = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and b[0] >= 0xA1 and b[1] >= 0xA1


def _common_big5(char: str) -> bool:
    """Big5 symbols and level-1 (frequent) hanzi: 0xA140–0xC67E."""
    try:
        b = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xA140 <= int.from_bytes(b, "big") <= 0xC67E
