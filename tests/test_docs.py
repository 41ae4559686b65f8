"""The public contract stays documented: every field and every diagnostic code appears in the docs."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.schema import BOARD, CATALOGUE as CATALOGUE_FILE, COMMON, ITEM_TYPES, OFFICE, SITE, Field
from generator.messages import CATALOGUE

CHECK_SOURCES = Path(__file__).parent.parent / "generator" / "content"
DOC = (Path(__file__).parent.parent / "docs" / "content-format.md").read_text(encoding="utf-8")


def names(fields: tuple[Field, ...]):
    for f in fields:
        yield f.name
        if f.kind == "object":
            yield from names(f.fields)
        if f.kind == "list" and f.item and f.item.kind == "object":
            yield from names(f.item.fields)


def test_every_field_is_documented():
    fields = [*names(SITE.fields), *names(OFFICE.fields), *names(COMMON), *names(BOARD.fields),
              *names(CATALOGUE_FILE.fields)]
    for extra in ITEM_TYPES.values():
        fields.extend(names(extra))
    missing = sorted({name for name in fields if not re.search(rf"[`.]{name}`", DOC)})
    assert missing == []


def test_every_item_type_has_a_section():
    assert [t for t in ITEM_TYPES if f"### {t}" not in DOC] == []


def test_every_code_gongkai_check_reports_is_documented():
    source = "".join(p.read_text(encoding="utf-8") for p in CHECK_SOURCES.glob("*.py"))
    codes = {code for code in re.findall(r'"([a-z0-9-]+)"', source) if code in CATALOGUE} - {"did-you-mean"}
    assert sorted(code for code in codes if f"`{code}`" not in DOC) == []
