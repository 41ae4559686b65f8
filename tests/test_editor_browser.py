"""``gongkai edit`` in a real browser: Decap CMS driven by Playwright over a copy of the demo.

A notice is created through the form and passes ``gongkai check``; a changed
income amount shows the total mismatch beside the form; a new recipient row
shows in the page preview. No request leaves 127.0.0.1.
"""

from __future__ import annotations

import re
import shutil
import threading
from urllib.parse import urlsplit

import pytest

from generator.cli import main
from generator.editor.server import cms_installed, make_server

from test_browser import CHROMIUM, DATE, REPO, browser  # noqa: F401  (the browser fixture)
from test_editor import project  # noqa: F401  (a copy of the demo)

playwright_api = pytest.importorskip("playwright.sync_api")
if not shutil.which(CHROMIUM):
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
if not cms_installed():
    pytest.skip("the editor interface is not installed (scripts/bootstrap.sh)", allow_module_level=True)

TIMEOUT = 20000


@pytest.fixture
def editor(project):
    server = make_server(project, DATE)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def open_editor(browser, editor):
    """A logged-in editor page at a CMS route; requests leaving 127.0.0.1 are blocked and recorded."""
    outside: list[str] = []
    pages = []

    def block(route):
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    def open_(route: str):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(TIMEOUT)
        page.route("**/*", block)
        page.goto(editor)
        page.get_by_role("button", name="登录").click()
        page.get_by_text("公开栏版面").first.wait_for()
        page.goto(editor + "#/collections/" + route)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()
    assert outside == []


def field(page, name: str):
    return page.locator(f'[id^="{name}-field-"]').first


def choose(page, name: str, option: str) -> None:
    """Pick ``option`` in a select field (react-select: open it, click the option)."""
    field(page, name).click()
    page.get_by_text(option, exact=True).last.click()


def checks(page):
    return page.frame_locator("#preview-pane").locator(".gk-check")


def publish(page) -> None:
    page.get_by_text("发布", exact=True).first.click()
    page.get_by_text("立即发布", exact=True).click()
    page.get_by_text("修改已保存").first.wait_for()


def test_create_a_notice_through_the_form(open_editor, project):
    page = open_editor("notice/new")
    choose(page, "_office", "青山镇人民政府（qingshan-town）")
    choose(page, "_section", "2026-Q4 季度")
    field(page, "_file").fill("road-repair-notice")
    field(page, "title").fill("关于青山镇人民路维修期间交通管制的公告")
    field(page, "category").fill("政务类")
    field(page, "summary").fill("12月1日至15日人民路半幅施工，请绕行")
    field(page, "published").fill("2026-11-20")
    field(page, "expires").fill("2026-12-15")
    field(page, "reviewed_by").fill("王晓燕")
    field(page, "checked_by").fill("李建军")
    field(page, "approved_by").fill("赵国强")
    field(page, "approved_on").fill("2026-11-19")
    body = page.locator('[aria-label="markdown field"] [contenteditable="true"]')
    body.click()
    page.keyboard.type("人民路（镇政府至青山桥段）自12月1日起半幅施工。")
    page.keyboard.press("Enter")
    page.keyboard.type("施工期间请绕行青山大道。")
    checks(page).get_by_text("没有问题").wait_for()
    publish(page)

    written = project / "content/offices/qingshan-town/quarters/2026-Q4/road-repair-notice.md"
    text = written.read_bytes().decode("utf-8")
    assert "\r" not in text and text.startswith("---\ntype: notice\ntitle: 关于青山镇人民路维修期间交通管制的公告\n")
    assert "published: 2026-11-20\n" in text and "  approved_on: 2026-11-19\n" in text
    assert "_office" not in text and "_file" not in text
    assert text.endswith("---\n人民路（镇政府至青山桥段）自12月1日起半幅施工。\n\n施工期间请绕行青山大道。\n")
    assert main(["check", str(project), "--date", DATE.isoformat()]) == 0


def test_changed_income_amount_shows_the_total_mismatch(open_editor, project):
    rel = "content/offices/qingshan-town/quarters/2026-Q4/finance-report.yml"
    before = (project / rel).read_text(encoding="utf-8")
    page = open_editor("finance/entries/qingshan-town/2026-Q4/finance-report")
    checks(page).get_by_text("没有问题").wait_for()
    amount = page.locator('[id^="amount-field-"]').first
    assert amount.input_value() == "203.18"
    amount.fill("930.50")
    problem = checks(page).locator("li.gk-error", has_text="total-mismatch")
    problem.wait_for()
    assert "902.16" in problem.inner_text() and "第 35 行" in problem.inner_text()
    publish(page)
    after = (project / rel).read_text(encoding="utf-8")
    assert after == before.replace("    amount: 203.18\n", "    amount: 930.50\n", 1)


def test_added_recipient_shows_in_the_page_preview(open_editor, project):
    page = open_editor("subsidy-list/entries/liuxi-village/2026-Q4/low-income-list")
    preview = page.frame_locator("#preview-pane").frame_locator('iframe[title="网页预览"]')
    preview.get_by_text("阎翠萍").first.wait_for()
    page.get_by_role("button", name=re.compile("新增享受对象名单")).click()
    row = page.locator('[id^="name-field-"]').last
    row.fill("覃新民")
    page.locator('[id^="group-field-"]').last.fill("二组")
    page.locator('[id^="amount-field-"]').last.fill("760.00")
    preview.locator("#t-recipients").get_by_text("覃新民").wait_for()
    assert "760.00" in preview.locator("#t-recipients tr", has_text="覃新民").inner_text()


def test_editing_one_field_keeps_the_markdown_body_as_written(open_editor, project):
    rel = "content/offices/qingshan-town/quarters/2026-Q4/livelihood-proposals-notice.md"
    before = (project / rel).read_text(encoding="utf-8")
    page = open_editor("notice/entries/qingshan-town/2026-Q4/livelihood-proposals-notice")
    checks(page).get_by_text("没有问题").wait_for()
    field(page, "summary").fill("12月10日前征集2027年民生实事项目建议")
    publish(page)
    after = (project / rel).read_text(encoding="utf-8")
    old = "summary: 12月10日前征集群众对2027年民生实事项目的意见建议\n"
    assert old in before
    assert after == before.replace(old, "summary: 12月10日前征集2027年民生实事项目建议\n")


def test_rows_pasted_from_excel_are_added_to_the_table(open_editor, project):
    rel = "content/offices/liuxi-village/quarters/2026-Q4/low-income-list.yml"
    page = open_editor("subsidy-list/entries/liuxi-village/2026-Q4/low-income-list")
    preview = page.frame_locator("#preview-pane").frame_locator('iframe[title="网页预览"]')
    preview.get_by_text("阎翠萍").first.wait_for()
    sheet = "户主姓名\t村民小组\t保障人数\t金额\r\n覃新民\t二组\t2\t760.00\r\n韦小芳\t四组\t1\t380.00\r\n"
    page.get_by_label("从 Excel 粘贴表格行：享受对象名单").evaluate(
        """(box, text) => { const data = new DataTransfer(); data.setData("text/plain", text);
             box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})); }""",
        sheet)
    page.get_by_text("已添加 2 行").wait_for()
    preview.locator("#t-recipients").get_by_text("韦小芳").wait_for()
    checks(page).locator("li.gk-error", has_text="total-mismatch").wait_for()  # 9,500 no longer adds up
    field(page, "total_amount").fill("10,640元")
    checks(page).get_by_text("没有问题").wait_for()
    publish(page)
    text = (project / rel).read_text(encoding="utf-8")
    assert "  - {name: 覃新民, group: 二组, persons: 2, amount: 760.00}\n" \
           "  - {name: 韦小芳, group: 四组, persons: 1, amount: 380.00}\ntotal_amount: 10,640元\n" in text
