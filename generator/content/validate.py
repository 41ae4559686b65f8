"""Walk composed nodes against the declared format, producing typed values.

Problems are reported, never raised: a bad value becomes ``None`` and the walk
goes on, so one run shows every mistake in a file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..diagnostics import Report
from ..messages import render, type_name
from ..model import Location
from ..money import parse_amount
from .schema import Field
from .source import is_null, location

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_INT = re.compile(r"^[+-]?\d+$")
_TRUE = {"true", "yes", "True", "TRUE", "Yes", "是"}
_FALSE = {"false", "no", "False", "FALSE", "No", "否"}


def suggestion(word: str, candidates, language: str) -> str:
    """``'，是不是 title？'`` for the nearest candidate, or ``''``."""
    close = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return render("did-you-mean", language, suggestion=close[0]) if close else ""


@dataclass
class Reader:
    """Validates the nodes of one file (``path``) and records where each value was written."""

    report: Report
    path: str
    line_offset: int = 0
    check_required: bool = True
    locations: dict[tuple, Location] = field(default_factory=dict)
    money_units: list[tuple[str, str, Location]] = field(default_factory=list)  # (field, unit written, where)

    def where(self, node: yaml.Node) -> Location:
        return location(node, self.path, self.line_offset)

    def _name(self, path: tuple) -> str:
        if not path:
            return type_name("file", self.report.language)
        return ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path).replace(".[", "[")

    def _kind_of(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "object"
        if isinstance(node, yaml.SequenceNode):
            return "list"
        return "null" if is_null(node) else "string"

    def _wrong_type(self, node: yaml.Node, path: tuple, expected: str) -> None:
        lang = self.report.language
        self.report.error(self.where(node), "wrong-type", field=self._name(path),
                          expected=type_name(expected, lang),
                          actual=type_name(self._kind_of(node), lang))

    # --- structures -----------------------------------------------------

    def mapping(self, node: yaml.Node, fields: tuple[Field, ...], path: tuple = (),
                required: bool | None = None, known_only: bool = True) -> dict[str, Any] | None:
        """Validate a mapping against ``fields``; unknown keys get a did-you-mean hint."""
        if not isinstance(node, yaml.MappingNode):
            self._wrong_type(node, path, "object")
            return None
        if len(path) < 3:
            self.locations[path] = self.where(node)
        spec = {f.name: f for f in fields}
        out: dict[str, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self._wrong_type(key_node, path, "string")
                continue
            if key in seen:
                self.report.error(self.where(key_node), "duplicate-key", field=self._name(path + (key,)))
                continue
            seen.add(key)
            f = spec.get(key)
            if f is None:
                if known_only:
                    self.report.error(self.where(key_node), "unknown-field", field=self._name(path + (key,)),
                                      hint=suggestion(key, spec, self.report.language))
                continue
            if len(path) < 2:  # deeper values are located on demand, when reported
                self.locations[path + (key,)] = self.where(value_node)
            if is_null(value_node):
                continue
            out[key] = self.value(value_node, f, path + (key,))
        if self.check_required if required is None else required:
            for f in fields:
                if f.required and f.name not in out:  # present but invalid: already reported
                    self.report.error(self.where(node), "missing-field", field=self._name(path + (f.name,)))
        return out

    def value(self, node: yaml.Node, f: Field, path: tuple) -> Any:
        if f.kind == "object":
            return self.mapping(node, f.fields, path)
        if f.kind == "list":
            if not isinstance(node, yaml.SequenceNode):
                self._wrong_type(node, path, "list")
                return None
            if f.required and not node.value:
                self.report.error(self.where(node), "empty-list", field=self._name(path))
            out = []
            shallow = len(path) < 2
            for i, element in enumerate(node.value):
                if shallow:
                    self.locations[path + (i,)] = self.where(element)
                out.append(None if is_null(element) else self.value(element, f.item, path + (i,)))
            return out
        if not isinstance(node, yaml.ScalarNode):
            self._wrong_type(node, path, "string" if f.kind in ("string", "text", "phone", "choice") else f.kind)
            return None
        return self.scalar(node, f, path)

    # --- scalars --------------------------------------------------------

    def scalar(self, node: yaml.ScalarNode, f: Field, path: tuple) -> Any:
        if f.kind == "text":
            return node.value
        return self.convert(node.value.strip(), f, path, lambda: self.where(node))

    def records(self, rows, fields: tuple[Field, ...], path: tuple) -> list[dict[str, Any]]:
        """Validate CSV records ``[(location, [(key, text, location)])]`` as a list of objects."""
        spec = {f.name: f for f in fields}
        out = []
        for i, (row_where, cells) in enumerate(rows):
            record, cell_at = {}, {}
            for key, text, where in cells:
                f = spec.get(key)
                cell_at[key] = where
                if f is not None and text:
                    record[key] = self.convert(text, f, path + (i, key), lambda w=where: w)
            for f in fields:
                if f.required and f.name not in record:
                    self.report.error(cell_at.get(f.name, row_where), "missing-field",
                                      field=self._name(path + (i, f.name)))
            out.append(record)
        return out

    def convert(self, text: str, f: Field, path: tuple, where) -> Any:
        """Typed value of scalar ``text``; ``where()`` locates it when a problem is reported."""
        if f.kind in ("string", "text", "phone"):
            return text
        name = lambda: self._name(path)  # noqa: E731 - only needed when reporting
        if f.kind == "choice":
            if text in f.choices:
                return text
            self.report.error(where(), "bad-choice", field=name(), value=text, choices=", ".join(f.choices),
                              hint=suggestion(text, f.choices, self.report.language))
            return None
        if f.kind == "date":
            day = parse_date(text)
            if day is None:
                self.report.error(where(), "bad-date", field=name(), value=text)
            return day
        if f.kind == "bool":
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            self.report.error(where(), "wrong-type", field=name(), expected=type_name("bool", self.report.language),
                              actual=text)
            return None
        if f.kind == "int":
            if _INT.match(text):
                return int(text)
            self.report.error(where(), "bad-number", field=name(), value=text)
            return None
        if f.kind == "money":
            try:
                amount, unit = parse_amount(text)
            except ValueError:
                self.report.error(where(), "bad-money", field=name(), value=text)
                return None
            if unit:
                self.money_units.append((self._name(path), unit, where()))
            return amount
        raise AssertionError(f"unknown field kind {f.kind}")


def parse_date(text: str) -> dt.date | None:
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None

