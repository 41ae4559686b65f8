"""``gongkai serve``: preview the website and the board proofs, rebuilt whenever the project changes.

While the content has errors every page is a page listing them (as ``gongkai
check`` prints them); pages reload by themselves when the files change.
"""

from __future__ import annotations

import sys

from .build import mkdocs_logging
from .common import add_project_arguments, require_project

HELP = "本地预览网站和公开栏校样，修改内容后自动刷新；内容有错误时网页上列出错误（http://127.0.0.1:8000/）"


def add_arguments(parser) -> None:
    add_project_arguments(parser)
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT",
                        help="预览地址，默认 127.0.0.1:8000")


def parse_address(text: str) -> tuple[str, int] | None:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host.strip("[]") or "127.0.0.1", int(port)


def run(args) -> int:
    if not require_project(args.dir):
        return 2
    address = parse_address(args.dev_addr)
    if address is None:
        print(f"gongkai serve: --dev-addr 应为 IP:端口，如 127.0.0.1:8000，而不是 {args.dev_addr}", file=sys.stderr)
        return 2
    from ..preview import serve

    mkdocs_logging()
    try:
        serve(args.dir.resolve(), *address, date=args.date)
    except OSError as error:  # the port is taken, or the address is not this machine's
        print(f"gongkai serve: 无法在 {args.dev_addr} 上提供预览：{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("gongkai serve: 已停止", file=sys.stderr)
    return 0
