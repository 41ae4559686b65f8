"""Legal clocks on the Chinese working-day calendar: 春节, 国庆 and their make-up working days."""

from __future__ import annotations

import datetime as dt

import pytest

from checkfixtures import diagnostics, write_project
from generator.workdays import (
    CalendarRangeError, add_working_days, is_working_day, publish_deadline, working_days_between,
)

D = dt.date
LIST = "content/offices/test-town/quarters/2026-Q4/low-income.yml"
NOTICE = "content/offices/test-town/quarters/2026-Q4/meeting.md"
REPLY = "content/offices/test-town/quarters/2026-Q4/reply.yml"
REVIEW = "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-10-08}\n"


def test_spring_festival_days_off_and_make_up_saturdays():
    assert not is_working_day(D(2026, 2, 16))  # 春节 (a Monday off)
    assert is_working_day(D(2026, 2, 14)) and is_working_day(D(2026, 2, 28))  # 调休 Saturdays
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)  # Friday -> the make-up Saturday
    assert add_working_days(D(2026, 2, 14), 1) == D(2026, 2, 24)  # then nine days off
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 28)) == 6


def test_twenty_working_days_across_the_spring_festival():
    # formed Tue 10 Feb: 11-14 (with Sat 14), holidays 15-23, 24-28 (with Sat 28), then March.
    assert publish_deadline(D(2026, 2, 10)) == D(2026, 3, 16)


def test_twenty_working_days_across_national_day_and_its_make_up_weekend():
    assert is_working_day(D(2026, 9, 20))  # a Sunday worked before 中秋/国庆
    assert is_working_day(D(2026, 10, 10))  # a Saturday worked after 国庆
    assert not is_working_day(D(2026, 10, 5))
    assert add_working_days(D(2026, 9, 18), 1) == D(2026, 9, 20)
    # formed Wed 30 Sep: 1-7 Oct off; 8, 9, 10 (Sat) count; the 20th is Tue 3 Nov.
    assert publish_deadline(D(2026, 9, 30)) == D(2026, 11, 3)
    assert publish_deadline(D(2026, 10, 1)) == D(2026, 11, 3)


def test_a_date_beyond_the_calendar_is_an_error_not_a_guess():
    with pytest.raises(CalendarRangeError) as caught:
        publish_deadline(D(2099, 12, 20))
    assert caught.value.day > D(2099, 12, 20)
    assert caught.value.last < D(2099, 1, 1)


def _notice(formed: str, published: str | None, draft: bool = False) -> str:
    lines = ["---", "type: notice", "title: 村民会议通知", f"formed: {formed}"]
    if published:
        lines.append(f"published: {published}")
    lines += ["expires: 2026-12-31", f"draft: {'true' if draft else 'false'}", REVIEW.strip(), "---", "正文", ""]
    return "\n".join(lines)


def codes_at(root, today):
    return [(d.path, d.line, d.severity, d.code) for d in diagnostics(root, today)]


def test_published_later_than_twenty_working_days_after_formed(tmp_path):
    root = write_project(tmp_path, {NOTICE: _notice("2026-09-30", "2026-11-04")})
    found = [d for d in diagnostics(root, D(2026, 11, 21)) if d.code == "published-late"]
    assert [(d.path, d.line, d.severity) for d in found] == [(NOTICE, 5, "warning")]
    assert "2026-11-03" in found[0].message


def test_published_on_the_last_day_is_on_time(tmp_path):
    root = write_project(tmp_path, {NOTICE: _notice("2026-09-30", "2026-11-03")})
    assert "published-late" not in [c for *_, c in codes_at(root, D(2026, 11, 21))]


def test_check_warns_before_the_window_ends_and_once_it_has(tmp_path):
    root = write_project(tmp_path, {NOTICE: _notice("2026-10-20", None, draft=True)})
    # 20 working days after Tue 20 Oct is Tue 17 Nov; five working days before it, check warns.
    assert (NOTICE, 4, "warning", "publish-due-soon") in codes_at(root, D(2026, 11, 11))
    assert [c for *_, c in codes_at(root, D(2026, 11, 2))] == []
    assert (NOTICE, 4, "warning", "publish-overdue") in codes_at(root, D(2026, 11, 18))


def test_dibao_list_is_shown_seven_days(tmp_path):
    from checkfixtures import BASE_FILES
    short = BASE_FILES[LIST].replace("expires: 2026-11-25", "expires: 2026-11-21")
    root = write_project(tmp_path, {LIST: short})
    assert (LIST, 6, "warning", "short-window") in codes_at(root, D(2026, 11, 21))


REPLY_TEXT = """\
type: reply
title: 关于低保标准的答复
channel: request
received: {received}
answered: {answered}
question: 申请公开本镇低保标准。
answer: 每人每月525元。
""" + REVIEW.replace("{", "{{").replace("}", "}}")


def test_a_request_is_answered_within_twenty_working_days(tmp_path):
    root = write_project(tmp_path, {REPLY: REPLY_TEXT.format(received="2026-09-30", answered="2026-11-03")})
    assert [c for *_, c in codes_at(root, D(2026, 11, 21))] == []
    root = write_project(tmp_path, {REPLY: REPLY_TEXT.format(received="2026-09-30", answered="2026-11-04")})
    assert (REPLY, 5, "warning", "reply-late") in codes_at(root, D(2026, 11, 21))
    root = write_project(tmp_path, {REPLY: REPLY_TEXT.format(received="2026-09-30", answered="2026-09-01")})
    assert (REPLY, 5, "error", "reply-order") in codes_at(root, D(2026, 11, 21))


def test_a_reply_with_a_private_phone_is_refused(tmp_path):
    text = REPLY_TEXT.format(received="2026-10-08", answered="2026-10-09").replace(
        "申请公开本镇低保标准。", "张先生（13812345678）申请公开本镇低保标准。")
    root = write_project(tmp_path, {REPLY: text})
    assert (REPLY, 6, "error", "personal-phone") in codes_at(root, D(2026, 11, 21))


def test_deadlines_beyond_the_calendar_are_a_warning_in_check(tmp_path):
    root = write_project(tmp_path, {NOTICE: _notice("2099-12-20", None, draft=True)})
    found = [d for d in diagnostics(root, D(2026, 11, 21)) if d.code == "calendar-range"]
    assert [(d.path, d.line, d.severity) for d in found] == [(NOTICE, 4, "warning")]
    assert "chinesecalendar" in found[0].message
