"""Readable YAML for the files the workflow writes.

Block style, Chinese as written (never ``\\u`` escapes), lists indented under
their key, and amounts as exact decimal text (``1200.00`` stays ``1200.00``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import yaml


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


class FlowList(list):
    """A list written on one line (``[张三, 一组, '3']``): a table row."""


def _flow_list(dumper: yaml.SafeDumper, value: FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(dt.date, _date)
_Dumper.add_representer(FlowList, _flow_list)


def dump(data: dict) -> str:
    """YAML text of ``data`` in the order given."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)


def dump_lines(key: str, value) -> list[str]:
    """The lines of one top-level ``key: value`` block."""
    return dump({key: value}).rstrip("\n").split("\n")
