"""``gongkai init DIR``: a new, empty project that passes ``gongkai check`` (its items are drafts)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import render
from ..model import ID_PATTERN
from ..workflow.new_project import create_project, planned_files
from .common import is_project
from .new import KINDS

HELP = "新建一个空项目：网站设置、一个待填写的单位、一块公开栏、CI 和提交前检查"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="新项目的目录（不存在则新建；可以是空目录或刚建的 git 仓库）")
    parser.add_argument("--office", help="单位编号（目录名，也是网址的一部分），只用小写字母、数字和连字符，"
                                         "如 liuxi-village；默认用项目目录名，目录名不合适时为 office")
    parser.add_argument("--name", help="单位全称，如 柳溪村民委员会")
    parser.add_argument("--kind", choices=KINDS, default="village",
                        help="单位类型：town 乡镇，village 村（默认），department 部门")
    parser.add_argument("--title", help="网站标题，如 柳溪村村务公开")
    parser.add_argument("--url", help="网站的正式地址（公开栏二维码指向这里），如 https://gk.liuxi.gov.cn/")
    parser.add_argument("--gongkai", metavar="REQUIREMENT",
                        help="CI 安装 gongkai 的来源（pip 格式），默认与当前安装的 gongkai 相同")
    parser.add_argument("--no-ci", dest="ci", action="store_false",
                        help="不写 CI 配置（.github/workflows/gongkai.yml、.gitlab-ci.yml）")


def _refuse(message: str) -> int:
    print(f"gongkai init: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    office = args.office or (root.resolve().name if ID_PATTERN.match(root.resolve().name) else "office")
    if not ID_PATTERN.match(office):
        return _refuse(render("bad-id", "zh", value=office))
    if root.exists() and not root.is_dir():
        return _refuse(f"{root.as_posix()} 是文件，不是目录")
    if is_project(root):
        return _refuse(f"{root.as_posix()} 已经是 gongkai 项目（有 content/site.yml），不会覆盖")
    taken = [rel for rel in [*planned_files(office, args.ci), f"content/offices/{office}"] if (root / rel).exists()]
    if taken:
        return _refuse(render("file-exists", "zh", file=(root / taken[0]).as_posix()))
    root.mkdir(parents=True, exist_ok=True)
    for path in create_project(root, office, name=args.name, kind=args.kind, title=args.title, url=args.url,
                               gongkai=args.gongkai, ci=args.ci):
        print(path.relative_to(root).as_posix())
    print(f"\n已新建项目 {root.as_posix()}（单位 {office}）。接下来：\n"
          f"  1. 把 content/site.yml 和 content/offices/{office}/office.yml 中的“待填写”换成实际内容，"
          f"url 改为网站的正式地址；\n"
          f"  2. 逐个完善 content/offices/{office}/fixed/ 下的草稿，审核后删除 draft: true；\n"
          f"  3. 运行 gongkai check {root.as_posix()}，再用 gongkai serve {root.as_posix()} 预览。")
    if args.ci:
        print("  CI 配置（.github/workflows/gongkai.yml、.gitlab-ci.yml）用 GONGKAI 一行安装 gongkai，请核对。")
    return 0
