"""The editor's save path: content file text <-> the entry the CMS edits.

:func:`view` turns a file into what the CMS reads: every value as the text
the clerk wrote (``930.50`` is the string ``"930.50"``, a date the string
``"2026-11-18"``), as YAML whose strings are all quoted so the browser's YAML
parser cannot turn them into numbers; an item is front matter plus body.

:func:`merge` takes what the CMS saves and edits the original text: a
top-level field whose value did not change keeps its lines as written
(comments, quotes, flow rows), a changed one is rewritten from the schema's
kinds (money and dates exactly as typed), a cleared one is removed. Nothing
changed: the original text comes back unchanged. Otherwise the file is
UTF-8 with LF line ends.
"""

from __future__ import annotations

import re

import yaml

from ..content.schema import BOARD, OFFICE, SITE, Field, item_fields
from ..workflow import yamltext
from ..workflow.yaml_out import FlowList

KINDS = ("site", "office", "item", "board")
META_PREFIX = "_"  # the editor's own fields (where a new item goes), never written to a file
_NULLS = ("", "~", "null", "Null", "NULL")
_TRUE = ("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON")
_FALSE = ("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF")
_INT = re.compile(r"[-+]?\d+")


class EntryError(ValueError):
    """What the CMS sent cannot be saved (message for the clerk, in Chinese)."""


def fields_of(kind: str, data: dict) -> tuple[Field, ...]:
    if kind == "item":
        return item_fields(str(data.get("type") or ""))
    return {"site": SITE, "office": OFFICE, "board": BOARD}[kind].fields


# --- reading -------------------------------------------------------------------


def _value(node: yaml.Node, f: Field | None):
    """A node as the clerk's text: scalars are strings, except bool and int fields."""
    if isinstance(node, yaml.ScalarNode):
        plain = node.style in (None, "")
        if plain and node.value in _NULLS:
            return None
        if f is not None and plain and f.kind == "bool" and node.value in _TRUE + _FALSE:
            return node.value in _TRUE
        if f is not None and plain and f.kind == "int" and _INT.fullmatch(node.value):
            return int(node.value)
        return node.value
    if isinstance(node, yaml.SequenceNode):
        element = f.item if f is not None and f.kind == "list" else None
        return [_value(n, element) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        out = {}
        for k, v in node.value:
            key = str(k.value)
            out[key] = _value(v, f.member(key) if f is not None else None)
        return out
    return None


def _mapping(text: str, kind: str) -> dict:
    """The top-level mapping of YAML ``text`` as clerk's text; {} when empty."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise EntryError(f"YAML 格式错误，请先在文本编辑器中修正：{error}") from None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise EntryError("文件内容不是“字段: 值”的形式")
    type_node = next((v for k, v in node.value if k.value == "type"), None)
    probe = {"type": type_node.value} if isinstance(type_node, yaml.ScalarNode) else {}
    root = Field("root", "object", "", fields=fields_of(kind, probe))
    return _value(node, root)


def parse(kind: str, text: str, markdown: bool) -> tuple[dict, str | None]:
    """``(fields, body)`` of a file's text (body None for YAML files)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not markdown:
        return _mapping(text, kind), None
    try:
        front, body = yamltext.split_front(text)
    except ValueError:
        return {}, text
    return _mapping(front, kind), body


# --- what the CMS reads ----------------------------------------------------------


class _ViewDumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


_ViewDumper.add_representer(
    str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style='"'))


def view(kind: str, text: str, markdown: bool, meta: dict | None = None) -> str:
    """The file as the CMS reads it (front matter for items, plain YAML otherwise)."""
    data, body = parse(kind, text, markdown)
    data = {k: v for k, v in data.items() if v is not None}
    data.update(meta or {})
    dumped = yaml.dump(data, Dumper=_ViewDumper, allow_unicode=True, sort_keys=False,
                       default_flow_style=False, width=1000) if data else ""
    if kind != "item":
        return dumped
    return f"---\n{dumped}---\n{body or ''}"


def from_cms(kind: str, raw: str) -> tuple[dict, str | None, dict]:
    """``(fields, body, meta)`` of what the CMS saves."""
    raw = raw.replace("\r\n", "\n")
    body = None
    if kind == "item":
        try:
            front, body = yamltext.split_front(raw)
        except ValueError:
            front = raw
    else:
        front = raw
    data = _mapping(front, kind)
    meta = {k: data.pop(k) for k in list(data) if k.startswith(META_PREFIX)}
    return data, body, meta


# --- writing ------------------------------------------------------------------


class _Plain(str):
    """Text written as the clerk typed it: plain when YAML allows, never re-typed."""


class _FlowDict(dict):
    """A table row written on one line: ``- {name: 张三, amount: 380}``."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _plain(dumper: yaml.SafeDumper, value: _Plain) -> yaml.ScalarNode:
    tag = dumper.resolve(yaml.ScalarNode, str(value), (True, False))
    return dumper.represent_scalar(tag, str(value))


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    if style:
        value = value.rstrip("\n") + "\n"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(_Plain, _plain)
_Dumper.add_representer(str, _text)
_Dumper.add_representer(_FlowDict, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(FlowList, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=True))


def _dump(data: dict) -> list[str]:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)
    return text.rstrip("\n").split("\n")


def _typed(value, f: Field | None, flow_rows: bool = False):
    """``value`` (clerk's text) as what the dumper writes for field ``f``."""
    if value is None:
        return None
    if isinstance(value, dict):
        members = [m.name for m in f.fields] if f is not None else []
        keys = [k for k in members if k in value] + [k for k in value if k not in members]
        out = {k: _typed(value[k], f.member(k) if f is not None else None) for k in keys
               if _norm(value[k]) is not None}
        return _FlowDict(out) if flow_rows else out
    if isinstance(value, list):
        element = f.item if f is not None else None
        items = [_typed(v, element, flow_rows) for v in value]
        if element is not None and element.kind == "list":
            items = [FlowList(v or []) for v in items]
        return items
    if isinstance(value, bool) or isinstance(value, int):
        return value
    kind = f.kind if f is not None else "string"
    if kind in ("money", "date", "int"):
        return _Plain(value.strip())
    if kind == "bool":
        return _Plain(value)
    return value


def _norm(value, f: Field | None = None):
    """A value for comparison: empty is None, text compared without outer blanks."""
    if isinstance(value, dict):
        out = {k: n for k, v in value.items()
               if (n := _norm(v, f.member(k) if f is not None else None)) is not None}
        return out or None
    if isinstance(value, list):
        element = f.item if f is not None else None
        out = [_norm(v, element) for v in value]
        return out or None
    if isinstance(value, str):
        return value.strip() or None
    if value is False and f is not None and f.default is False:
        return None
    return value


def _flow_rows(lines: list[str], block: yamltext.Block | None) -> bool:
    """Whether a list block writes its rows as one-line mappings (``- {…}``)."""
    if block is None:
        return False
    rows = [line.strip() for line in lines[block.start + 1:block.end] if line.strip().startswith("-")]
    return bool(rows) and all(r[1:].lstrip().startswith("{") for r in rows)


def _merge_lines(lines: list[str], old: dict, new: dict, fields: tuple[Field, ...]) -> list[str]:
    order = [f.name for f in fields]
    for n, f in enumerate(fields):
        was, now = _norm(old.get(f.name), f), _norm(new.get(f.name), f)
        if was == now:
            continue
        if now is None:
            lines = yamltext.remove(lines, f.name)
            continue
        block = yamltext.find(lines, f.name)
        value = _typed(new[f.name], f, flow_rows=_flow_rows(lines, block))
        written = _dump({f.name: value})
        after = next((k for k in reversed(order[:n]) if yamltext.find(lines, k)), None)
        before = next((k for k in order[n + 1:] if yamltext.find(lines, k)), None)
        lines = yamltext.replace(lines, f.name, written, after=after, before=None if after else before)
    return lines


def merge(kind: str, original: str | None, raw: str, markdown: bool, head: str | None = None) -> str:
    """The file text after the CMS saved ``raw``; ``original`` None for a new file.

    ``head`` is the first line of a new YAML file (the schema comment).
    """
    new, body, _meta = from_cms(kind, raw)
    if kind == "item":
        new.setdefault("type", parse(kind, original, markdown)[0].get("type") if original else None)
    fields = fields_of(kind, new)
    if original is None:
        lines = ([head] if head and not markdown else [])
        lines = _merge_lines(lines, {}, new, fields)
        if not markdown:
            return "\n".join(lines) + "\n"
        text_body = (body or "").strip("\n")
        return "---\n" + "\n".join(lines) + "\n---\n" + (text_body + "\n" if text_body else "")
    old, old_body = parse(kind, original, markdown)
    unknown = [k for k in new if k not in {f.name for f in fields}]
    if unknown:
        raise EntryError("未知字段：" + "、".join(unknown))
    changed_body = markdown and (body or "").strip() != (old_body or "").strip()
    if all(_norm(old.get(f.name), f) == _norm(new.get(f.name), f) for f in fields) and not changed_body:
        return original
    if not markdown and (body or "").strip():
        raise EntryError("这个事项是 YAML 文件，不能有正文；正文请写在 .md 事项里")
    text = original.lstrip("\ufeff").replace("\r\n", "\n")
    if not markdown:
        return "\n".join(_merge_lines(text.rstrip("\n").split("\n"), old, new, fields)) + "\n"
    front, rest = yamltext.split_front(text)
    front_lines = _merge_lines(front.split("\n"), old, new, fields)
    if changed_body:
        lead = "\n" if rest.startswith("\n") else ""
        stripped = (body or "").strip("\n")
        rest = lead + stripped + "\n" if stripped else ""
    return "---\n" + "\n".join(front_lines) + "\n---\n" + rest
