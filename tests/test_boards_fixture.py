"""A small project of model objects for the board tests: every item type, three boards.

``town`` is an offset A0 board that fits one sheet; ``village`` is an inkjet
A2 board whose subsidy list is too long for one sheet; ``mini`` is a one-panel
A4 board, quick to render.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from generator.model import Board, Item, Location, Office, PanelRef, Project, Quarter, Review, Site

QUARTER = Quarter(2026, 4)
TODAY = dt.date(2026, 11, 21)
REVIEW = Review("王敏", "李强", "张建国", dt.date(2026, 10, 8))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英志强桂兰海燕红梅春生德明玉珍永福淑芬"


def name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 3 + 1) % len(GIVEN)]


def item(office: str, item_id: str, type_: str, title: str, quarter: Quarter | None = None,
         body: str = "", **fields) -> Item:
    section = "fixed" if quarter is None else f"quarters/{quarter}"
    extra = {k: fields.pop(k) for k in ("basis", "published", "expires", "draft") if k in fields}
    return Item(
        id=item_id, office_id=office, type=type_, title=title,
        source=f"content/offices/{office}/{section}/{item_id}.yml", quarter=quarter,
        category="政务类", review=REVIEW, published=extra.get("published", dt.date(2026, 10, 8)),
        basis=extra.get("basis"), expires=extra.get("expires"), draft=extra.get("draft", False),
        body=body, fields=fields,
    )


def recipients(count: int) -> list[dict]:
    return [{"name": name(i), "group": f"第{i % 6 + 1}组", "persons": i % 4 + 1,
             "amount": Decimal(380 + (i * 37) % 400) + Decimal("0.50"), "id": f"110105********{i:04d}"}
            for i in range(count)]


def town_office() -> Office:
    o = "qingshan-town"
    fixed = [
        item(o, "homestead-approval", "procedure", "农村宅基地审批",
             basis="《中华人民共和国土地管理法》第六十二条",
             conditions="本村集体经济组织成员，一户只能拥有一处宅基地",
             materials=["农村宅基地使用申请表", "户口簿复印件", "村民小组会议记录"],
             steps=["村民提出书面申请", "村民小组会议讨论并公示", "村委会审查", "镇政府审批", "发放批准书"],
             time_limit="20 个工作日", fee="不收费", place="镇便民服务中心 3 号窗口", phone="0371-62015678"),
        item(o, "service-pledge", "pledge", "服务承诺",
             body="一、首问负责，一次告知。\n\n二、限时办结，超时默认。\n\n三、公开透明，接受监督。"),
        item(o, "leadership-duties", "duties", "领导班子分工",
             people=[{"name": "张建国", "post": "镇长", "duties": "主持镇政府全面工作", "phone": "0371-62010001"},
                     {"name": "李秀英", "post": "副镇长", "duties": "分管农业农村、民政工作", "phone": "0371-62010002"}]),
        item(o, "agricultural-fees", "fees", "涉农收费公示",
             items=[{"name": "农村土地承包经营权证工本费", "standard": Decimal("0"), "unit": "元/本",
                     "basis": "豫发改收费〔2017〕1号"},
                    {"name": "农机监理牌证费", "standard": Decimal("35.00"), "unit": "元/副",
                     "basis": "豫价费字〔2004〕12号"}]),
    ]
    q = [
        item(o, "finance-q4", "finance", "2026年第四季度财务收支", QUARTER, unit="元", period="2026年10月—12月",
             income=[{"name": "上级转移支付", "amount": Decimal("1250000.00")},
                     {"name": "集体资产收益", "amount": Decimal("86420.50")}],
             expenditure=[{"name": "道路养护", "amount": Decimal("420000.00")},
                          {"name": "人员经费", "amount": Decimal("612300.25")}],
             total_income=Decimal("1336420.50"), total_expenditure=Decimal("1032300.25")),
        item(o, "projects-q4", "projects", "重点项目进度", QUARTER, unit="万元",
             projects=[{"name": "青山河堤加固工程", "budget": Decimal("320.5"), "contractor": "清河县水利建设公司",
                        "progress": "已完工"},
                       {"name": "镇区污水管网改造", "budget": Decimal("185"), "contractor": "清河市政工程有限公司",
                        "progress": "60%"}]),
        item(o, "winter-notice", "notice", "冬季防火通知", QUARTER, expires=dt.date(2026, 12, 31),
             body="进入冬季，请各村加强防火巡查。\n\n- 严禁野外用火\n- 发现火情拨打 119"),
        item(o, "old-notice", "notice", "已过期的通知", QUARTER, expires=dt.date(2026, 10, 31),
             body="这条通知已过公示期，不应出现在公开栏上。"),
        item(o, "draft-plan", "notice", "草稿计划", QUARTER, draft=True, expires=dt.date(2026, 12, 31),
             body="草稿不得印刷。"),
        item(o, "meeting-table", "table", "村务会议安排", QUARTER,
             columns=["日期", "会议", "地点"],
             rows=[["10月15日", "党员大会", "镇政府三楼"], ["11月20日", "村民代表会", "各村委会"]]),
    ]
    return Office(id=o, name="青山镇人民政府", kind="town", source=f"content/offices/{o}/office.yml",
                  address="清河县青山镇人民路 1 号", phone="0371-62010000", supervision_phone="0371-62019999",
                  hours="周一至周五 8:30—17:30", fixed=fixed, quarters={QUARTER: q})


def village_office(count: int = 260) -> Office:
    o = "liuxi-village"
    q = [item(o, "dibao-q4", "subsidy-list", "2026年第四季度农村低保名单", QUARTER, expires=dt.date(2026, 12, 31),
              program="农村最低生活保障", unit="元", objection_phone="0371-62017777",
              recipients=recipients(count))]
    fixed = [item(o, "village-rules", "rules", "村务公开制度",
                  body="村务公开每季度一次，财务收支每月公开。\n\n重大事项随时公开。")]
    return Office(id=o, name="柳溪村民委员会", kind="village", source=f"content/offices/{o}/office.yml",
                  supervision_phone="0371-62018888", fixed=fixed, quarters={QUARTER: q})


def board(board_id: str, office: str, panels: list[str], **kw) -> Board:
    source = f"boards/{board_id}.yml"
    return Board(id=board_id, office_id=office, source=source,
                 panels=[PanelRef(p, Location(source, i + 10, 5)) for i, p in enumerate(panels)], **kw)


def make_project(root: Path, subsidy_rows: int = 260) -> Project:
    site = Site(title="清河县政务公开", url="https://gk.qinghe.example.gov.cn/", supervision_phone="0371-62011234")
    town, village = town_office(), village_office(subsidy_rows)
    boards = {
        "mini": board("mini", town.id, ["fixed/service-pledge"], size="A4",
                      width_mm=Decimal(210), height_mm=Decimal(297), columns=1),
        "town": board("town", town.id, [
            "fixed/homestead-approval", "fixed/service-pledge", "fixed/leadership-duties",
            "fixed/agricultural-fees", "quarter/finance-q4", "quarter/projects-q4", "quarter/winter-notice",
            "quarter/old-notice", "quarter/draft-plan", "quarter/meeting-table"], profile="offset"),
        "village": board("village", village.id, ["fixed/village-rules", "quarter/dibao-q4"], size="A2",
                         width_mm=Decimal(420), height_mm=Decimal(594), margin_mm=Decimal(30)),
    }
    return Project(root=root, site=site, offices={town.id: town, village.id: village}, boards=boards)
