"""The site stage without MkDocs: which pages and downloads the model becomes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from generator.content import load_project
from generator.site import RESERVED, Revision, SiteError, generate, read_history
from generator.site.charts import flow_chart, wrap
from generator.site.history import parse_log
from generator.site.html import md_text, rel
from generator.site.offline import needed_theme_file, neutralise_urls

FIXTURE = Path(__file__).parent / "fixtures" / "site-project"
DURING = dt.date(2026, 11, 21)  # the subsidy list's window (11-18 to 11-25) is open
AFTER = dt.date(2026, 12, 1)  # ... and closed
NAMES = ("赵铁柱", "钱秀英", "孙大海")


@pytest.fixture(scope="module")
def project():
    project, report = load_project(FIXTURE, DURING)
    assert not report.has_errors(), [d.format() for d in report.errors]
    return project


def pages_by_path(output):
    return {page.path: page for page in output.pages}


def downloads_by_path(output):
    return {d.path: d for d in output.downloads}


def test_every_page_at_its_stable_url(project):
    pages = pages_by_path(generate(project, DURING))
    assert set(pages) == {
        "", "hill-town/", "pine-village/", "quarters/", "catalogue/",
        "quarters/2026-Q3/", "quarters/2026-Q4/", "hill-town/2026-Q3/", "hill-town/2026-Q4/",
        "hill-town/dibao-application/", "hill-town/farm-fees/", "hill-town/pledge/",
        "hill-town/2026-Q3/finance/", "hill-town/2026-Q4/finance/",
        "hill-town/2026-Q4/dibao-list/", "hill-town/2026-Q4/road-notice/",
        "pine-village/duties/", "boards/hill-town-square/",
    }


def test_home_groups_offices_by_kind_with_latest_and_hotline(project):
    home = pages_by_path(generate(project, DURING))[""].body
    assert "0371-60000001" in home
    assert home.index("<h2>最近更新</h2>") < home.index("<h2>乡镇</h2>") < home.index("<h2>村（社区）</h2>")
    assert home.index("山前镇人民政府") < home.index("松林村民委员会")
    latest = home[home.index("<h2>最近更新</h2>"):home.index("<h2>乡镇</h2>")]
    assert latest.index("低保金发放名单") < latest.index("松林路维修")  # newest first


def test_office_page_lists_fixed_by_category_current_quarter_and_archives(project):
    office = pages_by_path(generate(project, DURING))["hill-town/"].body
    for fact in ("山前县山前镇政府街1号", "0371-60000010", "8:30—12:00", "0371-60000019"):
        assert fact in office
    assert office.index("<h3>政务类</h3>") < office.index("<h3>财务类</h3>") < office.index("<h3>服务类</h3>")
    assert "本期变动内容（2026年第四季度）" in office
    assert '<a class="gk-tel" href="tel:037160000010">0371-60000010</a>' in office
    assert 'href="2026-Q4/dibao-list/"' in office
    assert 'href="2026-Q3/"' in office and 'href="2026-Q4/"' in office


def test_drafts_are_never_published(project):
    output = generate(project, DURING)
    text = "".join(p.markdown() for p in output.pages) + "".join(
        d.content.decode("utf-8") for d in output.downloads)
    assert "草稿" not in text and "draft-notice" not in text


def test_procedure_shows_six_elements_and_a_flow_chart(project):
    page = pages_by_path(generate(project, DURING))["hill-town/dibao-application/"].body
    for element in ("农村低保申请", "《社会救助暂行办法》", "低保申请书", "30个工作日", "不收费",
                    "家庭人均收入低于"):
        assert element in page
    assert page.count('class="gk-box"') == 4  # one box per step
    assert '审核：王审 → 复核：李复 → 审批：张批（<span class="gk-nowrap">2026-01-04</span>）' in page


def test_finance_tables_have_totals_and_a_chart_with_exact_money(project):
    output = generate(project, DURING)
    page = pages_by_path(output)["hill-town/2026-Q3/finance/"].body
    assert "1,203.18" in page and "1,215.68" in page and "1,036.44" in page
    assert page.count('class="gk-bar ') == 4
    assert '<td class="gk-num gk-nowrap" data-label="金额（万元）">1,215.68</td>' in page  # total row, right-aligned
    csv = downloads_by_path(output)["hill-town/2026-Q3/finance/finance-income.csv"].content
    assert csv.startswith(b"\xef\xbb\xbf")
    assert csv.decode("utf-8-sig").splitlines() == [
        "项目,金额（万元）", "税收收入,1203.18", "上级补助,12.50", "合计,1215.68"]


def test_subsidy_list_is_filterable_and_never_shows_id_numbers(project):
    output = generate(project, DURING)
    page = pages_by_path(output)["hill-town/2026-Q4/dibao-list/"].body
    assert all(name in page for name in NAMES)
    assert 'data-gk-table="t-recipients"' in page and '<option value="东山组">' in page
    everything = "".join(p.markdown() for p in output.pages).encode() + b"".join(
        d.content for d in output.downloads)
    assert b"********" not in everything  # masked ids stay in the content


def test_expired_item_keeps_only_title_window_totals_and_notice(project):
    output = generate(project, AFTER)
    page = pages_by_path(output)["hill-town/2026-Q4/dibao-list/"]
    assert page.title == "山前镇2026年11月低保金发放名单"
    assert "2026-11-18</span> 至 <span class=\"gk-nowrap\">2026-11-25" in page.body
    assert "公示期已满" in page.body
    assert "<dt>户数</dt> <dd>3</dd> <dt>人数</dt> <dd>6</dd> <dt>金额合计</dt> <dd>3,150.00 元</dd>" in page.body
    assert ("公示期已于2026-11-25结束，名单已按规定撤下，本页只保留汇总数字。如有疑问，请致电山前镇人民政府（"
            '<a class="gk-tel" href="tel:037160000010">0371-60000010</a>）。') in page.body
    assert not any(name in page.body for name in NAMES)
    assert "0371-60000012" not in page.body and "gk-filter" not in page.body
    assert not any(d.path.startswith("hill-town/2026-Q4/dibao-list/") for d in output.downloads)
    everything = "".join(p.markdown() for p in output.pages) + "".join(
        d.content.decode("utf-8") for d in output.downloads)
    assert not any(name in everything for name in NAMES)
    quarter = pages_by_path(output)["hill-town/2026-Q4/"].body
    assert "低保金发放名单</a> <span class=\"gk-note\">补贴名单 · 公示期已满" in quarter


def test_catalogue_has_the_standard_columns_as_page_csv_and_json(project):
    output = generate(project, DURING)
    files = downloads_by_path(output)
    rows = files["catalogue/catalogue.csv"].content.decode("utf-8-sig").splitlines()
    assert rows[0] == ("一级事项,二级事项,公开事项,公开内容（要素）,公开依据,公开时限,公开主体,"
                       "公开渠道和载体,公开对象,公开方式,公开层级,分类,目录编号,网址")
    records = json.loads(files["catalogue/catalogue.json"].content)
    assert len(records) == len(rows) - 1 == 8
    finance = next(r for r in records if r["path"] == "hill-town/2026-Q4/finance/")
    assert finance["channel"] == "公开栏、政府网站"  # on the board
    assert finance["limit"] == "每季度更新（2026年第四季度）"
    assert finance["quarter"] == "2026-Q4"  # the data keeps the URL's spelling
    assert finance["url"] == "https://gk.shanqian.example.gov.cn/hill-town/2026-Q4/finance/"
    duties = next(r for r in records if r["office"] == "pine-village")
    assert (duties["channel"], duties["limit"], duties["way"]) == ("政府网站", "长期公开", "主动")
    assert (duties["level1"], duties["level2"], duties["level"], duties["audience"]) == (
        "机构职能", "领导分工和岗位职责", "村级", "全社会")  # defaults by type and office kind
    page = pages_by_path(output)["catalogue/"].body
    assert 'data-gk-table="t-catalogue"' in page and 'href="../hill-town/farm-fees/"' in page


def test_feed_lists_newest_items_with_absolute_urls(project):
    feed = downloads_by_path(generate(project, DURING))["feed.xml"].content.decode()
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert "<updated>2026-11-18T00:00:00Z</updated>" in feed
    assert "<id>https://gk.shanqian.example.gov.cn/hill-town/2026-Q4/dibao-list/</id>" in feed
    assert "草稿" not in feed


def test_nav_stays_at_office_and_section_level(project):
    nav = generate(project, DURING).nav
    flat = json.dumps(nav, ensure_ascii=False)
    assert "hill-town/index.md" in flat and "dibao-list" not in flat and "2026-Q4/finance" not in flat
    few = json.dumps(generate(project, DURING, nav_max_offices=1).nav, ensure_ascii=False)
    assert "hill-town" not in few and "quarters/2026-Q4/index.md" in few


def test_board_files_are_linked_only_when_rendered(project):
    assert "gk-board" not in pages_by_path(generate(project, DURING))["hill-town/"].body
    assets = frozenset({"boards/hill-town-square/2026-Q4/hill-town-square-2026-Q4.pdf",
                        "boards/hill-town-square/2026-Q4/hill-town-square-2026-Q4.png",
                        "booklets/hill-town/2026-Q4/hill-town-2026-Q4-booklet.pdf"})
    office = pages_by_path(generate(project, DURING, assets=assets))["hill-town/"].body
    assert 'href="../boards/hill-town-square/2026-Q4/hill-town-square-2026-Q4.pdf"' in office
    assert 'src="../boards/hill-town-square/2026-Q4/hill-town-square-2026-Q4.png"' in office
    assert 'href="../booklets/hill-town/2026-Q4/hill-town-2026-Q4-booklet.pdf"' in office


def test_revision_history_shows_what_clerks_wrote_never_commit_messages(project):
    history = {"content/offices/hill-town/fixed/farm-fees.yml": [
        Revision(dt.date(2026, 3, 2)), Revision(dt.date(2026, 1, 5))]}
    pages = pages_by_path(generate(project, DURING, history=history))
    fees = pages["hill-town/farm-fees/"].body.split("<h2>修订记录</h2>")[1]
    assert fees.index("2026-03-01") < fees.index("工本费由10元调整为5元") < fees.index("2026-01-05")
    assert fees.index("修订说明") < fees.index("首次公开")
    assert "本页内容最近更新于 2026-03-02" in fees  # git gives the date, never words
    procedure = pages["hill-town/dibao-application/"].body.split("<h2>修订记录</h2>")[1]
    assert "勘误" in procedure and "2026-07-03" in procedure  # corrections are part of the history
    assert "暂无修订说明" in pages["hill-town/pledge/"].body
    assert "修订记录" not in pages["hill-town/2026-Q4/finance/"].body  # quarter item without entries


def test_generation_is_deterministic(project):
    one, two = generate(project, DURING), generate(project, DURING)
    assert [p.markdown() for p in one.pages] == [p.markdown() for p in two.pages]
    assert [d.content for d in one.downloads] == [d.content for d in two.downloads]


def test_office_ids_may_not_take_reserved_urls(project):
    project.offices["catalogue"] = project.offices["pine-village"]
    try:
        with pytest.raises(SiteError, match="catalogue"):
            generate(project, DURING)
    finally:
        del project.offices["catalogue"]
    assert "quarters" in RESERVED and "boards" in RESERVED


def test_git_log_is_parsed_newest_first_following_renames():
    log = ("\x1e2026-05-01\t更新收费标准\nM\tcontent/offices/a/fixed/fees.yml\n"
           "\x1e2026-03-01\t改名\nR100\tcontent/offices/a/fixed/fee.yml\tcontent/offices/a/fixed/fees.yml\n"
           "\x1e2026-01-01\t首次公开\nA\tcontent/offices/a/fixed/fee.yml\n"
           "\x1e2025-06-01\t旧文件\nD\tcontent/offices/a/fixed/fee.yml\n"
           "\x1e2025-01-01\t更早的同名文件\nA\tcontent/offices/a/fixed/fee.yml\n")
    history = parse_log(log)
    assert [r.date.isoformat() for r in history["content/offices/a/fixed/fees.yml"]] == [
        "2026-05-01", "2026-03-01", "2026-01-01"]


def test_history_from_a_real_repository_in_one_call(tmp_path):
    item = tmp_path / "content" / "offices" / "a" / "fixed" / "fees.yml"
    item.parent.mkdir(parents=True)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(tmp_path)}
    git = lambda *args, day: subprocess.run(  # noqa: E731
        ["git", "-C", str(tmp_path), *args], check=True, capture_output=True,
        env={**env, "GIT_AUTHOR_DATE": f"{day}T10:00:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00"})
    assert read_history(tmp_path) == {}  # not a repository yet
    git("init", "-q", day="2026-01-01")
    item.write_text("a: 1\n", encoding="utf-8")
    git("add", ".", day="2026-01-02")
    git("commit", "-q", "-m", "首次公开", day="2026-01-02")
    item.write_text("a: 2\n", encoding="utf-8")
    git("commit", "-q", "-am", "收费标准调整", day="2026-04-03")
    assert read_history(tmp_path) == {"content/offices/a/fixed/fees.yml": [
        Revision(dt.date(2026, 4, 3)), Revision(dt.date(2026, 1, 2))]}


def test_markdown_text_and_relative_links():
    assert md_text("a*b_[c]<d>&") == "a\\*b\\_\\[c\\]&lt;d&gt;&amp;"
    assert rel("", "a/") == "a/"
    assert rel("a/b/", "") == "../../"
    assert rel("a/b/", "a/") == "../"
    assert rel("a/b/", "a/b/") == "./"
    assert rel("a/b/", "a/b/x.csv") == "x.csv"
    assert rel("catalogue/", "quarters/2026-Q1/") == "../quarters/2026-Q1/"


def test_flow_chart_wraps_long_steps_into_taller_boxes():
    assert wrap("一二三四五", 45) == ["一二三", "四五"]
    short, long = flow_chart(["申请"], "流程"), flow_chart(["申请" * 30], "流程")
    assert short.count("<text") == 2 and long.count("<text") > 4


def test_theme_network_fallbacks_are_neutralised():
    script = 'a("https://unpkg.com/x.js");b(`https://api.github.com/repos/${e}`);/* https://x.org */'
    assert neutralise_urls(script) == 'a("data:,/x.js");b(`data:,/repos/${e}`);/* https://x.org */'
    assert neutralise_urls('e.createElementNS("http://www.w3.org/2000/svg")').count("w3.org") == 1
    assert needed_theme_file("assets/javascripts/lunr/min/lunr.zh.min.js", ["zh"])
    assert not needed_theme_file("assets/javascripts/lunr/min/lunr.de.min.js", ["zh"])
    assert not needed_theme_file("assets/javascripts/bundle.js.map", ["zh"])
    assert needed_theme_file("assets/javascripts/bundle.js", ["zh"])
