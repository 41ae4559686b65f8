"""Scan the whole text of a file for personal data and characters the board font lacks.

A file is scanned once, as written (front matter, body, comments, CSV cells
alike), so each problem is reported at its exact line and column and a full
ID number cannot hide in a comment or an unknown field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Report
from ..model import Location
from .fonts import missing_characters
from .personal import find_personal_data


# What makes a browser fetch from another host: Markdown images and resource-loading HTML tags.
# Plain links ([text](https://…)) only navigate when clicked, so they are allowed.
_EXTERNAL = re.compile(
    r"!\[[^\]]*\]\(\s*<?(?P<image>(?:https?:)?//[^)\s>]+)"
    r"|<(?:img|script|iframe|link|video|audio|source|embed|object|style)\b[^>]*?"
    r"\b(?:src|href|data|poster)\s*=\s*[\"']?(?P<tag>(?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)

# What the templates of ``gongkai new office`` ask the clerk to replace: 待填写 (with or without its colon,
# not quoted in a comment that explains it), an unfilled @NAME@, and the
# review template's own words left as values (reviewed_by: 审核人).
_PLACEHOLDERS = re.compile(r"待填写(?![”\"」』])|@[A-Z]+@|(?m:^[ \t]*(?:reviewed_by|checked_by|approved_by):[ \t]*"
                           r"(?P<role>审核人|复核人|审批人)[ \t]*(?:#.*)?$)")
_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)])[ \t]+\S")
_FENCE = re.compile(r"^ *(```|~~~)")


def shallow_list_items(body: str) -> list[tuple[int, int]]:
    """1-based (line, indent) of list items inside a list indented by other than a multiple
    of 4 spaces: Python-Markdown (site and boards) reads them as items of the outer list."""
    out, in_list, fenced = [], False, False
    for number, line in enumerate(body.splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or not line.strip():
            continue
        match = _LIST_ITEM.match(line)
        if match:
            indent = len(match.group(1))
            if in_list and indent % 4:
                out.append((number, indent))
            in_list = True
        elif not line.startswith(" "):
            in_list = False
    return out


def placeholders(text: str) -> list[tuple[int, int]]:
    """1-based (line, column) of every template placeholder left in ``text``."""
    return [position(text, m.start("role") if m.group("role") else m.start()) for m in _PLACEHOLDERS.finditer(text)]


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


@dataclass
class TextScanner:
    """``covered``: the board font's code points; None skips the glyph check."""

    report: Report
    covered: frozenset[int] | None = None

    def __post_init__(self) -> None:
        self._covered_chars = frozenset(map(chr, self.covered)) if self.covered is not None else None

    def scan(self, path: str, text: str, phones: bool = False, public_spans=(), glyphs: bool = True,
             markdown: bool = False) -> None:
        """Report personal data (mobile numbers too when ``phones``, except inside
        ``public_spans``: offsets of values meant to be public), missing glyphs and,
        in item text (``markdown``), resources loaded from other hosts."""
        if markdown:
            for match in _EXTERNAL.finditer(text):
                group = "image" if match.group("image") else "tag"
                line, col = position(text, match.start(group))
                self.report.error(Location(path, line, col), "external-resource", url=match.group(group))
        for finding in find_personal_data(text, in_subsidy_list=phones):
            if finding.kind == "phone" and any(a <= finding.start < b for a, b in public_spans):
                continue
            line, col = position(text, finding.start)
            self.report.error(Location(path, line, col), f"personal-{finding.kind}",
                              masked=finding.masked, example=finding.example)
        if glyphs and self._covered_chars is not None:
            absent = "".join(sorted(set(text) - self._covered_chars))
            for _, char in missing_characters(absent, self.covered):
                line, col = position(text, text.index(char))
                self.report.error(Location(path, line, col), "missing-glyph",
                                  char=char, codepoint=f"{ord(char):04X}")
