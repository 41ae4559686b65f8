"""Hostile content against the website: every XSS form is refused by check or neutralised in
every output file (HTML, search index, feed, sitemap, catalogue CSV/JSON, table CSVs)."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checkfixtures import diagnostics, write_project
from generator.boards.forms import markdown_html
from generator.cli import main
from generator.content import loader, textscan
from generator.safehtml import clean_body, clean_page, url_problem
from generator.site.downloads import csv_bytes

DATE = "2026-11-21"
REVIEW = "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}"

# Text that is markup in the wrong hands; YAML strings (titles, names, groups, cells) carry it.
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg onload=\"window.__pwned='svg'\">",
    "\"><script>window.__pwned='attr'</script>",
    "'><img src=x onerror=window.__pwned='quote'>",
    "</title><script>window.__pwned='title'</script>",
    "&lt;b&gt;entity&lt;/b&gt; &amp; <b onmouseover=\"window.__pwned='b'\">b</b>",
]
HOSTILE = "".join(PAYLOADS)

# Markdown bodies with every XSS form. Check refuses them; the "check missed it" build
# publishes them anyway to prove the output sanitiser.
DANGEROUS_BODY = """\
<script>window.__pwned='body-script'</script>
<img src=x onerror="window.__pwned='body-img'">
<svg onload="window.__pwned='body-svg'"><circle r="1"></circle></svg>
[a](javascript:window.__pwned=11) [b](JaVaScRiPt:window.__pwned=12) [c](javascript&#58;window.__pwned=13) [d](java&#x09;script:window.__pwned=14)
[e](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [f](//evil.example/x) [g](\\\\\\\\evil.example/x) [h](/\\\\evil.example/x)
<a href="vbscript:msgbox(1)">vb</a> ![外站][ref]

## 小节 {: onclick="window.__pwned='attr-list-heading'" }

段落
{: onmouseover="window.__pwned='attr-list-paragraph'" }

<iframe src="/x" srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>
<object data="/x.swf"></object><embed src="/x.swf">
<form action="https://evil.example/"><input name="q"><button formaction="javascript:window.__pwned='form'">go</button></form>
<p style="background:url(/x.png)">s</p><div style="width:expression(window.__pwned='css')">e</div>
<style>@import url(/x.css);</style>
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="/x.css">
[ref]: https://evil.example/x.png

<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">
"""

# What check says about DANGEROUS_BODY, line by line (the body starts on line 6 of the file).
EXPECTED_CODES = [
    (6, "unsafe-html"), (7, "unsafe-html"), (8, "unsafe-html"),  # <script>, onerror=, <svg>
    *[(9, "unsafe-url")] * 4,  # javascript: plain, mixed case, entity-encoded, with a tab
    *[(10, "unsafe-url")] * 4,  # data:, //host, \\\\host, /\\host
    (11, "unsafe-url"),  # vbscript:
    (13, "unsafe-html"), (16, "unsafe-html"),  # attr_list onclick= on a heading, onmouseover= on a paragraph
    (18, "unsafe-html"), (19, "unsafe-html"), (19, "unsafe-html"),  # <iframe>, <object>, <embed>
    (20, "unsafe-html"), (20, "unsafe-html"), (20, "unsafe-html"),  # <form>, <input>, <button>
    (21, "unsafe-html"), (21, "unsafe-html"),  # style=url(), style=expression()
    (22, "unsafe-html"), (23, "local-resource"),  # <style>, <base> (redirects URLs: the text scan's code)
    (24, "unsafe-html"), (25, "unsafe-html"),  # <meta>, <link>
    (26, "external-resource"),  # the reference image's URL
    (28, "unsafe-html"), (28, "unsafe-html"),  # <math>, <style> (mXSS)
]

# Harmless HTML check allows (or warns about) and the build publishes, cleaned.
HARMLESS_BODY = """\
我们承诺<sup>1</sup>，一次告知。<br>
<font color="red">红字</font> <span style="color:red">红</span>
`<script>window.__pwned='code'</script>`

    <img src=x onerror="window.__pwned='indented-code'">

!!! note "<img src=x onerror=window.__pwned='admonition'>"
    提示

## 小节 &lt;svg onload=window.__pwned='heading'&gt;

| 项目 | 金额 |
| --- | ---: |
| 办公 | 12.50 |
"""

CELLS = ["=HYPERLINK(\"https://evil.example/\",\"点我\")", "@SUM(A1:A9)", "+cmd|' /C calc'!A0",
         "-2+3", "\t=1+1", "-12.50", "+3", "1,234.50", "-"]


def hostile_files(body: str = HARMLESS_BODY) -> dict[str, str]:
    """The base project with hostile text in every YAML string that reaches the site."""
    q = json.dumps  # YAML double-quoted strings are JSON strings
    review = "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-17}"
    lines = {
        "content/site.yml": [
            f"title: {q('县' + HOSTILE)}", "url: https://gk.county.test/", "supervision_phone: 0371-12345678"],
        "content/offices/test-town/office.yml": [
            f"name: {q('镇' + HOSTILE)}", "kind: town", f"address: {q('地址' + PAYLOADS[1])}",
            "phone: 0371-12345670", "supervision_phone: 0371-12345679", f"hours: {q(PAYLOADS[3])}"],
        "content/offices/test-town/fixed/pledge.md": [
            "---", "type: pledge", f"title: {q('承诺' + HOSTILE)}", REVIEW, "---", body],
        "content/offices/test-town/quarters/2026-Q4/low-income.yml": [
            "type: subsidy-list", f"title: {q('名单' + PAYLOADS[0])}", f"program: {q('低保' + PAYLOADS[2])}",
            "objection_phone: 0371-12345679", "published: 2026-11-18", "expires: 2026-11-25", "recipients:",
            f"  - {{name: 张三, group: {q(PAYLOADS[0])}, persons: 2, amount: 600}}",
            f"  - {{name: {q(PAYLOADS[1])}, group: {q(PAYLOADS[4])}, persons: 1, amount: 300}}", review],
        "content/offices/test-town/quarters/2026-Q4/cells.yml": [
            "type: table", f"title: {q('表格' + PAYLOADS[5])}", "published: 2026-11-18",
            f"columns: {q(['=列', '说明'])}", "rows:", *(f"  - {q([c, '说明'])}" for c in CELLS), review],
    }
    return {path: "\n".join(text) + "\n" for path, text in lines.items()}


def build(root: Path, out: Path) -> int:
    return main(["build", str(root), "--out", str(out), "--no-boards", "--date", DATE])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """Hostile titles, names and cells; a body with harmless HTML (check passes with warnings)."""
    root = write_project(tmp_path_factory.mktemp("hostile") / "p", hostile_files())
    out = root.parent / "site"
    assert build(root, out) == 0
    return out


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory):
    """DANGEROUS_BODY published as if check had missed it: only the output sanitiser stands."""
    root = write_project(tmp_path_factory.mktemp("unchecked") / "p", hostile_files(DANGEROUS_BODY))
    out = root.parent / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(loader, "scan_body", lambda *args: None)
        mp.setattr(textscan, "_LOCAL", re.compile(r"(?!)"))  # <base> is also a local-resource error
        assert build(root, out) == 0
    return out


# --- what a page may contain ----------------------------------------------

class Page(HTMLParser):
    """Scripts, attributes, URLs and the CSP of one HTML page (or fragment)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.csp, self.csp_at = "", -1
        self.title = ""
        self._in: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = [(k, v or "") for k, v in attrs]
        self.attributes.extend((tag, k, v) for k, v in attrs)
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "content-security-policy":
            self.csp, self.csp_at = dict(attrs).get("content", ""), len(self.tags) - 1
        if tag in ("script", "title"):
            self._in, self._text, self._attrs = tag, "", dict(attrs)

    def handle_data(self, data):
        if self._in:
            self._text += data

    def handle_endtag(self, tag):
        if tag == self._in == "script":
            self.scripts.append((self._attrs, self._text))
        elif tag == self._in == "title":
            self.title = self._text
        if tag == self._in:
            self._in = None


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def assert_no_active_content(page: Page, where: str, *, own_scripts: bool = False) -> None:
    """No script but the site's own, no event handler, no dangerous or foreign URL."""
    for attrs, text in page.scripts:
        assert own_scripts, f"{where}: a script element in a fragment"
        if "src" in attrs:
            assert not url_problem(attrs["src"]) and "://" not in attrs["src"], (where, attrs)
        elif attrs.get("type") == "application/json":
            json.loads(text)  # Material's config: data, never run
        else:
            assert sha256(text) in page.csp, f"{where}: inline script not in the CSP: {text[:80]}"
            assert "__pwned" not in text, where
    for tag, name, value in page.attributes:
        assert not name.startswith("on"), (where, tag, name, value)
        assert name not in ("srcdoc", "formaction", "style") or (name == "style" and tag in ("td", "th")
                                                                   and value.startswith("text-align")), \
            (where, tag, name, value)
        if name in ("href", "src", "action", "data", "poster", "xlink:href"):
            assert url_problem(value, image=(name != "href")) in (None, "external") or \
                (tag in ("link", "a") and value.startswith("https://gk.county.test/")), (where, tag, name, value)
            if name != "href":
                assert "://" not in value or value.startswith("http://www.w3.org/"), (where, tag, name, value)
        assert (tag, name) != ("form", "action"), (where, value)
    if own_scripts:  # a whole page: Material's search form and buttons; its content is checked alone
        assert not {"iframe", "object", "embed", "base", "style", "frame", "applet"} & set(page.tags), where
        return
    forbidden = {"iframe", "object", "embed", "base", "style", "math", "frame", "applet", "button", "textarea",
                 "form", "link", "meta"}  # (svg: the site's own charts; attributes checked above)
    assert not forbidden & set(page.tags), (where, forbidden & set(page.tags))


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("site_name", ["hostile_site", "unchecked_site"])
def test_every_page_has_only_its_own_scripts(site_name, request):
    site = request.getfixturevalue(site_name)
    pages = html_files(site)
    assert len(pages) >= 8 and (site / "404.html") in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = parse(html)
        assert page.csp.startswith("default-src 'self'"), path
        assert "'unsafe-inline'" not in page.csp and "object-src 'none'" in page.csp
        assert page.tags.count("script") == len(page.scripts)
        assert_no_active_content(page, str(path.relative_to(site)), own_scripts=True)
        article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.DOTALL)
        assert_no_active_content(parse(article.group(1)), f"{path.relative_to(site)} content")
        assert 0 <= page.csp_at < page.tags.index("script")  # the CSP comes before any script


def test_titles_and_names_are_text_everywhere_on_the_pages(hostile_site):
    """Escaped exactly once: the hostile text reads as itself, in <title> and in the page."""
    pledge = parse((hostile_site / "test-town/pledge/index.html").read_text(encoding="utf-8"))
    assert pledge.title.strip() == f"承诺{HOSTILE} - 县{HOSTILE}"
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", _text(home))
    assert f"县{HOSTILE}" in text and f"镇{HOSTILE}" in text  # header, sidebar, lists
    for path in html_files(hostile_site):
        html = path.read_text(encoding="utf-8")
        assert "<script>window" not in html, path
        assert "&amp;lt;script" not in html, path  # escaped once, never twice


def _text(html: str) -> str:
    class T(HTMLParser):
        out: list[str] = []

        def handle_data(self, data):
            self.out.append(data)

        def handle_starttag(self, tag, attrs):
            self.out.extend(v for k, v in attrs if k in ("title", "aria-label") and v)

    t = T(convert_charrefs=True)
    t.out = []
    t.feed(html)
    return " ".join(t.out)


def test_harmless_html_is_kept_and_code_stays_text(hostile_site):
    html = (hostile_site / "test-town/pledge/index.html").read_text(encoding="utf-8")
    assert "<sup>1</sup>" in html and "<br>" in html
    assert "&lt;script&gt;window.__pwned='code'&lt;/script&gt;" in html.replace("&#x27;", "'")
    assert '<font' not in html and 'style="color:red"' not in html
    assert 'align="right"' in html  # Markdown table alignment survives the CSP (no style attribute)


@pytest.mark.parametrize("site_name", ["hostile_site", "unchecked_site"])
def test_search_index_renders_no_markup(site_name, request):
    index = json.loads((request.getfixturevalue(site_name) / "search/search_index.json").read_text("utf-8"))
    titles = []
    for doc in index["docs"]:
        for field in ("title", "text"):
            page = parse(doc[field])  # Material shows both as HTML
            assert page.scripts == [] and "img" not in page.tags and "svg" not in page.tags, doc
            assert_no_active_content(page, f"search {doc['location']}")
        titles.append(_text(doc["title"]).replace("\u200b", ""))
    if site_name == "hostile_site":
        assert f"承诺{HOSTILE}" in titles


def test_feed_and_sitemap_are_well_formed_and_escaped(hostile_site):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(hostile_site / "feed.xml").getroot()
    assert f"县{HOSTILE}" in feed.find(f"{atom}title").text
    titles = [e.find(f"{atom}title").text for e in feed.iter(f"{atom}entry")]
    assert f"承诺{HOSTILE}" in titles
    for entry in feed.iter(f"{atom}entry"):
        assert entry.find(f"{atom}link").get("href").startswith("https://gk.county.test/")
    sitemap = ET.parse(hostile_site / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith("https://gk.county.test/") for loc in locs)


def test_catalogue_json_holds_the_text_as_data(hostile_site):
    rows = json.loads((hostile_site / "catalogue/catalogue.json").read_text(encoding="utf-8"))
    assert {r["owner"] for r in rows} == {f"镇{HOSTILE}"}
    assert f"承诺{HOSTILE}" in {r["item"] for r in rows}
    assert all(r["url"].startswith("https://gk.county.test/") for r in rows)


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def assert_spreadsheet_safe(rows: list[list[str]], where: str) -> None:
    number = re.compile(r"[+-]?\d[\d,]*(\.\d+)?%?")
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "|", "\t", "\r"):
                assert number.fullmatch(cell) or cell == "-", (where, cell)


def test_csv_downloads_open_safely_in_excel(hostile_site):
    files = sorted(hostile_site.rglob("*.csv"))
    assert len(files) >= 3
    for path in files:
        assert_spreadsheet_safe(read_csv(path), str(path))
    cells = read_csv(next(p for p in files if p.name.endswith("-rows.csv") or "cells" in p.name))
    assert cells[0][0] == "'=列"
    column = [row[0] for row in cells[1:]]
    formulas = {"=HYPERLINK", "@SUM", "+cmd", "-2+3", "=1+1"}  # the tab before =1+1 is trimmed on loading
    assert column == ["'" + c.strip() if c.strip().startswith(tuple(formulas)) else c for c in CELLS]
    catalogue = read_csv(hostile_site / "catalogue/catalogue.csv")
    assert any(cell == f"承诺{HOSTILE}" for row in catalogue for cell in row)  # text, not a formula: starts with 承


def test_csv_numbers_stay_numbers():
    from decimal import Decimal

    text = csv_bytes(["金额", "说明"], [[Decimal("-12.50"), "-12.50"], [Decimal("1234.50"), "=1+1"],
                                     [3, "@x"]]).decode("utf-8-sig")
    assert text.splitlines() == ["金额,说明", "-12.50,-12.50", "1234.50,'=1+1", "3,'@x"]


# --- check refuses what is dangerous ----------------------------------------

def test_check_refuses_every_xss_form_at_its_line(tmp_path):
    files = hostile_files()
    files["content/offices/test-town/fixed/pledge.md"] = (
        "---\ntype: pledge\ntitle: 服务承诺\n" + REVIEW + "\n---\n" + DANGEROUS_BODY)
    root = write_project(tmp_path, files)
    found = [(d.line, d.code) for d in diagnostics(root)
             if d.path == "content/offices/test-town/fixed/pledge.md"]
    assert found == EXPECTED_CODES
    assert main(["check", str(root), "--date", DATE]) == 1


def test_check_warns_about_harmless_html_it_removes(tmp_path):
    root = write_project(tmp_path, hostile_files())
    found = [(d.line, d.code, d.severity) for d in diagnostics(root)]
    assert found == [(7, "html-removed", "warning"), (7, "html-removed", "warning")]  # <font>, style=


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://x/\"><script>alert(1)</script>", "gk.county.test",
                                 "ftp://gk.county.test/"])
def test_check_refuses_a_site_url_that_is_not_http(tmp_path, url):
    files = hostile_files()
    files["content/site.yml"] = f"title: 县\nurl: {json.dumps(url)}\nsupervision_phone: 0371-12345678\n"
    root = write_project(tmp_path, files)
    assert ("content/site.yml", 2, "bad-url") in [(d.path, d.line, d.code) for d in diagnostics(root)]


# --- the output sanitiser, directly ----------------------------------------

HOSTILE_HTML = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>", "<IMG SRC=\"jav&#x09;ascript:alert(1)\">", "<img src=\"https://evil.example/x.png\">",
    "<img src=\"//evil.example/x.png\">", "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
    "<svg onload=alert(1)>", "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"javascript&#58;alert(1)\">x</a>", "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>", "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<a href=\"//evil.example/\">x</a>",
    "<a href=\"\\\\evil.example/\">x</a>", "<a href=\"/\\evil.example/\">x</a>", "<a href=\"\\/evil.example/\">x</a>",
    "<iframe src=\"/x\"></iframe>", "<object data=\"/x\"></object>", "<embed src=\"/x\">",
    "<form action=\"https://evil.example/\"><input><button formaction=\"javascript:alert(1)\">x</button></form>",
    "<p style=\"background:url(https://evil.example/x.png)\">x</p>", "<div style=\"width:expression(alert(1))\">x</div>",
    "<style>@import url(https://evil.example/x.css)</style>", "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<base href=\"https://evil.example/\">", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<div id=\"__config\">{}</div>", "<details open ontoggle=alert(1)>x</details>",
    "<td style=\"text-align: right; background: url(x)\">x</td>", "<!--<img src=x onerror=alert(1)>-->",
]


@pytest.mark.parametrize("html", HOSTILE_HTML)
@pytest.mark.parametrize("clean", [clean_body, clean_page, markdown_html])
def test_sanitiser_neutralises_hostile_html(clean, html):
    out = clean(html)
    page = parse(out)
    assert_no_active_content(page, html)
    assert "evil.example" not in out.replace("evil.example/\">x", "") or "<a>" in out
    assert "__config" not in out and "alert(1)" not in re.sub(r">[^<]*<", "><", out)


def test_sanitiser_keeps_what_a_clerk_may_write():
    html = ('<p>a<sup>1</sup><sub>2</sub><br><strong>b</strong> <a href="../x/">内</a> '
            '<a href="https://www.example.gov.cn/">外</a> <a href="tel:0371-1">电话</a> '
            '<img src="images/a.png" alt="图"></p><table><tr><th align="right">金额</th></tr></table>')
    assert clean_body(html) == html.replace("<table><tr>", "<table><tbody><tr>").replace(
        "</tr></table>", "</tr></tbody></table>")


# --- in a real browser -------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"  # Debian's, as in test_browser.py
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    e => window.__violations.push(e.effectiveDirective + " " + e.blockedURI));
"""
INJECTED = ("<script>window.__pwned='inline'</script>"
            "<img src=\"x.png\" onerror=\"window.__pwned='handler'\">"
            "<a id=\"gk-js\" href=\"javascript:window.__pwned='url'\">x</a>"
            "<div style=\"background:url(https://evil.example/x.png)\">style</div>")


@pytest.fixture(scope="module")
def browser():
    import shutil

    api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed")
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def served(unchecked_site):
    """The unchecked site, plus a copy of the pledge page with raw markup injected after the
    build (as if escaping and sanitising had both failed): only the CSP stands there."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    page = unchecked_site / "test-town/pledge/index.html"
    injected = unchecked_site / "test-town/pledge/injected.html"
    injected.write_text(page.read_text(encoding="utf-8").replace("</article>", INJECTED + "</article>"),
                        encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(unchecked_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def visit(browser, served):
    """Open a path; returns (page, record) where record holds dialogs, outside requests, CSP reports."""
    from urllib.parse import urlsplit

    pages = []

    def open_(path: str, width: int = 1280):
        record = {"dialogs": [], "outside": [], "console": []}
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.add_init_script(WATCH)
        page.on("dialog", lambda d: (record["dialogs"].append(d.message), d.dismiss()))
        page.on("console", lambda m: record["console"].append(m.text))

        def route(r):
            if urlsplit(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                record["outside"].append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(served + path)
        page.wait_for_load_state("load")
        pages.append(page)
        return page, record

    yield open_
    for page in pages:
        page.close()


PAGES = ["", "test-town/", "test-town/pledge/", "test-town/2026-Q4/low-income/", "test-town/2026-Q4/cells/",
         "catalogue/", "quarters/", "404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_and_the_theme_works_under_the_csp(visit, path):
    page, record = visit(path)
    for link in page.locator("article a").all():  # payload links lost their href; clicking does nothing
        if not link.get_attribute("href"):
            link.click()
    page.mouse.move(300, 300)
    assert page.evaluate("window.__pwned") is None
    assert record["dialogs"] == [] and record["outside"] == []
    assert page.evaluate("window.__violations") == []  # the theme's own scripts and styles are allowed
    assert not [m for m in record["console"] if "Content Security Policy" in m]
    assert page.evaluate("typeof __md_scope") == "object"  # Material's inline script ran (its hash matches)


def test_phone_drawer_icons_load_under_the_csp(visit):
    """Material's icons are data: SVG in its CSS: img-src allows data: for them, nothing more."""
    page, record = visit("test-town/pledge/", width=360)
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__violations") == [] and record["outside"] == []


def test_search_works_under_the_csp(visit):
    page, record = visit("")
    page.click("input.md-search__input")
    from playwright.sync_api import expect  # a locator wait: the CSP forbids eval'd predicates

    expect(page.locator(".md-search-result__meta")).to_have_text("键入以开始搜索", timeout=30000)
    page.fill("input.md-search__input", "承诺")
    page.press("input.md-search__input", "End")
    page.locator('.md-search-result__item a[href*="test-town/pledge/"]').first.wait_for(timeout=15000)
    assert page.evaluate("window.__pwned") is None and page.evaluate("window.__violations") == []
    assert record["outside"] == [] and record["dialogs"] == []


def test_csp_stops_markup_injected_past_escaping_and_sanitising(visit):
    page, record = visit("test-town/pledge/injected.html")
    page.click("#gk-js")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert record["dialogs"] == [] and record["outside"] == []
    blocked = page.evaluate("window.__violations")
    assert len(blocked) == 4  # the <script>, onerror=, the javascript: URL, style=
    assert "script-src-elem inline" in blocked and "script-src-attr inline" in blocked
    assert "style-src-attr inline" in blocked
    assert page.evaluate("typeof __md_scope") == "object"
