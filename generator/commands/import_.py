"""``gongkai import``: turn an Excel sheet or CSV into an item (or its rows_from CSV).

Every unreadable cell is reported as ``FILE:row:col: error[CODE]: message``
and nothing is written unless the whole sheet reads cleanly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ..diagnostics import Report
from ..messages import render
from ..model import Location
from ..money import format_amount, total
from ..workflow.importer import DEFAULT_TITLES, IMPORT_TYPES, Imported, import_sheet
from ..workflow.item_write import write_import
from ..workflow.project import find_root, site_language
from ..workflow.spreadsheet import SheetError, read_sheet

HELP = "从 Excel（.xlsx）或 CSV 导入名单、收支表或表格，身份证号自动遮盖"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="Excel（.xlsx）或 CSV 文件（UTF-8、GBK、GB18030 均可）")
    parser.add_argument("--type", required=True, choices=IMPORT_TYPES, dest="item_type",
                        help="事项类型：subsidy-list 补贴名单，finance 财务收支，table 表格")
    parser.add_argument("--to", required=True, type=Path,
                        help="写入的事项文件（.yml，或已有的 .md），或名单 CSV（rows_from 用的 .csv）")
    parser.add_argument("--sheet", help="Excel 工作表名称（默认第一个）")
    parser.add_argument("--title", help="事项标题（默认取表头上方的标题行）")


def _usage(message: str) -> int:
    print(f"gongkai import: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        return _usage(f"no such file: {args.file}")
    if args.to.suffix not in (".yml", ".csv") and not (args.to.suffix == ".md" and args.to.is_file()):
        return _usage("--to must name a .yml item, an existing .md item or a .csv file")
    if args.sheet and args.file.suffix.lower() not in (".xlsx", ".xlsm"):
        return _usage("--sheet applies to Excel (.xlsx) files only")
    if args.to.suffix == ".csv" and args.item_type == "finance":
        return _usage("a finance sheet is imported into a .yml item, not a CSV")
    root = find_root(args.to.parent if args.to.parent.exists() else Path.cwd())
    report = Report(site_language(root))
    label = args.file.as_posix()
    try:
        sheet = read_sheet(args.file, args.sheet)
    except SheetError as exc:
        report.error(Location(label), exc.code, **exc.values)
        return _fail(report)
    imported = import_sheet(sheet, args.item_type, label, report)
    if imported is None:
        return _fail(report)
    title = args.title or imported.title or DEFAULT_TITLES[args.item_type]
    try:
        todo = write_import(args.to, args.item_type, imported, title, root, report,
                            retitle=bool(args.title))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        return _usage(f"cannot update {args.to}: {exc}")
    if todo is None:
        return _fail(report)
    _summary(args, imported, todo, sheet.encoding)
    return 0


def _fail(report: Report) -> int:
    for diagnostic in report.sorted():
        print(diagnostic.format(), file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    print(render("import-nothing-written", report.language), file=sys.stderr)
    return 1


def _summary(args: argparse.Namespace, imported: Imported, todo: list[str], encoding: str | None) -> None:
    source = args.file.as_posix() + (f"（{encoding}）" if encoding else "")
    print(f"{source} → {args.to.as_posix()}：{imported.count} 行，列：{'、'.join(imported.columns)}")
    fields = imported.fields
    if args.item_type == "subsidy-list":
        amounts = [r["amount"] for r in fields["recipients"]]
        print(f"  合计 {format_amount(total(amounts))} {fields.get('unit', '元')}，共 {len(amounts)} 户")
    elif args.item_type == "finance":
        for side, name in (("income", "收入"), ("expenditure", "支出")):
            print(f"  {name} {len(fields[side])} 项，合计 "
                  f"{format_amount(total(l['amount'] for l in fields[side]))} {fields['unit']}")
    for line in todo:
        print(f"  还需：{line}")
