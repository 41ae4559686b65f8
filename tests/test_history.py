"""Archive integrity: a real git history in a temp dir, checked with check_history."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.content import load_project
from generator.content.history import check_history
from generator.diagnostics import Report

TODAY = dt.date(2026, 11, 21)
ITEM = "content/offices/town/quarters/2026-Q3/finance.yml"
CSV_ITEM = "content/offices/town/quarters/2026-Q3/list.yml"

FILES = {
    "content/site.yml": """\
        title: 测试县政务公开
        url: https://gk.county.test/
        supervision_phone: 0371-12345678
        """,
    "content/offices/town/office.yml": """\
        name: 测试镇人民政府
        kind: town
        address: 测试镇政府路1号
        phone: 0371-12345670
        supervision_phone: 0371-12345679
        hours: 周一至周五
        """,
    ITEM: """\
        type: finance
        title: 2026年第三季度财务收支
        unit: 元
        published: 2026-07-10
        income:
          - {name: 上级转移支付, amount: 1200.00}
        expenditure:
          - {name: 办公费, amount: 300.00}
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-07-09}
        """,
    CSV_ITEM: """\
        type: subsidy-list
        title: 2026年8月低保名单
        program: 农村最低生活保障
        objection_phone: 0371-12345671
        published: 2026-08-10
        expires: 2026-08-17
        rows_from: list.csv
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-08-09}
        """,
    "content/offices/town/quarters/2026-Q3/list.csv": "姓名,村组,人数,金额\n王秀英,一组,2,620\n",
}


def git(root: Path, *args: str, day: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="clerk", GIT_AUTHOR_EMAIL="clerk@example.gov.cn",
               GIT_COMMITTER_NAME="clerk", GIT_COMMITTER_EMAIL="clerk@example.gov.cn")
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T10:00:00+08:00"
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, day: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"content {day}", day=day)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "2026-08-10")
    return tmp_path


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def history(root: Path) -> list:
    project, report = load_project(root, TODAY)
    assert not report.has_errors(), [d.format() for d in report.sorted()]
    out = Report()
    check_history(project, out, root, TODAY)
    return out.sorted()


CORRECTION = """\
corrections:
  - date: {day}
    what: 办公费由 300.00 元更正为 350.00 元
    why: 录入时漏计一张发票
"""


def test_clean_history_passes(repo):
    edit(repo, ITEM, "办公费", "办公用品费")
    commit(repo, "2026-09-20")  # before the quarter ended: still being prepared
    assert history(repo) == []


def test_unrecorded_change_after_the_quarter_is_caught(repo):
    edit(repo, ITEM, "amount: 300.00", "amount: 350.00")
    commit(repo, "2026-10-15")
    problems = history(repo)
    assert [(d.path, d.line, d.code) for d in problems] == [(ITEM, 1, "unrecorded-change")]
    assert "2026-10-15" in problems[0].message and "2026-Q3" in problems[0].message


def test_recorded_correction_is_accepted(repo):
    edit(repo, ITEM, "amount: 300.00", "amount: 350.00")
    (repo / ITEM).write_text((repo / ITEM).read_text(encoding="utf-8")
                             + CORRECTION.format(day="2026-10-15"), encoding="utf-8")
    commit(repo, "2026-10-15")
    assert history(repo) == []


def test_a_revision_note_alone_is_not_a_change(repo):
    (repo / ITEM).write_text((repo / ITEM).read_text(encoding="utf-8")
                             + "changes:\n  - {date: 2026-10-15, text: 补充说明本期收支口径}\n", encoding="utf-8")
    commit(repo, "2026-10-15")
    assert history(repo) == []


def test_a_correction_older_than_the_change_is_not_enough(repo):
    (repo / ITEM).write_text((repo / ITEM).read_text(encoding="utf-8")
                             + CORRECTION.format(day="2026-10-15"), encoding="utf-8")
    commit(repo, "2026-10-15")
    edit(repo, ITEM, "amount: 1200.00", "amount: 1250.00")
    commit(repo, "2026-11-02")
    problems = history(repo)
    assert [(d.path, d.code) for d in problems] == [(ITEM, "unrecorded-change")]
    assert problems[0].line == 11  # at the corrections list
    assert "2026-11-02" in problems[0].message


def test_changed_rows_csv_needs_a_correction_on_its_item(repo):
    edit(repo, "content/offices/town/quarters/2026-Q3/list.csv", "620", "650")
    commit(repo, "2026-10-20")
    problems = history(repo)
    assert [(d.path, d.code) for d in problems] == [(CSV_ITEM, "unrecorded-change")]
    assert "list.csv" in problems[0].message


def test_uncommitted_change_is_caught(repo):
    edit(repo, ITEM, "amount: 300.00", "amount: 350.00")
    problems = history(repo)
    assert [(d.path, d.code) for d in problems] == [(ITEM, "unrecorded-change")]
    assert TODAY.isoformat() in problems[0].message


def test_adding_an_old_quarter_is_not_a_change(repo):
    path = repo / "content/offices/town/quarters/2026-Q2/finance.yml"
    path.parent.mkdir(parents=True)
    path.write_text(textwrap.dedent(FILES[ITEM]).replace("第三季度", "第二季度")
                    .replace("2026-07-", "2026-04-"), encoding="utf-8")
    commit(repo, "2026-11-01")
    assert history(repo) == []


def test_not_a_git_repository_is_skipped(tmp_path):
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    assert history(tmp_path) == []


def test_project_in_a_subfolder_of_the_repository(tmp_path):
    project = tmp_path / "site"
    for name, text in FILES.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "2026-08-10")
    edit(project, ITEM, "amount: 300.00", "amount: 350.00")
    commit(tmp_path, "2026-10-15")
    assert [d.code for d in history(project)] == ["unrecorded-change"]


def test_a_report_published_after_its_quarter_may_change_until_published(repo):
    edit(repo, ITEM, "published: 2026-07-10", "published: 2026-10-12")
    edit(repo, ITEM, "approved_on: 2026-07-09", "approved_on: 2026-10-11")
    commit(repo, "2026-10-08")  # the Q3 report is still being prepared in October
    assert history(repo) == []
    edit(repo, ITEM, "amount: 300.00", "amount: 350.00")
    commit(repo, "2026-10-20")  # after publication it is a public record
    assert [d.code for d in history(repo)] == ["unrecorded-change"]


def test_messages_in_english(repo):
    (repo / "content/site.yml").write_text(textwrap.dedent(FILES["content/site.yml"]) + "language: en\n",
                                           encoding="utf-8")
    commit(repo, "2026-08-11")
    edit(repo, "content/offices/town/quarters/2026-Q3/list.csv", "620", "650")
    project, report = load_project(repo, TODAY)
    out = Report("en")
    check_history(project, out, repo, TODAY)
    assert [d.message for d in out.sorted()] == [
        "this item belongs to 2026-Q3, a public record since 2026-09-30, but its data file list.csv "
        "was changed on 2026-11-21 (not yet committed) without a correction: add an entry under "
        "corrections dated 2026-11-21 or later, saying what changed and why"]


def test_layout_and_comments_are_not_changes(repo):
    path = repo / ITEM
    text = path.read_text(encoding="utf-8")
    text = "# yaml-language-server: $schema=../../../../../docs/schema/item.schema.json\n" + text
    text = text.replace("  - {name: 办公费, amount: 300.00}", "  - name: 办公费  # 含打印纸\n    amount: '300.00'")
    path.write_text(text, encoding="utf-8")
    commit(repo, "2026-10-15")
    assert history(repo) == []


def test_recording_a_correction_later_is_not_another_change(repo):
    edit(repo, ITEM, "amount: 300.00", "amount: 350.00")
    commit(repo, "2026-10-15")
    assert [d.code for d in history(repo)] == ["unrecorded-change"]
    (repo / ITEM).write_text((repo / ITEM).read_text(encoding="utf-8")
                             + CORRECTION.format(day="2026-10-20"), encoding="utf-8")
    assert history(repo) == []  # before the commit
    commit(repo, "2026-10-21")  # committed a day after the date it names
    assert history(repo) == []


def test_a_correction_added_with_the_change_records_it_whatever_its_date(repo):
    edit(repo, ITEM, "amount: 300.00", "amount: 350.00")
    (repo / ITEM).write_text((repo / ITEM).read_text(encoding="utf-8")
                             + CORRECTION.format(day="2026-10-15"), encoding="utf-8")
    commit(repo, "2026-10-16")  # written on the 15th, committed the next day
    assert history(repo) == []


def gongkai_check(root: Path) -> subprocess.CompletedProcess:
    """`gongkai check` as a clerk runs it: the installed command, in the project folder."""
    command = Path(sys.executable).with_name("gongkai")
    return subprocess.run([str(command), "check", "--date", TODAY.isoformat()], cwd=root,
                          capture_output=True, text=True)


def test_check_command_reports_a_changed_past_quarter_at_its_file_and_line(repo):
    assert gongkai_check(repo).returncode == 0
    edit(repo, ITEM, "amount: 300.00", "amount: 350.00")
    commit(repo, "2026-10-15")
    run = gongkai_check(repo)
    assert run.returncode == 1, run.stdout + run.stderr
    errors = [line for line in run.stdout.splitlines() if "error[" in line]
    assert errors == [errors[0]] and errors[0].startswith(f"{ITEM}:1:1: error[unrecorded-change]: ")
    assert "2026-Q3" in errors[0] and "2026-10-15" in errors[0]
    assert "Traceback" not in run.stderr


def test_check_command_reports_an_uncommitted_change_at_the_corrections_list(repo):
    (repo / ITEM).write_text((repo / ITEM).read_text(encoding="utf-8")
                             + CORRECTION.format(day="2026-10-15"), encoding="utf-8")
    commit(repo, "2026-10-15")
    edit(repo, ITEM, "amount: 1200.00", "amount: 1250.00")  # not committed, no new correction
    run = gongkai_check(repo)
    assert run.returncode == 1
    assert f"{ITEM}:11:3: error[unrecorded-change]: " in run.stdout  # the corrections list
    assert TODAY.isoformat() in run.stdout
