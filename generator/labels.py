"""The one catalogue of words printed around content: site, boards, booklet, tables.

Every medium asks :func:`label` for the same key and gets the same words,
except the few deliberate per-medium overrides in ``OVERRIDES`` (e.g. shorter
English on a printed board). Boards name some keys their own way
(``BOARD_KEYS``) because their templates do; the words still come from here.
"""

from __future__ import annotations

ZH_NUMERALS = "零一二三四五六七八九十"

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        # site: sections and navigation
        "home": "首页", "quarters": "季度归档", "catalogue": "公开目录",
        "latest": "最近更新", "fixed_items": "固定公开内容",
        "current_quarter": "本期变动内容（{quarter}）", "earlier_quarters": "按季度查看",
        "boards": "公开栏版面", "board_pdf": "下载印刷文件", "booklet": "资料汇编",
        "board_proof": "{title}（{quarter}）版面预览",
        "quarter_name": "{year}年第{number}季度",
        "quarter_title": "{office} {quarter}公开内容", "site_quarter_title": "{quarter}公开内容",
        "quarter_list": "各季度公开内容", "kinds_town": "乡镇", "kinds_village": "村（社区）",
        "kinds_department": "部门", "pages": "{count} 项", "breadcrumb": "当前位置",
        "feed": "订阅更新", "feed_title": "{site} 最新公开",
        "download_csv": "下载表格", "download_json": "下载数据",
        # office and site facts
        "supervision_phone": "监督电话", "address": "办公地址", "phone": "办公电话",
        "hours": "办公时间", "enquiry_phone": "咨询电话",
        # item facts
        "published": "发布日期", "window": "公示期", "window_range": "{start} 至 {end}",
        "expired": "公示期已满", "category": "分类", "type": "类型",
        "review_chain": "审核：{reviewed} → 复核：{checked} → 审批：{approved}（{on}）",
        "basis": "办理依据", "conditions": "办理条件", "materials": "申报材料", "steps": "办理程序",
        "time_limit": "办理时限", "fee": "收费标准", "place": "办理地点", "steps_text": "办理程序文字版",
        "program": "补贴项目", "objection_phone": "异议受理电话", "households": "户数",
        "persons": "人数", "amount_total": "金额合计",
        "finance_period": "所属期间", "money_unit": "金额单位",
        "income_total": "收入合计", "expenditure_total": "支出合计",
        "expired_notice": "公示期已于{end}结束，名单已按规定撤下，本页只保留汇总数字。"
                          "如有疑问，请致电{office}（{phone}）",
        # revision history
        "history": "修订记录", "change": "修订说明", "correction": "勘误", "date": "日期",
        "history_kind": "类别", "history_text": "内容", "why": "原因",
        "no_history": "暂无修订说明", "last_changed": "本页内容最近更新于 {date}",
        # filters
        "filter_name": "按姓名或村组筛选", "filter_group": "全部村组", "filter_any": "输入关键词筛选",
        "filter_office": "全部单位", "filter_category": "全部分类", "filter_way": "全部公开方式",
        "filter_count": "显示 {shown} / {total} 行",
        # catalogue
        "cat_url": "网址", "cat_permanent": "长期公开", "cat_quarterly": "每季度更新（{quarter}）",
        "channel_board": "公开栏、政府网站", "channel_web": "政府网站",
        # footer and page furniture
        "sponsor": "主办单位", "footer_address": "地址", "footer_phone": "联系电话",
        "site_code": "网站标识码", "icp": "ICP备案号", "police_record": "公安备案号",
        "large_text": "大字", "large_text_label": "切换大字显示", "print_url": "本页网址：",
        "not_found": "页面不存在", "not_found_text": "您要访问的页面不存在，可能已经移动或删除。",
        "back_home": "返回首页",
        # tables (site, CSV downloads and boards)
        "income": "收入", "expenditure": "支出", "line_name": "项目", "amount": "金额",
        "total": "合计", "recipients": "名单", "recipient_name": "姓名", "group": "村组",
        "people": "人员", "person_name": "姓名", "post": "职务", "duties": "职责",
        "phone_column": "电话", "fees": "收费项目", "fee_name": "收费项目", "standard": "收费标准",
        "charge_unit": "计费单位", "fee_basis": "收费依据", "projects": "项目",
        "project_name": "项目名称", "budget": "预算", "contractor": "承建单位", "progress": "进度",
        "table": "表格", "material": "材料", "step": "步骤", "number": "序号", "masked_id": "身份证号",
        # boards and booklet
        "scan": "扫码看详情", "published_on": "{date} 发布", "continued": "续",
        "reviewed_by": "审核", "checked_by": "复核", "approved_by": "审批", "disclosed_on": "公开日期",
        "next_column": "接下栏", "next_sheet": "转第{sheet}张",
        "sheet": "第 {page} 张，共 {pages} 张", "office_qr": "扫码查看网上公开",
        "booklet_title": "政务公开资料汇编", "contents": "目录", "date_format": "{y}年{m}月{d}日",
        "tile_sheet": "第 {sheet}/{sheets} 张", "tile_position": "第 {row}/{rows} 行，第 {col}/{cols} 列",
        "tile_help": "成品 {width}×{height} mm，重叠 {overlap} mm：沿实线剪去左、上白边，对齐前一张的虚线粘贴",
        "dynamics_title": "本季度低保动态管理情况",
        "dynamics_note": "与上季度（{quarter}）的{{list}}逐户比较得出；动态率 =（新纳入 + 停发 + 调增 + 调减）÷ 总户数。",
        "summary_period": "所属期间",
        "std_level1": "一级事项", "std_level2": "二级事项", "std_item": "公开事项",
        "std_elements": "公开内容（要素）", "std_basis": "公开依据", "std_limit": "公开时限",
        "std_owner": "公开主体", "std_channel": "公开渠道和载体", "std_audience": "公开对象",
        "std_way": "公开方式", "std_level": "公开层级", "std_entry": "目录编号",
        "requests_title": "申请公开政府信息（依申请公开）",
        "requests_rule": "未主动公开的政府信息，可以向下列机构申请公开；自收到申请之日起 {days} 个工作日内答复（《中华人民共和国政府信息公开条例》第三十三条）。",
        "requests_where": "受理机构", "requests_how": "申请方式", "requests_phone": "咨询电话", "email": "电子邮箱",
        "feedback_title": "意见建议", "feedback_box": "意见箱", "feedback_how": "其他方式",
        "feedback_phone": "意见建议电话",
        "reply_channel": "来源", "reply_request": "依申请公开", "reply_feedback": "意见建议",
        "reply_received": "收到日期", "reply_answered": "答复日期", "reply_question": "来信摘要",
        "reply_answer": "答复",
        "board_page_title": "{title}（{office}）", "board_edition": "期次", "board_code": "核验码",
        "board_status": "状态", "board_file": "印刷文件", "board_current": "现行",
        "board_superseded": "已更换",
        "board_check_help": "公开栏页脚印有期次、发布日期和核验码。与下表“现行”一行的核验码相同，即为现行的正式版面；“已更换”表示该期已被新一期替换。",
        "board_panels": "现行版面（{quarter}）的栏目", "board_code_note": "现行核验码 {code}",
        "board_editions": "{title}：各期版面和核验码", "board_printed": "本事项印在公开栏：",
        "board_printed_in": "{title}（{edition}发布，核验码 {code}）",
    },
    "en": {
        "home": "Home", "quarters": "Quarter archive", "catalogue": "Catalogue",
        "latest": "Latest updates", "fixed_items": "Standing items",
        "current_quarter": "This quarter ({quarter})", "earlier_quarters": "By quarter",
        "boards": "Boards", "board_pdf": "Print file (PDF)", "booklet": "Booklet (PDF)",
        "board_proof": "{title} ({quarter}) proof",
        "quarter_name": "{year} Q{number}",
        "quarter_title": "{office} {quarter}", "site_quarter_title": "{quarter}",
        "quarter_list": "Quarters", "kinds_town": "Towns", "kinds_village": "Villages",
        "kinds_department": "Departments", "pages": "{count} items", "breadcrumb": "You are here",
        "feed": "Subscribe (Atom)", "feed_title": "{site}: latest",
        "download_csv": "Download table (CSV)", "download_json": "Download data (JSON)",
        "supervision_phone": "Supervision phone", "address": "Address", "phone": "Phone",
        "hours": "Office hours", "enquiry_phone": "Enquiries",
        "published": "Published", "window": "Publication window", "window_range": "{start} to {end}",
        "expired": "Publication period ended", "category": "Category", "type": "Type",
        "review_chain": "Reviewed: {reviewed} → checked: {checked} → approved: {approved} ({on})",
        "basis": "Basis", "conditions": "Conditions", "materials": "Materials", "steps": "Steps",
        "time_limit": "Time limit", "fee": "Fee", "place": "Place", "steps_text": "Steps as text",
        "program": "Programme", "objection_phone": "Objections phone", "households": "Households",
        "persons": "Persons", "amount_total": "Total amount",
        "finance_period": "Period", "money_unit": "Unit",
        "income_total": "Total income", "expenditure_total": "Total expenditure",
        "expired_notice": "The publication period ended on {end} and the names were taken down; "
                          "only the totals remain. Questions: call {office} ({phone})",
        "history": "Revision history", "change": "Revision", "correction": "Correction",
        "date": "Date", "history_kind": "Kind", "history_text": "What", "why": "Why",
        "no_history": "No revisions recorded", "last_changed": "Last updated {date}",
        "filter_name": "Filter by name or group", "filter_group": "All groups", "filter_any": "Filter",
        "filter_office": "All offices", "filter_category": "All categories", "filter_way": "All ways",
        "filter_count": "Showing {shown} of {total} rows",
        "cat_url": "URL", "cat_permanent": "Standing", "cat_quarterly": "Quarterly ({quarter})",
        "channel_board": "Board, website", "channel_web": "Website",
        "sponsor": "Run by", "footer_address": "Address", "footer_phone": "Phone",
        "site_code": "Site code", "icp": "ICP licence", "police_record": "Public security record",
        "large_text": "Large text", "large_text_label": "Toggle large text", "print_url": "Page address: ",
        "not_found": "Page not found", "not_found_text": "The page you asked for does not exist; "
                                                         "it may have moved or been removed.",
        "back_home": "Back to the home page",
        "income": "Income", "expenditure": "Expenditure", "line_name": "Item", "amount": "Amount",
        "total": "Total", "recipients": "Recipients", "recipient_name": "Name", "group": "Group",
        "people": "People", "person_name": "Name", "post": "Post", "duties": "Duties",
        "phone_column": "Phone", "fees": "Fees", "fee_name": "Fee", "standard": "Standard",
        "charge_unit": "Per", "fee_basis": "Basis", "projects": "Projects",
        "project_name": "Project", "budget": "Budget", "contractor": "Contractor", "progress": "Progress",
        "table": "Table", "material": "Material", "step": "Step", "number": "No.", "masked_id": "ID number",
        "scan": "Scan for details", "published_on": "published {date}", "continued": "continued",
        "reviewed_by": "Reviewed", "checked_by": "Checked", "approved_by": "Approved", "disclosed_on": "Disclosed",
        "next_column": "continued in the next column", "next_sheet": "continued on sheet {sheet}",
        "sheet": "sheet {page} of {pages}", "office_qr": "Scan for the website",
        "booklet_title": "Disclosure Compilation", "contents": "Contents", "date_format": "{y}-{m:02d}-{d:02d}",
        "tile_sheet": "sheet {sheet}/{sheets}", "tile_position": "row {row}/{rows}, column {col}/{cols}",
        "tile_help": "finished {width}×{height} mm, {overlap} mm overlap: cut off the left and top "
                     "margins along the solid line, glue onto the previous tile along its dashed line",
        "dynamics_title": "Changes this quarter (dynamic management)",
        "dynamics_note": "Derived household by household from the previous quarter's ({quarter}) {{list}}; "
                         "dynamic rate = (added + stopped + raised + lowered) / households.",
        "summary_period": "Period",
        "std_level1": "Matter", "std_level2": "Sub-matter", "std_item": "Item",
        "std_elements": "Content (elements)", "std_basis": "Basis", "std_limit": "Time limit",
        "std_owner": "Disclosing body", "std_channel": "Channels", "std_audience": "Audience",
        "std_way": "Way", "std_level": "Level", "std_entry": "Catalogue entry",
        "requests_title": "Requesting information",
        "requests_rule": "Information that is not published can be requested from the office below; "
                         "requests are answered within {days} working days.",
        "requests_where": "Where", "requests_how": "How", "requests_phone": "Enquiries", "email": "E-mail",
        "feedback_title": "Feedback", "feedback_box": "Suggestion box", "feedback_how": "Other ways",
        "feedback_phone": "Feedback phone",
        "reply_channel": "Source", "reply_request": "Information request", "reply_feedback": "Feedback",
        "reply_received": "Received", "reply_answered": "Answered", "reply_question": "Summary",
        "reply_answer": "Answer",
        "board_page_title": "{title} ({office})", "board_edition": "Edition", "board_code": "Check code",
        "board_status": "Status", "board_file": "Print file", "board_current": "Current",
        "board_superseded": "Superseded",
        "board_check_help": "A board's footer shows its edition, date and check code. If it matches the "
                            "current row below, the board on the wall is the current official one.",
        "board_panels": "Panels of the current edition ({quarter})", "board_code_note": "current code {code}",
        "board_editions": "{title}: editions and check codes", "board_printed": "Printed on:",
        "board_printed_in": "{title} (published {edition}, check code {code})",
    },
}

# Deliberate per-medium wording: a printed board has less room than a page.
OVERRIDES: dict[str, dict[str, dict[str, str]]] = {
    "board": {
        "zh": {},
        "en": {"window": "On display", "objection_phone": "Objections", "steps": "Procedure",
               "basis": "Legal basis", "supervision_phone": "Supervision hotline"},
    },
}

# The boards' templates name some words their own way: board key -> catalogue key.
BOARD_KEYS = {
    "basis": "basis", "conditions": "conditions", "materials": "materials",
    "time_limit": "time_limit", "fee": "fee", "place": "place", "phone": "enquiry_phone",
    "flow": "steps", "program": "program", "window": "window", "objection_phone": "objection_phone",
    "period": "finance_period", "published": "published", "scan": "scan",
    "supervision": "supervision_phone", "published_on": "published_on", "continued": "continued",
    "sheet": "sheet", "office_qr": "office_qr", "booklet": "booklet_title", "contents": "contents",
    "date": "date_format", "address": "address", "office_phone": "phone", "hours": "hours",
    "tile_sheet": "tile_sheet", "tile_position": "tile_position", "tile_help": "tile_help",
    "dynamics": "dynamics_title", "question": "reply_question", "answer": "reply_answer",
    "received": "reply_received", "answered": "reply_answered",
    "reviewed_by": "reviewed_by", "checked_by": "checked_by", "approved_by": "approved_by",
    "disclosed_on": "disclosed_on", "next_column": "next_column", "next_sheet": "next_sheet",
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


def label(language: str, key: str, medium: str | None = None, **args) -> str:
    """The words for ``key`` in ``language`` (zh when unknown), as ``medium`` prints them."""
    language = language if language in LABELS else "zh"
    text = OVERRIDES.get(medium or "", {}).get(language, {}).get(key) or LABELS[language][key]
    return text.format(**args) if args else text


def type_name(language: str, item_type: str) -> str:
    return TYPE_NAMES.get(language, TYPE_NAMES["zh"]).get(item_type, item_type)


def quarter_name(language: str, quarter) -> str:
    """``2026-Q4`` as the public reads it: 2026年第四季度 (URLs keep ``2026-Q4``)."""
    number = ZH_NUMERALS[quarter.number] if language != "en" else str(quarter.number)
    return label(language, "quarter_name", year=quarter.year, number=number)


def board_labels(language: str) -> dict[str, str]:
    """The boards' and booklet's words, under the keys their templates use."""
    return {key: label(language, name, medium="board") for key, name in BOARD_KEYS.items()}
