"""Words the site prints around the content, in the site's language (zh, en)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "home": "首页", "quarters": "季度归档", "catalogue": "公开目录",
        "latest": "最近更新", "supervision_phone": "监督电话", "address": "办公地址",
        "phone": "办公电话", "hours": "办公时间", "fixed_items": "固定公开内容",
        "current_quarter": "本期变动内容（{quarter}）", "earlier_quarters": "按季度查看",
        "boards": "公开栏版面", "board_pdf": "下载印刷文件（PDF）", "booklet": "资料汇编（PDF）",
        "board_proof": "{title}（{quarter}）版面预览",
        "quarter_title": "{office} {quarter} 公开内容", "site_quarter_title": "{quarter} 公开内容",
        "quarter_list": "各季度公开内容", "published": "发布日期", "window": "公示期",
        "window_range": "{start} 至 {end}", "expired": "公示期已满", "category": "分类",
        "type": "类型", "review_chain": "审核：{reviewed} → 复核：{checked} → 审批：{approved}（{on}）",
        "corrections": "勘误记录", "date": "日期", "what": "更正内容", "why": "更正原因",
        "history": "修订记录", "change": "修改说明", "no_history": "暂无修订记录",
        "download_csv": "下载 CSV", "download_json": "下载 JSON",
        "basis": "办理依据", "conditions": "办理条件", "steps": "办理流程",
        "time_limit": "办理时限", "fee": "收费标准", "place": "办理地点", "enquiry_phone": "咨询电话",
        "steps_text": "流程文字版",
        "program": "补贴项目", "objection_phone": "异议受理电话", "households": "户数",
        "persons": "人数", "filter_name": "按姓名或村组筛选",
        "filter_group": "全部村组", "filter_any": "输入关键词筛选", "filter_office": "全部单位",
        "filter_count": "显示 {shown} / {total} 行",
        "finance_period": "所属期间", "money_unit": "金额单位",
        "income_total": "收入合计", "expenditure_total": "支出合计",
        "cat_item": "事项", "cat_content": "内容", "cat_basis": "依据", "cat_limit": "时限",
        "cat_owner": "主体", "cat_channel": "渠道", "cat_way": "方式", "cat_url": "网址",
        "cat_permanent": "长期公开", "cat_quarterly": "每季度更新（{quarter}）",
        "channel_board": "公开栏、政府网站",
        "channel_web": "政府网站", "way_active": "主动公开",
        "feed": "订阅更新（Atom）", "feed_title": "{site} 最新公开", "kinds_town": "乡镇",
        "kinds_village": "村（社区）", "kinds_department": "部门", "pages": "{count} 项",
        "breadcrumb": "位置",
        "dynamics_title": "本季度低保动态管理情况",
        "dynamics_note": "与上季度（{quarter}）的{{list}}逐户比较得出；动态率 =（新纳入 + 停发 + 调增 + 调减）÷ 总户数。",
        "summary_period": "所属期间",
    },
    "en": {
        "home": "Home", "quarters": "Quarter archive", "catalogue": "Catalogue",
        "latest": "Latest updates", "supervision_phone": "Supervision phone", "address": "Address",
        "phone": "Phone", "hours": "Office hours", "fixed_items": "Standing items",
        "current_quarter": "This quarter ({quarter})", "earlier_quarters": "By quarter",
        "boards": "Boards", "board_pdf": "Print file (PDF)", "booklet": "Booklet (PDF)",
        "board_proof": "{title} ({quarter}) proof",
        "quarter_title": "{office} {quarter}", "site_quarter_title": "{quarter}",
        "quarter_list": "Quarters", "published": "Published", "window": "Publication window",
        "window_range": "{start} to {end}", "expired": "Publication period ended",
        "category": "Category", "type": "Type",
        "review_chain": "Reviewed: {reviewed} → checked: {checked} → approved: {approved} ({on})",
        "corrections": "Corrections", "date": "Date", "what": "What changed", "why": "Why",
        "history": "Revision history", "change": "Change", "no_history": "No revisions recorded",
        "download_csv": "Download CSV", "download_json": "Download JSON", "basis": "Basis",
        "conditions": "Conditions", "steps": "Steps", "time_limit": "Time limit", "fee": "Fee",
        "place": "Place", "enquiry_phone": "Enquiries", "steps_text": "Steps as text",
        "program": "Programme", "objection_phone": "Objections phone", "households": "Households",
        "persons": "Persons", "filter_name": "Filter by name or group",
        "filter_group": "All groups", "filter_any": "Filter", "filter_office": "All offices",
        "filter_count": "Showing {shown} of {total} rows",
        "finance_period": "Period", "money_unit": "Unit",
        "income_total": "Total income", "expenditure_total": "Total expenditure",
        "cat_item": "Item", "cat_content": "Content", "cat_basis": "Basis", "cat_limit": "Time limit",
        "cat_owner": "Office", "cat_channel": "Channel", "cat_way": "Way", "cat_url": "URL",
        "cat_permanent": "Standing", "cat_quarterly": "Quarterly ({quarter})", "channel_board": "Board, website",
        "channel_web": "Website", "way_active": "Proactive",
        "feed": "Subscribe (Atom)", "feed_title": "{site}: latest", "kinds_town": "Towns",
        "kinds_village": "Villages", "kinds_department": "Departments", "pages": "{count} items",
        "breadcrumb": "You are here",
        "dynamics_title": "Changes this quarter (dynamic management)",
        "dynamics_note": "Derived household by household from the previous quarter's ({quarter}) {{list}}; "
                         "dynamic rate = (added + stopped + raised + lowered) / households.",
        "summary_period": "Period",
    },
}

TYPE_NAMES = {
    "zh": {
        "procedure": "办事指南", "pledge": "服务承诺", "rules": "制度", "notice": "公告",
        "duties": "岗位职责", "fees": "收费标准", "finance": "财务收支",
        "subsidy-list": "补贴名单", "projects": "项目建设", "table": "统计表",
        "subsidy-summary": "低保动态管理", "reply": "答复",
    },
    "en": {
        "procedure": "Service guide", "pledge": "Pledge", "rules": "Rules", "notice": "Notice",
        "duties": "Duties", "fees": "Fees", "finance": "Finance",
        "subsidy-list": "Subsidy list", "projects": "Projects", "table": "Table",
        "subsidy-summary": "Subsidy dynamics", "reply": "Reply",
    },
}


def label(language: str, key: str, **args) -> str:
    text = LABELS.get(language, LABELS["zh"])[key]
    return text.format(**args) if args else text


def type_name(language: str, item_type: str) -> str:
    return TYPE_NAMES.get(language, TYPE_NAMES["zh"]).get(item_type, item_type)
