"""``gongkai new office|quarter``: start an office, or roll the next quarter in as drafts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.schema import OFFICE
from ..messages import render
from ..model import ID_PATTERN, Quarter
from ..workflow.offices import create_office
from ..workflow.project import site_language
from ..workflow.quarters import previous_quarter, roll_office
from .common import require_project

HELP = "新建单位（new office）或新一季度（new quarter，沿用上季度内容作草稿）"
KINDS = next(f for f in OFFICE.fields if f.name == "kind").choices


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_subparsers(dest="what", metavar="office|quarter", required=True)
    office = what.add_parser("office", help="新建单位目录：office.yml 和各类固定内容模板（草稿）")
    office.add_argument("id", help="单位编号（目录名），只用小写字母、数字和连字符，如 liuxi-village")
    office.add_argument("dir", nargs="?", default=Path("."), type=Path, help="项目目录，默认当前目录")
    office.add_argument("--name", help="单位全称，如 柳溪村民委员会")
    office.add_argument("--kind", choices=KINDS, default="village",
                        help="单位类型：town 乡镇，village 村（默认），department 部门")
    office.set_defaults(run=run_office)
    quarter = what.add_parser("quarter", help="新建季度：把上一季度的变动内容复制为草稿，日期顺延")
    quarter.add_argument("quarter", help="新季度，如 2026-Q4")
    quarter.add_argument("dir", nargs="?", default=Path("."), type=Path, help="项目目录，默认当前目录")
    quarter.add_argument("--office", help="只处理这个单位（默认所有单位）")
    quarter.set_defaults(run=run_quarter)


def run(args: argparse.Namespace) -> int:
    return args.run(args)


def _refuse(code: str, language: str, **values) -> int:
    print(f"gongkai new: {render(code, language, **values)}", file=sys.stderr)
    return 2


def run_office(args: argparse.Namespace) -> int:
    if not require_project(args.dir):
        return 2
    language = site_language(args.dir)
    if not ID_PATTERN.match(args.id):
        return _refuse("bad-id", language, value=args.id)
    folder = args.dir / "content" / "offices" / args.id
    if folder.exists():
        return _refuse("file-exists", language, file=folder.as_posix())
    for path in create_office(args.dir, args.id, args.name, args.kind):
        print(path.relative_to(args.dir).as_posix())
    print(f"已新建单位 {args.id}：请填写 office.yml 中的“待填写”各项，"
          f"再逐个完善 fixed/ 下的草稿（完成审核后删除 draft: true），然后运行 gongkai check")
    return 0


def run_quarter(args: argparse.Namespace) -> int:
    if not require_project(args.dir):
        return 2
    language = site_language(args.dir)
    try:
        target = Quarter.parse(args.quarter)
    except ValueError:
        return _refuse("bad-quarter", language, value=args.quarter)
    offices_dir = args.dir / "content" / "offices"
    if args.office:
        if not ID_PATTERN.match(args.office) or not (offices_dir / args.office).is_dir():
            return _refuse("unknown-office", language, office=args.office, hint="")
        office_dirs = [offices_dir / args.office]
    else:
        office_dirs = sorted(p for p in offices_dir.iterdir() if (p / "office.yml").is_file())
    for office_dir in office_dirs:
        folder = office_dir / "quarters" / str(target)
        if folder.exists():
            return _refuse("quarter-exists", language, office=office_dir.name, quarter=target,
                           folder=folder.relative_to(args.dir).as_posix())
    plans = [(d, previous_quarter(d, target)) for d in office_dirs]
    if not any(source for _, source in plans):
        return _refuse("no-previous-quarter", language,
                       office=args.office or "、".join(d.name for d in office_dirs), quarter=target)
    for office_dir, source in plans:
        if source is None:
            print(render("no-previous-quarter", language, office=office_dir.name, quarter=target))
            continue
        print(f"{office_dir.name}: {source} → {target}")
        for item in roll_office(office_dir, source, target, args.dir):
            if item.skipped:
                print(f"  未复制 {item.source.relative_to(args.dir).as_posix()}：文件无法读取，"
                      f"请先用 gongkai check 找出问题，改正后手工复制到新季度")
                continue
            print(f"  {item.target.relative_to(args.dir).as_posix()}")
            for line in item.todo:
                print(f"    - {line}")
    print("新季度的事项都是草稿（draft: true）：逐项改好（本季度不再公开的事项直接删除文件），审核后删除 draft: true，再运行 gongkai check")
    return 0
