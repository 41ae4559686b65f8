"""``gongkai report``: per office, what the catalogue requires, what covers it, what is missing,
stale or due (``--due N``: what falls due in the next N days, the quarter's to-do list)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..content.catalogue import PATH as CATALOGUE_PATH
from ..obligations import COVERED, DUE, OPTIONAL, OVERDUE, entry_title, office_obligations, upcoming
from ..standard import office_level
from ..workdays import CalendarRangeError
from .common import add_project_arguments, build_date, load_or_exit

HELP = "公开目录执行情况：各单位已公开、缺少、未更新和即将到期的目录事项（--due N：今后 N 天的待办）"

TEXT = {
    "zh": {
        "title": "公开目录执行情况（{date}，目录 {file}）",
        "office": "{name}（{id}，{level}）：应公开 {required} 项，已公开 {covered} 项，缺少 {missing} 项，未更新 {stale} 项",
        "covered": "已公开", "missing": "缺少", "stale": "未更新", "optional": "暂无",
        "due_by": "{period} 应在 {due} 前发布", "overdue": "（已逾期）",
        "latest": "最近：{items}",
        "none": "{name}（{id}）：公开目录对本级单位没有要求",
        "due_title": "今后 {days} 天内到期（{start} 至 {end}）",
        "due_office": "{name}（{id}）",
        "due_line": "  {due}  {what}{period}",
        "due_none": "  没有到期事项",
        "item": "（{key} 形成于 {formed}）",
        "no_catalogue": "项目没有公开目录 {file}：请按 docs/content-format.md 写明各类单位必须公开的事项",
        "unknown_office": "没有单位 {office}",
        "calendar": "无法计算期限：日期 {date} 超出节假日日历数据（chinesecalendar 只到 {last}），"
                    "请升级：pip install -U chinesecalendar",
    },
    "en": {
        "title": "Catalogue coverage ({date}, catalogue {file})",
        "office": "{name} ({id}, {level}): {required} required, {covered} published, {missing} missing, "
                  "{stale} stale",
        "covered": "published", "missing": "missing", "stale": "stale", "optional": "none yet",
        "due_by": "{period} due by {due}", "overdue": " (overdue)",
        "latest": "latest: {items}",
        "none": "{name} ({id}): the catalogue requires nothing at this level",
        "due_title": "Due in the next {days} days ({start} to {end})",
        "due_office": "{name} ({id})",
        "due_line": "  {due}  {what}{period}",
        "due_none": "  nothing due",
        "item": " ({key}, formed {formed})",
        "no_catalogue": "the project has no catalogue {file}: declare what each kind of office must publish "
                        "(see docs/content-format.md)",
        "unknown_office": "no office {office}",
        "calendar": "cannot count deadlines: {date} is beyond the holiday calendar (chinesecalendar ends "
                    "{last}); upgrade it: pip install -U chinesecalendar",
    },
}
MARKS = {COVERED: "✓", DUE: "!", OVERDUE: "✗", OPTIONAL: "·"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_project_arguments(parser)
    parser.add_argument("--due", type=int, metavar="N", default=None,
                        help="只列出今后 N 天内到期（含已逾期）的事项：本季度待办")
    parser.add_argument("--office", metavar="ID", help="只看这个单位（content/offices/ 下的目录名）")


def run(args) -> int:
    project, code = load_or_exit(args)
    if project is None:
        return code
    lang = project.site.language if project.site.language in TEXT else "zh"
    text = TEXT[lang]
    if not project.catalogue:
        print(text["no_catalogue"].format(file=CATALOGUE_PATH), file=sys.stderr)
        return 1
    offices = list(project.offices.values())
    if args.office:
        offices = [o for o in offices if o.id == args.office]
        if not offices:
            print(text["unknown_office"].format(office=args.office), file=sys.stderr)
            return 2
    today = build_date(args)
    try:
        lines = (_due(project, offices, today, args.due, text) if args.due is not None
                 else _coverage(project, offices, today, text))
    except CalendarRangeError as exc:
        print(text["calendar"].format(date=exc.day.isoformat(), last=exc.last.isoformat()), file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def _coverage(project, offices, today, text) -> list[str]:
    out = [text["title"].format(date=today.isoformat(), file=CATALOGUE_PATH)]
    for office in offices:
        obligations = office_obligations(project, office, today)
        found = [o for o in obligations if o.status != OPTIONAL or o.items]
        required = [o for o in obligations if o.entry.frequency != "即时"]
        out.append("")
        if not found and not required:
            out.append(text["none"].format(name=office.name, id=office.id))
            continue
        missing = [o for o in required if o.missing]
        stale = [o for o in required if o.status in (DUE, OVERDUE) and o.ever]
        out.append(text["office"].format(
            name=office.name, id=office.id, level=office_level(office), required=len(required),
            covered=sum(o.status == COVERED for o in required), missing=len(missing), stale=len(stale)))
        for o in obligations:
            state = (text["covered"] if o.status == COVERED else text["optional"] if o.status == OPTIONAL
                     else text["missing"] if o.missing else text["stale"])
            detail = ""
            if o.status in (DUE, OVERDUE):
                due = o.due.isoformat() if o.due else "?"
                detail = text["due_by"].format(period=o.period or o.entry.frequency, due=due)
                detail += text["overdue"] if o.status == OVERDUE else ""
            if o.items:
                shown = o.items[-3:]
                keys = "、".join(f"{i.key}" + (f"（{i.quarter}）" if i.quarter else "") for i in shown)
                detail = "；".join(d for d in (detail, text["latest"].format(items=keys)) if d)
            out.append(f"  {MARKS[o.status]} {o.entry.frequency:<3} {state:<3} [{o.entry.id}] "
                       f"{entry_title(o.entry)}" + (f" — {detail}" if detail else ""))
    return out


def _due(project, offices, today, days, text) -> list[str]:
    end = today + dt.timedelta(days=days)
    out = [text["due_title"].format(days=days, start=today.isoformat(), end=end.isoformat())]
    for office in offices:
        out.append("")
        out.append(text["due_office"].format(name=office.name, id=office.id))
        todo = upcoming(project, office, today, days)
        if not todo:
            out.append(text["due_none"])
        for u in todo:
            period = f"（{u.period}）" if u.period else ""
            if u.item is not None:
                period = text["item"].format(key=u.item.key, formed=u.item.formed.isoformat())
            late = text["overdue"] if u.due < today else ""
            out.append(text["due_line"].format(due=u.due.isoformat(), what=u.what, period=period) + late)
    return out
