"""The editor's save path and local back end, without a browser.

Every demo file comes back byte for byte through the editor when nothing was
edited; an edit rewrites only its field, money and dates exactly as typed;
the back end answers only 127.0.0.1 and only content files.
"""

from __future__ import annotations

import re

import http.client
import json
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.content.schema import ITEM_TYPES, item_fields
from generator.editor import cms_config, entry, files, server
from generator.editor.server import Editor, make_server
from generator.content import load_project

REPO = Path(__file__).resolve().parents[1]
DATE = "2026-11-21"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "demo"
    for name in ("content", "boards"):
        shutil.copytree(REPO / name, root / name)
    return root


@pytest.fixture
def editor(project):
    import datetime as dt
    return Editor(project, dt.date.fromisoformat(DATE))


def cms_save(view_text: str, kind: str, edit=None) -> str:
    """What the CMS sends back: the view parsed and re-serialized (its own quoting), maybe edited."""
    if kind == "item":
        front, body = view_text[4:].split("---\n", 1)
    else:
        front, body = view_text, None
    data = yaml.safe_load(front) or {}
    if edit:
        edit(data)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return dumped if body is None else f"---\n{dumped}---\n{body}"


def all_files(root: Path) -> list[str]:
    return ["content/site.yml", *files.office_files(root), *files.board_files(root), *files.item_files(root)]


def persist(editor, path, raw):
    return editor.api({"action": "persistEntry",
                       "params": {"dataFiles": [{"path": path, "raw": raw, "slug": "x"}], "assets": []}})


def test_every_demo_file_round_trips_unchanged(editor, project):
    rels = all_files(project)
    assert len(rels) > 40
    for rel in rels:
        before = (project / rel).read_bytes()
        stat = (project / rel).stat().st_mtime_ns
        got = editor.api({"action": "getEntry", "params": {"path": files.cms_path(rel)}})
        kind = files.resolve(project, got["file"]["path"]).kind
        persist(editor, got["file"]["path"], cms_save(got["data"], kind))
        assert (project / rel).read_bytes() == before, rel
        assert (project / rel).stat().st_mtime_ns == stat, f"{rel} was rewritten"


def test_folder_listing_covers_every_item_and_board(editor, project):
    listed = editor.api({"action": "entriesByFolder", "params": {"folder": "content/offices", "extension": "item"}})
    assert sorted(e["file"]["path"] for e in listed) == sorted(files.cms_path(r) for r in files.item_files(project))
    boards = editor.api({"action": "entriesByFolder", "params": {"folder": "boards", "extension": "yml"}})
    assert [e["file"]["path"] for e in boards] == files.board_files(project)


def test_money_is_written_exactly_as_typed_and_nothing_else_moves(editor, project):
    rel = "content/offices/qingshan-town/quarters/2026-Q4/finance-report.yml"
    before = (project / rel).read_text(encoding="utf-8")
    view = entry.view("item", before, False, files.item_meta(rel))
    assert '"amount": "21.30"' in view  # the CMS reads text, never a float

    def edit(data):
        data["income"][0]["amount"] = "930.50"
        data["total_income"] = "1,629.48"
    persist(editor, files.cms_path(rel), cms_save(view, "item", edit))
    after = (project / rel).read_text(encoding="utf-8")
    assert after == before.replace("    amount: 203.18\n", "    amount: 930.50\n", 1).replace(
        "total_income: 902.16\n", "total_income: 1,629.48\n")
    assert main(["check", str(project), "--date", DATE]) == 0


def test_an_edit_keeps_comments_flow_rows_and_the_schema_line(editor, project):
    rel = "content/offices/liuxi-village/quarters/2026-Q4/low-income-list.yml"
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").replace(
        "program: 农村最低生活保障\n", "program: 农村最低生活保障  # 民政局文件口径\n# 名单由村委会核对\n"),
        encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    view = entry.view("item", before, False, files.item_meta(rel))

    def edit(data):
        data["recipients"].append({"name": "覃新民", "group": "二组", "persons": 2, "amount": "760.00"})
        data["total_amount"] = "10,260元"
        data["published"] = "2026-11-19"
    persist(editor, files.cms_path(rel), cms_save(view, "item", edit))
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# yaml-language-server: $schema=")
    assert "program: 农村最低生活保障  # 民政局文件口径\n# 名单由村委会核对\n" in after
    assert "  - {name: 阎翠萍, group: 五组, persons: 2, amount: 610, id: 410523********2506}\n" \
           "  - {name: 覃新民, group: 二组, persons: 2, amount: 760.00}\n" in after
    assert "published: 2026-11-19\n" in after and "total_amount: 10,260元\n" in after
    removed = set(before.splitlines()) - set(after.splitlines())
    assert removed == {"published: 2026-11-18", "total_amount: 9,500元"}


def test_crlf_file_untouched_stays_crlf_and_an_edited_one_is_lf(editor, project):
    rel = "content/offices/qingshan-town/office.yml"
    path = project / rel
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = path.read_bytes()
    got = editor.api({"action": "getEntry", "params": {"path": rel}})
    persist(editor, rel, cms_save(got["data"], "office"))
    assert path.read_bytes() == before
    persist(editor, rel, cms_save(got["data"], "office", lambda d: d.update(hours="周一至周五")))
    after = path.read_bytes().decode("utf-8")
    assert "\r" not in after and "hours: 周一至周五\n" in after
    lf = before.decode("utf-8").replace("\r\n", "\n")
    assert after == re.sub(r"(?m)^hours:.*$", "hours: 周一至周五", lf)  # only that line changed


def test_a_new_yaml_item_gets_the_schema_line_and_passes_check(editor, project):
    raw = cms_save("---\n{}\n---\n", "item", lambda d: d.update({
        "type": "fees", "_office": "liuxi-village", "_section": "fixed", "_file": "water-fees",
        "title": "柳溪村自来水收费标准", "category": "财务类",
        "review": {"reviewed_by": "何秀梅", "checked_by": "郭春来", "approved_by": "杨立新",
                   "approved_on": "2026-11-01"},
        "items": [{"name": "生活用水", "standard": "2.50", "unit": "元/吨",
                   "basis": "《清河县农村供水价格管理办法》（清发改〔2025〕8号）"}]}))
    persist(editor, "content/offices/liuxi-village/fixed/water-fees.item", raw)
    text = (project / "content/offices/liuxi-village/fixed/water-fees.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../../docs/schema/item.schema.json"
    assert "    standard: 2.50\n" in text and "  approved_on: 2026-11-01\n" in text and "_file" not in text
    assert main(["check", str(project), "--date", DATE]) == 0


def test_what_cannot_be_saved_is_refused_with_a_chinese_message(editor):
    for path in ("content/offices/../../etc/passwd.item", "content/offices/qingshan-town/fixed/Bad Name.item",
                 "content/offices/nowhere/fixed/x.item", "mkdocs.yml", "content/offices/qingshan-town/2026-Q9/x.item"):
        with pytest.raises(entry.EntryError):
            persist(editor, path, "---\ntype: notice\ntitle: x\n---\n")
    with pytest.raises(entry.EntryError, match="不删除"):
        editor.api({"action": "deleteFile", "params": {"path": "content/site.yml"}})


def test_the_form_has_every_schema_field_with_its_chinese_label(editor, project):
    project_model, _ = load_project(project)
    config = cms_config.config(project_model, {"name": "proxy", "proxy_url": "/api/v1"})
    by_name = {c["name"]: c for c in config["collections"]}
    for item_type in ITEM_TYPES:
        fields = by_name[item_type]["fields"]
        names = [f["name"] for f in fields]
        assert names == ["type", "_office", "_section", "_file",
                         *[f.name for f in item_fields(item_type) if f.name != "type"], "body"]
        schema = {f.name: f for f in item_fields(item_type)}
        for f in fields:
            if f["name"] in schema and f["widget"] != "hidden":
                assert schema[f["name"]].zh.startswith(f["label"])
    money = next(f for f in by_name["finance"]["fields"] if f["name"] == "income")["fields"][1]
    assert money["widget"] == "string" and money["pattern"][0].startswith("^")


@pytest.fixture
def running(project):
    import datetime as dt
    httpd = make_server(project, dt.date.fromisoformat(DATE))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address
    httpd.shutdown()
    httpd.server_close()


def post(address, body: dict, headers: dict) -> int:
    conn = http.client.HTTPConnection(*address)
    conn.request("POST", "/api/v1", json.dumps(body), headers)
    status = conn.getresponse().status
    conn.close()
    return status


def test_the_back_end_answers_only_local_pages(running):
    host, port = running
    assert host == "127.0.0.1"
    info = {"action": "info"}
    good = {"Content-Type": "application/json", "Host": f"127.0.0.1:{port}", "Origin": f"http://127.0.0.1:{port}"}
    assert post(running, info, good) == 200
    assert post(running, info, {**good, "Origin": "http://evil.example"}) == 403
    assert post(running, info, {**good, "Host": f"evil.example:{port}"}) == 403
    assert post(running, info, {**good, "Content-Type": "text/plain"}) == 403


def test_edit_without_the_interface_says_how_to_install_it(project, monkeypatch, capsys):
    monkeypatch.setattr(server, "VENDOR", project / "nowhere")
    assert main(["edit", str(project), "--no-browser"]) == 2
    assert "bootstrap.sh" in capsys.readouterr().err


EDITOR_YML = ("editor:\n  backend: gitea\n  repo: qinghe/gongkai-content\n  branch: drafts\n"
              "  base_url: https://git.qinghe.example.gov.cn\n  app_id: 5c1f0e2a-6b7d-4e55-9d1e-3f2a1b0c9d8e\n")


def test_the_site_has_no_editor_unless_site_yml_asks(project, tmp_path):
    plain = tmp_path / "plain"
    assert main(["build", str(project), "--out", str(plain), "--no-boards", "--date", DATE]) == 0
    assert not (plain / "admin").exists()
    site_yml = project / "content" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + EDITOR_YML, encoding="utf-8")
    out = tmp_path / "with-editor"
    assert main(["build", str(project), "--out", str(out), "--no-boards", "--date", DATE]) == 0
    admin = out / "admin"
    config = json.loads((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {
        "name": "gitea", "repo": "qinghe/gongkai-content", "branch": "drafts",
        "base_url": "https://git.qinghe.example.gov.cn", "api_root": "https://git.qinghe.example.gov.cn/api/v1",
        "app_id": "5c1f0e2a-6b7d-4e55-9d1e-3f2a1b0c9d8e"}
    assert config["publish_mode"] == "simple"
    assert (admin / "vendor" / "decap-cms.js").is_file()
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and 'src="vendor/decap-cms.js"' in page
    # the public pages are as they were: the editor adds admin/ and nothing else
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if "admin" not in p.parts
                  and p.is_file() and p.suffix == ".html") == \
        sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*.html"))


def test_a_credential_in_site_yml_is_an_error(project):
    site_yml = project / "content" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + EDITOR_YML + "  token: ghp_secret\n",
                        encoding="utf-8")
    _project, report = load_project(project)
    assert [d.code for d in report.errors if d.path == "content/site.yml"]
    assert main(["check", str(project), "--date", DATE]) == 1


def test_an_unreadable_file_is_left_out_and_never_overwritten(editor, project):
    rel = "content/offices/qingshan-town/fixed/agricultural-fees.yml"
    broken = "type: fees\ntitle: [未闭合\n".encode("utf-8")
    (project / rel).write_bytes(broken)
    gbk = "content/offices/qingshan-town/fixed/leadership-duties.yml"
    (project / gbk).write_bytes("type: duties\ntitle: 领导分工\n".encode("gbk"))
    listed = editor.api({"action": "entriesByFolder", "params": {"folder": "content/offices", "extension": "item"}})
    paths = {e["file"]["path"] for e in listed}
    assert files.cms_path(rel) not in paths and files.cms_path(gbk) not in paths
    with pytest.raises(entry.EntryError, match="gongkai check"):
        editor.api({"action": "getEntry", "params": {"path": files.cms_path(rel)}})
    with pytest.raises(entry.EntryError, match="YAML"):
        persist(editor, files.cms_path(rel), "---\ntype: fees\ntitle: 新标题\n---\n")
    assert (project / rel).read_bytes() == broken
