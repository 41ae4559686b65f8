"""The public website as a villager and a designer meet it, in Debian's chromium (Playwright).

At 360 px (a phone) and 1366 px (a desktop): Chinese throughout, a government look
(palette, contrast, headings, footer, no Material logo), nothing off screen,
tap-to-call numbers, dates and amounts on one line, the catalogue's filters,
subsidy totals recomputed exactly, expired lists that say whom to call, search
that finds, axe-core (vendored in tests/vendor/axe-core, tests only) without a
serious or critical violation, the 大字 switch and a clean A4 print.
"""

from __future__ import annotations

import re
import subprocess
import threading
from decimal import Decimal
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import urls
from generator.cli import main
from generator.money import format_amount
from generator.site.catalogue import KEYS
from generator.site.order import group_key

REPO = Path(__file__).resolve().parents[1]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_PATH = "_tests/axe.min.js"  # served to the pages by the tests: the site's CSP allows same-origin scripts only
PHONE, DESKTOP = 360, 1366

playwright_api = pytest.importorskip("playwright.sync_api")
from test_browser import DATE, QuietHandler, browser, demo  # noqa: E402,F401  (Chromium, or the module is skipped)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("public") / "site"
    assert main(["build", str(REPO), "--out", str(out), "--no-boards", "--date", DATE.isoformat()]) == 0
    return out


@pytest.fixture(scope="module")
def server(site):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def open_page(browser, server):
    """Open a path at a width (one tab per width, reused); requests leaving 127.0.0.1 are blocked."""
    outside: list[str] = []
    contexts, tabs = [], {}

    def block(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url == server + AXE_PATH:
            route.fulfill(path=str(AXE), content_type="text/javascript")
        elif route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def open_(path: str, width: int = DESKTOP):
        if width not in tabs:
            context = browser.new_context(viewport={"width": width, "height": 800})
            contexts.append(context)
            tabs[width] = context.new_page()
            tabs[width].route("**/*", block)
        page = tabs[width]
        page.emulate_media(media="screen")
        page.goto(server + path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert outside == []


def first(demo, kind: str, expired: bool = False):
    return next(i for i in demo.items()
                if i.type == kind and i.is_public(DATE) and i.is_expired(DATE) == expired)


def page_types(demo) -> dict[str, str]:
    """One page of every kind the site has."""
    office = next(iter(demo.offices.values()))
    quarter = office.latest_quarter
    pages = {"home": "", "office": urls.office_path(office.id), "catalogue": "catalogue/",
             "quarters": "quarters/", "site quarter": urls.site_quarter_path(quarter),
             "office quarter": urls.quarter_path(office.id, quarter), "not found": "404.html",
             "expired list": urls.item_path(first(demo, "subsidy-list", expired=True))}
    for kind in ("procedure", "finance", "subsidy-list", "duties", "fees", "projects", "table",
                 "notice", "rules", "pledge"):
        item = next((i for i in demo.items() if i.type == kind and i.is_public(DATE)
                     and not i.is_expired(DATE)), None)
        if item is not None:
            pages[kind] = urls.item_path(item)
    return pages


# --- one language -------------------------------------------------------------------

# Identifiers marked .gk-code (a board's check code such as LENO-TSX3) are left out, as URLs are.
INTERFACE_TEXT = """() => {
  const codes = [...document.querySelectorAll(".gk-code")].map(e => e.textContent.trim()).filter(c => c);
  const out = [document.title, document.body.innerText];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!n.parentElement.closest("script, style, svg")) out.push(n.textContent);
  }
  for (const e of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
    for (const a of ["title", "aria-label", "placeholder", "alt"]) out.push(e.getAttribute(a) || "");
  }
  return codes.reduce((text, code) => text.split(code).join(" "), out.join("\\n"));
}"""
# Latin script that is content, not interface: addresses, file names, record numbers, units.
ALLOWED_LATIN = re.compile(r"https?://\S+|\b[\w.-]+\.(?:csv|json|pdf|xml|png)\b|ICP|\b(?:mm|kg|km|m²|m)\b")


def test_the_zh_site_prints_no_latin_interface_words(open_page, demo):
    for name, path in page_types(demo).items():
        text = open_page(path).evaluate(INTERFACE_TEXT)
        words = re.findall(r"[A-Za-z]{2,}", ALLOWED_LATIN.sub(" ", text))
        assert words == [], (name, sorted(set(words)))


def test_quarters_are_named_in_chinese_in_titles_breadcrumbs_and_navigation(open_page, demo):
    office = next(o for o in demo.offices.values() if o.quarters)
    item = next(i for i in office.quarters[office.latest_quarter] if i.is_public(DATE))
    page = open_page(urls.item_path(item))
    assert "2026年第四季度" in page.locator(".gk-crumbs").inner_text()
    assert "2026年第四季度" in page.locator(".md-nav").first.inner_text()
    assert "2026-Q4" not in page.evaluate("document.body.innerText")
    assert page.locator(".gk-crumbs a").last.inner_text() == "2026年第四季度"
    assert page.locator(".gk-crumbs a").last.get_attribute("href") == "../"  # the URL keeps 2026-Q4
    quarter_page = open_page(urls.quarter_path(office.id, office.latest_quarter))
    assert "2026年第四季度" in quarter_page.title()


def test_the_404_page_speaks_chinese(open_page):
    page = open_page("404.html")
    assert page.locator("h1").inner_text() == "页面不存在"
    assert page.locator(".md-content a", has_text="返回首页").count() == 1


# --- revision history ---------------------------------------------------------------------

def test_revision_history_shows_clerks_words_never_commit_messages(open_page, demo):
    subjects = subprocess.run(["git", "-C", str(REPO), "log", "--format=%s", "--", "content"],
                              capture_output=True, text=True, check=True).stdout.splitlines()
    item = next(i for i in demo.items() if i.changes and i.is_public(DATE))
    page = open_page(urls.item_path(item))
    text = page.evaluate("document.body.innerText")
    assert "修订记录" in text
    for change in item.changes:
        assert change.date.isoformat() in text and change.text in text
    assert not [s for s in subjects if len(s) > 8 and s in text]


# --- a government look ------------------------------------------------------------------------

CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => { const v = rgb(c).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  let bg = el, back = "rgba(0, 0, 0, 0)";
  while (bg && (back = getComputedStyle(bg).backgroundColor) === "rgba(0, 0, 0, 0)") bg = bg.parentElement;
  if (!bg) back = "rgb(255, 255, 255)";
  const [a, b] = [lum(getComputedStyle(el).color), lum(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_government_palette_contrast_headings_footer_and_no_material_logo(open_page, demo, width):
    page = open_page(urls.item_path(first(demo, "procedure")), width)
    assert page.locator("body").get_attribute("data-md-color-primary") == "gk-red"
    for selector in (".md-content a", ".md-typeset p", ".gk-facts dt", ".md-header__topic", ".md-footer-meta a"):
        for el in page.locator(selector).all()[:10]:
            if el.is_visible():
                assert el.evaluate(CONTRAST) >= 4.5, selector
    h1 = page.locator(".md-content h1")
    assert int(h1.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert "Noto Sans CJK SC" in h1.evaluate("e => getComputedStyle(e).fontFamily")
    assert page.locator(".md-header .md-logo svg").count() == 0  # no Material logo
    assert page.locator('link[rel="icon"]').get_attribute("href").endswith("assets/images/favicon.svg")
    footer = page.locator(".gk-footer").inner_text()
    site = demo.site.footer
    for word, key in (("主办单位", "sponsor"), ("地址", "address"), ("联系电话", "phone"),
                      ("网站标识码", "site_code"), ("ICP备案号", "icp"), ("公安备案号", "police_record")):
        assert f"{word}：{site[key]}" in footer.replace("\n", "")


# --- phone first -------------------------------------------------------------------------

OFF_SCREEN = """(width) => [...document.querySelectorAll(".md-content td, .md-content th, .md-content figure, .md-content dd")]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden")
  .filter(e => { const r = e.getBoundingClientRect(); return r.right > width + 0.5 || r.left < -0.5; })
  .map(e => e.tagName + ":" + e.textContent.slice(0, 20))"""


def test_at_360px_no_figure_is_off_screen(open_page, demo):
    for name, path in page_types(demo).items():
        page = open_page(path, PHONE)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, name
        assert page.evaluate(OFF_SCREEN, PHONE) == [], name
        scrolling = page.evaluate("""() => [...document.querySelectorAll('.gk-table')]
            .filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.textContent.slice(0, 20))""")
        assert scrolling == [], name  # no table box hides a sliver behind a scrollbar


def test_wide_tables_become_labelled_cards_on_phones_and_stay_tables_on_desktops(open_page, demo):
    path = urls.item_path(first(demo, "duties"))
    phone = open_page(path, PHONE)
    cell = phone.locator(".gk-cards tbody td").first
    label = cell.get_attribute("data-label")
    assert label and label in cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert phone.locator(".gk-cards thead").evaluate("e => e.getBoundingClientRect().height") <= 1
    desktop = open_page(path, DESKTOP)
    assert desktop.locator(".gk-cards tbody td").first.evaluate("e => getComputedStyle(e).display") == "table-cell"
    subsidy = open_page(urls.item_path(first(demo, "subsidy-list")), PHONE)
    number = subsidy.locator("#t-recipients td.gk-seq").first
    assert number.evaluate("e => e.getBoundingClientRect().width") < 48  # 序号 takes little room


PHONE_TEXT_OUTSIDE_LINKS = r"""() => {
  const phone = /(?<![\d-])(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9})(?![\d-])/;
  const bad = [];
  const walk = document.createTreeWalker(document.querySelector(".md-container"), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (el.closest("script, style, svg, .gk-print-url, .md-search") || !phone.test(n.textContent)) continue;
    if (!el.closest('a[href^="tel:"]')) bad.push(n.textContent.trim().slice(0, 40));
  }
  return bad;
}"""


def test_every_phone_number_is_a_tel_link(open_page, demo):
    pages = page_types(demo)
    notices = [urls.item_path(i) for i in demo.items() if i.type == "notice" and i.is_public(DATE)
               and not i.is_expired(DATE)]
    for name, path in [*pages.items(), *(("notice", n) for n in notices)]:
        page = open_page(path, PHONE)
        assert page.evaluate(PHONE_TEXT_OUTSIDE_LINKS) == [], name
        for link in page.locator('a[href^="tel:"]').all():
            assert re.fullmatch(r"tel:\d+", link.get_attribute("href"))


WRAPPED = """() => {
  const cells = [...document.querySelectorAll(".md-content td.gk-num, .md-content .gk-nowrap")]
    .filter(e => e.getClientRects().length);
  const wrapped = cells.filter(e => {
    const r = document.createRange(); r.selectNodeContents(e);
    const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
    return getComputedStyle(e).whiteSpace !== "nowrap" || tops.size > 1;
  });
  return [cells.length, wrapped.map(e => e.textContent)];
}"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_dates_and_amounts_never_wrap(open_page, demo, width):
    for kind in ("subsidy-list", "finance", "catalogue", "procedure"):
        path = "catalogue/" if kind == "catalogue" else urls.item_path(first(demo, kind))
        count, wrapped = open_page(path, width).evaluate(WRAPPED)
        assert count > 0 and wrapped == [], kind


def test_the_catalogue_uses_the_full_width_and_filters_by_office_category_and_way(open_page, demo):
    page = open_page("catalogue/", DESKTOP)
    assert page.locator("#t-catalogue").evaluate("e => e.getBoundingClientRect().width") > 0.85 * DESKTOP
    assert page.locator(".md-sidebar--primary").evaluate("e => e.getBoundingClientRect().width") == 0 or \
        not page.locator(".md-sidebar--primary").is_visible()
    rows = page.locator("#t-catalogue tbody tr")
    visible = page.locator("#t-catalogue tbody tr:not([hidden])")
    total = rows.count()
    office = next(iter(demo.offices.values()))
    owner, way = (f'.gk-filter select[data-gk-col="{KEYS.index(key)}"]' for key in ("owner", "way"))
    page.select_option(owner, office.name)
    assert 0 < visible.count() < total
    assert all(r.locator("td").nth(KEYS.index("owner")).inner_text() == office.name for r in visible.all())
    page.select_option(owner, "")
    page.select_option('.gk-filter select[data-gk-field="category"]', "财务类")
    assert 0 < visible.count() < total
    assert {r.get_attribute("data-gk-category") for r in visible.all()} == {"财务类"}
    page.select_option('.gk-filter select[data-gk-field="category"]', "")
    page.select_option(way, "主动")
    assert 0 < visible.count() < total  # the demo answers one request (依申请)
    assert {r.locator("td").nth(KEYS.index("way")).inner_text() for r in visible.all()} == {"主动"}


# --- lists read right ----------------------------------------------------------------------

def test_the_subsidy_filter_recomputes_totals_exactly_in_natural_group_order(open_page, demo):
    item = first(demo, "subsidy-list")
    people = item.fields["recipients"]
    page = open_page(urls.item_path(item), PHONE)
    options = page.locator(".gk-filter select option").all_inner_texts()[1:]
    assert options == sorted({p["group"] for p in people}, key=group_key)
    foot = page.locator("#t-recipients tfoot td")
    total = item.fields.get("total_amount") or sum((p["amount"] for p in people), Decimal(0))
    assert foot.nth(4).inner_text() == format_amount(total)
    for group in options[:3] + options[-2:]:
        page.select_option(".gk-filter select", group)
        chosen = [p for p in people if p["group"] == group]
        assert foot.nth(1).inner_text() == str(len(chosen))
        assert foot.nth(3).inner_text() == str(sum(p["persons"] for p in chosen))
        assert foot.nth(4).inner_text() == format_amount(sum((p["amount"] for p in chosen), Decimal(0)))
    page.select_option(".gk-filter select", "")
    assert foot.nth(4).inner_text() == format_amount(total)  # the published total, as written


def test_an_expired_list_keeps_its_totals_and_says_whom_to_call(open_page, demo):
    item = first(demo, "subsidy-list", expired=True)
    office = demo.offices[item.office_id]
    people = item.fields["recipients"]
    page = open_page(urls.item_path(item), PHONE)
    facts = page.locator(".gk-facts").inner_text()
    assert re.search(rf"户数\s+{len(people)}", facts) and re.search(rf"人数\s+{sum(p['persons'] for p in people)}", facts)
    assert format_amount(sum((p["amount"] for p in people), Decimal(0))) in facts
    note = page.locator(".gk-expired-note")
    assert "名单已按规定撤下" in note.inner_text() and office.name in note.inner_text()
    assert note.locator('a[href^="tel:"]').inner_text() == office.phone
    text = page.evaluate("document.body.innerText")
    assert not any(p["name"] in text for p in people)


# --- search that finds -------------------------------------------------------------------

def search(page, query: str) -> list[str]:
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material searches on key events
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => a.href)")
    return [urlsplit(h).path.lstrip("/") for h in hrefs]


def test_search_finds_a_title_a_procedure_a_recipient_group_and_a_fee_in_the_top_three(open_page, demo):
    qingshan = demo.offices["qingshan-town"]
    fees = qingshan.find("fixed/agricultural-fees")
    lists = [i for i in demo.items() if i.type == "subsidy-list" and not i.is_expired(DATE) and i.is_public(DATE)]
    group_list = next(i for i in lists if i.office_id == "liuxi-village")
    group = next(p["group"] for p in group_list.fields["recipients"])
    terms = {
        "低保金发放": [urls.item_path(i) for i in demo.items() if i.type == "subsidy-list"],  # not 发展党员
        fees.title: [urls.item_path(fees)],
        "宅基地审批": [urls.item_path(qingshan.find("fixed/homestead-approval"))],
        "临时救助": [urls.item_path(demo.offices["county-civil-affairs"].find("fixed/temporary-assistance"))],
        group: [urls.item_path(group_list)],
        fees.fields["items"][0]["name"].split("（")[0]: [urls.item_path(fees)],
    }
    page = open_page("")
    page.click("input.md-search__input")
    page.wait_for_function(  # the index is loaded and built in a worker; queries before are lost
        "document.querySelector('.md-search-result__meta').textContent.trim() === '键入以开始搜索'",
        timeout=30000)
    for term, wanted in terms.items():
        top = search(page, term)[:3]
        assert any(path in wanted for path in top), (term, top)
        if term == "低保金发放":
            assert all(path in wanted for path in top), top
            teaser = page.locator(".md-search-result__item").first.inner_text()
            assert "缺少" not in teaser  # both words are found in the first result


def test_the_search_index_holds_pages_not_furniture(site, demo):
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert all("#" not in d["location"] for d in docs)  # one entry per page, titled by the page
    text = " ".join(d["text"] for d in docs).replace("\u200b", "")
    for furniture in ("下载表格", "首页 ›", "显示 ", "→ 复核：", "本页内容最近更新于", "按姓名或村组筛选"):
        assert furniture not in text, furniture
    procedure = first(demo, "procedure")
    entry = next(d for d in docs if d["location"] == urls.item_path(procedure))
    step = procedure.fields["steps"][0]
    assert entry["text"].replace("\u200b", "").count(step) == 1  # the text version, not the chart too
    assert entry["title"].replace("\u200b", "") == procedure.title


# --- accessible and 适老化 ---------------------------------------------------------------------

@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_axe_core_finds_no_serious_or_critical_violation(open_page, server, demo, width):
    for name, path in page_types(demo).items():
        page = open_page(path, width)
        page.add_script_tag(url=server + AXE_PATH)  # under the site's own CSP, not bypassing it
        result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                               ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                               ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")
        assert result == [], (name, width, result)


def test_large_text_switch_is_remembered_and_lines_are_spaced(open_page, demo):
    path = urls.item_path(first(demo, "procedure"))
    page = open_page(path, PHONE)
    paragraph = page.locator(".md-typeset p").first
    size = paragraph.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    line = paragraph.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert line >= 1.5 * size
    switch = page.locator("button.gk-large-switch")
    assert switch.inner_text() == "大字" and switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert paragraph.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 1.15 * size
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('gk-large')")
    page.locator("button.gk-large-switch").click()
    page.reload()
    assert not page.evaluate("document.documentElement.classList.contains('gk-large')")


def test_every_page_type_prints_on_a4_without_navigation_with_its_address(open_page, demo, tmp_path):
    for name in ("procedure", "subsidy-list", "catalogue", "finance"):
        page = open_page(page_types(demo)[name], DESKTOP)
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".gk-filter"):
            if page.locator(selector).count():
                assert not page.locator(selector).first.is_visible(), (name, selector)
        address = page.locator(".gk-print-url")
        assert address.is_visible() and page.url in address.inner_text()
        overflow = page.evaluate("""() => [...document.querySelectorAll('.gk-table')]
            .filter(b => b.scrollWidth > b.clientWidth + 1).length""")
        assert overflow == 0, name
        pdf = tmp_path / f"{name}.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        assert pdf.read_bytes().startswith(b"%PDF")
