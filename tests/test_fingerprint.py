"""Verifiable boards: each edition's check code follows its content, never its build time."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from checkfixtures import BASE_FILES, write_project
from generator.boards.document import board_document
from generator.boards.edition import select_edition
from generator.boards.fingerprint import fingerprint
from generator.content import load_project
from generator.diagnostics import Report
from generator.site.pages import generate

REPO = Path(__file__).resolve().parents[1]
FINANCE = "content/offices/test-town/quarters/2026-Q4/finance.yml"
CODE = re.compile(r"^[A-Z2-7]{4}-[A-Z2-7]{4}$")


def code(root: Path, today: dt.date) -> str:
    project, report = load_project(root, today)
    assert not report.has_errors()
    edition = select_edition(project, project.boards["main"], None, today, Report())
    return fingerprint(edition, project.site)


def test_same_content_same_code_whatever_the_build_time(tmp_path, monkeypatch):
    root = write_project(tmp_path)
    first = code(root, dt.date(2026, 11, 19))
    assert CODE.match(first)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    os.utime(root / FINANCE, (1_000_000_000, 1_000_000_000))  # file times are not content
    assert code(root, dt.date(2026, 11, 24)) == first  # another day of the same window
    assert code(write_project(tmp_path / "copy"), dt.date(2026, 11, 20)) == first  # another checkout


def test_code_changes_with_what_is_printed(tmp_path):
    root = write_project(tmp_path)
    before = code(root, dt.date(2026, 11, 20))
    changed = write_project(tmp_path / "b", {FINANCE: BASE_FILES[FINANCE].replace("办公经费", "办公用品")})
    assert code(changed, dt.date(2026, 11, 20)) != before
    # the list's window closes: it leaves the board, so the board is a different one
    assert code(root, dt.date(2026, 11, 26)) != before
    board = BASE_FILES["boards/main.yml"].rstrip(" ") + "        columns: 2\n"
    assert code(write_project(tmp_path / "c", {"boards/main.yml": board}), dt.date(2026, 11, 20)) != before


def test_code_is_printed_in_the_board_footer_and_listed_on_the_site():
    today = dt.date(2026, 11, 21)
    project, _ = load_project(REPO, today)
    board = project.boards["qingshan-town-main"]
    edition = select_edition(project, board, None, today, Report())
    expected = fingerprint(edition, project.site)
    doc = board_document(edition, project.site, [])
    footer = doc.html(doc.sheet.text_sizes_pt()[0], [], 8).split('<footer class="foot">')[1].split("</footer>")[0]
    assert f"核验码 {expected}" in footer and "2026年第四季度" in footer
    pdf = "boards/qingshan-town-main/2026-Q4/qingshan-town-main-2026-Q4.pdf"
    out = generate(project, today, assets=frozenset({pdf}))
    pages = {p.path: p.body for p in out.pages}
    page = pages["boards/qingshan-town-main/"]
    row = page[page.index('id="e-2026-Q4"'):].split("</tr>")[0]
    assert expected in row and "现行" in row and 'href="2026-Q4/qingshan-town-main-2026-Q4.pdf"' in row
    assert "已更换" in page[page.index('id="e-2026-Q3"'):]
    item = pages["qingshan-town/2026-Q4/finance-report/"]
    assert 'href="../../../boards/qingshan-town-main/#e-2026-Q4"' in item and expected in item
    assert "boards/qingshan-town-main/" in pages["qingshan-town/"]
