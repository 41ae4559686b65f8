"""The ``gongkai`` command line: one sub-command per module in ``generator.commands``.

Each command module provides ``HELP`` (one line), ``add_arguments(parser)``
and ``run(args) -> int``. Exit codes: 0 clean, 1 content errors, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .engine import EngineError

# Sub-command name -> module under generator.commands.
COMMANDS = {
    "boards": "boards",
    "build": "build",
    "check": "check",
    "edit": "edit",
    "export": "export",
    "import": "import_",
    "init": "init",
    "new": "new",
    "schema": "schema",
    "serve": "serve",
    "report": "report",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai",
        description="政务公开栏生成器：检查内容，生成网站和公开栏印刷文件。",
    )
    parser.add_argument("--version", action="version", version=f"gongkai {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f".commands.{module_name}", __package__)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except EngineError as error:
        print(f"gongkai: {error}", file=sys.stderr)
        return 2
