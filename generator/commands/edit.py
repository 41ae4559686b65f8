"""``gongkai edit``: the browser editor for clerks, on 127.0.0.1 only."""

from __future__ import annotations

import sys
import webbrowser

from .common import add_project_arguments, build_date, require_project

HELP = "在浏览器中编辑内容（表单，保存为项目文件；只在本机 127.0.0.1 打开）"


def add_arguments(parser) -> None:
    add_project_arguments(parser)
    parser.add_argument("--port", type=int, default=8081, help="端口，默认 8081（0：任选空闲端口）")
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")


def run(args) -> int:
    from ..editor.server import MISSING_CMS, cms_installed, make_server

    if not require_project(args.dir):
        return 2
    if not cms_installed():
        print(MISSING_CMS, file=sys.stderr)
        return 2
    try:
        server = make_server(args.dir, build_date(args), args.port)
    except OSError as error:
        print(f"端口 {args.port} 无法使用（{error.strerror}）：请用 --port 换一个", file=sys.stderr)
        return 2
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"编辑器已打开：{url}  （保存的修改写入项目文件，请用 git 提交；按 Ctrl+C 退出）", flush=True)
    if not args.no_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
