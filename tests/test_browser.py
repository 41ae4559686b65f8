"""The demo site in a real browser: Debian's chromium driven by Playwright.

Search finds an item by a Chinese word, a subsidy list filters, pages fit a
360 px phone, and no request leaves 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import urls
from generator.cli import main
from generator.content import load_project

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DATE = dt.date(2026, 11, 21)

playwright_api = pytest.importorskip("playwright.sync_api")
if not shutil.which(CHROMIUM):
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def demo():
    project, report = load_project(REPO, DATE)
    assert not report.has_errors()
    return project


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site = tmp_path_factory.mktemp("browser") / "site"
    assert main(["build", str(REPO), "--out", str(site), "--no-boards", "--date", DATE.isoformat()]) == 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, server):
    """A page factory; every request that leaves 127.0.0.1 is blocked and recorded."""
    outside: list[str] = []
    pages = []

    def block(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def open_(path: str, width: int = 1280):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.route("**/*", block)
        page.goto(server + path)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()
    assert outside == []


def search_word(title: str) -> str:
    """The longest word jieba finds in a title: a term the search index holds."""
    import jieba

    return max((w for w in jieba.cut(title) if len(w) >= 2), key=len)


def test_search_a_chinese_word_and_reach_the_item(open_page, demo):
    item = next(i for i in demo.items() if i.type == "procedure" and i.is_public(DATE))
    word = search_word(item.title)
    page = open_page("")
    page.click("input.md-search__input")
    # the index is loaded and built in a worker; queries before are lost (a locator wait: the
    # page's Content-Security-Policy forbids the eval a string predicate would need)
    playwright_api.expect(page.locator(".md-search-result__meta")).to_have_text("键入以开始搜索", timeout=30000)
    page.fill("input.md-search__input", word)
    page.press("input.md-search__input", "End")  # Material searches on key events
    result = page.locator(f'.md-search-result__item a[href*="{urls.item_path(item)}"]').first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url(f"**/{urls.item_path(item)}**")
    assert item.title in page.locator("h1").first.inner_text()


def test_filter_a_subsidy_list_by_name_and_group(open_page, demo):
    item = next(i for i in demo.items()
                if i.type == "subsidy-list" and i.is_public(DATE) and not i.is_expired(DATE))
    people = item.fields["recipients"]
    page = open_page(urls.item_path(item))
    rows = page.locator("#t-recipients tbody tr")
    assert rows.count() == len(people)
    name = people[-1]["name"]
    page.fill(".gk-filter input", name)
    visible = page.locator("#t-recipients tbody tr:not([hidden])")
    assert visible.count() == sum(1 for p in people if name in p["name"] or name in (p.get("group") or ""))
    assert name in visible.first.inner_text()
    page.fill(".gk-filter input", "")
    group = people[0]["group"]
    page.select_option(".gk-filter select", group)
    assert visible.count() == sum(1 for p in people if p.get("group") == group)
    assert page.locator(".gk-count").inner_text().startswith(f"显示 {visible.count()} / {len(people)}")


def test_phone_width_has_no_horizontal_scroll(open_page, demo):
    def first(kind):
        return next(i for i in demo.items() if i.type == kind and i.is_public(DATE) and not i.is_expired(DATE))

    paths = ["", urls.office_path(next(iter(demo.offices))), "catalogue/"] + [
        urls.item_path(first(kind)) for kind in ("procedure", "finance", "subsidy-list", "duties")]
    for path in paths:
        page = open_page(path, width=360)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
