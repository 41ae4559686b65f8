"""Hostile inputs found by a later attack on the finished issue-8 work: each was a leak, an
injection or a crash before its fix. Same rules as test_hostile_content.py and
test_hostile_site.py: refused at file:line by ``check``, or neutralised in every output."""

from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl
import pytest

from checkfixtures import BASE_FILES, TODAY, diagnostics, resident_id, write_project
from generator.cli import main

OFFICE_DIR = "content/offices/test-town"
Q4 = f"{OFFICE_DIR}/quarters/2026-Q4"
LOW_INCOME = f"{Q4}/low-income.yml"
REVIEW = "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-17}"
ID = resident_id("11010119900307123")
MOBILE = "13812345678"


def project(tmp_path: Path, changes: dict) -> Path:
    return write_project(tmp_path / "p", changes)


def found(root: Path) -> list[tuple[str, int, int, str]]:
    return [(d.path, d.line, d.col, d.code) for d in diagnostics(root)]


# --- gongkai export: the workbook runs no formula a clerk did not ask for ------------------------

def test_exported_workbook_keeps_formula_like_text_as_text(tmp_path):
    low = (textwrap.dedent(BASE_FILES[LOW_INCOME])
           .replace("title: 2026年11月低保名单", "title: '=1+2'")
           .replace("name: 李四", """name: '=HYPERLINK("http://evil.test/","点击")'""")
           .replace("group: 二组", "group: '@SUM(A1)'"))
    root = project(tmp_path, {LOW_INCOME: low})
    out = tmp_path / "out.xlsx"
    assert main(["export", str(root / LOW_INCOME), "--to", str(out), "--date", TODAY.isoformat()]) == 0
    sheet = openpyxl.load_workbook(out).active
    formulas = {c.coordinate: c.value for row in sheet.iter_rows() for c in row if c.data_type == "f"}
    assert formulas == {"E5": "=SUM(E3:E4)"}  # only the total the exporter writes
    assert sheet["A1"].value == "=1+2" and sheet["B4"].value.startswith("=HYPERLINK")
    assert sheet["C4"].value == "@SUM(A1)"


# --- content/catalogue.yml is published (catalogue page, CSV, JSON): scanned like every file -----

def test_catalogue_entries_are_scanned_for_mobiles_and_escaped_ids(tmp_path):
    catalogue = ("entries:\n  - id: fin\n    level1: 财务\n"
                 f"    elements: 收支 电话{MOBILE}\n"
                 '    basis: "依据 \\u0031' + ID[1:] + '"\n'
                 "    levels: [乡级]\n    frequency: 每季度\n    types: [finance]\n")
    root = project(tmp_path, {"content/catalogue.yml": catalogue})
    assert [f for f in found(root) if f[3].startswith("personal")] == [
        ("content/catalogue.yml", 4, 20, "personal-phone"), ("content/catalogue.yml", 5, 12, "personal-id")]
    assert all(ID not in d.message and MOBILE not in d.message for d in diagnostics(root))


# --- gongkai serve: a request cannot write the response's headers --------------------------------

def test_preview_redirects_never_carry_a_line_break_from_the_request(tmp_path):
    import http.client
    import threading
    from types import SimpleNamespace

    from generator.model import Project, Site
    from generator.preview.server import PreviewHTTPServer, State

    preview = SimpleNamespace(state=State(project=Project(tmp_path, Site(title="t")), site_dir=tmp_path))
    server = PreviewHTTPServer(("127.0.0.1", 0), preview)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for path in ("/_gongkai/boards/x%0d%0aSet-Cookie:%20a=b", "/_gongkai/boards/x%0aX-Injected:%201"):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            assert response.status == 302
            assert response.getheader("Set-Cookie") is None and response.getheader("X-Injected") is None
            assert "\n" not in response.getheader("Location") and "\r" not in response.getheader("Location")
            connection.close()
    finally:
        server.shutdown()
        server.server_close()


# --- an ID number split where a reader joins it again ---------------------------------------------

def notice_md(body: str) -> str:
    return f"---\ntype: notice\ntitle: 通知\nexpires: 2026-12-31\n{REVIEW}\n---\n{body}\n"


SPLIT_ID = {
    "soft line break": f"证件 {ID[:10]}\n{ID[10:]}",
    "hard line break": f"证件 {ID[:10]}  \n{ID[10:]}",
    "<br>": f"证件 {ID[:10]}<br>{ID[10:]}",
    "table cells": f"| 甲 | 乙 |\n| --- | --- |\n| {ID[:10]} | {ID[10:]} |",
    "tabs (pasted from Excel)": f"证件 {ID[:6]}\t{ID[6:14]}\t{ID[14:]}",
    "two kinds of separator": f"证件 {ID[:6]} {ID[6:14]}-{ID[14:]}",
}


@pytest.mark.parametrize("form", SPLIT_ID)
def test_id_split_across_lines_cells_or_tabs_is_found(tmp_path, form):
    root = project(tmp_path, {f"{Q4}/notice.md": notice_md(SPLIT_ID[form])})
    assert [code for *_, code in found(root)] == ["personal-id"]


def test_id_split_over_the_lines_of_a_reply_is_found(tmp_path):
    reply = (f"type: reply\ntitle: 答复\nchannel: request\nreceived: 2026-11-02\nanswered: 2026-11-10\n"
             f"question: |\n  申请人证件\n  {ID[:9]}\n  {ID[9:]}\nanswer: 已答复\n{REVIEW}\n")
    root = project(tmp_path, {f"{Q4}/reply.yml": reply})
    assert found(root) == [(f"{Q4}/reply.yml", 8, 3, "personal-id")]


def test_columns_of_ordinary_numbers_are_not_joined_into_cards(tmp_path):
    rows = "\n".join(f"| {a} | {b} |" for a, b in [(4500, 5200), (6100, 7000), (1234, 5678), (2026, 1121)])
    body = f"| 甲 | 乙 |\n| --- | --- |\n{rows}\n\n4500\n5200\n6100\n7000\n"
    root = project(tmp_path, {f"{Q4}/notice.md": notice_md(body)})
    assert found(root) == []


# --- malformed input is reported, never a traceback ------------------------------------------------

def run_check(root: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", str(root), "--date", TODAY.isoformat()])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out + captured.err


def test_a_nul_byte_in_rows_from_is_a_missing_file(tmp_path, capsys):
    item = ("type: subsidy-list\ntitle: 名单\nprogram: 低保\nobjection_phone: 0371-12345679\n"
            'published: 2026-11-18\nexpires: 2026-11-25\nrows_from: "a\\0b.csv"\n' + REVIEW + "\n")
    root = project(tmp_path, {f"{Q4}/nul.yml": item})
    code, out = run_check(root, capsys)
    assert code == 1 and f"{Q4}/nul.yml:7:12: error[missing-file]" in out


@pytest.mark.parametrize("rel", [f"{Q4}/keys.yml", f"{OFFICE_DIR}/office.yml", "boards/main.yml",
                                 "content/catalogue.yml"])
def test_a_complex_yaml_key_is_a_wrong_type_error(tmp_path, capsys, rel):
    text = textwrap.dedent(BASE_FILES.get(rel, f"type: notice\ntitle: 通知\nexpires: 2026-12-31\n{REVIEW}\n"
                                      if rel.endswith("keys.yml") else "entries: []\n"))
    root = project(tmp_path, {rel: text + "? [a, b]\n: c\n"})
    code, out = run_check(root, capsys)
    assert code == 1 and "error[wrong-type]" in out


def test_negative_counts_in_a_subsidy_summary_are_errors(tmp_path):
    summary = ("type: subsidy-summary\ntitle: 动态\nprogram: 低保\nunits:\n"
               "  - {name: 一组, households: -1, persons: -5, added: -2}\n" + REVIEW + "\n")
    root = project(tmp_path, {f"{Q4}/summary.yml": summary})
    negative = [d for d in diagnostics(root) if d.code == "negative-value"]
    assert [(d.path, d.line) for d in negative] == [(f"{Q4}/summary.yml", 5)] * 3
    assert sorted(d.message.split()[0] for d in negative) == [
        "units[1].added", "units[1].households", "units[1].persons"]


@pytest.mark.parametrize("query", ["".join(f"%{ord(c):02X}" for c in ID), f"{ID[:6]}%{ord(ID[6]):02x}{ID[7:]}"])
def test_id_percent_encoded_in_a_link_is_found(tmp_path, query):
    root = project(tmp_path, {f"{Q4}/notice.md": notice_md(f"[查询](https://www.example.gov.cn/?q={query})")})
    assert [code for *_, code in found(root)] == ["personal-id"]


@pytest.mark.parametrize("size", ["99999999x99999999", "50x50", "20000x1000"])
def test_a_board_size_out_of_range_is_an_error_not_a_renderer_overflow(tmp_path, capsys, size):
    board = textwrap.dedent(BASE_FILES["boards/main.yml"]) + f"size: {size}\n"
    root = project(tmp_path, {"boards/main.yml": board})
    code, out = run_check(root, capsys)
    assert code == 1 and "boards/main.yml:6:7: error[out-of-range]: size" in out


# --- gongkai import: damaged and hostile workbooks ---------------------------------------------------

def _workbook_with(tmp_path: Path, name: str, change) -> Path:
    """A one-row workbook whose sheet XML is passed through ``change``."""
    import zipfile

    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "人数", "金额"])
    book.active.append(["张三", 1, 600])
    book.save(plain)
    out = tmp_path / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            target.writestr(entry.filename, change(data) if entry.filename == "xl/worksheets/sheet1.xml" else data)
    return out


def test_import_refuses_a_zip_bomb_and_xml_entities_with_a_message(tmp_path, capsys):
    root = project(tmp_path, {})
    bomb = _workbook_with(tmp_path, "bomb.xlsx", lambda d: d.replace(b"</sheetData>", b"</sheetData><!--"
                                                                    + b" " * (130 * 2**20) + b"-->"))
    entity = _workbook_with(tmp_path, "xxe.xlsx", lambda d: d.replace(
        b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>', 1).replace("张三".encode(), b"&e;"))
    for workbook, code in ((bomb, "file-too-large"), (entity, "sheet-unreadable")):
        capsys.readouterr()
        assert main(["import", str(workbook), "--type", "subsidy-list", "--to", str(root / f"{Q4}/imp.yml")]) == 1
        err = capsys.readouterr().err
        assert f"{workbook.as_posix()}:1:1: error[{code}]" in err and "Traceback" not in err
        assert not (root / f"{Q4}/imp.yml").exists()


# --- git commit subjects never reach the public (the revision history shows what clerks wrote) -----

def test_commit_subjects_with_personal_data_never_reach_the_published_history(tmp_path, capsys):
    import subprocess

    root = project(tmp_path, {})
    card = "6222020000000000000"

    def git(*args):
        subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
                       check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "初稿")
    with open(root / f"{OFFICE_DIR}/fixed/pledge.md", "a", encoding="utf-8") as f:
        f.write("补充。\n")
    git("commit", "-qam", f"按张三（{ID}，{MOBILE}，卡{card}）意见修改")
    site = tmp_path / "site"
    assert main(["build", str(root), "--out", str(site), "--no-boards", "--date", TODAY.isoformat()]) == 0
    page = (site / "test-town/pledge/index.html").read_text(encoding="utf-8")
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "按张三" not in page and "110101" not in page  # not even masked: commit messages are never shown
    for text in (page, index):
        assert ID not in text and MOBILE not in text and card not in text
