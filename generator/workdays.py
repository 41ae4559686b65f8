"""Legal clocks on the Chinese working-day calendar (法定节假日和调休上班日).

Deadlines in working days (工作日) follow the State Council's yearly holiday
notice, as kept by the ``chinesecalendar`` package: 春节 and 国庆 days off are
not working days, and a make-up working weekend (调休上班) is. A date the
package has no data for raises :class:`CalendarRangeError`, never a guess.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

PUBLISH_WORKING_DAYS = 20  # 政府信息公开条例 第二十六条: within 20 working days of being formed or changed
REPLY_WORKING_DAYS = 20  # 政府信息公开条例 第三十三条: a request is answered within 20 working days
DIBAO_NOTICE_DAYS = 7  # 最低生活保障审核确认办法 第十九条: the list is on display for 7 days
SOON_WORKING_DAYS = 5  # check warns this many working days before a deadline


class CalendarRangeError(ValueError):
    """The holiday calendar has no data for ``day`` (the package needs an update)."""

    def __init__(self, day: dt.date):
        super().__init__(day.isoformat())
        self.day = day
        self.last = last_known_day()


def last_known_day() -> dt.date:
    """The last day the installed calendar knows (31 December of its newest year)."""
    newest = max(max(chinese_calendar.holidays), max(chinese_calendar.workdays))
    return dt.date(newest.year, 12, 31)


def is_working_day(day: dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        raise CalendarRangeError(day) from None


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
    day = start
    while count > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count


def publish_deadline(formed: dt.date) -> dt.date:
    """The last day to publish information formed (or changed) on ``formed``."""
    return add_working_days(formed, PUBLISH_WORKING_DAYS)
