"""The Decap CMS configuration, generated from the content schema (``content/schema.py``).

One collection per file kind: the site, each office, the boards, and one per
item type (all items in one folder, filtered by ``type``). Every field gets
the schema's Chinese label and help; money and dates are text fields with the
patterns of the JSON Schema (exact text, never a float or a time zone).
"""

from __future__ import annotations

from ..content.schema import BOARD, COMMON, ITEM_TYPES, OFFICE, SITE, Field
from ..model import Project
from ..labels import type_name
from ..workflow.editor_schema import _DATE_PATTERN, _MONEY_PATTERN
from .files import BOARDS_FOLDER, ITEM_EXT, ITEMS_FOLDER, NAME, TEXT_TYPES

LONG_LISTS = ("recipients", "rows")  # shown folded (one line a row); other lists open
_NAME_HINT = "小写英文字母、数字和连字符，如 winter-notice（网址的一部分，保存后不再改动）"


def _label(f: Field) -> str:
    """A short label: the description up to its first （, ： or ，; the whole of it is the hint."""
    cut = min((i for i in (f.zh.find(m) for m in "（：，") if i > 0), default=len(f.zh))
    return f.zh[:cut]


def widget(f: Field, required: bool | None = None) -> dict:
    """The CMS field of one schema field (recursively for lists and objects)."""
    out: dict = {"name": f.name, "label": _label(f), "required": f.required if required is None else required}
    if _label(f) != f.zh:
        out["hint"] = f.zh
    if f.kind == "object":
        # Members are required only when the object is (review is optional in a draft):
        # `gongkai check` beside the form reports a half-filled one.
        out.update(widget="object", collapsed=False,
                   fields=[widget(m, m.required and f.required) for m in f.fields])
    elif f.kind == "list":
        element = f.item
        if element.kind == "object":
            out.update(widget="gk-rows", fields=[widget(m) for m in element.fields],  # the list + paste from Excel
                       summary=" · ".join("{{fields.%s}}" % m.name for m in element.fields[:3]))
        elif element.kind == "list":
            out.update(widget="list", field={"name": element.name, "label": _label(element),
                                             "widget": "list", "field": widget(element.item)})
        else:
            out.update(widget="list", field=widget(element, required=True))
        out.update(allow_add=True, collapsed=f.name in LONG_LISTS)
    elif f.kind == "choice":
        out.update(widget="select", options=list(f.choices))
    elif f.kind == "bool":
        out["widget"] = "boolean"
    elif f.kind == "int":
        out.update(widget="number", value_type="int")
    elif f.kind == "date":
        out.update(widget="string", pattern=[_DATE_PATTERN, "日期格式为 YYYY-MM-DD，如 2026-11-20"])
    elif f.kind == "money":
        out.update(widget="string", pattern=[_MONEY_PATTERN, "金额如 1234.50，可带千分位逗号和单位 元/万元"])
    elif f.kind == "text":
        out["widget"] = "text"
    else:
        out["widget"] = "string"
    if f.default is not None and f.kind not in ("object", "list"):
        out["default"] = f.default
    return out


def _meta_fields(project: Project, sections: list[str]) -> list[dict]:
    offices = [{"label": f"{o.name}（{o.id}）", "value": o.id} for o in project.offices.values()]
    return [
        {"name": "_office", "label": "单位", "widget": "select", "options": offices,
         "hint": "新建事项放在哪个单位下（已有事项不会移动）"},
        {"name": "_section", "label": "固定内容或季度", "widget": "select",
         "options": [{"label": "固定内容（fixed）", "value": "fixed"}]
         + [{"label": f"{q} 季度", "value": q} for q in sections],
         "hint": "固定内容长期公开；季度内容每季度更换（已有事项不会移动）"},
        {"name": "_file", "label": "文件名", "widget": "string", "hint": _NAME_HINT,
         "pattern": [f"^{NAME.pattern}$", _NAME_HINT]},
    ]


def _sections(project: Project, extra: list[str]) -> list[str]:
    found = {str(q) for o in project.offices.values() for q in o.quarters}
    return sorted(found | set(extra), reverse=True)


def item_collection(item_type: str, project: Project, sections: list[str]) -> dict:
    fields = [widget(f) for f in COMMON if f.name != "type"] + [widget(f) for f in ITEM_TYPES[item_type]]
    body = {"name": "body", "label": "正文", "widget": "markdown", "required": item_type in TEXT_TYPES,
            "modes": ["raw", "rich_text"], "hint": "Markdown 正文（.yml 事项没有正文）"}
    return {
        "name": item_type,
        "label": type_name(project.site.language, item_type),
        "label_singular": type_name(project.site.language, item_type),
        "folder": ITEMS_FOLDER,
        "extension": ITEM_EXT,
        "format": "yaml-frontmatter",
        "create": True,
        "delete": False,
        "filter": {"field": "type", "value": item_type},
        "identifier_field": "title",
        "slug": "{{fields._file}}",
        "path": "{{_office}}/{{_section}}/{{slug}}",  # no "fields." here: the CMS turns dots in path into dashes
        "summary": "{{title}}（{{fields._office}} · {{fields._section}}）",
        "sortable_fields": ["title", "published"],
        "view_groups": [{"label": "单位", "field": "_office"}, {"label": "季度", "field": "_section"}],
        "fields": [{"name": "type", "widget": "hidden", "default": item_type},
                   *_meta_fields(project, sections), *fields, body],
    }


def collections(project: Project, extra_sections: list[str] = ()) -> list[dict]:
    sections = _sections(project, list(extra_sections))
    out = [
        {"name": "site", "label": "网站设置", "delete": False, "editor": {"preview": True},
         "files": [{"name": "site", "label": "网站设置（site.yml）", "file": "content/site.yml",
                    "fields": [widget(f) for f in SITE.fields]}]},
        {"name": "offices", "label": "单位信息", "delete": False,
         "description": "新单位请用命令 gongkai new office 建立",
         "files": [{"name": o.id, "label": o.name, "file": f"content/offices/{o.id}/office.yml",
                    "fields": [widget(f) for f in OFFICE.fields]} for o in project.offices.values()]},
    ]
    out += [item_collection(t, project, sections) for t in ITEM_TYPES]
    out.append({
        "name": "boards", "label": "公开栏版面", "label_singular": "公开栏版面",
        "folder": BOARDS_FOLDER, "extension": "yml", "format": "yaml", "create": True, "delete": False,
        "identifier_field": "office", "slug": "{{fields._file}}", "summary": "{{fields._file}}（{{office}}）",
        "fields": [{"name": "_file", "label": "文件名", "widget": "string", "hint": _NAME_HINT,
                    "pattern": [f"^{NAME.pattern}$", _NAME_HINT]},
                   *[widget(f) for f in BOARD.fields]],
    })
    return out


def config(project: Project, backend: dict, extra_sections: list[str] = (), **more) -> dict:
    """The whole configuration for ``backend`` (the local proxy, or a forge)."""
    return {
        "backend": backend,
        "locale": "zh_Hans" if project.site.language == "zh" else "en",
        "media_folder": "content/.media",  # uploads are not offered: no media widget in the schema
        "slug": {"encoding": "ascii", "clean_accents": True},
        "site_url": project.site.url,
        "collections": collections(project, extra_sections),
        **more,
    }


def template_names(config: dict) -> list[str]:
    """Preview template names: each collection, and each file of the file collections."""
    names = []
    for c in config["collections"]:
        names += [f["name"] for f in c.get("files", [])] or [c["name"]]
    return names
