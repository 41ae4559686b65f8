"""Scan every piece of text a file holds for personal data and unprintable characters.

Works on composed nodes (YAML, front matter, CSV cells) and Markdown bodies,
and reports each problem at the exact line and column of the offending text.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..diagnostics import Report
from ..model import Location
from .fonts import missing_characters
from .personal import find_personal_data
from .source import is_null

# The one field of a subsidy list whose phone number is meant to be public.
PUBLIC_PHONE_FIELDS = {"objection_phone"}


@dataclass
class TextScanner:
    """Checks the text of one file; ``covered`` is the board font's code points (None: skip)."""

    report: Report
    path: str
    source: str  # the YAML text the nodes were composed from
    line_offset: int = 0
    in_subsidy_list: bool = False
    covered: frozenset[int] | None = None

    def __post_init__(self) -> None:
        self._glyphs_reported: set[str] = set()

    def scan_node(self, node: yaml.Node, key: str | None = None) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                self.scan_node(value_node, getattr(key_node, "value", None))
        elif isinstance(node, yaml.SequenceNode):
            for element in node.value:
                self.scan_node(element, key)
        elif isinstance(node, yaml.ScalarNode) and not is_null(node) and node.value:
            phones = self.in_subsidy_list and key not in PUBLIC_PHONE_FIELDS
            self._scan(node.value, phones, lambda offset, text: self._node_location(node, offset, text))

    def scan_body(self, body: str, first_line: int) -> None:
        """A Markdown body starting at ``first_line`` (1-based) of the file."""
        def where(offset: int, _text: str) -> Location:
            line = first_line + body.count("\n", 0, offset)
            col = offset - (body.rfind("\n", 0, offset) + 1) + 1
            return Location(self.path, line, col)

        self._scan(body, self.in_subsidy_list, where)

    def _scan(self, text: str, phones: bool, where) -> None:
        for finding in find_personal_data(text, in_subsidy_list=phones):
            self.report.error(where(finding.start, text[finding.start:finding.end]),
                              f"personal-{finding.kind}", masked=finding.masked, example=finding.example)
        if self.covered is not None:
            for offset, char in missing_characters(text, self.covered):
                if char in self._glyphs_reported:
                    continue
                self._glyphs_reported.add(char)
                self.report.error(where(offset, char), "missing-glyph",
                                  char=char, codepoint=f"{ord(char):04X}")

    def _node_location(self, node: yaml.ScalarNode, offset: int, text: str) -> Location:
        mark = node.start_mark
        path = getattr(mark, "path", None)
        if path:  # a CSV cell
            return Location(path, mark.line + 1, mark.column + 1 + offset)
        if "\n" not in node.value and node.style in (None, "'", '"'):
            quote = 1 if node.style else 0
            if mark.line == node.end_mark.line:
                return Location(self.path, mark.line + 1 + self.line_offset, mark.column + 1 + quote + offset)
        # Block or folded scalar: find the written text in the source.
        found = self.source.find(text, mark.index, node.end_mark.index) if text else -1
        index = found if found >= 0 else mark.index
        line = self.source.count("\n", 0, index)
        col = index - (self.source.rfind("\n", 0, index) + 1)
        return Location(self.path, line + 1 + self.line_offset, col + 1)
