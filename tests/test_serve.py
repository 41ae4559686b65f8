"""``gongkai serve`` explains itself: while the content has errors every page lists them (as
``gongkai check`` prints them), pages reload by themselves once they are fixed, and the
board proofs are part of the preview."""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from checkfixtures import TODAY, write_project

REPO = Path(__file__).resolve().parents[1]
FINANCE = "content/offices/test-town/quarters/2026-Q4/finance.yml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 60) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)


def wait_for(url: str, accept, seconds: float = 90) -> tuple[int, str, dict]:
    """GET ``url`` until ``accept(status, body)``; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = get(url, timeout=30)
            if accept(last[0], last[1]):
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never served what was expected; last: {last and last[:2]}")


@pytest.fixture
def serve(tmp_path):
    """Start ``gongkai serve`` on a project in a subprocess; yields (root, base url)."""
    processes = []

    def start(root: Path) -> str:
        port = free_port()
        env = dict(os.environ, PYTHONPATH=str(REPO))
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", str(root), "--date", TODAY.isoformat(),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        processes.append(process)
        return f"http://127.0.0.1:{port}/"

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_errors_are_shown_in_the_browser_until_they_are_fixed(tmp_path, serve):
    root = write_project(tmp_path / "p")
    finance = root / FINANCE
    good = finance.read_text(encoding="utf-8")
    finance.write_text(good.replace("title: 2026年第四季度财务收支", "title: [2026年第四季度财务收支"),
                       encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "generator", "check", str(root), "--date", TODAY.isoformat()],
                             env=dict(os.environ, PYTHONPATH=str(REPO)), capture_output=True, text=True)
    where, severity, message = re.match(r"(\S+:\d+:\d+): (error\[[a-z-]+\]): (.*)", checked.stdout).groups()
    assert where.startswith(FINANCE)
    base = serve(root)
    status, body, headers = wait_for(base, lambda status, body: status != 503)
    assert status == 500 and headers["Content-Type"].startswith("text/html")
    assert "内容有错误，网站暂不能预览" in body
    # the problem as check prints it: file:line:col, code and the Chinese message
    assert f'<code class="gk-where">{where}</code> <span class="gk-code">{severity}</span> ' \
           f'<span class="gk-message">{html.escape(message)}</span>' in body
    assert "YAML 语法错误" in message
    # every page is the problems page, and it carries no inline script (CSP script-src 'self')
    status, other, _ = get(base + "test-town/")
    assert status == 500 and where in other
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", body) == []
    assert '<script src="/_gongkai/preview.js"' in body
    status, script, headers = get(base + "_gongkai/preview.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and "location.reload" in script
    generation = int(re.search(r'data-generation="(\d+)"', body).group(1))

    finance.write_text(good, encoding="utf-8")
    # the page's script long-polls this: it answers with a newer generation once rebuilt
    assert int(get(base + f"_gongkai/poll?generation={generation}")[1]) > generation
    status, body, _ = wait_for(base, lambda status, body: status == 200)
    assert "内容有错误" not in body and "测试县政务公开" in body
    assert '<script src="/_gongkai/preview.js"' in body  # the real pages reload by themselves too
    status, page, _ = get(base + "test-town/")
    assert status == 200 and "测试镇人民政府" in page


def test_the_boards_of_the_preview(tmp_path, serve):
    pytest.importorskip("weasyprint")
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm is not installed")
    root = write_project(tmp_path / "p")
    base = serve(root)
    status, index, _ = wait_for(base + "_gongkai/boards/", lambda status, body: status == 200)
    boards = re.findall(r'href="/_gongkai/boards/([a-z0-9-]+)/"', index)
    assert boards, index
    status, page, _ = get(base + f"_gongkai/boards/{boards[0]}/", timeout=300)
    assert status == 200 and "公开栏校样" in page, page
    png = re.search(r'<img class="gk-proof" src="([^"]+)"', page).group(1)
    with urllib.request.urlopen(base.rstrip("/") + png, timeout=60) as response:
        assert response.headers["Content-Type"] == "image/png"
        assert response.read(8) == b"\x89PNG\r\n\x1a\n"
    status, missing, _ = get(base + "_gongkai/boards/no-such-board/")
    assert status == 404 and "没有这个版面" in missing


def test_a_busy_port_or_a_bad_address_is_a_clear_error(tmp_path):
    root = write_project(tmp_path / "p")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    bad = subprocess.run([sys.executable, "-m", "generator", "serve", str(root), "-a", "localhost"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "IP:端口" in bad.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run([sys.executable, "-m", "generator", "serve", str(root), "-a", f"127.0.0.1:{port}"],
                              env=env, capture_output=True, text=True, timeout=60)
    assert busy.returncode == 1 and "无法在" in busy.stderr and "Traceback" not in busy.stderr


def test_the_problems_page_reloads_by_itself_under_a_strict_script_policy(tmp_path, serve):
    """In a real browser, with ``script-src 'self'`` enforced: the problems page turns into
    the site page on its own once the file is fixed."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which("/usr/bin/chromium"):
        pytest.skip("Debian's chromium is not installed")
    root = write_project(tmp_path / "p")
    finance = root / FINANCE
    good = finance.read_text(encoding="utf-8")
    finance.write_text(good.replace("unit: 元", "unit: 元\nunitt: 元"), encoding="utf-8")
    base = serve(root)
    wait_for(base, lambda status, body: status == 500)

    def strict(route):
        response = route.fetch()
        headers = dict(response.headers, **{"content-security-policy": "script-src 'self'"})
        route.fulfill(response=response, headers=headers)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page()
            blocked = []
            page.on("console", lambda message: blocked.append(message.text)
                    if "Content Security Policy" in message.text else None)
            page.route("**/*", strict)
            page.goto(base + "test-town/")
            assert "内容有错误" in page.inner_text("h1")
            assert "unitt" in page.inner_text("main")
            page.wait_for_timeout(500)  # the script is polling now
            finance.write_text(good, encoding="utf-8")
            page.locator("body.gk-preview").wait_for(state="detached", timeout=60_000)
            assert "测试镇人民政府" in page.title() + page.inner_text("body")
            page.locator("a.gk-preview-bar").wait_for(timeout=30_000)  # added on load: the link to the board proofs
            assert page.locator("a.gk-preview-bar").count() == 1
            assert not [m for m in blocked if "preview.js" in m]
            page.unroute_all(behavior="ignoreErrors")
        finally:
            browser.close()


def test_the_board_page_says_when_boards_cannot_be_rendered(tmp_path, monkeypatch):
    """Without WeasyPrint's native libraries (Windows without WSL) the preview still works and
    the board page says why there is no proof."""
    from generator.content import load_project
    from generator.preview import pages
    from generator.preview.server import Preview, State

    root = write_project(tmp_path / "p")
    preview = Preview(root, TODAY, "http://127.0.0.1:8000/")
    try:
        project, _ = load_project(root, TODAY)
        preview.state = State(generation=1, project=project)
        monkeypatch.setitem(sys.modules, "generator.boards", None)  # as if WeasyPrint could not load
        result = preview.board("main")
        assert isinstance(result, str) and "generator.boards" in result
        page = pages.board_page("zh", "main", 1, unavailable=result).decode("utf-8")
        assert "无法生成公开栏校样" in page and "WeasyPrint" in page and "WSL" in page
        assert preview.board("no-such-board") is None
    finally:
        preview.close()
