"""``gongkai serve``: preview the website, rebuilt whenever content/, boards/ or the theme change."""

from __future__ import annotations

import logging
import os
import sys

from .. import engine
from .build import DEFAULT_CONFIG, midnight_epoch, mkdocs_logging
from .common import add_project_arguments, load_or_exit

HELP = "本地预览网站，修改内容后自动刷新（http://127.0.0.1:8000/）"


def add_arguments(parser) -> None:
    add_project_arguments(parser)
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT",
                        help="预览地址，默认 127.0.0.1:8000")


def run(args) -> int:
    project, code = load_or_exit(args)
    if project is None:
        return code
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.date:  # the plugin reads the build date from here when none is configured
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight_epoch(args.date)))
    engine.select()
    from mkdocs.commands.serve import serve

    mkdocs_logging(logging.INFO)  # "Serving on http://…" and each rebuild
    from mkdocs.exceptions import Abort

    root = args.dir.resolve()
    own = root / "mkdocs.yml"
    try:
        serve(config_file=str(own if own.is_file() else DEFAULT_CONFIG), livereload=True,
              watch_theme=True, dev_addr=args.dev_addr, docs_dir=str(root / "content"))
    except Abort as error:
        print(f"gongkai serve: {error}", file=sys.stderr)
        return 1
    return 0
