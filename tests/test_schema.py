"""``gongkai schema``: JSON Schema for editors, and every demo file validates against it."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.cli import main
from generator.workflow.editor_schema import FILES, SCHEMA_DIR, dumps, schemas

REPO = Path(__file__).resolve().parents[1]


class _Loader(yaml.SafeLoader):
    """YAML as an editor's language server sees it: dates stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def kind_of(path: Path) -> str:
    if path.name == "site.yml":
        return "site"
    if path.name == "office.yml":
        return "office"
    if path.name == "catalogue.yml":
        return "catalogue"
    return "board" if path.parent.name == "boards" else "item"


def load(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".md":
        text = text.split("---\n")[1]
    return yaml.load(text, Loader=_Loader)


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schemas()[FILES[kind]])


def demo_files() -> list[Path]:
    files = sorted((REPO / "content").rglob("*.yml")) + sorted((REPO / "content").rglob("*.md"))
    return files + sorted((REPO / "boards").glob("*.yml"))


def test_schemas_are_valid_draft_2020_12():
    for schema in schemas().values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_committed_schemas_are_up_to_date():
    for name, schema in schemas().items():
        committed = REPO / SCHEMA_DIR / name
        assert committed.read_text(encoding="utf-8") == dumps(schema), \
            f"{committed} is stale: run gongkai schema --out {SCHEMA_DIR}"


@pytest.mark.parametrize("path", demo_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_demo_file_validates(path):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator(kind_of(path)).iter_errors(load(path))]
    assert errors == []


@pytest.mark.parametrize("path", [p for p in demo_files() if p.suffix == ".yml"],
                         ids=lambda p: p.relative_to(REPO).as_posix())
def test_demo_yaml_points_at_its_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (path.parent / first[len(prefix):]).resolve()
    assert target == (REPO / SCHEMA_DIR / FILES[kind_of(path)]).resolve()


def test_demo_has_every_kind():
    assert {kind_of(p) for p in demo_files()} == {"site", "office", "item", "board", "catalogue"}


ITEM = {"type": "subsidy-list", "title": "低保名单", "program": "农村最低生活保障",
        "objection_phone": "0371-1", "expires": "2026-11-25",
        "recipients": [{"name": "王秀英", "amount": "1,240.50", "persons": 2}]}


def test_item_schema_catches_what_an_editor_should_flag():
    check = validator("item")
    assert not list(check.iter_errors(ITEM))
    wrong = [
        {**ITEM, "recipents": []},  # misspelt field
        {**ITEM, "income": []},  # a finance field in a subsidy list
        {**ITEM, "type": "subsidy"},  # unknown type
        {**ITEM, "recipients": [{"name": "王秀英", "amount": "12O.00"}]},  # letter O in money
        {**ITEM, "recipients": [{"name": "王秀英"}]},  # amount missing
        {**ITEM, "expires": "2026/11/25"},  # not a date
        {**ITEM, "draft": "是的"},  # not a bool
        {k: v for k, v in ITEM.items() if k != "program"},  # required field
    ]
    for data in wrong:
        assert list(check.iter_errors(data)), data


def test_board_and_office_schemas():
    assert list(validator("board").iter_errors({"office": "town", "panels": ["fixed/duties", "x"]}))
    assert not list(validator("board").iter_errors({"office": "town", "panels": ["quarter/finance"]}))
    assert list(validator("office").iter_errors({"name": "镇", "kind": "city"}))


def test_descriptions_are_chinese():
    item = schemas()[FILES["item"]]
    assert item["properties"]["review"]["description"].startswith("审核记录")
    finance = next(b["then"] for b in item["allOf"] if b["if"]["properties"]["type"]["const"] == "finance")
    assert finance["properties"]["unit"]["enum"] == ["元", "万元"]
    assert finance["properties"]["income"]["items"]["properties"]["amount"]["description"] == "金额"


def test_schema_command_writes_the_files(tmp_path, capsys):
    assert main(["schema", "--out", str(tmp_path / "s")]) == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(FILES.values())
    assert (tmp_path / "s" / FILES["item"]).read_text(encoding="utf-8") == dumps(schemas()[FILES["item"]])


def test_schema_link_adds_the_line_once(tmp_path):
    (tmp_path / "content/offices/town/fixed").mkdir(parents=True)
    (tmp_path / "boards").mkdir()
    (tmp_path / "content/site.yml").write_text("title: 县\n", encoding="utf-8")
    (tmp_path / "content/offices/town/office.yml").write_text("# 镇\nname: 镇\n", encoding="utf-8")
    (tmp_path / "content/offices/town/fixed/fees.yml").write_text(
        "# yaml-language-server: $schema=old.json\r\ntype: fees\r\n", encoding="utf-8")
    (tmp_path / "boards/main.yml").write_text("office: town\n", encoding="utf-8")
    out = tmp_path / "docs/schema"
    assert main(["schema", "--out", str(out), "--link", str(tmp_path)]) == 0
    assert main(["schema", "--out", str(out), "--link", str(tmp_path)]) == 0
    assert (tmp_path / "content/site.yml").read_text(encoding="utf-8") == \
        "# yaml-language-server: $schema=../docs/schema/site.schema.json\ntitle: 县\n"
    assert (tmp_path / "content/offices/town/office.yml").read_text(encoding="utf-8") == \
        "# yaml-language-server: $schema=../../../docs/schema/office.schema.json\n# 镇\nname: 镇\n"
    assert (tmp_path / "content/offices/town/fixed/fees.yml").read_bytes().decode() == (
        "# yaml-language-server: $schema=../../../../docs/schema/item.schema.json\r\ntype: fees\r\n")
    assert (tmp_path / "boards/main.yml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../docs/schema/board.schema.json\n")
