"""The site's words and text handling without a browser: one label catalogue, Chinese
line joins, natural group order, phone links, the footer, search index shaping."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import markdown
import material

from generator.boards.forms import LABELS as BOARD_LABELS
from generator.boards.forms import markdown_html
from generator.labels import LABELS, board_labels, label, quarter_name
from generator.markdown_ext import extensions, join_cjk_lines, join_wrapped_lines
from generator.model import Quarter, Site
from generator.site.html import tel_html
from generator.site.order import chinese_number, group_key
from generator.site.search import user_words, whole_last_word, whole_pages
from generator.site.theme import footer_html
from generator.tables import heading

FIXTURE = Path(__file__).parent / "fixtures" / "site-project"


def test_one_catalogue_for_site_boards_booklet_and_tables():
    for lang in ("zh", "en"):
        assert set(LABELS[lang]) == set(LABELS["zh"])  # every word in both languages
    assert label("zh", "steps") == BOARD_LABELS["zh"]["flow"] == heading("steps", "zh") == "办理程序"
    assert label("zh", "objection_phone") == BOARD_LABELS["zh"]["objection_phone"] == "异议受理电话"
    assert board_labels("zh")["phone"] == label("zh", "enquiry_phone")
    assert board_labels("en")["window"] == "On display" != label("en", "window")  # a deliberate override


def test_quarters_read_as_the_public_says_them():
    assert quarter_name("zh", Quarter(2026, 4)) == "2026年第四季度"
    assert quarter_name("en", Quarter(2026, 1)) == "2026 Q1"
    assert str(Quarter(2026, 4)) == "2026-Q4"  # URLs keep their spelling


def test_a_line_break_inside_a_chinese_sentence_joins_without_a_space():
    source = "本镇低保实行动态管理，\n应保尽保。**重点**\n对象 English\nwords 中文\n"
    for html in (markdown.markdown(source, extensions=extensions()), markdown_html(source)):
        assert "本镇低保实行动态管理，应保尽保。<strong>重点</strong>对象 English\nwords 中文" in html
    code = markdown.markdown("```\n代码\n换行\n```", extensions=extensions() + ["fenced_code"])
    assert "代码\n换行" in code
    assert join_cjk_lines("甲\n  乙 a\nb") == "甲乙 a\nb"
    assert join_wrapped_lines("低于本县标准\n（自7月起），可以申请。\n家庭成员") == \
        "低于本县标准（自7月起），可以申请。\n家庭成员"


def test_mixed_lists_render_the_same_on_site_and_boards():
    source = "1. 一\n2. 二\n\n- 甲\n- 乙\n"
    site = markdown.markdown(source, extensions=extensions())
    assert site == markdown_html(source)
    assert site.count("<ol>") == 1 and site.count("<ul>") == 1


def test_groups_sort_in_natural_chinese_numeral_order():
    groups = ["柳溪村三组", "柳溪村十二组", "柳溪村一组", "柳溪村十组", "柳溪村二组", "柳溪村五组", "柳溪村四组"]
    assert sorted(groups, key=group_key) == [
        "柳溪村一组", "柳溪村二组", "柳溪村三组", "柳溪村四组", "柳溪村五组", "柳溪村十组", "柳溪村十二组"]
    assert sorted(["第3组", "10组", "1组"], key=group_key) == ["1组", "第3组", "10组"]
    assert [chinese_number(t) for t in ("十", "十二", "二十一", "一百零五", "１２")] == [10, 12, 21, 105, 12]


def test_phone_numbers_become_tap_to_call_links_and_the_rest_is_escaped():
    html = tel_html("0371-62316001（工作日）、13912345678 <b>")
    assert html == ('<a class="gk-tel" href="tel:037162316001">0371-62316001</a>（工作日）、'
                    '<a class="gk-tel" href="tel:13912345678">13912345678</a> &lt;b&gt;')


def test_footer_shows_each_field_only_when_set_and_escapes_it():
    site = Site(title="县", footer={"sponsor": "县政府<办>", "phone": "0371-62010000", "icp": "豫ICP备1号"})
    footer = footer_html(site)
    assert "主办单位：县政府&lt;办&gt;" in footer and "网站标识码" not in footer
    assert 'href="tel:037162010000"' in footer and "ICP备案号：豫ICP备1号" in footer
    assert footer_html(Site(title="县")) == ""


def test_jieba_learns_the_projects_own_names():
    from generator.content import load_project

    project, _ = load_project(FIXTURE, dt.date(2026, 11, 21))
    words = user_words(project)
    assert {"山前镇", "松林村", "东山组", "低保"} <= set(words)
    assert words == sorted(words) and "山前镇人民政府" not in words  # titles and long names stay out


def test_search_index_keeps_each_page_whole_under_its_title():
    index = json.dumps({"config": {}, "docs": [
        {"location": "a/", "title": "农村低保申请", "text": ""},
        {"location": "a/#x", "title": "农村低保申请", "text": "<p>条件</p>"},
        {"location": "a/#y", "title": "申报材料", "text": "<p>户口簿</p>"},
        {"location": "b/", "title": "收费", "text": "<p>工本费</p>"}]})
    docs = json.loads(whole_pages(index))["docs"]
    assert docs == [{"location": "a/", "title": "农村低保申请", "text": "<p>条件</p> <p>申报材料</p> <p>户口簿</p>"},
                    {"location": "b/", "title": "收费", "text": "<p>工本费</p>"}]


def test_materials_search_worker_is_the_one_we_patch():
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (worker,) = workers.glob("search.*.min.js")
    text = worker.read_text(encoding="utf-8")
    patched = whole_last_word(text)
    assert patched is not None and patched != text
    assert "o<=t.length" in patched and '.join(" ")' in patched
    assert whole_last_word(patched) == patched
    assert whole_last_word("/* some other worker */") is None


def test_the_office_emblem_is_published_when_given_and_a_missing_file_is_reported(tmp_path):
    import shutil

    from generator.content import load_project
    from generator.site.theme import logo_path

    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    site_yml = root / "content" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "logo: images/emblem.PNG\n", encoding="utf-8")
    project, report = load_project(root, dt.date(2026, 11, 21))
    assert [d.code for d in report.errors] == ["missing-file"] and project.site.logo == ""
    (root / "images").mkdir()
    (root / "images" / "emblem.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    project, report = load_project(root, dt.date(2026, 11, 21))
    assert not report.has_errors() and logo_path(project.site) == "assets/images/logo.png"


def test_phone_numbers_in_item_bodies_become_links_on_the_site_only():
    from generator.markdown_ext import PhoneLinks

    source = "举报电话：0371-62316030（24小时值班），**热线 12345**。\n\n`0371-62316006` 收费120元\n"
    site = markdown.markdown(source, extensions=extensions() + [PhoneLinks()])
    assert '<a class="gk-tel" href="tel:037162316030">0371-62316030</a>（24小时值班）' in site
    assert '<strong>热线 <a class="gk-tel" href="tel:12345">12345</a></strong>' in site
    assert "<code>0371-62316006</code> 收费120元" in site
    assert "tel:" not in markdown_html(source)  # a printed board has nothing to tap
