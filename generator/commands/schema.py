"""``gongkai schema``: write the JSON Schemas editors use to complete and check content."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import render
from ..workflow.editor_schema import SCHEMA_DIR, dumps, schemas
from ..workflow.schema_links import link
from .common import is_project

HELP = "生成编辑器用的 JSON Schema（站点、单位、事项、公开栏），VS Code 输入时即可补全和检查"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path(SCHEMA_DIR),
                        help=f"输出目录（默认 {SCHEMA_DIR}）")
    parser.add_argument("--link", type=Path, metavar="DIR",
                        help="同时在项目 DIR 的每个 .yml 内容文件第一行加上（或更新）指向 schema 的注释")


def run(args: argparse.Namespace) -> int:
    if args.link is not None and not is_project(args.link):
        print(render("no-project", "zh", path=args.link), file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        path = args.out / name
        path.write_text(dumps(schema), encoding="utf-8", newline="\n")
        print(path.as_posix())
    if args.link is not None:
        for path in link(args.link, args.out):
            print(f"linked {path.as_posix()}")
    return 0
