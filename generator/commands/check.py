"""``gongkai check``: report every content problem, compiler style."""

from __future__ import annotations


from ..content import load_project
from ..content.history import check_history
from ..messages import render
from .common import add_project_arguments, build_date, print_report, require_project

HELP = "检查内容：格式、金额、个人信息、审核、公示期、字体（0 无错误，1 有错误）"


def add_arguments(parser) -> None:
    add_project_arguments(parser)


def run(args) -> int:
    if not require_project(args.dir):
        return 2
    today = build_date(args)
    project, report = load_project(args.dir, today)
    check_history(project, report, args.dir, today)
    print_report(report)
    if not report.diagnostics:
        print(render("clean", report.language, offices=len(project.offices), items=len(project.items()),
                     boards=len(project.boards)))
    return 1 if report.has_errors() else 0
