"""Natural order of village groups: 一组, 二组, … 十二组 (also 1组, 第3组, 东山组)."""

from __future__ import annotations

import re

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_NUMBER = re.compile(r"第?([0-9０-９]+|[零〇一二两三四五六七八九十百]+)(?=组|队|社|小组)")


def chinese_number(text: str) -> int | None:
    """``十二`` -> 12, ``二十一`` -> 21, ``一百零五`` -> 105, ``12``/``１２`` -> 12."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def group_key(name: str) -> tuple:
    """Sort key: the text before the group number, the number, then the rest."""
    match = _NUMBER.search(name)
    number = chinese_number(match.group(1)) if match else None
    if number is None:
        return (name, -1, "")
    return (name[:match.start()], number, name[match.end():])
