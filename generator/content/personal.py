"""Personal data in content: resident ID numbers, bank cards, private mobiles.

:func:`find_personal_data` scans any text (a Markdown body, a YAML value, a
CSV cell) and returns where full numbers stand. Findings carry only masked
forms, so messages never repeat the number they warn about. Masked forms
such as ``110105********1234`` contain ``*`` and never match.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Finding:
    kind: str  # "id" | "old-id" | "bank-card" | "phone"
    start: int  # character offsets in the scanned text
    end: int
    masked: str  # the finding as it may appear in a message
    example: str  # the masked form to publish instead


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# Full-width digits and X (typed with Chinese input methods) count as ASCII;
# the mapping is one character to one, so offsets stay valid.
_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF38: ord("X"), 0xFF58: ord("x")}
_HAS_FULLWIDTH = re.compile("[\uff10-\uff19\uff38\uff58]")

# A run of digits that is not part of a longer number (an ID's final X counts
# as a digit), nor the fraction or the integer part of a decimal. The test before
# the run is made after its first digit: a pattern starting with a character set
# is searched much faster.
_FIRST_DIGIT = r"[0-9](?<![0-9][0-9])(?<![0-9]\.[0-9])"
_NOT_BEFORE = r"(?![0-9Xx])(?!\.[0-9])"

# 18-character IDs, 16–19 digit cards and 15-digit old IDs written in one piece.
_RUN = re.compile(_FIRST_DIGIT + r"(?:[0-9]{16}[Xx]|[0-9]{14,18})" + _NOT_BEFORE)
# Digit groups parted by spaces or hyphens (after normalisation: no-break and
# ideographic spaces and tabs are spaces, dashes are hyphens): a maximal run, then the
# groupings within it are tried (6-8-4, 6-4-4-4, 4-4-4-4-2, cards in fours…).
# A line break (a Markdown soft or hard break, ``<br>``) or a table's cell border
# parts groups too, for ID numbers only: a reader joins them, and the check digit
# and birth date keep columns of ordinary numbers from being taken for one.
_BREAK = r"[ \t]*(?:\r?\n|\|)[ \t]*"
_GROUP_RUN = re.compile(_FIRST_DIGIT + r"[0-9]*(?:(?:" + _BREAK + r"|[ \t]+| ?- ?)[0-9]+)+[Xx]?" + _NOT_BEFORE)
_GROUP = re.compile(r"[0-9]+[Xx]?")
# Mainland mobiles, optionally +86/86 prefixed, in one piece or split 3-4-4.
_PHONE = re.compile(
    r"(?<![0-9+])(?:\+?86[ -]?)?"
    r"(?P<n>1[3-9][0-9](?:[0-9]{8}|(?P<s>[ -])[0-9]{4}(?P=s)[0-9]{4}))"
    r"(?![0-9])"
)


def is_valid_resident_id(number: str) -> bool:
    """An 18-character resident ID with a GB 11643-1999 check digit and a real birth date."""
    if len(number) != 18 or not number.isascii() or not number[:17].isdigit():
        return False
    last = number[17].upper()
    if not (last.isdigit() or last == "X"):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    if _ID_CHECK[total % 11] != last:
        return False
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    if not 1900 <= year <= 2100:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# Province codes (the first two digits) of GB/T 2260, for the old 15-digit IDs.
_PROVINCES = frozenset("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 "
                       "61 62 63 64 65 71 81 82".split())


def is_old_resident_id(number: str) -> bool:
    """A 15-digit resident ID of GB 11643-1989: area (a real province), YYMMDD (19YY), sequence."""
    if len(number) != 15 or not number.isascii() or not number.isdigit() or number[:2] not in _PROVINCES:
        return False
    try:
        date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return False
    return True


_MASKED_ID = re.compile(r"[0-9*]{6,}[0-9Xx*]")


def is_masked_id(text: str) -> bool:
    """A masked resident ID: 18 (or old 15) characters, digits and ``*``, at least half hidden
    and at most the first 6 and last 4 shown (``110105********1234``)."""
    compact = text.replace(" ", "")
    return (len(compact) in (15, 18) and _MASKED_ID.fullmatch(compact) is not None
            and compact.count("*") >= len(compact) - 10)


def is_luhn(number: str) -> bool:
    """True when the digits (spaces and hyphens ignored) pass the Luhn check."""
    digits = number.replace(" ", "").replace("-", "")
    if len(digits) < 2 or not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def mask_id(number: str) -> str:
    """Keep the first 6 and last 4 characters: ``110105********1234``."""
    compact = number.replace(" ", "").replace("-", "").upper()
    return compact[:6] + "*" * (len(compact) - 10) + compact[-4:]


def _is_card_number(compact: str) -> bool:
    """16–19 digits passing Luhn with an issuer's first digits: 3–9, or 2221–2720.

    Cards never start with 0, 1 or 20: serial numbers beginning with a year
    (2025…) or a date are not taken for cards.
    """
    return (16 <= len(compact) <= 19 and compact.isdigit()
            and (compact[0] in "3456789" or "2221" <= compact[:4] <= "2720")
            and is_luhn(compact))


def _mask_card(written: str) -> str:
    """Star every digit but the first and last four, keeping the separators."""
    positions = [i for i, c in enumerate(written) if c.isdigit()]
    hidden = set(positions[4:-4])
    return "".join("*" if i in hidden else c for i, c in enumerate(written))


def _mask_phone(digits: str) -> str:
    return digits[:3] + "****" + digits[7:]


def find_personal_data(text: str, in_subsidy_list: bool = False) -> list[Finding]:
    """Full ID numbers (18-digit; 15-digit old ones as ``old-id``) and bank cards anywhere;
    mobiles too when ``in_subsidy_list`` (the caller skips the official contact fields).

    The text is scanned as written and as it is published (:func:`published_view`):
    entity references decoded, NFKC, zero-width characters and emphasis markers
    removed. Offsets are always those of ``text``. Sorted by position; a number is
    reported once (an 18-digit valid ID is an ID, never also a card).
    """
    found = _find(text, in_subsidy_list)
    view, where = published_view(text)
    if view != text:
        found += [Finding(f.kind, where.start(f.start), where.end(f.end), f.masked, f.example)
                  for f in _find(view, in_subsidy_list)]
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    for finding in found:
        if not out or finding.start >= out[-1].end:
            out.append(finding)
    return out


def _find(text: str, phones: bool) -> list[Finding]:
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)
    found: list[Finding] = []
    for m in _RUN.finditer(text):
        finding = _number(m.group(), m.start(), m.end(), card_grouping=True)
        if finding:
            found.append(finding)
    for m in _GROUP_RUN.finditer(text):
        found.extend(_grouped(m.group(), m.start()))
    if phones:
        # A mobile is a whole number of its own (no digit before or after its
        # groups), so it never overlaps an ID or a card.
        for m in _PHONE.finditer(text):
            digits = m.group("n").replace(" ", "").replace("-", "")
            masked = _mask_phone(digits)
            found.append(Finding("phone", m.start(), m.end(), masked, masked))
    return found


def _number(written: str, start: int, end: int, card_grouping: bool, whole: bool = True) -> Finding | None:
    """The finding a number written ``written`` is, if any (``whole``: not part of a longer run)."""
    compact = re.sub(r"[^0-9Xx]", "", written)
    if len(compact) == 18 and is_valid_resident_id(compact):
        masked = mask_id(compact)
        return Finding("id", start, end, masked, masked)
    if whole and card_grouping and _is_card_number(compact):
        return Finding("bank-card", start, end, _mask_card(written), _mask_card(compact))
    if whole and is_old_resident_id(compact):
        masked = mask_id(compact)
        return Finding("old-id", start, end, masked, masked)
    return None


def _grouped(run: str, offset: int) -> list[Finding]:
    """Numbers among the digit groups of ``run``: IDs in any grouping of groups of 2+ digits,
    cards and old IDs only as the whole run with one separator kind (spaces or hyphens)
    throughout, cards in fours (the last group 1–4 digits)."""
    groups = list(_GROUP.finditer(run))
    seps = [_separator(run[a.end():b.start()]) for a, b in zip(groups, groups[1:])]
    found, i = [], 0
    while i < len(groups):
        match, total, kinds, shortest = None, 0, set(), 99
        for j in range(i, len(groups)):
            if j > i:
                kinds.add(seps[j - 1])
            size = len(groups[j].group())  # only the run's last group may end in X
            total, shortest = total + size, min(shortest, size)
            if total > 19:
                break
            if j == i or total < 15 or (shortest < 2 and total == 18):  # 15: an old ID, the shortest
                continue
            # across a line break, or with separators of two kinds: an ID or nothing
            whole = i == 0 and j == len(groups) - 1 and "\n" not in kinds and len(kinds) == 1
            if not whole and total != 18:
                continue  # only a whole run can be a card or an old ID
            lengths = [len(g.group()) for g in groups[i:j + 1]]
            fours = all(n == 4 for n in lengths[:-1]) and lengths[-1] <= 4
            start, end = groups[i].start(), groups[j].end()
            match = _number(run[start:end], offset + start, offset + end, fours, whole)
            if match and (match.kind == "id" or whole):
                i = j
                break
            match = None
        if match:
            found.append(match)
        i += 1
    return found


def _separator(between: str) -> str:
    """The kind of what parts two digit groups: a line break or cell border, a hyphen, or spaces."""
    if "\n" in between or "|" in between:
        return "\n"
    return "-" if "-" in between else " "


# --- the published view ---------------------------------------------------------

_INLINE_TAGS = frozenset("a abbr b bdi bdo cite code del dfn em font i ins kbd mark q s samp small span "
                         "strike strong sub sup time tt u var wbr".split())
_MARKUP = (r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
           r"|</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|[*_~`]+"
           r"|%[0-9A-Fa-f]{2}")  # percent-encoding in a link (?q=%31%31%30…) shows decoded in the address bar
_special = None


def _special_pattern() -> re.Pattern:
    """Markup, and the characters whose published form differs where numbers are concerned:
    format characters (zero-width), spaces, dashes and compatibility digits."""
    global _special
    if _special is None:
        chars = []
        for cp in [*range(0x80, 0x10000), *range(0x1D7CE, 0x1D800)]:
            c = chr(cp)
            if _published_char(c) != c:
                chars.append(re.escape(c))
        _special = re.compile(_MARKUP + "|[" + "".join(chars) + "]")
    return _special


def _published_char(c: str) -> str:
    category = unicodedata.category(c)
    if category == "Cf":
        return ""
    if category == "Zs":
        return " "
    if category == "Pd":
        return "-"
    normal = unicodedata.normalize("NFKC", c)
    return normal if normal and all(ch in "0123456789Xx+-. " for ch in normal) else c


class OffsetMap:
    """Offsets in a published view back to the text it was made from."""

    def __init__(self) -> None:
        self.view_starts: list[int] = []
        self.spans: list[tuple[int, int, int, bool]] = []  # (view start, source start, source end, copied)

    def add(self, view_start: int, source_start: int, source_end: int, copied: bool) -> None:
        self.view_starts.append(view_start)
        self.spans.append((view_start, source_start, source_end, copied))

    def _span(self, index: int):
        return self.spans[max(0, bisect.bisect_right(self.view_starts, index) - 1)]

    def start(self, index: int) -> int:
        view, source, _, copied = self._span(index)
        return source + (index - view) if copied else source

    def end(self, index: int) -> int:
        view, source, source_end, copied = self._span(index - 1)
        return source + (index - view) if copied else source_end


def published_view(text: str) -> tuple[str, OffsetMap]:
    """``text`` as readers see it once published, and where each of its characters was written.

    HTML character references and percent-encoded digits are decoded, inline tags and Markdown emphasis
    markers (``*``, ``_``, ``~``, backticks) removed, block tags become line
    breaks, zero-width and other format characters are dropped, spaces (no-break,
    ideographic) and dashes become ASCII, full-width and other compatibility
    digits become ASCII digits (NFKC).
    """
    pieces, where, view_len, last = [], OffsetMap(), 0, 0
    for m in _special_pattern().finditer(text):
        if m.start() > last:
            where.add(view_len, last, m.start(), True)
            pieces.append(text[last:m.start()])
            view_len += m.start() - last
        token = m.group()
        if token.startswith("&"):
            out = "".join(map(_published_char, html.unescape(token)))
        elif token.startswith("<"):
            out = "" if m.group(1).lower() in _INLINE_TAGS else "\n"
        elif token[0] in "*_~`":
            out = ""
        elif token[0] == "%":
            decoded = chr(int(token[1:], 16))
            out = decoded if decoded in "0123456789Xx -" else token
        else:
            out = _published_char(token)
        if out:
            where.add(view_len, m.start(), m.end(), False)
            pieces.append(out)
            view_len += len(out)
        last = m.end()
    if last < len(text):
        where.add(view_len, last, len(text), True)
        pieces.append(text[last:])
    if not where.spans:
        where.add(0, 0, 0, True)
    return "".join(pieces), where
