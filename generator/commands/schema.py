"""``gongkai schema``: write the JSON Schemas editors use to complete and check content."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..workflow.editor_schema import SCHEMA_DIR, dumps, schemas

HELP = "生成编辑器用的 JSON Schema（站点、单位、事项、公开栏），VS Code 输入时即可补全和检查"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path(SCHEMA_DIR),
                        help=f"输出目录（默认 {SCHEMA_DIR}）")


def run(args: argparse.Namespace) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        path = args.out / name
        path.write_text(dumps(schema), encoding="utf-8", newline="\n")
        print(path.as_posix())
    return 0
