"""What the rows and columns of a clerk's sheet are: header names, totals, signatures, private columns.

Real sheets carry more than the list: title rows above the header, blank
rows, 合计/小计 rows, signature lines (制表人、审核人、日期), columns that
must never be published (联系电话、银行账号). These rules say which is which;
:mod:`.importer` applies them.
"""

from __future__ import annotations

import re
import unicodedata

from ..content.schema import CSV_HEADERS

# Header names accepted for each field, besides those of ``rows_from`` CSVs (CSV_HEADERS).
_MORE_SUBSIDY_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("户主名", "户名", "申请人", "申请人姓名", "享受对象", "保障对象", "救助对象", "对象姓名"),
    "group": ("所在组", "所属组", "组名", "村民组", "社", "所在村组"),
    "persons": ("享受人口", "保障人口", "家庭人数", "家庭人口数", "人口", "人口数", "户人口",
                "保障人口数", "享受人数"),
    "amount": ("月保障金额", "月保障金", "保障金", "补助金额", "月补助金额", "补助标准", "补贴标准",
               "救助金额", "月发放金额", "发放金额"),
    "id": ("公民身份号码", "居民身份证号码", "身份证件号码", "证件号码", "身份证号"),
}


def _merge(base: dict[str, tuple[str, ...]], more: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(dict.fromkeys(names + more.get(key, ()))) for key, names in base.items()}


SUBSIDY_HEADERS = _merge(CSV_HEADERS, _MORE_SUBSIDY_HEADERS)
FINANCE_HEADERS: dict[str, tuple[str, ...]] = {
    "side": ("side", "类别", "收支", "收支类别", "收支类型", "类型", "收支项目"),
    "name": ("name", "项目", "项目名称", "名称", "科目", "科目名称", "摘要", "内容"),
    "amount": SUBSIDY_HEADERS["amount"] + ("本期金额", "本季度金额", "发生额", "本期发生额"),
}
IGNORED_HEADERS = ("序号", "序", "编号", "no", "no.", "排序")


def field_label(headers: dict[str, tuple[str, ...]], key: str) -> str:
    """The usual Chinese name of a field's column: ``amount`` -> ``金额``, finance ``name`` -> ``项目``."""
    return headers[key][1]

_BRACKETED = re.compile(r"\(([^)]*)\)")
_SLASH_UNIT = re.compile(r"/(万元|元)$")


def normal(text: str) -> str:
    """Full-width forms as half-width (（元）-> (元), ： -> :), spaces and line breaks removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def header_parts(text: str) -> tuple[str, str | None]:
    """``'月保障金额（元）'`` -> ``('月保障金额', '元')``; ``'金额/万元'`` -> ``('金额', '万元')``."""
    compact = normal(text).rstrip(":")
    unit = None
    for inside in _BRACKETED.findall(compact):
        if "万元" in inside:
            unit = "万元"
        elif "元" in inside and unit is None:
            unit = "元"
    slash = _SLASH_UNIT.search(compact)
    if slash:
        unit, compact = slash.group(1), compact[:slash.start()]
    return _BRACKETED.sub("", compact).lower(), unit


def header_key(text: str, headers: dict[str, tuple[str, ...]],
               mapping: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """The field a header names (``--map`` first, then the accepted names) and its unit."""
    bare, unit = header_parts(text)
    if mapping:
        for written, key in mapping.items():
            if normal(written).lower() in (normal(text).lower(), bare):
                return key, unit
    for key, names in headers.items():
        if bare in names:
            return key, unit
    return None, unit


def accepted_names(headers: dict[str, tuple[str, ...]]) -> str:
    """``姓名：姓名、户主姓名…；金额：…`` for messages and docs (English keys left out)."""
    return "；".join(f"{field_label(headers, key)}（{key}）：" + "、".join(n for n in names if not n.isascii())
                    for key, names in headers.items())


def is_ignored(text: str) -> bool:
    return header_parts(text)[0] in IGNORED_HEADERS


# --- columns that must not be published -----------------------------------

_PRIVATE_PHONE = re.compile(r"^(联系)?(电话|手机|手机号|手机号码|电话号码|联系方式|联系电话)(号码)?$"
                            r"|^(家庭|个人|住宅|本人|户主)(电话|手机)")
_PRIVATE_BANK = re.compile(r"银行|账号|帐号|卡号|存折|开户|一卡通|社保卡")
_PRIVATE_ID = re.compile(r"身份证|身份号码|证件号")
_PRIVATE_OTHER = re.compile(r"^(家庭)?(住址|地址|家庭住址|现住址)$")
PUBLIC_PHONE_HEADER = re.compile(r"(办公|监督|举报|咨询|服务|值班|投诉)电话")


def private_column(text: str) -> str | None:
    """Why a column must not be published (``'联系电话'`` -> ``'个人电话'``), or None.

    A subsidy list's own ID column (masked on the way in) is matched as a field before this.
    """
    bare = header_parts(text)[0]
    if PUBLIC_PHONE_HEADER.search(bare):
        return None
    if _PRIVATE_PHONE.search(bare):
        return "个人电话"
    if _PRIVATE_BANK.search(bare):
        return "银行账号"
    if _PRIVATE_ID.search(bare):
        return "身份证号"
    if _PRIVATE_OTHER.search(bare):
        return "家庭住址"
    return None


PERSONAL_KINDS = {"id": "身份证号", "bank-card": "银行卡号", "phone": "手机号码"}

# --- rows that are not data -------------------------------------------------

_TOTAL = re.compile(r"^(?:本页|本月|本季度?|本期|全村|全镇|全乡|全社区|收入|支出|收支|总)?"
                    r"(?P<word>合计|总计|小计|共计|总合计)")
_SUBTOTAL_PREFIX = ("本页", "本月")
_SIGNATURE = re.compile(
    r"^(?:制表人?|填表人?|填报人|填报单位|填报日期|制表日期|报送单位|报表日期|审核人?|复核人?|审批人?|"
    r"审核意见|负责人|单位负责人|主管领导|经办人|统计人?|会计|出纳|日期|单位(?:\(盖章\))?|盖章|公章|"
    r"村委会|村民委员会|监委会|村务监督委员会)(?:\([^)]*\))?(?P<colon>[:：])?"
)
_NOTE = re.compile(r"^(?:注|说明|备注|附注?|附件|公示期|公示时间|监督电话|举报电话|咨询电话|投诉电话)"
                   r"(?:\d+)?[:：、.]")


def total_word(text: str) -> str | None:
    """``'合计'``, ``'小计'``… when ``text`` names a total row (any common spelling), else None."""
    match = _TOTAL.match(normal(text))
    if not match:
        return None
    word = match.group("word")
    return "小计" if word == "小计" or normal(text).startswith(_SUBTOTAL_PREFIX) else "合计"


def is_signature(first: str, filled: int, width: int) -> bool:
    """A signature line (制表人：…、审核人：…、日期：…): its first cell names the role,
    with a colon, or alone in a row that holds far fewer cells than the header."""
    match = _SIGNATURE.match(normal(first))
    if not match:
        return False
    rest = normal(first)[match.end():]
    return bool(match.group("colon")) or (not rest and filled * 2 <= max(width, 2))


def is_note(text: str) -> bool:
    """A note line under a list: 注：… 说明：… 公示期：… 监督电话：…"""
    return bool(_NOTE.match(normal(text)))
