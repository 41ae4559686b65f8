"""``gongkai boards``: render only the board PDFs (proofs, manifests, tiles) and booklets."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..diagnostics import ContentError
from ..model import Quarter
from .common import (NoPrintLibraries, add_project_arguments, build_date, import_boards, inside_sources, load_or_exit,
                     print_report, under_a_file)

HELP = "生成公开栏印刷 PDF、校样图和资料汇编（不生成网站）"


def parse_quarter(text: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"季度应为 YYYY-Qn，如 2025-Q3：{text}") from None


def add_arguments(parser) -> None:
    add_project_arguments(parser)
    parser.add_argument("--board", action="append", metavar="ID",
                        help="只生成这个版面（boards/<ID>.yml），可重复")
    parser.add_argument("--quarter", type=parse_quarter, metavar="YYYY-Qn",
                        help="生成哪一季度的版本，默认各单位最新一季")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="输出目录，默认 项目目录/site（与网站链接一致）")
    parser.add_argument("--tile", choices=("A3", "A4"),
                        help="另出一份拼贴版：用 A3/A4 纸分块打印，带重叠和拼接标记")
    parser.add_argument("--jobs", type=int, metavar="N", help="并行进程数，默认 CPU 核数")
    parser.add_argument("--report", action="store_true",
                        help="逐张列出排版结果：版块、拆分续排的版块、正文字号、版面填充率")


def run(args) -> int:
    try:
        boards = import_boards()  # WeasyPrint loads only when boards are built
    except NoPrintLibraries as error:
        print(f"gongkai boards: {error}", file=sys.stderr)
        return 1
    PrintSetupError, build_boards = boards.PrintSetupError, boards.build_boards

    project, code = load_or_exit(args)
    if project is None:
        return code
    unknown = sorted(set(args.board or []) - set(project.boards))
    if unknown:
        print(f"没有这个版面：{', '.join(unknown)}（可用：{', '.join(project.boards) or '无'}）",
              file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("--jobs 至少为 1", file=sys.stderr)
        return 2
    out = args.out or args.dir / "site"
    if inside_sources(args.dir, out) or under_a_file(out):
        print(f"不能把印刷文件写到 {out}：它或上级目录是文件，或在 content/、boards/ 里", file=sys.stderr)
        return 2
    try:
        editions = build_boards(project, out, quarter=args.quarter, board_ids=args.board,
                                jobs=args.jobs, tile=args.tile, today=build_date(args))
    except ContentError as e:
        print_report(e.report)
        return 1
    except PrintSetupError as e:
        print(e, file=sys.stderr)
        return 1
    for edition in editions:
        state = "缓存" if edition.cached else "生成"
        sheets = f"{edition.sheets} 张" if edition.sheets == 1 else (
            f"{edition.sheets} 张：一张排不下，版块已分排到 {edition.sheets} 张，请检查校样 {edition.proof.name}")
        print(f"{state} {edition.pdf}（{sheets}）")
        overflow = json.loads(edition.manifest.read_text(encoding="utf-8")).get("overflow_mm", 0)
        if overflow:
            print(f"  注意：有一段内容（一个列表项或引文）比一栏还长，无法拆分，超出栏底 {overflow} mm，"
                  f"请把它分成较短的段落", file=sys.stderr)
        if args.report:
            print_layout(edition.manifest)
    return 0


def print_layout(manifest_path: Path) -> None:
    """Each sheet of a board as laid out: panels, split panels, body size, fill."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for number, sheet in enumerate(manifest.get("sheet_layout", []), 1):
        split = f"，拆分续排 {len(sheet['split_panels'])} 个（{'、'.join(sheet['split_panels'])}）" \
            if sheet["split_panels"] else ""
        print(f"  第 {number} 张：版块 {len(sheet['panels'])} 个{split}；正文 {sheet['text_pt']:g} pt；"
              f"填充 {sheet['fill']:.0%}")
        print(f"    {'、'.join(sheet['panels'])}")
