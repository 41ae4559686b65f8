"""Source files as position-carrying node trees.

YAML is composed, not constructed: scalars keep the exact text the clerk
wrote (so ``12.30`` stays ``12.30`` and ``0371…`` keeps its zero) and every
node knows its line and column. Front matter is composed the same way;
CSV files become rows of cells with their positions.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import yaml

from ..diagnostics import Report
from ..model import Location
from .encoding import UNKNOWN, decode_utf8

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COMMA = re.compile(",")
NULL_TAG = "tag:yaml.org,2002:null"
MAX_YAML_NODES = 200_000  # nodes of a document with its aliases expanded: far beyond any real item
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*\r?$\n?", re.S | re.M)


class CsvSyntaxError(ValueError):
    """A CSV file the csv module cannot read (an unmatched quote, a cell over its field limit)."""

    def __init__(self, line: int, detail: str):
        super().__init__(f"line {line}: {detail}")
        self.line, self.detail = line, detail


@dataclass(frozen=True)
class Mark:
    """Where a CSV cell starts (0-based, as PyYAML marks)."""

    line: int
    column: int


def location(node: yaml.Node, path: str, line_offset: int = 0) -> Location:
    mark = node.start_mark
    return Location(path, mark.line + 1 + line_offset, mark.column + 1)


def read_text(data: bytes, path: str, report: Report) -> str | None:
    """Decode UTF-8 (BOM allowed); report other encodings at the first bad byte."""
    text, problem = decode_utf8(data)
    if problem:
        if problem.guess == UNKNOWN:  # neither a legacy Chinese encoding nor UTF-16: binary or garbled
            report.error(Location(path, problem.line, problem.col), "not-text")
        else:
            report.error(Location(path, problem.line, problem.col), "not-utf8", encoding=problem.guess)
        return None
    return text


def compose_yaml(text: str, path: str, report: Report, line_offset: int = 0) -> yaml.Node | None:
    """Compose one YAML document; report syntax errors at their position."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        if node is not None and expanded_size(node) > MAX_YAML_NODES:
            report.error(Location(path, 1 + line_offset, 1), "yaml-too-deep")
            return None
        return node
    except RecursionError:
        report.error(Location(path, 1 + line_offset, 1), "yaml-too-deep")
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        bad_line = "".join(text.splitlines()[line - 1:line]) if mark else ""
        if "\t" in bad_line[:len(bad_line) - len(bad_line.lstrip(" \t"))]:  # indented with a tab
            report.error(Location(path, line + line_offset, col), "yaml-tab")
            return None
        detail = " ".join(part for part in (exc.context, exc.problem) if part)
        report.error(Location(path, line + line_offset, col), "yaml-syntax", detail=detail)
    except yaml.YAMLError as exc:
        report.error(Location(path, 1 + line_offset, 1), "yaml-syntax", detail=str(exc))
    return None


def expanded_size(node: yaml.Node) -> int:
    """How many nodes the document has once its aliases are expanded (shared nodes counted
    each time they are used), without expanding them: a YAML alias bomb is caught here."""
    size: dict[int, int] = {}
    entered: set[int] = set()
    stack = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        if id(current) in size:
            continue
        if not children_done:
            if id(current) in entered:  # its own descendant: a recursive alias
                return MAX_YAML_NODES + 1
            entered.add(id(current))
        if isinstance(current, yaml.MappingNode):
            children = [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        else:
            children = []
        if children_done or not children:
            size[id(current)] = min(1 + sum(size.get(id(c), 0) for c in children), MAX_YAML_NODES + 1)
        else:
            stack.append((current, True))
            stack.extend((c, False) for c in children if id(c) not in size)
    return size[id(node)]


def split_front_matter(text: str) -> tuple[str, int, str] | None:
    """``(front_matter, its offset in text, body)`` of a Markdown item, or None without front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    return match.group(1), match.start(1), text[match.end():]


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def _cell_starts(line: str) -> list[int]:
    """0-based character offsets where each CSV cell of one physical line begins."""
    if '"' not in line:
        return [0] + [m.end() for m in _COMMA.finditer(line)]
    starts, quoted = [0], False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(i + 1)
    return starts


def csv_rows(text: str) -> list[tuple[int, list[tuple[str, Mark]]]]:
    """Non-empty CSV records as ``(line, [(cell, mark)])``; line is 1-based."""
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text))
    out = []
    line_before = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise CsvSyntaxError(line_before + 1, str(error)) from None
        line = line_before + 1
        line_before = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        raw = lines[line - 1] if line - 1 < len(lines) else ""
        starts = _cell_starts(raw)
        cells = []
        for i, cell in enumerate(record):
            col = starts[i] if i < len(starts) else len(raw)
            cells.append((cell.strip(), Mark(line - 1, col)))
        out.append((line, cells))
    return out
