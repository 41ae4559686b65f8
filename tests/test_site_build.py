"""The built website: `gongkai build` and `mkdocs build` on the demo and the fixture."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator import engine
from generator.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "site-project"
NAMES = ("赵铁柱", "钱秀英", "孙大海")  # the fixture's subsidy list (window 2026-11-18 to 11-25)
NAMESPACE_HOST = "www.w3.org"  # xmlns URIs in inline SVG: names, never requested


def build(root: Path, out: Path, *args: str) -> int:
    return main(["build", str(root), "--out", str(out), "--no-boards", *args])


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixture") / "site"
    assert build(FIXTURE, out, "--date", "2026-11-21") == 0
    return out


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "site"
    assert build(REPO, out, "--date", "2026-11-21") == 0
    return out


class Links(HTMLParser):
    """Every URL an HTML page links to or loads."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def page_links(path: Path) -> list[str]:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.urls


def broken_links(site: Path, own_url: str) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        base = "/" + page.parent.relative_to(site).as_posix() + "/"
        if base == "/./":
            base = "/"
        for url in page_links(page):
            if url.startswith(own_url):
                url = "/" + url[len(own_url):]
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "//")):
                continue
            target = unquote(parts.path)
            if not target:
                continue
            absolute = os.path.normpath(target if target.startswith("/") else base + target)
            file = site / absolute.lstrip("/")
            if (url.split("#")[0].split("?")[0].endswith("/") or file.is_dir()):
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{page.relative_to(site)} -> {url}")
    return broken


def test_fixture_pages_are_built_at_their_urls(fixture_site):
    for path in ("index.html", "hill-town/index.html", "hill-town/dibao-application/index.html",
                 "hill-town/2026-Q4/index.html", "hill-town/2026-Q4/dibao-list/index.html",
                 "quarters/2026-Q3/index.html", "catalogue/index.html", "feed.xml", "sitemap.xml"):
        assert (fixture_site / path).is_file(), path
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in home and "<title>山前县政务公开</title>" in home
    assert not list(fixture_site.rglob("*.yml")) and not list(fixture_site.rglob("office*"))


def test_content_sources_are_never_copied(fixture_site):
    assert not [p for p in fixture_site.rglob("*") if p.suffix in (".yml", ".md")]


def test_no_broken_internal_links(fixture_site, demo_site):
    assert broken_links(fixture_site, "https://gk.shanqian.example.gov.cn/") == []
    assert broken_links(demo_site, "https://gk.qinghe.example.gov.cn/") == []


def test_downloads_csv_with_bom_and_json(demo_site):
    csvs = sorted(demo_site.rglob("*.csv"))
    assert len(csvs) > 10
    for path in csvs:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path
    catalogue = json.loads((demo_site / "catalogue" / "catalogue.json").read_text(encoding="utf-8"))
    assert len(catalogue) > 20 and all(entry["url"].startswith("https://") for entry in catalogue)
    page = (demo_site / "catalogue" / "index.html").read_text(encoding="utf-8")
    assert 'href="catalogue.csv"' in page and 'href="catalogue.json"' in page


def test_sitemap_lists_generated_pages(fixture_site):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://gk.shanqian.example.gov.cn/hill-town/2026-Q4/dibao-list/" in sitemap
    assert "https://gk.shanqian.example.gov.cn/catalogue/" in sitemap


def search_tokens(site: Path) -> tuple[dict, Counter]:
    """The search index and its tokens: titles and text split by the index's own separator,
    as the browser's search splits them."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    tokens: Counter = Counter()
    for doc in index["docs"]:
        for field in (doc["title"], re.sub(r"<[^>]+>", " ", doc["text"])):
            tokens.update(t for t in separator.split(field) if t)
    return index, tokens


def test_search_index_is_chinese_segmented(demo_site):
    index, tokens = search_tokens(demo_site)
    assert index["config"]["lang"] == ["zh"]
    for word in ("宅基地", "审批", "低保", "保障金", "监督", "电话", "申请", "公开"):  # demo words
        assert tokens[word] > 0, word
    text = json.dumps(index, ensure_ascii=False).replace("\u200b", "")
    for phrase in ("清河县政务公开", "农村宅基地审批", "政务公开", "监督电话"):  # in the text, as several words
        assert phrase in text and tokens[phrase] == 0, phrase
    chinese = [t for t in tokens if re.fullmatch(r"[\u4e00-\u9fff]+", t)]
    words = sum(tokens[t] for t in chinese if len(t) >= 2)
    assert words > 0.7 * sum(tokens[t] for t in chinese)  # mostly words, not single characters


def test_expired_list_is_gone_from_pages_search_and_downloads(tmp_path, fixture_site):
    during = "".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in fixture_site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv"))
    assert all(name in during for name in NAMES)
    out = tmp_path / "site"
    assert build(FIXTURE, out, "--date", "2026-12-01") == 0
    after = "".join(p.read_text(encoding="utf-8", errors="replace")
                    for p in out.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml"))
    assert not any(name in after for name in NAMES)
    page = re.sub(r"<[^>]+>", "", (out / "hill-town/2026-Q4/dibao-list/index.html").read_text(encoding="utf-8"))
    assert "公示期已满" in page and "2026-11-18 至 2026-11-25" in page
    assert not (out / "hill-town/2026-Q4/dibao-list/dibao-list-recipients.csv").exists()


def test_drafts_are_not_published(fixture_site):
    for path in fixture_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv"):
            assert "草稿" not in path.read_text(encoding="utf-8", errors="replace"), path


def external_hosts(site: Path, own_url: str) -> list[str]:
    """Hosts named in HTML and CSS, and URLs a script could request, except the site's own."""
    own = urlsplit(own_url).netloc
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".css":  # comments, also XML comments inside data: URIs (licences)
            text = re.sub(r"/\*.*?\*/|(?:<|\\3c )!--.*?--(?:>|\\3e)", "", text, flags=re.S)
        if path.suffix == ".js":  # licence comments and messages name hosts; requests use literals
            urls = re.findall(r"""["'`]((?:https?:)?//[A-Za-z0-9.-]+)""", text)
        else:
            urls = re.findall(r"(?:https?:)?//[A-Za-z0-9-]+\.[A-Za-z0-9.-]+", text)
        for url in urls:
            if urlsplit(url if ":" in url else "http:" + url).netloc in (own, NAMESPACE_HOST):
                continue
            found.append(f"{path.relative_to(site)}: {url}")
    return found


def test_no_external_host_in_html_css_js(fixture_site, demo_site):
    assert external_hosts(fixture_site, "https://gk.shanqian.example.gov.cn/") == []
    assert external_hosts(demo_site, "https://gk.qinghe.example.gov.cn/") == []


def test_same_content_builds_identical_bytes(tmp_path, fixture_site):
    out = tmp_path / "again"
    assert build(FIXTURE, out, "--date", "2026-11-21") == 0
    files = sorted(p.relative_to(fixture_site) for p in fixture_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert [f for f in files if (fixture_site / f).read_bytes() != (out / f).read_bytes()] == []


def test_content_errors_stop_the_build_and_keep_the_old_site(tmp_path, capsys):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    out = tmp_path / "site"
    assert build(root, out, "--date", "2026-11-21") == 0
    finance = root / "content/offices/hill-town/quarters/2026-Q4/finance.yml"
    finance.write_text(finance.read_text(encoding="utf-8").replace("amount: 1100.00", "amount: 11OO"),
                       encoding="utf-8")
    capsys.readouterr()
    assert build(root, out, "--date", "2026-11-21") == 1
    printed = capsys.readouterr().out
    assert re.search(r"content/offices/hill-town/quarters/2026-Q4/finance\.yml:\d+:\d+: error\[bad-money\]", printed)
    assert (out / "hill-town/index.html").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-build-")] == []


def test_not_a_project_is_a_usage_error(tmp_path):
    assert main(["build", str(tmp_path), "--no-boards"]) == 2


def test_rendered_board_files_are_published_and_linked(tmp_path):
    from generator.commands.build import mkdocs_config
    from mkdocs.commands.build import build as mkdocs_build

    boards = tmp_path / "rendered"
    folder = boards / "boards/hill-town-square/2026-Q4"
    folder.mkdir(parents=True)
    (folder / "hill-town-square-2026-Q4.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "hill-town-square-2026-Q4.png").write_bytes(b"\x89PNG\r\n")
    site = tmp_path / "site"
    mkdocs_build(mkdocs_config(FIXTURE, site_dir=site, boards_dir=boards))
    assert (site / "boards/hill-town-square/2026-Q4/hill-town-square-2026-Q4.pdf").is_file()
    office = (site / "hill-town/index.html").read_text(encoding="utf-8")
    assert 'href="../boards/hill-town-square/2026-Q4/hill-town-square-2026-Q4.pdf"' in office
    assert broken_links(site, "https://gk.shanqian.example.gov.cn/") == []


def test_english_site(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    site_yml = root / "content/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("language: zh", "language: en"),
                        encoding="utf-8")
    out = tmp_path / "site"
    assert build(root, out, "--date", "2026-11-21") == 0
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home and "Latest updates" in home


def test_mkdocs_build_from_the_repository_root(tmp_path):
    """With the engine gongkai builds with: the mkdocs command, or properdocs when installed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795219200"}
    result = subprocess.run([sys.executable, "-m", engine.select(), "build", "-q", "-d", str(tmp_path / "site")],
                            cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/qingshan-town/index.html").is_file()


def test_mkdocs_build_reports_content_errors_without_traceback(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "theme").symlink_to(REPO / "theme")
    fees = root / "content/offices/hill-town/fixed/farm-fees.yml"
    fees.write_text(fees.read_text(encoding="utf-8").replace("standard: 5.00", "standard: 五元"),
                    encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", engine.select(), "build", "-q", "-d", str(tmp_path / "site")],
                            cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/offices/hill-town/fixed/farm-fees.yml:" in result.stderr
    assert "error[bad-money]" in result.stderr and "Traceback" not in result.stderr
