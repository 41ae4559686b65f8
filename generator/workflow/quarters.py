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


_DASH = r"[—\-～~至–到]"
_QUARTER_NAME = re.compile(
    r"(?P<y1>\d{4})\s?年第?(?P<n1>[一二三四1-4])季度"  # 2026年第三季度, 2026年三季度, 2026年第3季度
    r"|(?<!年)第(?P<n2>[一二三四1-4])季度"  # 第三季度
    r"|(?<![0-9A-Za-z_./-])(?P<y3>\d{4})(?P<sep3>-|年|\s?)(?P<q3>[Qq])(?P<n3>[1-4])(?![0-9])"  # 2026-Q3, 2026Q3
    r"|(?<![0-9A-Za-z_./-])(?P<q6>Q)(?P<n6>[1-4])(?![0-9A-Za-z_./-])"  # Q3 (not in a file name)
    rf"|(?P<y5>\d{{4}})年(?P<m5>1|4|7|10)(?P<mark5>月?)(?P<dash5>{_DASH})(?P<m6>3|6|9|12)月"  # 2026年10—12月
    rf"|(?<![0-9])(?P<m1>1|4|7|10)(?P<mark1>月?)(?P<dash>{_DASH})(?P<m2>3|6|9|12)月"  # 7—9月, 7月至9月
    r"|(?P<y7>\d{4})年(?P<mo7>\d{1,2})月(?P<d7>\d{1,2})日"  # 2026年9月30日
    r"|(?<![0-9A-Za-z_./-])(?P<y8>\d{4})(?P<sep8>[-/.])(?P<mo8>\d{1,2})(?P=sep8)(?P<d8>\d{1,2})(?![0-9])"  # 2026-09-30
    r"|(?P<y4>\d{4})年(?P<m4>\d{1,2})月"  # 2026年8月
    r"|(?<![年0-9])(?P<mo9>\d{1,2})月(?P<d9>\d{1,2})日"  # 9月30日 (the year before it, or none)
)


# A year on its own (2026年重点项目, 2026年度): moved when its line names a quarter without
# a year that moves into the next year.
_BARE_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?=\s?年(?![第0-9Qq]))")


def rename_quarter(text: str, source: Quarter, target: Quarter) -> str:
    """Move the periods ``text`` names on by the distance from ``source`` to ``target``.

    Quarter names move wherever they appear (a quarter's folder often reports
    on the quarter before), with their year across the new year (2026年第四季度
    -> 2027年第一季度, 2026年10—12月 -> 2027年1—3月, and the year of 2026年重点项目
    （第四季度）); dated months and days move
    when they fall in ``source`` or the quarter before it, so the dates of older
    documents stay as written.
    """
    months = months_between(source, target)
    recent = (source.previous().start, source.end)

    def moved(year: int, number: int) -> Quarter:
        return Quarter.containing(shift_date(Quarter(year, number).start, months))

    def day(year: int, month: int, day_: int) -> dt.date | None:
        """The date moved on, or None when it is not a recent date (or no date at all)."""
        try:
            old = dt.date(year, month, day_)
        except ValueError:
            return None
        return shift_date(old, months) if recent[0] <= old <= recent[1] else None

    def number(text_: str) -> int:
        return CN_NUMBERS.find(text_) + 1 or int(text_)

    def written(text_: str, n: int) -> str:
        return CN_NUMBERS[n - 1] if text_ in CN_NUMBERS else str(n)

    def replace(match: re.Match) -> str:
        g = match.groupdict()
        if g["n1"]:
            q = moved(int(g["y1"]), number(g["n1"]))
            return f"{q.year}年{'第' if '第' in match.group(0) else ''}{written(g['n1'], q.number)}季度"
        if g["n2"]:
            q = crossed(moved(source.year, number(g["n2"])))
            return f"第{written(g['n2'], q.number)}季度"
        if g["n3"]:
            q = moved(int(g["y3"]), int(g["n3"]))
            return f"{q.year}{g['sep3']}{g['q3']}{q.number}"
        if g["n6"]:
            return f"{g['q6']}{crossed(moved(source.year, int(g['n6']))).number}"
        if g["y5"] or g["m1"]:
            first, last = (int(g["m5"]), int(g["m6"])) if g["y5"] else (int(g["m1"]), int(g["m2"]))
            if last != first + 2:
                return match.group(0)
            q = moved(int(g["y5"] or source.year), (first + 2) // 3)
            if not g["y5"]:
                crossed(q)
            mark, dash = (g["mark5"], g["dash5"]) if g["y5"] else (g["mark1"], g["dash"])
            months_ = f"{3 * q.number - 2}{mark}{dash}{3 * q.number}月"
            return f"{q.year}年{months_}" if g["y5"] else months_
        if g["y7"]:
            new = day(int(g["y7"]), int(g["mo7"]), int(g["d7"]))
            return f"{new.year}年{new.month}月{new.day}日" if new else match.group(0)
        if g["y8"]:
            new = day(int(g["y8"]), int(g["mo8"]), int(g["d8"]))
            if new is None:
                return match.group(0)
            sep, pad = g["sep8"], len(g["mo8"]) == 2
            return f"{new.year}{sep}{new.month:02d}{sep}{new.day:02d}" if pad else \
                f"{new.year}{sep}{new.month}{sep}{new.day}"
        if g["y4"]:
            year, month = int(g["y4"]), int(g["m4"])
            if not 1 <= month <= 12 or not recent[0] <= dt.date(year, month, 1) <= recent[1]:
                return match.group(0)
            new = shift_date(dt.date(year, month, 1), months)
            return f"{new.year}年{new.month}月"
        month, day_ = int(g["mo9"]), int(g["d9"])
        for year in (source.year, source.year - 1):
            new = day(year, month, day_)
            if new:
                return f"{new.month}月{new.day}日"
        return match.group(0)

    def crossed(q: Quarter) -> Quarter:
        """Note that a quarter named without its year moved into another year."""
        if q.year != source.year:
            year_moves[0] = q.year - source.year
        return q

    def bare_year(match: re.Match) -> str:
        year = int(match.group(0))
        return str(year + year_moves[0]) if year == source.year else match.group(0)

    out = []
    for line in text.splitlines(keepends=True):
        year_moves = [0]
        line = _QUARTER_NAME.sub(replace, line)
        if year_moves[0]:  # 2026年重点项目（第四季度） -> 2027年重点项目（第一季度）
            line = _BARE_YEAR.sub(bare_year, line)
        out.append(line)
    return "".join(out)


def roll_text(text: str, markdown: bool, source: Quarter, target: Quarter) -> tuple[str, list[str]]:
    """The rolled text of one item, and notes on what changed for the clerk to check."""
    months = months_between(source, target)
    notes: list[str] = []
    dates: dict[str, dt.date] = {}  # the publication dates, each moved once (whatever the text says)
    kept: dict[str, str] = {}

    def read_dates(lines: list[str]) -> list[str]:
        if yamltext.scalar(lines, "rows_from"):  # a file name: the CSV is copied under the same name
            kept["rows_from"] = yamltext.scalar(lines, "rows_from")
        for key in ("published", "expires"):
            value = yamltext.scalar(lines, key)
            old = parse_date(value) if value else None  # as gongkai check reads it: 2026-11-2 too
            if old is not None:
                dates[key] = shift_date(old, months)
                notes.append(f"{key} 已从 {old} 顺延为 {dates[key]}，请核对")
        return lines

    def edit(lines: list[str]) -> list[str]:
        for key, new in dates.items():
            lines = yamltext.set_scalar(lines, key, new.isoformat())
        for key, value in kept.items():
            lines = yamltext.set_scalar(lines, key, value)
        for key in ("review", "corrections", "changes"):
            lines = yamltext.remove(lines, key)
        return yamltext.set_scalar(lines, "draft", "true", after="title")

    yamltext.edit_fields(text, markdown, read_dates)
    return yamltext.edit_fields(rename_quarter(text, source, target), markdown, edit), notes


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
