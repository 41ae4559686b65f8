"""Text-level edits of content files, keeping the clerk's comments and layout.

The workflow commands change a few top-level fields of an item (``draft``,
dates, ``review``, a data block). They edit lines, not a re-dumped tree, so
every comment and blank line the clerk wrote stays where it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n?^---[ \t]*$\n?", re.S | re.M)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")


@dataclass(frozen=True)
class Block:
    """A top-level key's lines: ``lines[start:end]`` (comments before the next key excluded)."""

    key: str
    start: int
    end: int


def blocks(lines: list[str]) -> list[Block]:
    starts = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _KEY.match(line))]
    out = []
    for n, (start, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        out.append(Block(key, start, end))
    return out


def find(lines: list[str], key: str) -> Block | None:
    return next((b for b in blocks(lines) if b.key == key), None)


def scalar(lines: list[str], key: str) -> str | None:
    """The text of a one-line top-level value (comment and quotes stripped)."""
    block = find(lines, key)
    if block is None:
        return None
    value = lines[block.start].split(":", 1)[1]
    value = re.sub(r"\s+#.*$", "", value).strip()
    return value.strip("'\"")


def remove(lines: list[str], key: str) -> list[str]:
    block = find(lines, key)
    if block is None:
        return lines
    return lines[:block.start] + lines[block.end:]


def replace(lines: list[str], key: str, new: list[str], after: str | None = None,
            before: str | None = None) -> list[str]:
    """Put ``new`` (whole lines, key included) in place of ``key``'s block.

    A missing key goes before the block of ``before``, or after the block of
    ``after``, when that exists; else at the end.
    """
    block = find(lines, key)
    if block is not None:
        return lines[:block.start] + new + lines[block.end:]
    ahead = find(lines, before) if before else None
    anchor = find(lines, after) if after else None
    at = ahead.start if ahead else anchor.end if anchor else len(lines)
    return lines[:at] + new + lines[at:]


def set_scalar(lines: list[str], key: str, value: str, after: str | None = None) -> list[str]:
    """Set a one-line top-level value, keeping a trailing comment on that line."""
    block = find(lines, key)
    if block is not None:
        old = lines[block.start]
        comment = re.search(r"\s+#.*$", old.split(":", 1)[1])
        line = f"{key}: {value}{comment.group(0) if comment else ''}"
        return lines[:block.start] + [line] + lines[block.start + 1:block.end] + lines[block.end:]
    return replace(lines, key, [f"{key}: {value}"], after=after)


def split_front(text: str) -> tuple[str, str]:
    """``(front matter, body)`` of a Markdown item (``\\n`` line ends); ValueError without one."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ValueError("no front matter")
    return match.group(1), text[match.end():]


def edit_fields(text: str, markdown: bool, edit: Callable[[list[str]], list[str]]) -> str:
    """Apply ``edit`` to the lines of a YAML item, or of a Markdown item's front matter.

    Windows line ends (CRLF) are kept as they were.
    """
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    if not markdown:
        out = "\n".join(edit(text.split("\n")))
    else:
        front, body = split_front(text)
        out = "---\n" + "\n".join(edit(front.split("\n"))) + "\n---\n" + body
    return out.replace("\n", "\r\n") if crlf else out
