"""A small valid project written into a temp dir; tests break one thing at a time."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from generator.content import load_project

TODAY = dt.date(2026, 11, 21)

BASE_FILES = {
    "content/site.yml": """\
        title: 测试县政务公开
        url: https://gk.county.test/
        supervision_phone: 0371-12345678
        """,
    "content/offices/test-town/office.yml": """\
        name: 测试镇人民政府
        kind: town
        address: 测试县测试镇政府路1号
        phone: 0371-12345670
        supervision_phone: 0371-12345679
        hours: 周一至周五 8:30-12:00，14:30-17:30
        """,
    "content/offices/test-town/fixed/birth-registration.yml": """\
        type: procedure
        title: 生育登记
        category: 服务类
        basis: 《测试省人口与计划生育条例》
        materials:
          - 夫妻双方身份证
          - 结婚证
        steps:
          - 提交材料
          - 审核
          - 发证
        time_limit: 当场办结
        fee: 不收费
        review:
          reviewed_by: 张丽
          checked_by: 王强
          approved_by: 李明
          approved_on: 2026-01-05
        """,
    "content/offices/test-town/fixed/pledge.md": """\
        ---
        type: pledge
        title: 服务承诺
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-01-05}
        ---
        我们承诺：一次告知，限时办结。
        """,
    "content/offices/test-town/quarters/2026-Q4/finance.yml": """\
        type: finance
        title: 2026年第四季度财务收支
        unit: 元
        income:
          - {name: 上级转移支付, amount: 0.1}
          - {name: 集体经营收入, amount: 0.2}
        expenditure:
          - {name: 办公经费, amount: "1,000.50"}
        total_income: 0.3
        total_expenditure: 1000.50
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-10-08}
        """,
    "content/offices/test-town/quarters/2026-Q4/low-income.yml": """\
        type: subsidy-list
        title: 2026年11月低保名单
        program: 农村最低生活保障
        objection_phone: 0371-12345679
        published: 2026-11-18
        expires: 2026-11-25
        recipients:
          - {name: 张三, group: 一组, persons: 2, amount: 600, id: 410523********1234}
          - {name: 李四, group: 二组, persons: 1, amount: 300}
        review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-17}
        """,
    "boards/main.yml": """\
        office: test-town
        panels:
          - fixed/birth-registration
          - quarter/finance
          - quarter/low-income
        """,
}


def write_project(root: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """The base project with ``changes`` applied (None deletes a file)."""
    files: dict[str, str | bytes | None] = dict(BASE_FILES)
    files.update(changes or {})
    for rel, text in files.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def diagnostics(root: Path, today: dt.date = TODAY):
    _, report = load_project(root, today)
    return report.sorted()


def codes(root: Path, today: dt.date = TODAY) -> list[tuple[str, int, str]]:
    """``(path, line, code)`` of every diagnostic."""
    return [(d.path, d.line, d.code) for d in diagnostics(root, today)]


def resident_id(first17: str) -> str:
    """Complete 17 digits with the GB 11643 check digit."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


def luhn_number(prefix: str, length: int) -> str:
    """A number of ``length`` digits starting with ``prefix`` whose Luhn check passes."""
    body = prefix + "0" * (length - 1 - len(prefix))
    for check in "0123456789":
        digits = [int(c) for c in body + check][::-1]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
        if total % 10 == 0:
            return body + check
    raise AssertionError("unreachable")
