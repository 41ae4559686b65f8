"""Roll an office's rotating items into a new quarter as drafts.

Each item of the office's latest earlier quarter is copied with its dates
moved on by the same number of months, its review and corrections cleared,
``draft: true`` set, and the quarter named in its text (``2026年第三季度``,
``2026-Q3``, ``7—9月``, ``2026年8月``) moved on too. Recipients, lines and
amounts stay for the clerk to edit; ``rows_from`` CSVs are copied.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.validate import parse_date
from ..model import Quarter
from . import yamltext
from .todo import missing_fields

CN_NUMBERS = "一二三四"
ROW_FIELDS = ("recipients", "income", "expenditure", "projects", "rows", "people", "items")


@dataclass
class RolledItem:
    source: Path
    target: Path
    todo: list[str] = field(default_factory=list)
    copied: list[Path] = field(default_factory=list)  # rows_from CSVs
    skipped: bool = False  # unreadable (not UTF-8, bad YAML or front matter): not copied


def quarters_of(office_dir: Path) -> list[Quarter]:
    out = []
    for folder in (office_dir / "quarters").glob("*"):
        try:
            out.append(Quarter.parse(folder.name))
        except ValueError:
            continue
    return sorted(out)


def previous_quarter(office_dir: Path, target: Quarter) -> Quarter | None:
    earlier = [q for q in quarters_of(office_dir) if q < target]
    return earlier[-1] if earlier else None


def months_between(source: Quarter, target: Quarter) -> int:
    return 12 * (target.year - source.year) + 3 * (target.number - source.number)


def shift_date(day: dt.date, months: int) -> dt.date:
    """Move ``day`` on by ``months``; a month's last day stays the last day (09-30 -> 12-31)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    length = calendar.monthrange(year, month + 1)[1]
    last = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month + 1, length if last else min(day.day, length))


_QUARTER_NAME = re.compile(
    r"(?P<y1>\d{4})年第?(?P<n1>[一二三四1-4])季度"  # 2026年第三季度, 2026年三季度, 2026年第3季度
    r"|(?<!年)第(?P<n2>[一二三四1-4])季度"  # 第三季度
    r"|(?P<y3>\d{4})(?:-|年)Q(?P<n3>[1-4])(?![0-9])"  # 2026-Q3, 2026年Q3
    r"|(?<![0-9])(?P<m1>1|4|7|10)(?P<dash>[—\-～~至–])(?P<m2>3|6|9|12)月"  # 7—9月
    r"|(?P<y4>\d{4})年(?P<m4>\d{1,2})月"  # 2026年8月
)


def rename_quarter(text: str, source: Quarter, target: Quarter) -> str:
    """Move the periods ``text`` names on by the distance from ``source`` to ``target``.

    Quarter names move wherever they appear (a quarter's folder often reports
    on the quarter before); dated months move when they fall in ``source`` or
    the quarter before it, so the dates of older documents stay as written.
    """
    months = months_between(source, target)
    recent = (source.previous().start, source.end)

    def moved(year: int, number: int) -> Quarter:
        return Quarter.containing(shift_date(Quarter(year, number).start, months))

    def replace(match: re.Match) -> str:
        g = match.groupdict()
        if g["n1"]:
            n = CN_NUMBERS.find(g["n1"]) + 1 or int(g["n1"])
            q = moved(int(g["y1"]), n)
            written = CN_NUMBERS[q.number - 1] if g["n1"] in CN_NUMBERS else str(q.number)
            return f"{q.year}年{'第' if '第' in match.group(0) else ''}{written}季度"
        if g["n2"]:
            n = CN_NUMBERS.find(g["n2"]) + 1 or int(g["n2"])
            q = moved(source.year, n)
            return f"第{CN_NUMBERS[q.number - 1] if g['n2'] in CN_NUMBERS else q.number}季度"
        if g["n3"]:
            q = moved(int(g["y3"]), int(g["n3"]))
            return f"{q.year}{match.group(0)[4]}Q{q.number}"
        if g["m1"]:
            first, last = int(g["m1"]), int(g["m2"])
            if last != first + 2:
                return match.group(0)
            q = moved(source.year, (first + 2) // 3)
            return f"{3 * q.number - 2}{g['dash']}{3 * q.number}月"
        year, number = int(g["y4"]), int(g["m4"])
        if not 1 <= number <= 12 or not recent[0] <= dt.date(year, number, 1) <= recent[1]:
            return match.group(0)
        day = shift_date(dt.date(year, number, 1), months)
        return f"{day.year}年{day.month}月"

    return _QUARTER_NAME.sub(replace, text)


def roll_text(text: str, markdown: bool, source: Quarter, target: Quarter) -> tuple[str, list[str]]:
    """The rolled text of one item, and notes on what changed for the clerk to check."""
    months = months_between(source, target)
    notes: list[str] = []

    def edit(lines: list[str]) -> list[str]:
        for key in ("published", "expires"):
            value = yamltext.scalar(lines, key)
            if value:
                old = parse_date(value)  # as gongkai check reads it: 2026-11-2 too
                if old is None:
                    continue
                new = shift_date(old, months)
                lines = yamltext.set_scalar(lines, key, new.isoformat())
                notes.append(f"{key} 已从 {old} 顺延为 {new}，请核对")
        for key in ("review", "corrections", "changes"):
            lines = yamltext.remove(lines, key)
        return yamltext.set_scalar(lines, "draft", "true", after="title")

    rolled = yamltext.edit_fields(text, markdown, edit)
    return rename_quarter(rolled, source, target), notes


def _fields(text: str, markdown: bool) -> dict:
    if markdown:
        text = yamltext.split_front(text.replace("\r\n", "\n"))[0]
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def roll_office(office_dir: Path, source: Quarter, target: Quarter, root: Path) -> list[RolledItem]:
    """Write ``target``'s folder from ``source``'s; the rolled items with their to-do lists."""
    source_dir = office_dir / "quarters" / str(source)
    target_dir = office_dir / "quarters" / str(target)
    target_dir.mkdir(parents=True)
    rolled = []
    for path in sorted(source_dir.iterdir()):
        if path.suffix not in (".yml", ".md") or not path.is_file():
            continue
        markdown = path.suffix == ".md"
        item = RolledItem(path, target_dir / path.name)
        rolled.append(item)
        try:
            new_text, notes = roll_text(path.read_bytes().decode("utf-8-sig"), markdown, source, target)
            data = _fields(new_text, markdown)
        except (UnicodeDecodeError, ValueError, yaml.YAMLError):
            item.skipped = True
            continue
        item.target.write_text(new_text, encoding="utf-8", newline="")
        if data.get("rows_from"):
            csv = source_dir / str(data["rows_from"])
            if csv.is_file():
                shutil.copyfile(csv, target_dir / csv.name)
                item.copied.append(target_dir / csv.name)
        item.todo = _todo(data, notes, markdown, item, root)
    return rolled


def _todo(data: dict, notes: list[str], markdown: bool, item: RolledItem, root: Path) -> list[str]:
    todo = []
    for key in ROW_FIELDS:
        if isinstance(data.get(key), list):
            todo.append(f"{key}：沿用上季度的 {len(data[key])} 项，请逐项核对、更新")
    for csv in item.copied:
        rows = max(0, len(csv.read_text(encoding="utf-8-sig").strip().splitlines()) - 1)
        todo.append(f"{csv.relative_to(root).as_posix()}：沿用上季度的 {rows} 行，"
                    f"请更新（可用 gongkai import 从 Excel 导入）")
    for key in ("total_amount", "total_income", "total_expenditure"):
        if key in data:
            todo.append(f"{key}：合计须与各项相加一致")
    todo += notes
    if data.get("summary"):
        todo.append("summary：按本季度改写内容摘要")
    if markdown:
        todo.append("正文：按本季度改写")
    present = set(data)
    item_type = str(data.get("type", ""))
    todo += [f"{f.name}（{f.zh}）：还没有填写" for f in missing_fields(item_type, present)]
    todo.append("review：审核、复核、审批后填写，再删除 draft: true")
    return todo
