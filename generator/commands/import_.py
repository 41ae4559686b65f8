"""``gongkai import``: turn an Excel sheet (.xlsx, .xls) or CSV into an item (or its rows_from CSV).

Every unreadable cell is reported as ``FILE:row:col: error[CODE]: message``
naming the cell as Excel does (``Excel 工作表“名单” E12``), and nothing is
written unless the whole sheet reads cleanly. Columns left out and rows
skipped (合计、签名行) are listed.
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
from ..workflow.importer import DEFAULT_TITLES, HEADERS, IMPORT_TYPES, SKIP, Imported, import_sheet
from ..workflow.item_write import write_import
from ..workflow.project import find_root, site_language
from ..workflow.sheet_rows import field_label
from ..workflow.spreadsheet import EXCEL_SUFFIXES, SheetError, read_sheet

HELP = "从 Excel（.xlsx、.xls）或 CSV 导入名单、收支表或表格，身份证号自动遮盖，个人电话、银行账号不导入"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="Excel（.xlsx、.xls）或 CSV 文件（UTF-8、GBK、GB18030 均可）")
    parser.add_argument("--type", required=True, choices=IMPORT_TYPES, dest="item_type",
                        help="事项类型：subsidy-list 补贴名单，finance 财务收支，table 表格")
    parser.add_argument("--to", required=True, type=Path,
                        help="写入的事项文件（.yml，或已有的 .md），或名单 CSV（rows_from 用的 .csv）")
    parser.add_argument("--sheet", help="Excel 工作表名称（默认第一个）")
    parser.add_argument("--title", help="事项标题（默认取表头上方的标题行）")
    parser.add_argument("--map", action="append", default=[], metavar="表头=字段",
                        help="指定某列导入为哪个字段，可重复：如 --map 发放标准=amount（或 =金额）；"
                             "=- 表示不导入这一列；table 类型为改列名")


def _usage(message: str) -> int:
    print(f"gongkai import: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        return _usage(f"no such file: {args.file}")
    if args.to.suffix not in (".yml", ".csv") and not (args.to.suffix == ".md" and args.to.is_file()):
        return _usage("--to must name a .yml item, an existing .md item or a .csv file")
    if args.sheet and args.file.suffix.lower() not in EXCEL_SUFFIXES:
        return _usage("--sheet applies to Excel (.xlsx, .xls) files only")
    mapping = _mapping(args.map, args.item_type)
    if isinstance(mapping, str):
        return _usage(mapping)
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
    imported = import_sheet(sheet, args.item_type, label, report, mapping)
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
    for diagnostic in report.sorted():  # warnings: columns left out, totals that could not be checked
        print(diagnostic.format(), file=sys.stderr)
    _summary(args, imported, todo, sheet.encoding)
    return 0


def _mapping(pairs: list[str], item_type: str) -> dict[str, str] | str:
    """``['发放标准=amount']`` -> ``{'发放标准': 'amount'}``; a usage message when one is wrong."""
    headers = HEADERS[item_type]
    by_name = {} if headers is None else {**{k: k for k in headers}, **{field_label(headers, k): k for k in headers}}
    out = {}
    for pair in pairs:
        header, sep, target = (part.strip() for part in pair.partition("="))
        if not sep or not header or not target:
            return f"--map takes HEADER=FIELD (e.g. --map 发放标准=amount), not {pair!r}"
        if target != SKIP and headers is not None and target not in by_name:
            return (f"--map {pair}: {item_type} has no field {target!r}; fields: "
                    + ", ".join(f"{k} ({field_label(headers, k)})" for k in headers) + f", or {SKIP} to leave it out")
        out[header] = target if target == SKIP or headers is None else by_name[target]
    return out


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
    for line in imported.skipped:
        print(f"  {line}")
    for line in todo:
        print(f"  还需：{line}")
