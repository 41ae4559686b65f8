"""User-facing message catalogue, one entry per diagnostic code, zh and en.

Codes are stable public names (users grep for them); texts may improve.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # --- files and syntax -------------------------------------------------
    "yaml-syntax": {
        "zh": "YAML 语法错误：{detail}",
        "en": "YAML syntax error: {detail}",
    },
    "yaml-tab": {
        "zh": "这一行用 Tab 键缩进，YAML 只能用空格缩进：请把 Tab 换成空格",
        "en": "this line is indented with a tab; YAML is indented with spaces only: replace the tab with spaces",
    },
    "not-utf8": {
        "zh": "文件不是 UTF-8 编码（看起来是 {encoding}，常见于 Excel 导出的文件）。"
              "请用 Excel“另存为 → CSV UTF-8”或记事本“另存为 → 编码 UTF-8”重新保存，"
              "或运行 `gongkai import` 自动转换",
        "en": "file is not UTF-8 (it looks like {encoding}, as Excel exports it). "
              "Save it again as 'CSV UTF-8' in Excel or as UTF-8 in Notepad, "
              "or run `gongkai import` to convert it",
    },
    "empty-file": {
        "zh": "文件是空的",
        "en": "file is empty",
    },
    "placeholder": {
        "zh": "还有模板里的“待填写”等占位内容，会原样公开在网站和公开栏上：请换成实际内容（事项还没写完时请保留 draft: true）",
        "en": "a template placeholder (待填写) is left here and would be published as it is: replace it with the real text "
              "(keep draft: true while the item is unfinished)",
    },
    "list-indent": {
        "zh": "这一项缩进了 {found} 个空格，网站和公开栏会把它当作上一级列表的一项（编号随之改变）：下一级列表请缩进 4 个空格",
        "en": "this list item is indented {found} spaces, so the website and the board show it as an item of the outer list (renumbering it): indent a nested list by 4 spaces",
    },
    "misplaced-file": {
        "zh": "文件位置不对，gongkai 不会读取它：{hint}",
        "en": "file is not where gongkai reads content, so it is ignored: {hint}",
    },
    "missing-file": {
        "zh": "缺少文件 {file}",
        "en": "missing file {file}",
    },
    "bad-front-matter": {
        "zh": "Markdown 事项必须以 YAML 头信息开头（第一行为 ---，再以 --- 结束）",
        "en": "a Markdown item must start with YAML front matter (a line '---', fields, then '---')",
    },
    # --- fields -----------------------------------------------------------
    "missing-field": {
        "zh": "缺少必填字段 {field}",
        "en": "missing required field {field}",
    },
    "unknown-field": {
        "zh": "未知字段 {field}{hint}",
        "en": "unknown field {field}{hint}",
    },
    "did-you-mean": {
        "zh": "，是不是 {suggestion}？",
        "en": "; did you mean {suggestion}?",
    },
    "duplicate-key": {
        "zh": "字段 {field} 写了两次",
        "en": "field {field} is given twice",
    },
    "wrong-type": {
        "zh": "{field} 应为{expected}，实际写的是{actual}",
        "en": "{field} must be {expected}, found {actual}",
    },
    "bad-choice": {
        "zh": "{field} 的值 {value} 无效，可选：{choices}{hint}",
        "en": "{field} has invalid value {value}; choose one of: {choices}{hint}",
    },
    "bad-date": {
        "zh": "{field} 不是有效日期：{value}（格式为 YYYY-MM-DD，如 2025-07-01）",
        "en": "{field} is not a valid date: {value} (use YYYY-MM-DD, e.g. 2025-07-01)",
    },
    "bad-quarter": {
        "zh": "季度 {value} 无效：应为 YYYY-Q1 至 YYYY-Q4，如 2025-Q3",
        "en": "invalid quarter {value}: use YYYY-Q1 to YYYY-Q4, e.g. 2025-Q3",
    },
    "bad-id": {
        "zh": "编号 {value} 无效：文件名和目录名只能用小写字母、数字和连字符（如 low-income-subsidy）",
        "en": "invalid id {value}: file and folder names may use only a-z, 0-9 and '-' (e.g. low-income-subsidy)",
    },
    "reserved-id": {
        "zh": "单位编号 {value} 与网站的固定地址冲突，请改名（保留的名称：{reserved}）",
        "en": "office id {value} would take one of the site's own URLs; rename it (reserved: {reserved})",
    },
    "external-resource": {
        "zh": "正文从外部网站加载 {url}：政府网站须能在内网使用，请把图片等文件放进项目并用相对路径引用",
        "en": "the body loads {url} from another site; the site must work on closed networks, so put the file "
              "in the project and link it by a relative path",
    },
    "unsafe-html": {
        "zh": "正文含有不安全的 HTML {what}（可运行脚本、嵌入或从别处加载内容），网站和公开栏不会发布它：请删除，"
              "正文只用 Markdown 和 docs/security.md 列出的少量标签",
        "en": "the body has unsafe HTML {what} (it could run a script, embed or load content from elsewhere) and the "
              "site and boards will not publish it: remove it; use Markdown and the few tags docs/security.md lists",
    },
    "unsafe-url": {
        "zh": "链接地址 {url} 不安全：只能链接到 http://、https://、mailto:、tel: 地址或项目内的相对路径"
              "（不能用 javascript:、data: 等，也不能以 // 或 \\ 开头）",
        "en": "unsafe link address {url}: link only to http://, https://, mailto: or tel: addresses or to relative "
              "paths in the project (no javascript:, data: and the like, nothing starting with // or \\)",
    },
    "html-removed": {
        "zh": "正文中的 HTML {what} 不受支持，发布时会被删除：请改用 Markdown（见 docs/security.md）",
        "en": "HTML {what} in the body is not supported and is removed when published: use Markdown instead "
              "(see docs/security.md)",
    },
    "bad-url": {
        "zh": "网站地址 {value} 无效：请写完整的 http:// 或 https:// 地址，如 https://gk.example.gov.cn/",
        "en": "invalid site address {value}: write a full http:// or https:// address, e.g. https://gk.example.gov.cn/",
    },
    "duplicate-id": {
        "zh": "编号 {id} 重复：{other} 也使用了它",
        "en": "duplicate id {id}: {other} uses it too",
    },
    "bad-number": {
        "zh": "{field} 应为整数，实际为 {value}",
        "en": "{field} must be a whole number, found {value}",
    },
    "out-of-range": {
        "zh": "{field} 应在 {low} 到 {high} 之间，实际为 {value}",
        "en": "{field} must be between {low} and {high}, found {value}",
    },
    "bad-money": {
        "zh": "{field} 不是有效金额：{value}（如 1234.50，可带千分位逗号和单位 元/万元）",
        "en": "{field} is not a valid amount: {value} (e.g. 1234.50; thousands commas and a unit 元/万元 allowed)",
    },
    "mixed-units": {
        "zh": "{field} 的单位是 {found}，但本事项的金额单位（unit）是 {unit}；请统一单位",
        "en": "{field} is in {found} but this item's unit is {unit}; use one unit",
    },
    "total-mismatch": {
        "zh": "{field} 写的是 {declared}，但各项相加为 {computed}（相差 {diff}）",
        "en": "{field} says {declared} but the lines add up to {computed} (difference {diff})",
    },
    "window-order": {
        "zh": "公示截止日期 expires（{expires}）早于发布日期 published（{published}）",
        "en": "expires ({expires}) is before published ({published})",
    },
    "unknown-category": {
        "zh": "分类 {value} 不在 site.yml 的 categories 中（{choices}）{hint}",
        "en": "category {value} is not one of site.yml categories ({choices}){hint}",
    },
    "row-width": {
        "zh": "这一行有 {found} 列，但表头有 {expected} 列",
        "en": "this row has {found} cells but the header has {expected} columns",
    },
    "csv-header": {
        "zh": "CSV 表头 {column} 无法识别{hint}；可用：{choices}",
        "en": "CSV header {column} is not recognised{hint}; use one of: {choices}",
    },
    "rows-conflict": {
        "zh": "{field} 和 rows_from 只能写一个",
        "en": "give either {field} or rows_from, not both",
    },
    "rows-from-type": {
        "zh": "rows_from 只能用于 subsidy-list、subsidy-summary 和 table，不能用于 {type}",
        "en": "rows_from works only for subsidy-list, subsidy-summary and table, not {type}",
    },
    "empty-list": {
        "zh": "{field} 不能为空",
        "en": "{field} must not be empty",
    },
    # --- publication rules -----------------------------------------------
    "missing-window": {
        "zh": "{type} 必须写公示截止日期 expires（公示期满后网站只保留标题）",
        "en": "a {type} needs an expires date (the end of its publication window)",
    },
    "unreviewed": {
        "zh": "事项不是草稿（draft: true），但审核未完成，缺少 review 中的 {missing}（审核、复核、审批）",
        "en": "item is not a draft (draft: true) but its review is incomplete: missing {missing} in review",
    },
    "stale-office": {
        "zh": "{office} 最新一期是 {latest}，现在已是 {current}：公开栏变动内容应每季度更新",
        "en": "{office}'s newest quarter is {latest} but it is now {current}: rotating items are due every quarter",
    },
    "no-quarters": {
        "zh": "{office} 还没有任何季度的变动内容",
        "en": "{office} has no quarter of rotating items yet",
    },
    # --- personal data ---------------------------------------------------
    "personal-id": {
        "zh": "含有完整的居民身份证号码 {masked}：公开内容只能保留前 6 位和后 4 位，如 {example}",
        "en": "contains a full resident ID number {masked}: keep only the first 6 and last 4 digits, e.g. {example}",
    },
    "personal-bank-card": {
        "zh": "含有完整的银行卡号 {masked}：银行账号不得公开，请删除或遮盖",
        "en": "contains a full bank card number {masked}: bank accounts must not be published; remove or mask it",
    },
    "personal-phone": {
        "zh": "含有手机号码 {masked}：手机号码只能写在办公电话、监督电话、咨询电话、异议电话等联系电话字段里，个人电话不得公开，请删除或遮盖（如 138****5678）",
        "en": "contains a mobile number {masked}: mobiles may only stand in official contact fields (office, supervision, enquiry, objection phone); private phones must not be published, remove or mask it (e.g. 138****5678)",
    },
    # --- boards and fonts -------------------------------------------------
    "missing-item": {
        "zh": "栏目 {panel} 引用的事项不存在{hint}",
        "en": "panel {panel} names an item that does not exist{hint}",
    },
    "unknown-office": {
        "zh": "单位 {office} 不存在（content/offices/ 下没有这个目录）{hint}",
        "en": "office {office} does not exist (no folder content/offices/{office}){hint}",
    },
    "bad-size": {
        "zh": "幅面 {value} 无效：可用 A0–A4，或 宽x高 毫米（如 2400x1200）",
        "en": "invalid size {value}: use A0 to A4 or WIDTHxHEIGHT in mm (e.g. 2400x1200)",
    },
    "missing-glyph": {
        "zh": "公开栏字体缺少字符“{char}”（U+{codepoint}），打印时会变成方框；"
              "请在 site.yml 的 fonts 中加入含此字的字体文件（如 Debian 的 fonts-babelstone-han），或改用常用字",
        "en": "the board font has no glyph for '{char}' (U+{codepoint}); it would print as a box. "
              "Add a font file that has it under fonts in site.yml (e.g. Debian's fonts-babelstone-han), "
              "or use another character",
    },
    "draft-panel": {
        "zh": "栏目 {panel} 引用的是草稿，公开栏上不会印出",
        "en": "panel {panel} names a draft; it will not be printed",
    },
    "bad-font": {
        "zh": "无法读取字体文件 {file}：{reason}",
        "en": "cannot read font file {file}: {reason}",
    },
    "missing-font": {
        "zh": "找不到字体文件 {file}",
        "en": "font file {file} not found",
    },
    # --- archive integrity (generator/content/history.py) --------------------
    "unrecorded-change": {
        "zh": "本事项属于已结束的 {quarter}，自 {end} 起是公开档案，但{file}在 {changed} 被修改（{commit}），"
              "没有登记勘误：请在 corrections 中加一条，date 不早于 {changed}，"
              "并写明 what（更正了什么）和 why（为什么）",
        "en": "this item belongs to {quarter}, a public record since {end}, but {file} was changed "
              "on {changed} ({commit}) without a correction: add an entry under corrections "
              "dated {changed} or later, saying what changed and why",
    },
    # --- workflow commands (new, import) -------------------------------------
    "sheet-type": {
        "zh": "无法读取 {suffix} 文件：请在 Excel 或 WPS 中另存为 .xlsx 工作簿或 CSV",
        "en": "cannot read a {suffix} file: save it as an .xlsx workbook or CSV in Excel or WPS",
    },
    "sheet-unreadable": {
        "zh": "无法读取这个表格文件（{detail}）：请在 Excel 或 WPS 中打开后重新另存为 .xlsx 或 CSV",
        "en": "cannot read this spreadsheet ({detail}): open it in Excel or WPS and save it again as .xlsx or CSV",
    },
    "sheet-missing": {
        "zh": "没有名为 {name} 的工作表，现有：{sheets}",
        "en": "there is no sheet named {name}; sheets: {sheets}",
    },
    "import-no-header": {
        "zh": "找不到表头：没有一行含有 {expected} 等列名",
        "en": "no header row found: no row has column names such as {expected}",
    },
    "import-no-rows": {
        "zh": "表头下面没有数据行",
        "en": "there are no data rows under the header",
    },
    "import-unnamed-column": {
        "zh": "这一列有数据但没有表头：请在表头写上列名或删除这一列",
        "en": "this column has data but no heading: name it in the header row or delete it",
    },
    "import-id-number": {
        "zh": "身份证号被 Excel 存成了数字（{value}），后几位已经丢失：请把这一列设为“文本”格式后重新输入",
        "en": "Excel stored this ID number as a number ({value}) and lost its last digits: "
              "format the column as Text and type the numbers again",
    },
    "import-bad-id": {
        "zh": "身份证号 {value} 无法识别：应为 18 位号码，或遮盖后的形式如 110105********1234",
        "en": "ID number {value} is not recognised: give 18 characters, or a masked form such as 110105********1234",
    },
    "import-hidden-decimals": {
        "zh": "单元格里存的金额是 {value}，比显示的位数多：请在 Excel 中用 ROUND 函数取到显示的小数位",
        "en": "the cell holds {value}, more decimals than it shows: round it in Excel (ROUND) to the places shown",
    },
    "import-bad-side": {
        "zh": "{field} 应为 收入 或 支出，实际为 {value}",
        "en": "{field} must be 收入 (income) or 支出 (expenditure), found {value}",
    },
    "import-after-total": {
        "zh": "合计行下面还有数据：合计行应为最后一行",
        "en": "there is data below the total row: the total must be the last row",
    },
    "import-nothing-written": {
        "zh": "没有写入任何文件：改正表格后重新导入",
        "en": "nothing was written: correct the sheet and import it again",
    },
    "file-exists": {
        "zh": "{file} 已经存在，不会覆盖",
        "en": "{file} already exists; it is not overwritten",
    },
    "type-differs": {
        "zh": "{file} 是 {found} 类事项，不能导入为 {expected}",
        "en": "{file} is a {found} item; it cannot take a {expected} import",
    },
    "quarter-exists": {
        "zh": "{office} 已经有 {quarter}（{folder}），不会覆盖",
        "en": "{office} already has {quarter} ({folder}); it is not overwritten",
    },
    "no-previous-quarter": {
        "zh": "{office} 没有 {quarter} 之前的季度可以沿用：第一个季度请直接新建目录 quarters/{quarter}/，把事项文件放进去",
        "en": "{office} has no quarter before {quarter} to roll forward: for a first quarter, create the folder quarters/{quarter}/ and put the items in it",
    },
    # --- hostile and oversized content (privacy, paths) ------------------------
    "personal-old-id": {
        "zh": "疑似 15 位旧居民身份证号码 {masked}：公开内容不得含有身份证号，请删除或遮盖",
        "en": "looks like an old 15-digit resident ID number {masked}: ID numbers must not be published; remove or mask it",
    },
    "personal-in-name": {
        "zh": "文件名或目录名含有身份证号、银行卡号或手机号 {masked}：名称会成为公开网址，请改名（如 low-income-list）",
        "en": "a file or folder name contains an ID, bank card or phone number {masked}: names become public URLs; rename it (e.g. low-income-list)",
    },
    "local-resource": {
        "zh": "正文引用本机文件或附件 {url}：网站和公开栏只使用项目自己的文件，不读取电脑上的其他文件、不嵌入附件，请删除",
        "en": "the body refers to a local file or an attachment {url}: the site and boards use only the project's own files and embed no attachments; remove it",
    },
    "id-not-masked": {
        "zh": "{field} 不是遮盖后的身份证号（前 6 位和后 4 位，中间用 * 遮盖，如 110105********1234）",
        "en": "{field} is not a masked ID number (first 6 and last 4 characters, stars between, e.g. 110105********1234)",
    },
    "negative-value": {
        "zh": "{field} 不能是负数：{value}",
        "en": "{field} must not be negative: {value}",
    },
    "symlink-outside": {
        "zh": "{file} 是指向 content/ 以外的链接，不读取：请把文件本身放进项目",
        "en": "{file} is a link to something outside content/ and is not read: put the file itself in the project",
    },
    "file-too-large": {
        "zh": "文件太大（{size} MB，上限 {limit} MB），不读取：请拆分成几个文件",
        "en": "file is too large ({size} MB, limit {limit} MB) and is not read: split it into several files",
    },
    "csv-syntax": {
        "zh": "CSV 无法读取：{detail}（常见原因：引号不成对，或一个单元格过长）",
        "en": "the CSV cannot be read: {detail} (often an unmatched quote, or an overlong cell)",
    },
    "not-text": {
        "zh": "文件不是文本（既不是 UTF-8，也不像 GBK 等中文编码，可能是二进制文件或已损坏）：内容文件须是 UTF-8 文本",
        "en": "file is not text (neither UTF-8 nor a Chinese legacy encoding such as GBK; binary or damaged): content files must be UTF-8 text",
    },
    "yaml-too-deep": {
        "zh": "YAML 嵌套过深或别名（*）展开过多，不读取：内容格式最多只需几层缩进",
        "en": "YAML nested too deeply or too many aliases (*) to expand; not read: the content format needs only a few levels",
    },
    # --- leftovers of the demo and of templates (generator/content/rules.py) ----
    "demo-title": {
        "zh": "网站标题还是示例项目的“{title}”：请在 site.yml 中改成本单位的名称",
        "en": "the site title is still the demo's “{title}”: put your own office's name in site.yml",
    },
    "example-url": {
        "zh": "网站地址 {url} 是示例地址，公开栏上每个二维码都指向它：请在 site.yml 的 url 中写上实际网址",
        "en": "the site address {url} is an example address, and every QR code on the boards points to it: "
              "put the real address in site.yml's url",
    },
    # --- import of real sheets (generator/workflow/importer.py) ------------------
    "import-unknown-column": {
        "zh": "列“{column}”不是这类事项的字段，没有导入。可用的表头（括号里是 --map 用的字段名）：{choices}；"
              "要导入这一列，请改表头，或用 --map {column}=字段名",
        "en": "column “{column}” is not a field of this item type and was left out. Accepted headers "
              "(field names for --map in brackets): {choices}; to import it, rename the header or use --map {column}=FIELD",
    },
    "import-private-column": {
        "zh": "列“{column}”含有{what}，属于个人信息，不得公开：这一列没有导入",
        "en": "column “{column}” holds personal data ({what}) that must not be published: it was left out",
    },
    "import-missing-column": {
        "zh": "缺少“{field}”列（字段 {key}）。可用的表头：{choices}；表头写法不同时可用 --map 表头={key}",
        "en": "no “{field}” column (field {key}). Accepted headers: {choices}; for another heading use --map HEADER={key}",
    },
    "import-long-number": {
        "zh": "这个长号码被 Excel 存成了数字（{value}），后几位已经丢失：身份证号、银行卡号等请设为“文本”格式后重新输入，"
              "不得公开的号码请删除",
        "en": "Excel stored this long number as a number ({value}) and lost its last digits: format the column "
              "as Text and type it again, or delete it if it must not be published",
    },
    "import-amount-id": {
        "zh": "{field} 里是一个身份证号或长号码（{value}），不是金额：请检查是否填错了列",
        "en": "{field} holds an ID or another long number ({value}), not an amount: check the columns",
    },
    "import-amount-phone": {
        "zh": "{field} 里是一个手机号码（{value}），不是金额：请检查是否填错了列",
        "en": "{field} holds a mobile number ({value}), not an amount: check the columns",
    },
    "import-total-mismatch": {
        "zh": "{word}行的{what}是 {found}，但上面各行相加是 {expected}：请核对",
        "en": "the {word} row says {what} {found}, but the rows above add up to {expected}: check the figures",
    },
    "import-total-unsided": {
        "zh": "合计行“{text}”看不出是收入还是支出，没有导入也没有核对：请写成 收入合计 或 支出合计",
        "en": "the total row “{text}” does not say income or expenditure; it was neither imported nor checked: "
              "write 收入合计 or 支出合计",
    },
    "import-skipped-signature": {
        "zh": "第 {row} 行是签名行（{text}），未导入",
        "en": "row {row} is a signature line ({text}), not imported",
    },
    "import-skipped-note": {
        "zh": "第 {row} 行是说明（{text}），未导入",
        "en": "row {row} is a note ({text}), not imported",
    },
    "import-total-checked": {
        "zh": "第 {row} 行是{word}行（{cell} = {value}），已与各行相加核对一致",
        "en": "row {row} is a {word} row ({cell} = {value}); it matches the rows above",
    },
    # --- disclosure rules: 低保 dynamics, catalogue, legal clocks ------------
    "dynamics-ambiguous": {
        "zh": "低保动态对比无法确定这一户：{key} 在两期名单中不止一户（另一期：{other}），"
              "分不清哪一户是原有的；请写上遮盖后的身份证号 id 加以区分。区分之前不生成本期动态管理表",
        "en": "the 低保 dynamics cannot place this household: {key} occurs more than once across the two "
              "lists (other list: {other}); add the masked ID (id) to tell them apart. The dynamic table "
              "is not derived until then",
    },
    "dynamics-mismatch": {
        "zh": "{unit} 的{field}写的是 {declared}，但对比两期名单（{previous} → {current}）得出 {derived}",
        "en": "{unit}: {field} says {declared} but comparing the lists ({previous} -> {current}) gives {derived}",
    },
    "rate-mismatch": {
        "zh": "{unit} 的动态率写的是 {declared}，按（新纳入 + 停发 + 调增 + 调减）÷ 总户数 应为 {computed}",
        "en": "{unit}: the dynamic rate says {declared} but (added + stopped + raised + lowered) / households "
              "is {computed}",
    },
    "bad-rate": {
        "zh": "{field} 不是百分数：{value}（如 25.81%）",
        "en": "{field} is not a percentage: {value} (e.g. 25.81%)",
    },
    "unknown-catalogue-entry": {
        "zh": "公开目录 {file} 中没有事项 {value}{hint}",
        "en": "the catalogue {file} has no entry {value}{hint}",
    },
    "catalogue-missing": {
        "zh": "{office} 应公开“{entry}”（{frequency}），但还没有任何事项对应它（期限 {due}）："
              "请发布该内容，或在事项中写 catalogue 指明对应的目录事项（目录见 {file}）",
        "en": "{office} must publish '{entry}' ({frequency}) but no item covers it (due {due}): publish it, "
              "or name the entry with catalogue: in the item that covers it (catalogue: {file})",
    },
    "catalogue-overdue": {
        "zh": "{office} 的“{entry}”（{frequency}）{period} 还没有更新，应在 {due} 前发布，已逾期",
        "en": "{office}: '{entry}' ({frequency}) has nothing for {period} yet; it was due by {due} and is overdue",
    },
    "catalogue-due-soon": {
        "zh": "{office} 的“{entry}”{period} 还没有发布，期限 {due}，即将到期",
        "en": "{office}: '{entry}' for {period} is not published yet and is due by {due}",
    },
    "calendar-range": {
        "zh": "日期 {date} 超出节假日日历数据（chinesecalendar 只到 {last}），无法按工作日计算期限："
              "请升级 chinesecalendar（pip install -U chinesecalendar）",
        "en": "{date} is beyond the holiday calendar's data (chinesecalendar ends {last}), so working-day "
              "deadlines cannot be counted: upgrade chinesecalendar (pip install -U chinesecalendar)",
    },
    "short-window": {
        "zh": "公示期只有 {days} 天：低保等名单应公示 {required} 天（最低生活保障审核确认办法第十九条）",
        "en": "the list is on display for only {days} days; 低保 lists are shown for {required} days",
    },
    "published-late": {
        "zh": "信息 {formed} 形成，{published} 才发布：应在 20 个工作日内（{deadline} 前）公开（政府信息公开条例第二十六条）",
        "en": "formed on {formed} but published on {published}: it was due within 20 working days, by {deadline}",
    },
    "publish-overdue": {
        "zh": "信息 {formed} 形成，应在 {deadline} 前公开，已逾期：请尽快完成审核并发布",
        "en": "formed on {formed}, due to be published by {deadline}: it is overdue; complete the review and publish it",
    },
    "publish-due-soon": {
        "zh": "信息 {formed} 形成，须在 {deadline} 前公开，即将到期",
        "en": "formed on {formed}: it must be published by {deadline}, which is close",
    },
    "reply-order": {
        "zh": "答复日期 answered（{answered}）早于收到日期 received（{received}）",
        "en": "answered ({answered}) is before received ({received})",
    },
    "reply-late": {
        "zh": "{received} 收到的申请 {answered} 才答复：应在 20 个工作日内（{deadline} 前）答复（政府信息公开条例第三十三条）",
        "en": "a request received on {received} was answered on {answered}: the answer was due within "
              "20 working days, by {deadline}",
    },
    # --- summary and command line ------------------------------------------
    "summary": {
        "zh": "{errors} 个错误，{warnings} 个警告",
        "en": "{errors} error(s), {warnings} warning(s)",
    },
    "clean": {
        "zh": "检查通过：{offices} 个单位，{items} 个事项，{boards} 块公开栏，没有发现问题",
        "en": "all clear: {offices} offices, {items} items, {boards} boards, no problems found",
    },
    "no-project": {
        "zh": "{path} 不是 gongkai 项目（没有 content/site.yml）：新项目请先写 content/site.yml，填 title、url、supervision_phone（见 docs/content-format.md）",
        "en": "{path} is not a gongkai project (no content/site.yml): start a new one by writing content/site.yml with title, url and supervision_phone (see docs/content-format.md)",
    },
}

TYPE_NAMES = {
    "zh": {
        "string": "文字", "text": "文字", "date": "日期", "bool": "true 或 false",
        "int": "整数", "money": "金额", "list": "列表", "object": "键值对",
        "null": "空值", "quarter": "季度", "file": "整个文件",
    },
    "en": {
        "string": "text", "text": "text", "date": "a date", "bool": "true or false",
        "int": "a whole number", "money": "an amount", "list": "a list",
        "object": "a mapping", "null": "nothing", "quarter": "a quarter", "file": "the file",
    },
}


def render(code: str, language: str, **args) -> str:
    """The message for ``code`` in ``language`` (falls back to zh)."""
    entry = CATALOGUE[code]
    return entry.get(language, entry["zh"]).format(**args)


def type_name(kind: str, language: str) -> str:
    names = TYPE_NAMES.get(language, TYPE_NAMES["zh"])
    return names.get(kind, kind)
