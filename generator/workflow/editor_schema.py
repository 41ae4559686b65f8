"""JSON Schema (draft 2020-12) for editors, generated from ``content/schema.py``.

VS Code's YAML extension reads the ``# yaml-language-server: $schema=…`` line
at the top of a content file and then completes and checks fields as the
clerk types, with the Chinese descriptions as hover help.
"""

from __future__ import annotations

import json

from ..content.schema import BOARD, CATALOGUE, COMMON, ITEM_TYPES, OFFICE, SITE, Field

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "docs/schema"  # project-relative home of the generated files

# ``patternErrorMessage`` is the editors' (VS Code, yaml-language-server) message
# for a value that does not match; validators ignore it.
# The loader reads every scalar's source text, so a string field also accepts a number.
_SCALAR_TEXT = ["string", "number"]
_MONEY_PATTERN = (r"^\s*[¥￥]?\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|元)?\s*$")
_DATE_PATTERN = r"^\d{4}-\d{1,2}-\d{1,2}$"
_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_PANEL_PATTERN = r"^(?:fixed|quarter)/[a-z0-9]+(?:-[a-z0-9]+)*$"

FILES = {
    "site": "site.schema.json",
    "office": "office.schema.json",
    "item": "item.schema.json",
    "board": "board.schema.json",
    "catalogue": "catalogue.schema.json",
}


def field_schema(f: Field) -> dict:
    """The JSON Schema of one field (recursively for lists and objects)."""
    out: dict = {"description": f.zh}
    if f.kind == "object":
        out.update(_object(f.fields))
    elif f.kind == "list":
        out.update(type="array", items=field_schema(f.item))
    elif f.kind == "choice":
        out.update(type="string", enum=list(f.choices))
    elif f.kind == "date":
        out.update(type="string", format="date", pattern=_DATE_PATTERN,
                   patternErrorMessage="日期格式为 YYYY-MM-DD，如 2026-07-01")
    elif f.kind == "bool":
        out["type"] = "boolean"
    elif f.kind == "int":
        out["type"] = "integer"
    elif f.kind == "money":
        out.update(type=["string", "number"], pattern=_MONEY_PATTERN,
                   patternErrorMessage="金额如 1234.50，可带千分位逗号和单位 元/万元")
    else:  # string, text, phone
        out["type"] = list(_SCALAR_TEXT)
    if f.default is not None and f.kind != "object":
        out["default"] = f.default
    return out


def _object(fields: tuple[Field, ...]) -> dict:
    out: dict = {
        "type": "object",
        "properties": {f.name: field_schema(f) if f.required else _nullable(field_schema(f)) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        out["required"] = required
    return out


def _nullable(schema: dict) -> dict:
    """An optional field may be left empty (``place:``), as ``gongkai check`` allows."""
    kinds = schema["type"]
    schema["type"] = [*(kinds if isinstance(kinds, list) else [kinds]), "null"]
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    return schema


def _document(name: str, root: Field) -> dict:
    return {"$schema": DRAFT, "title": root.zh, **_object(root.fields)}


def item_schema() -> dict:
    """One schema for every item file, discriminated by ``type`` with if/then.

    The top level lists the common fields (what an editor offers before a type
    is chosen); each branch lists every field its type allows and nothing else.
    """
    common = _object(COMMON)
    branches = []
    for item_type, extra in ITEM_TYPES.items():
        branch = _object(COMMON + extra)
        branch["properties"]["type"] = {**branch["properties"]["type"], "const": item_type}
        branches.append({
            "if": {"properties": {"type": {"const": item_type}}, "required": ["type"]},
            "then": branch,
        })
    return {
        "$schema": DRAFT,
        "title": "公开事项（fixed/ 或 quarters/<季度>/ 下的 .yml 文件，或 .md 文件的头信息）",
        "type": "object",
        "properties": common["properties"],
        "required": common["required"],
        "allOf": branches,
    }


def board_schema() -> dict:
    out = _document("board", BOARD)
    out["properties"]["office"]["pattern"] = _ID_PATTERN
    out["properties"]["panels"]["items"]["pattern"] = _PANEL_PATTERN
    return out


def schemas() -> dict[str, dict]:
    """File name -> schema, for site, office, items and boards."""
    return {
        FILES["site"]: _document("site", SITE),
        FILES["office"]: _document("office", OFFICE),
        FILES["item"]: item_schema(),
        FILES["board"]: board_schema(),
        FILES["catalogue"]: _document("catalogue", CATALOGUE),
    }


def dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_comment(kind: str, schema_dir_rel: str) -> str:
    """The first line of a content file: ``# yaml-language-server: $schema=<relative path>``."""
    return f"# yaml-language-server: $schema={schema_dir_rel.rstrip('/')}/{FILES[kind]}"
