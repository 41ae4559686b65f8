"""Content format v1, declared once.

Every file kind (site, office, item types, board) is a tree of :class:`Field`.
The validator walks content against it, ``gongkai schema`` turns it into JSON
Schema, and the docs describe it. Add a field here and all three follow.
"""

from __future__ import annotations

from dataclasses import dataclass

# Field kinds: string, text (Markdown/multi-line), date, bool, int, money,
# phone (string), choice, list, object.


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    zh: str  # description shown in editors (Chinese)
    en: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    item: "Field | None" = None  # element of a list
    fields: tuple["Field", ...] = ()  # members of an object
    default: object = None

    def member(self, name: str) -> "Field | None":
        return next((f for f in self.fields if f.name == name), None)


def obj(name: str, zh: str, en: str, *fields: Field, required: bool = False) -> Field:
    return Field(name, "object", zh, en, required=required, fields=tuple(fields))


def list_of(name: str, zh: str, en: str, item: Field, required: bool = False) -> Field:
    return Field(name, "list", zh, en, required=required, item=item)


# --- site.yml -------------------------------------------------------------

SITE = obj(
    "site", "网站设置（content/site.yml）", "Site settings (content/site.yml)",
    Field("title", "string", "网站标题", "Site title", required=True),
    Field("language", "choice", "网站语言：zh 中文，en 英文", "Site language",
          choices=("zh", "en"), default="zh"),
    Field("url", "string", "网站地址（公开栏二维码和订阅源使用），如 https://gk.example.gov.cn/",
          "Base URL used for QR codes and feeds", required=True),
    Field("supervision_phone", "phone", "监督举报电话", "Supervision / complaint hotline",
          required=True),
    list_of("categories", "公开分类（默认：政务类、财务类、服务类、党务类）",
            "Disclosure categories", Field("category", "string", "分类名称", "Category")),
    list_of("fonts", "公开栏补充字体文件（相对项目根目录），用于生僻字",
            "Extra board font files (project-relative) for rare characters",
            Field("font", "string", "字体文件路径", "Font file path")),
    Field("publish_masked_ids", "bool",
          "低保等名单是否公开遮盖后的身份证号（默认 false：按《最低生活保障审核确认办法》第二十四条只公开姓名、"
          "家庭成员数量、保障金额和村组）",
          "Publish the masked ID numbers of subsidy recipients (default false)", default=False),
    Field("palette", "choice", "网站配色：red 政务红（默认），blue 政务蓝", "Site colours: red or blue",
          choices=("red", "blue"), default="red"),
    Field("logo", "string", "网站标志（单位徽标）图片文件，相对项目根目录，如 images/emblem.png",
          "Logo / emblem image file (project-relative)"),
    obj("footer", "网站页脚信息（填写的才显示）", "Site footer (each shown when set)",
        Field("sponsor", "string", "主办单位", "Run by"),
        Field("address", "string", "地址", "Address"),
        Field("phone", "phone", "联系电话", "Contact phone"),
        Field("site_code", "string", "网站标识码", "Government site code"),
        Field("icp", "string", "ICP备案号，如 豫ICP备12345678号", "ICP licence number"),
        Field("police_record", "string", "公安机关备案号，如 豫公网安备 41010502000001号",
              "Public security record number")),
)

FOOTER_FIELDS = ("sponsor", "address", "phone", "site_code", "icp", "police_record")

# How the public requests unpublished information (依申请公开) and gives feedback (意见箱):
# in site.yml for the whole site, in office.yml for one office.
REQUESTS = obj(
    "requests", "依申请公开：未主动公开的信息如何申请", "Requests for information not published",
    Field("where", "string", "受理机构和地点，如 镇党政办公室（镇政府一楼）", "Where requests are received"),
    Field("how", "text", "申请方式，如 当面、信函或网上提交申请表，写明所需信息和联系方式",
          "How to apply"),
    Field("phone", "phone", "咨询电话", "Enquiry phone"),
    Field("email", "string", "电子邮箱", "E-mail"),
)
FEEDBACK = obj(
    "feedback", "意见建议：意见箱、留言和监督渠道", "Feedback: suggestion box and other channels",
    Field("box", "string", "意见箱位置，如 镇政府一楼大厅", "Where the suggestion box is"),
    Field("how", "text", "其他反映方式（信函、电话、网上留言）", "Other ways to give feedback"),
    Field("phone", "phone", "意见建议电话", "Feedback phone"),
    Field("email", "string", "电子邮箱", "E-mail"),
)

SITE = obj(SITE.name, SITE.zh, SITE.en, *SITE.fields, REQUESTS, FEEDBACK)

# --- office.yml -----------------------------------------------------------

OFFICE = obj(
    "office", "单位信息（content/offices/<单位>/office.yml）", "Office (office.yml)",
    Field("name", "string", "单位名称，如 青山镇人民政府", "Office name", required=True),
    Field("kind", "choice", "单位类型：town 乡镇，village 村（社区），department 部门",
          "Kind of office", required=True, choices=("town", "village", "department")),
    Field("address", "string", "办公地址", "Address", required=True),
    Field("phone", "phone", "办公电话", "Office phone", required=True),
    Field("supervision_phone", "phone", "监督电话", "Supervision phone", required=True),
    Field("hours", "string", "办公时间", "Office hours", required=True),
)

OFFICE = obj(OFFICE.name, OFFICE.zh, OFFICE.en, *OFFICE.fields, REQUESTS, FEEDBACK)

# --- items ------------------------------------------------------------------

REVIEW = obj(
    "review", "审核记录：审核 → 复核 → 审批（草稿可不填）",
    "Review chain (required unless draft)",
    Field("reviewed_by", "string", "审核人", "Reviewed by", required=True),
    Field("checked_by", "string", "复核人", "Checked by", required=True),
    Field("approved_by", "string", "审批人", "Approved by", required=True),
    Field("approved_on", "date", "审批日期", "Approval date", required=True),
)

CORRECTION = obj(
    "correction", "一条勘误", "A correction",
    Field("date", "date", "更正日期", "Date of the change", required=True),
    Field("what", "string", "更正了什么", "What changed", required=True),
    Field("why", "string", "更正原因", "Why", required=True),
)

CHANGE = obj(
    "change", "一条修订说明（写给公众看）", "A revision note (for the public)",
    Field("date", "date", "修订日期", "Date of the revision", required=True),
    Field("text", "string", "修订了什么，如 工本费由10元调整为5元", "What was revised", required=True),
)

COMMON = (
    Field("type", "choice", "事项类型", "Item type", required=True,
          choices=("procedure", "pledge", "rules", "notice", "duties", "fees",
                   "finance", "subsidy-list", "projects", "table", "subsidy-summary", "reply")),
    Field("title", "string", "标题", "Title", required=True),
    Field("category", "string", "公开分类（site.yml 的 categories 之一）",
          "Category (one of site.yml categories)"),
    Field("summary", "string", "内容摘要（公开目录“内容”一栏）", "One-line summary for the catalogue"),
    Field("basis", "text", "公开依据或审批依据", "Legal basis"),
    Field("published", "date", "发布日期", "Publication date"),
    Field("expires", "date", "公示截止日期（公示期满后网站只保留标题）",
          "End of the publication window"),
    Field("draft", "bool", "草稿：true 时不发布", "Draft: never published", default=False),
    REVIEW,
    list_of("corrections", "勘误记录：已发布季度的事项修改后须登记", "Corrections (勘误)",
            CORRECTION),
    list_of("changes", "修订说明：修改后在网站“修订记录”中向公众说明改了什么", "Revision notes shown "
            "in the page's revision history", CHANGE),
    Field("rows_from", "string", "表格数据来自同目录下的 CSV 文件，如 recipients.csv",
          "Take the table rows from a CSV file beside the item"),
)

# 基层政务公开标准目录 (国办发〔2019〕54号): the columns every item can carry; left out,
# they come from the item's catalogue entry, else from defaults by type (generator/content/standard.py).
AUDIENCES = ("全社会", "特定群体")
WAYS = ("主动", "依申请")
LEVELS = ("县级", "乡级", "村级")
FREQUENCIES = ("常态", "每季度", "每月", "即时")


def _standard_columns() -> tuple[Field, ...]:
    return (
        Field("level1", "string", "一级事项，如 社会救助", "First-level matter"),
        Field("level2", "string", "二级事项，如 最低生活保障", "Second-level matter"),
        Field("elements", "string", "公开内容（要素）", "What is disclosed (elements)"),
        Field("basis", "string", "公开依据", "Legal basis of the disclosure"),
        Field("limit", "string", "公开时限，如 信息形成或变更之日起20个工作日内", "Time limit"),
        Field("owner", "string", "公开主体（默认本单位名称）", "Disclosing body (default: the office)"),
        Field("channel", "string", "公开渠道和载体，如 政府网站、公开栏", "Channels and media"),
        Field("audience", "choice", "公开对象：全社会 或 特定群体", "Audience", choices=AUDIENCES),
        Field("way", "choice", "公开方式：主动 或 依申请", "Proactive or on request", choices=WAYS),
    )


COMMON = COMMON + (
    Field("catalogue", "string", "对应公开目录（content/catalogue.yml）中的事项编号；不写则按事项类型对应",
          "Catalogue entry id (content/catalogue.yml); by type when left out"),
    obj("disclosure", "标准目录要素（国办发〔2019〕54号）；一般不用写，按公开目录和事项类型取默认值",
        "Standard catalogue columns; defaults from the catalogue entry and the type",
        *_standard_columns(),
        Field("level", "choice", "公开层级（默认按单位类型：部门 县级，乡镇 乡级，村 村级）",
              "Level (default by office kind)", choices=LEVELS)),
    Field("formed", "date", "信息形成或变更日期：须在其后 20 个工作日内发布（published）",
          "Date the information was formed or changed: publish within 20 working days"),
)

MONEY_UNITS = ("元", "万元")


def _money_unit(required: bool = False) -> Field:
    return Field("unit", "choice", "金额单位：元 或 万元", "Money unit",
                 required=required, choices=MONEY_UNITS, default="元")


ITEM_TYPES: dict[str, tuple[Field, ...]] = {
    "procedure": (
        Field("conditions", "text", "办理条件", "Conditions"),
        list_of("materials", "申报材料", "Required materials",
                Field("material", "string", "材料", "Material"), required=True),
        list_of("steps", "办理程序（流程图的每一步）", "Steps (drawn as a flow chart)",
                Field("step", "string", "步骤", "Step"), required=True),
        Field("time_limit", "string", "办理时限，如 5 个工作日", "Time limit", required=True),
        Field("fee", "string", "收费标准，如 不收费", "Fee", required=True),
        Field("place", "string", "办理地点", "Place"),
        Field("phone", "phone", "咨询电话", "Enquiry phone"),
    ),
    "pledge": (),
    "rules": (),
    "notice": (),
    "duties": (
        list_of("people", "人员及岗位职责", "People and their duties", obj(
            "person", "一名工作人员", "A person",
            Field("name", "string", "姓名", "Name", required=True),
            Field("post", "string", "职务/岗位", "Post", required=True),
            Field("duties", "text", "分管工作/岗位职责", "Duties", required=True),
            Field("phone", "phone", "办公电话", "Office phone"),
        ), required=True),
    ),
    "fees": (
        list_of("items", "收费项目", "Fee items", obj(
            "fee", "一项收费", "A fee",
            Field("name", "string", "收费项目名称", "Fee name", required=True),
            Field("standard", "money", "收费标准（金额，免费写 0）", "Amount (0 if free)",
                  required=True),
            Field("unit", "string", "计费单位，如 元/次", "Charging unit, e.g. 元/次",
                  required=True),
            Field("basis", "string", "收费依据（文件名及文号）", "Legal basis", required=True),
        ), required=True),
    ),
    "finance": (
        _money_unit(required=True),
        Field("period", "string", "所属期间，如 2025年第三季度", "Period covered"),
        list_of("income", "收入明细", "Income lines", obj(
            "line", "一项收入", "A line",
            Field("name", "string", "项目", "Name", required=True),
            Field("amount", "money", "金额", "Amount", required=True),
        ), required=True),
        list_of("expenditure", "支出明细", "Expenditure lines", obj(
            "line", "一项支出", "A line",
            Field("name", "string", "项目", "Name", required=True),
            Field("amount", "money", "金额", "Amount", required=True),
        ), required=True),
        Field("total_income", "money", "收入合计（须等于各项之和）", "Declared income total"),
        Field("total_expenditure", "money", "支出合计（须等于各项之和）",
              "Declared expenditure total"),
    ),
    "subsidy-list": (
        Field("program", "string", "补贴项目，如 农村最低生活保障", "Programme", required=True),
        _money_unit(),
        Field("objection_phone", "phone", "异议受理电话", "Phone for objections", required=True),
        list_of("recipients", "享受对象名单（或用 rows_from 读取 CSV）",
                "Recipients (or rows_from a CSV)", obj(
                    "recipient", "一户", "A household",
                    Field("name", "string", "户主姓名", "Name", required=True),
                    Field("group", "string", "村民小组", "Group (village team)"),
                    Field("persons", "int", "保障人数", "Persons", default=1),
                    Field("amount", "money", "金额", "Amount", required=True),
                    Field("id", "string", "身份证号（只能写遮盖后的，如 110105********1234）",
                          "ID number, masked only"),
                )),
        Field("total_amount", "money", "金额合计（须等于各户之和）", "Declared total"),
    ),
    "projects": (
        _money_unit(),
        list_of("projects", "项目", "Projects", obj(
            "project", "一个项目", "A project",
            Field("name", "string", "项目名称", "Name", required=True),
            Field("budget", "money", "预算金额", "Budget", required=True),
            Field("contractor", "string", "承建单位", "Contractor"),
            Field("progress", "string", "进度，如 已完工 / 60%", "Progress", required=True),
        ), required=True),
    ),
    "table": (
        list_of("columns", "表头", "Column headings",
                Field("column", "string", "列名", "Heading")),
        list_of("rows", "表格行：每行一个列表，与表头对应（或用 rows_from 读取 CSV）",
                "Rows, each a list matching columns (or rows_from)",
                list_of("row", "一行", "A row", Field("cell", "string", "单元格", "Cell"))),
    ),
}

ITEM_TYPES["subsidy-summary"] = (
    Field("program", "string", "补贴项目，如 农村最低生活保障（与同季度名单的 program 相同时互相核对）",
          "Programme (checked against the quarter's lists of the same programme)", required=True),
    Field("period", "string", "所属期间，如 2026年第四季度", "Period covered"),
    list_of("units", "各单位动态情况（或用 rows_from 读取 CSV）；名为“合计”的一行是合计行",
            "Units (or rows_from a CSV); a unit named 合计 is the total row", obj(
                "unit", "一个单位（村、组或乡镇）", "A unit (village, group or town)",
                Field("name", "string", "单位名称", "Unit name", required=True),
                Field("households", "int", "总户数", "Households", required=True),
                Field("persons", "int", "总人数", "Persons", required=True),
                Field("added", "int", "新纳入户数", "Newly added households", default=0),
                Field("stopped", "int", "停发/退出户数", "Stopped households", default=0),
                Field("raised", "int", "调增户数", "Raised households", default=0),
                Field("lowered", "int", "调减户数", "Lowered households", default=0),
                Field("rate", "string", "动态率，如 25.81%（不写则自动计算；写了须与计算结果一致）",
                      "Dynamic rate, e.g. 25.81% (computed when left out)"),
            )),
)

ITEM_TYPES["reply"] = (
    Field("question", "text", "来信或申请内容摘要（不写姓名、电话、身份证号等个人信息）",
          "Summary of the request or feedback (no personal data)", required=True),
    Field("answer", "text", "答复内容", "The answer", required=True),
    Field("channel", "choice", "来源：request 依申请公开，feedback 意见建议", "Where it came from",
          choices=("request", "feedback"), default="feedback"),
    Field("received", "date", "收到日期", "Date received", required=True),
    Field("answered", "date", "答复日期（依申请公开须在收到后 20 个工作日内）",
          "Date answered (a request: within 20 working days)", required=True),
)

# Table fields that rows_from fills, and the CSV headers each accepts.
ROWS_FIELD = {"subsidy-list": "recipients", "table": "rows"}
ROWS_FIELD["subsidy-summary"] = "units"

CSV_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "姓名", "户主姓名", "户主", "名字"),
    "group": ("group", "村组", "村民小组", "组别", "小组", "组"),
    "persons": ("persons", "人数", "保障人数", "享受人数", "家庭人口"),
    "amount": ("amount", "金额", "补贴金额", "发放金额", "保障金额", "月保障金"),
    "id": ("id", "身份证号", "身份证号码", "身份证"),
}
CSV_HEADERS["name"] += ("单位", "乡镇", "村名", "村（社区）")
CSV_HEADERS["persons"] += ("总人数",)
CSV_HEADERS.update({
    "households": ("households", "总户数", "户数"),
    "added": ("added", "新纳入", "新增"),
    "stopped": ("stopped", "停发/退出", "停发", "停保", "退出"),
    "raised": ("raised", "调增", "提标"),
    "lowered": ("lowered", "调减", "降标"),
    "rate": ("rate", "动态率"),
})

BOARD_SIZES = {"A0": (841, 1189), "A1": (594, 841), "A2": (420, 594),
               "A3": (297, 420), "A4": (210, 297)}

BOARD = obj(
    "board", "公开栏版面（boards/<版面>.yml）", "Board layout (boards/<board>.yml)",
    Field("office", "string", "单位编号（content/offices/ 下的目录名）", "Office id",
          required=True),
    Field("title", "string", "栏头标题，默认 政务公开栏（村为 村务公开栏）", "Header title"),
    Field("size", "string", "幅面：A0（默认）至 A4，或 宽x高 毫米，如 2400x1200",
          "Sheet size: A0 (default) to A4, or WxH in mm", default="A0"),
    Field("orientation", "choice", "方向：portrait 竖版（默认），landscape 横版",
          "Orientation", choices=("portrait", "landscape"), default="portrait"),
    Field("profile", "choice", "印刷方式：inkjet 喷绘/写真（默认，留白边），offset 胶印（出血和裁切线）",
          "Print profile", choices=("offset", "inkjet"), default="inkjet"),
    Field("margin", "int", "喷绘留白边宽度（毫米，默认 50，用于打扣眼）",
          "Inkjet blank margin in mm (default 50)", default=50),
    Field("columns", "int", "栏数（默认 3）", "Number of columns", default=3),
    list_of("panels", "栏目：fixed/<事项> 或 quarter/<事项>", "Panels: fixed/<item> or quarter/<item>",
            Field("panel", "string", "栏目引用", "Panel reference"), required=True),
)


def item_fields(item_type: str) -> tuple[Field, ...]:
    """All fields allowed in an item of ``item_type`` (common first)."""
    return COMMON + ITEM_TYPES.get(item_type, ())


# --- content/catalogue.yml ---------------------------------------------------

CATALOGUE = obj(
    "catalogue", "公开目录（content/catalogue.yml）：各类单位必须公开的事项和更新频率",
    "Disclosure catalogue (content/catalogue.yml): what each kind of office must publish, how often",
    list_of("entries", "目录事项", "Catalogue entries", obj(
        "entry", "一个目录事项", "A catalogue entry",
        Field("id", "string", "事项编号（小写字母、数字和连字符），事项用 catalogue: 引用", "Entry id",
              required=True),
        *(Field(f.name, f.kind, f.zh, f.en, required=f.name in ("level1", "elements"), choices=f.choices,
                default={"audience": "全社会", "way": "主动"}.get(f.name))
          for f in _standard_columns() if f.name != "owner"),
        list_of("levels", "公开层级：哪些层级的单位必须公开（县级=部门，乡级=乡镇，村级=村）",
                "Levels that must publish (县级: departments, 乡级: towns, 村级: villages)",
                Field("level", "choice", "层级", "Level", choices=LEVELS), required=True),
        Field("frequency", "choice", "更新频率：常态 长期公开，每季度，每月，即时（发生时公开）",
              "How often", required=True, choices=FREQUENCIES),
        Field("due_days", "int", "每季度、每月的事项须在该期开始后多少个工作日内公开（默认 20，政府信息公开条例第二十六条）",
              "Working days after a period starts to publish it (default 20)", default=20),
        list_of("types", "默认对应的事项类型（事项不写 catalogue 时按类型对应）",
                "Item types that cover the entry by default",
                Field("type", "choice", "事项类型", "Item type", choices=COMMON[0].choices)),
    ), required=True),
)
