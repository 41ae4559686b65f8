"""``gongkai export``: write a subsidy list, finance sheet or table item back to an Excel workbook.

The clerk edits the workbook and imports it again (``gongkai import``), which
gives the same item: the round trip for a list kept in Excel.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import load_project
from ..diagnostics import Report
from ..messages import render
from ..workflow.exporter import EXPORT_TYPES, export_item
from ..workflow.project import find_root
from .common import build_date, parse_date_arg, print_report

HELP = "把名单、收支表或表格事项导出为 Excel 工作簿（.xlsx），修改后可用 gongkai import 导回"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item", type=Path, help="事项文件，如 content/offices/liuxi-village/quarters/2026-Q4/dibao.yml")
    parser.add_argument("--to", required=True, type=Path, help="写入的 Excel 文件（.xlsx）")
    parser.add_argument("--force", action="store_true", help="覆盖已有的文件")
    parser.add_argument("--date", type=parse_date_arg, default=None,
                        help="按此日期读取项目（YYYY-MM-DD），默认今天")


def _usage(message: str) -> int:
    print(f"gongkai export: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if not args.item.is_file():
        return _usage(f"no such item file: {args.item}")
    if args.to.suffix.lower() != ".xlsx":
        return _usage("--to must name an Excel workbook (.xlsx)")
    if args.to.exists() and not args.force:
        print(render("file-exists", "zh", file=args.to.as_posix()) + "（要覆盖请加 --force）", file=sys.stderr)
        return 2
    root = find_root(args.item.parent)
    if root is None:
        return _usage(f"{args.item} is not inside a gongkai project (no content/site.yml above it)")
    when = build_date(args)
    project, report = load_project(root, when)
    rel = args.item.resolve().relative_to(root.resolve()).as_posix()
    item = next((i for i in project.items() if i.source == rel), None)
    problems = [d for d in report.errors if d.path == rel or (item and item.rows_from and d.path.endswith(item.rows_from))]
    if item is None or problems:
        print_report(report if item is None else Report(report.language, problems))
        print("没有写入任何文件：请先改正这个事项的错误（gongkai check）", file=sys.stderr)
        return 1
    if item.type not in EXPORT_TYPES:
        return _usage(f"{rel} is a {item.type} item; only {', '.join(EXPORT_TYPES)} items are exported")
    rows = export_item(item, args.to, when)
    print(f"{rel} → {args.to.as_posix()}：{rows} 行。修改后用 gongkai import {args.to.as_posix()} "
          f"--type {item.type} --to {rel} 导回")
    return 0
