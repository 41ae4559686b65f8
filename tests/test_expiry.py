"""The publication window's last day and the day after, on the site, the boards and the booklets.

The base project's subsidy list (checkfixtures) is published 2026-11-18 and
``expires: 2026-11-25``: shown through the 25th, gone from the 26th.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from checkfixtures import write_project
from generator.cli import main
from generator.content import load_project
from generator.site import generate

LAST_DAY = dt.date(2026, 11, 25)
DAY_AFTER = dt.date(2026, 11, 26)
NAMES = ("张三", "李四")
LIST_PAGE = "test-town/2026-Q4/low-income/"
SMALL_BOARD = """\
    office: test-town
    size: A4
    columns: 1
    panels:
      - quarter/finance
      - quarter/low-income
    """


def site_text(project, on: dt.date) -> tuple[dict[str, str], str]:
    """Each page's Markdown by path, and all of pages and downloads as one text."""
    output = generate(project, on)
    pages = {page.path: page.markdown() for page in output.pages}
    downloads = "".join(d.content.decode("utf-8-sig") if isinstance(d.content, bytes) else d.content
                        for d in output.downloads)
    return pages, "".join(pages.values()) + downloads


@pytest.fixture
def project(tmp_path):
    project, report = load_project(write_project(tmp_path), LAST_DAY)
    assert not report.has_errors(), [d.format() for d in report.errors]
    return project


def test_the_list_is_shown_on_its_last_day(project):
    pages, everything = site_text(project, LAST_DAY)
    assert all(name in pages[LIST_PAGE] for name in NAMES)
    assert "公示期已满" not in pages[LIST_PAGE]
    assert all(name in everything for name in NAMES)  # also its CSV download


def test_the_list_is_gone_the_day_after(project):
    pages, everything = site_text(project, DAY_AFTER)
    shown = re.sub(r"<[^>]+>", "", pages[LIST_PAGE])  # dates sit in no-wrap spans
    assert "公示期已满" in shown and "2026-11-18 至 2026-11-25" in shown
    assert not any(name in everything for name in NAMES)


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    return re.sub(r"\s+", "", out.decode())


def printed(root, on: dt.date) -> tuple[str, str]:
    """`gongkai boards` on ``on``: the text of the board and of the office's booklet."""
    assert main(["boards", str(root), "--date", on.isoformat()]) == 0
    board = pdf_text(root / "site/boards/main/2026-Q4/main-2026-Q4.pdf")
    booklet = pdf_text(root / "site/booklets/test-town/2026-Q4/test-town-2026-Q4-booklet.pdf")
    return board, booklet


def test_boards_and_booklets_print_the_list_through_its_last_day_and_never_after(tmp_path):
    root = write_project(tmp_path, {"boards/main.yml": SMALL_BOARD})
    board, booklet = printed(root, LAST_DAY)
    for text in (board, booklet):
        assert "2026年11月低保名单" in text and all(name in text for name in NAMES)
    board, booklet = printed(root, DAY_AFTER)
    for text in (board, booklet):
        assert "2026年第四季度财务收支" in text  # the edition is still printed ...
        assert "2026年11月低保名单" not in text  # ... without the list
        assert not any(name in text for name in NAMES)
