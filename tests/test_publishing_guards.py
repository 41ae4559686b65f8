"""Nothing unfinished is published: template placeholders in a published item are errors, and
``check`` warns while site.yml still carries the demo's title or an example address."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checkfixtures import TODAY, diagnostics, write_project
from generator.cli import main

PLEDGE = "content/offices/test-town/fixed/pledge.md"
PUBLISHED_PLEDGE = """\
    ---
    type: pledge
    title: 服务承诺
    review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}
    ---
    我们承诺：待填写：承诺内容
    """


def found(root: Path) -> list[tuple[str, int, int, str, str]]:
    return [(d.path, d.line, d.col, d.severity, d.code) for d in diagnostics(root)]


def test_a_placeholder_in_a_published_item_is_an_error(tmp_path, capsys):
    root = write_project(tmp_path, {PLEDGE: PUBLISHED_PLEDGE})
    assert found(root) == [(PLEDGE, 6, 6, "error", "placeholder")]
    assert main(["check", str(root), "--date", TODAY.isoformat()]) == 1
    assert f"{PLEDGE}:6:6: error[placeholder]" in capsys.readouterr().out


def test_a_placeholder_in_a_draft_is_allowed(tmp_path):
    root = write_project(tmp_path, {PLEDGE: PUBLISHED_PLEDGE.replace("    review:", "    draft: true\n    review:")})
    assert found(root) == []


@pytest.mark.parametrize("text, col", [("办理地点：待填写", 6), ("单位：@NAME@", 4)])
def test_every_template_marker_counts(tmp_path, text, col):
    root = write_project(tmp_path, {PLEDGE: PUBLISHED_PLEDGE.replace("我们承诺：待填写：承诺内容", text)})
    assert found(root) == [(PLEDGE, 6, col, "error", "placeholder")]


def test_the_review_templates_own_words_are_placeholders(tmp_path):
    root = write_project(tmp_path, {PLEDGE: textwrap.dedent("""\
        ---
        type: pledge
        title: 服务承诺
        review:
          reviewed_by: 审核人
          checked_by: 王强
          approved_by: 审批人
          approved_on: 2026-01-05
        ---
        我们承诺：一次告知，限时办结。
        """)})
    assert found(root) == [(PLEDGE, 5, 16, "error", "placeholder"), (PLEDGE, 7, 16, "error", "placeholder")]


@pytest.mark.parametrize("url", ["https://gk.qinghe.example.gov.cn/", "https://example.com/gk/",
                                 "http://www.example.org/"])
def test_the_demo_title_and_an_example_address_are_warnings(tmp_path, capsys, url):
    root = write_project(tmp_path, {"content/site.yml": f"title: 清河县政务公开\nurl: {url}\n"
                                                        "supervision_phone: 0371-12345678\n"})
    assert found(root) == [("content/site.yml", 1, 8, "warning", "demo-title"),
                           ("content/site.yml", 2, 6, "warning", "example-url")]
    assert main(["check", str(root), "--date", TODAY.isoformat()]) == 0  # warnings only
    out = capsys.readouterr().out
    assert "示例项目" in out and f"网站地址 {url} 是示例地址" in out


def test_an_own_address_is_not_an_example(tmp_path):
    root = write_project(tmp_path, {"content/site.yml": "title: 山前县政务公开\nurl: https://gk.shanqian.gov.cn/\n"
                                                        "supervision_phone: 0371-12345678\n"})
    assert found(root) == []


def test_the_demo_passes_check_with_its_two_leftover_warnings(capsys):
    demo = Path(__file__).parent.parent
    assert main(["check", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "warning[demo-title]" in out and "warning[example-url]" in out and "error[" not in out
