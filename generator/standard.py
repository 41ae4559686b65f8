"""The standard catalogue columns (基层政务公开标准目录, 国办发〔2019〕54号) of every item.

An item's column is, first found: what the item writes under ``disclosure``,
its catalogue entry (``content/catalogue.yml``), the default for its type.
So a clerk rarely writes them: a 低保 list is 社会救助 / 最低生活保障, 主动,
全社会, at the level of its office, without a word.
"""

from __future__ import annotations

from .model import CatalogueEntry, Item, Office, Project

COLUMNS = ("level1", "level2", "elements", "basis", "limit", "owner", "channel", "audience", "way", "level")
OFFICE_LEVEL = {"department": "县级", "town": "乡级", "village": "村级"}
LAW = "《中华人民共和国政府信息公开条例》"
WITHIN_20 = "信息形成或变更之日起20个工作日内"

# (一级事项, 二级事项, 公开内容（要素）) by item type.
TYPE_DEFAULTS: dict[str, tuple[str, str, str]] = {
    "procedure": ("政务服务", "办事指南", "办理依据、条件、申报材料、程序、时限、收费标准"),
    "pledge": ("政务服务", "服务承诺", "服务承诺事项和监督方式"),
    "rules": ("机构职能", "工作制度", "工作制度和规定"),
    "notice": ("政务动态", "通知公告", "通知公告内容"),
    "duties": ("机构职能", "领导分工和岗位职责", "人员、职务、分管工作、办公电话"),
    "fees": ("收费管理", "行政事业性收费", "收费项目、标准、计费单位、依据"),
    "finance": ("财政信息", "财务收支", "收入、支出明细和合计"),
    "subsidy-list": ("社会救助", "最低生活保障", "保障对象户主姓名、村组、保障人数、保障金额"),
    "subsidy-summary": ("社会救助", "最低生活保障", "总户数、总人数、新纳入、停发、调增、调减、动态率"),
    "projects": ("重大建设项目", "项目建设", "项目名称、预算、承建单位、进度"),
    "table": ("政务动态", "统计信息", "统计数据"),
    "reply": ("政府信息公开", "依申请公开和意见答复", "申请或意见摘要、答复内容、收到和答复日期"),
}


def office_level(office: Office) -> str:
    return OFFICE_LEVEL.get(office.kind, "乡级")


def entry_for(item: Item, office: Office, catalogue: list[CatalogueEntry]) -> CatalogueEntry | None:
    """The entry ``item`` covers: the one it names, else the first for its type at its office's level."""
    if item.catalogue:
        return next((e for e in catalogue if e.id == item.catalogue), None)
    level = office_level(office)
    typed = [e for e in catalogue if item.type in e.types]
    return next((e for e in typed if level in e.levels), None)


def columns(item: Item, office: Office, project: Project, *, limit: str = "", channel: str = "") -> dict[str, str]:
    """The item's ten standard columns as text; ``limit`` and ``channel`` are the fallbacks
    the caller knows (its window, the boards that print it)."""
    entry = entry_for(item, office, project.catalogue)
    written = item.disclosure or {}
    from_entry = entry.columns if entry else {}
    level1, level2, elements = TYPE_DEFAULTS.get(item.type, ("", "", ""))
    if item.type in ("subsidy-list", "subsidy-summary") and item.fields.get("program"):
        level2 = item.fields["program"]
    way = "依申请" if item.type == "reply" and item.fields.get("channel") == "request" else "主动"
    defaults = {
        "level1": level1, "level2": level2, "elements": elements,
        "basis": (item.basis or "").strip() or LAW, "limit": limit or WITHIN_20, "owner": office.name,
        "channel": channel, "audience": "全社会", "way": way, "level": office_level(office),
    }
    own = {"elements": item.summary}  # the item's summary says best what it discloses
    out = {name: str(written.get(name) or own.get(name) or from_entry.get(name) or defaults[name]).strip()
           for name in COLUMNS}
    out["entry"] = entry.id if entry else ""
    return out
