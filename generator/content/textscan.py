"""Scan the whole text of a file for personal data and characters the board font lacks.

A file is scanned once, as written (front matter, body, comments, CSV cells
alike), so each problem is reported at its exact line and column and a full
ID number cannot hide in a comment or an unknown field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..diagnostics import Report
from ..model import Location
from .fonts import missing_characters
from .personal import Finding, find_personal_data


# What makes a browser fetch from another host: Markdown images and resource-loading HTML tags.
# Plain links ([text](https://…)) only navigate when clicked, so they are allowed.
_EXTERNAL = re.compile(
    r"!\[[^\]]*\]\(\s*<?(?P<image>(?:https?:)?//[^)\s>]+)"
    r"|<(?:img|script|iframe|link|video|audio|source|embed|object|style)\b[^>]*?"
    r"\b(?:src|href|data|poster)\s*=\s*[\"']?(?P<tag>(?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)

# What makes a renderer read a file of the building machine or embed one: file: URLs,
# <base> (which redirects relative URLs) and attachments (rel="attachment").
_LOCAL = re.compile(
    r"(?<![a-z0-9])file:[^\s\"'<>)]*|<base\b[^>]*>?|(?<![a-z0-9-])rel\s*=\s*[\"']?[^\"'>]*\battachment\b",
    re.IGNORECASE,
)
# Scalars whose parsed value is not the text as written: escapes, folded lines.
_REWRITTEN_STYLES = ('"', ">")
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
             markdown: bool = False) -> list[Finding]:
        """Report personal data (mobile numbers too when ``phones``, except inside
        ``public_spans``: offsets of values meant to be public), missing glyphs and,
        in item text (``markdown``), resources loaded from other hosts or from the
        building machine. Returns the personal data reported (offsets in ``text``)."""
        if markdown:
            for match in _EXTERNAL.finditer(text):
                group = "image" if match.group("image") else "tag"
                line, col = position(text, match.start(group))
                self.report.error(Location(path, line, col), "external-resource", url=match.group(group))
            for match in _LOCAL.finditer(text):
                line, col = position(text, match.start())
                self.report.error(Location(path, line, col), "local-resource", url=match.group()[:80])
        reported = []
        for finding in find_personal_data(text, in_subsidy_list=phones):
            if finding.kind == "phone" and any(a <= finding.start < b for a, b in public_spans):
                continue
            line, col = position(text, finding.start)
            self.personal(Location(path, line, col), finding)
            reported.append(finding)
        if glyphs and self._covered_chars is not None:
            absent = "".join(sorted(set(text) - self._covered_chars))
            for _, char in missing_characters(absent, self.covered):
                line, col = position(text, text.index(char))
                self.report.error(Location(path, line, col), "missing-glyph",
                                  char=char, codepoint=f"{ord(char):04X}")
        return reported

    def personal(self, where: Location, finding: Finding) -> None:
        if finding.kind == "old-id":
            self.report.warning(where, "personal-old-id", masked=finding.masked)
        else:
            self.report.error(where, f"personal-{finding.kind}", masked=finding.masked, example=finding.example)

    def scan_values(self, path: str, node: yaml.Node, text: str, reported: list[Finding], offset: int = 0,
                    line_offset: int = 0, phones: bool = False, public_spans=()) -> None:
        """Scan YAML scalars as parsed where that is not the text as written (``"\\u0031"``
        escapes, folded lines): what ``scan`` of the same ``text`` already ``reported`` is
        not repeated. ``offset``: where the YAML starts in ``text``. Aliases are walked once."""
        seen, stack = set(), [node]
        while stack:
            current = stack.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            if isinstance(current, yaml.MappingNode):
                stack.extend(n for pair in current.value for n in pair)
            elif isinstance(current, yaml.SequenceNode):
                stack.extend(current.value)
            elif isinstance(current, yaml.ScalarNode):
                start, end = offset + current.start_mark.index, offset + current.end_mark.index
                if current.style not in _REWRITTEN_STYLES and "\n" not in text[start:end]:
                    continue
                for finding in find_personal_data(current.value, in_subsidy_list=phones):
                    if finding.kind == "phone" and any(a <= start < b for a, b in public_spans):
                        continue
                    if any(start <= f.start < end and f.kind == finding.kind for f in reported):
                        continue
                    mark = current.start_mark
                    self.personal(Location(path, mark.line + 1 + line_offset, mark.column + 1), finding)

    def scan_name(self, where: Location, name: str) -> None:
        """A file or folder name becomes part of public URLs: no ID, card or phone number in it."""
        for finding in find_personal_data(name, in_subsidy_list=True):
            self.report.error(where, "personal-in-name", masked=finding.masked)
