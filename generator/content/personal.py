"""Personal data in content: resident ID numbers, bank cards, private mobiles.

:func:`find_personal_data` scans any text (a Markdown body, a YAML value, a
CSV cell) and returns where full numbers stand. Findings carry only masked
forms, so messages never repeat the number they warn about. Masked forms
such as ``110105********1234`` contain ``*`` and never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Finding:
    kind: str  # "id" | "bank-card" | "phone"
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
# as a digit), nor the fraction or the integer part of a decimal.
_NOT_AFTER = r"(?<![0-9])(?<![0-9]\.)"
_NOT_BEFORE = r"(?![0-9Xx])(?!\.[0-9])"

# 18-character IDs and 16–19 digit cards written in one piece.
_RUN = re.compile(_NOT_AFTER + r"(?:[0-9]{17}[Xx]|[0-9]{16,19})" + _NOT_BEFORE)
# Grouped by single spaces or hyphens, one separator throughout, the group not
# running on: cards in fours (6222 0212 3456 7890 [123]), IDs as 6-8-4.
_GROUPED = re.compile(
    r"(?<![0-9])(?<![0-9][ -])"
    r"(?:[0-9]{4}(?P<s>[ -])[0-9]{4}(?:(?P=s)[0-9]{4}){2}(?:(?P=s)[0-9]{1,3})?"
    r"|[0-9]{6}(?P<t>[ -])[0-9]{8}(?P=t)[0-9]{3}[0-9Xx])"
    r"(?![0-9])(?![ -][0-9])"
)
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
    """Full ID numbers and bank cards anywhere; mobiles only in subsidy lists.

    Sorted by position; a number is reported once (an 18-digit valid ID is an
    ID, never also a card).
    """
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)
    found: list[Finding] = []
    for pattern in (_RUN, _GROUPED):
        for m in pattern.finditer(text):
            written = m.group()
            compact = written.replace(" ", "").replace("-", "")
            if len(compact) == 18 and is_valid_resident_id(compact):
                masked = mask_id(compact)
                found.append(Finding("id", m.start(), m.end(), masked, masked))
            elif _is_card_number(compact):
                found.append(Finding("bank-card", m.start(), m.end(), _mask_card(written),
                                     _mask_card(compact)))
    if in_subsidy_list:
        # A mobile is a whole number of its own (no digit before or after its
        # groups), so it never overlaps an ID or a card.
        for m in _PHONE.finditer(text):
            digits = m.group("n").replace(" ", "").replace("-", "")
            masked = _mask_phone(digits)
            found.append(Finding("phone", m.start(), m.end(), masked, masked))
    found.sort(key=lambda f: f.start)
    return found
