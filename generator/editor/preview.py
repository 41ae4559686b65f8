"""Beside the form: ``check``'s problems for the file being edited, its page and its board panel.

The entry as it stands in the form is merged into its file (the same save
path as saving) in a scratch copy of the project, the project is loaded and
checked there, and the problems of that file, the item's page and its print
panel come back. Nothing in the project itself is written.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import markdown

from ..boards.document import environment
from ..boards.forms import LABELS, panel
from ..content import load_project
from ..model import Item, Project
from ..site.items import item_page
from ..site.outputs import Context
from ..share import shared_path
from .files import Target

SITE_CSS = shared_path("theme/overrides/assets/stylesheets/gongkai.css")  # the checkout's, or the wheel's copy
_PANEL = ('{% from "panels.html" import body %}'
          '<section class="gk-panel"><h3>{{ p.title }}</h3>{{ body(p, labels) }}</section>')


def scratch_copy(root: Path, into: Path, office: str | None = None) -> None:
    """content/ and boards/ copied (they are edited), everything else linked (fonts, docs).

    With ``office``, only that office's folder is copied: its files' problems do
    not depend on other offices, and a county's hundreds of offices stay out.
    """
    for entry in root.iterdir():
        if entry.name == "content" and office:
            (into / "content" / "offices").mkdir(parents=True)
            shutil.copy2(entry / "site.yml", into / "content" / "site.yml")
            if (entry / "offices" / office).is_dir():
                shutil.copytree(entry / "offices" / office, into / "content" / "offices" / office, symlinks=True)
        elif entry.name in ("content", "boards"):
            shutil.copytree(entry, into / entry.name, symlinks=True)
        elif entry.name not in (".git", ".venv", "site"):
            _link(entry, into / entry.name)


def _link(source: Path, to: Path) -> None:
    """A symbolic link, or a copy where links need privileges (Windows)."""
    try:
        os.symlink(source, to, target_is_directory=source.is_dir())
    except OSError:
        if source.is_dir():
            shutil.copytree(source, to)
        else:
            shutil.copy2(source, to)


def _office_of(path: str) -> str | None:
    parts = path.split("/")
    return parts[2] if len(parts) > 3 and parts[:2] == ["content", "offices"] else None


def preview(root: Path, target: Target, text: str, today: dt.date) -> dict:
    """``{"problems": [...], "page": html, "panel": html | None}`` for ``text`` at ``target``."""
    with tempfile.TemporaryDirectory(prefix="gongkai-edit-") as tmp:
        scratch = Path(tmp)
        scratch_copy(root, scratch, _office_of(target.path))
        path = scratch / target.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        project, report = load_project(scratch, today)
        problems = [{"line": d.line, "col": d.col, "severity": d.severity, "code": d.code,
                     "message": d.message, "text": d.format()}
                     for d in report.sorted() if d.path == target.path]
        item = next((i for i in project.items() if i.source == target.path), None)
        out = {"problems": problems, "page": None, "panel": None, "boards": []}
        if item is not None:
            out["page"] = page_html(project, item, today)
            out["panel"] = panel_html(project, item)
            out["boards"] = [b.id for b in project.boards.values() if b.office_id == item.office_id
                             and any(p.key == item.key for p in b.panels)]
        return out


def page_html(project: Project, item: Item, today: dt.date) -> str:
    """The item's page (as the site shows it on ``today``), without the site's frame."""
    office = project.offices[item.office_id]
    page, _downloads = item_page(Context(project, today), office, item)
    body = markdown.markdown(page.body, extensions=["tables", "attr_list", "admonition", "md_in_html"])
    note = "" if item.is_public(today) else '<p class="gk-note">草稿或未到发布日期：网站暂不显示此页</p>'
    return _document(note + body, SITE_CSS.read_text(encoding="utf-8") if SITE_CSS.is_file() else "")


def panel_html(project: Project, item: Item) -> str:
    """The item's print form as on a board (a draft too, to proof it)."""
    form = panel(item, project.site)
    html = environment().from_string(_PANEL).render(p=form, labels=LABELS.get(project.site.language, LABELS["zh"]))
    return _document(html, _PANEL_CSS)


_PANEL_CSS = """
.gk-panel { border: 3px solid #b71c1c; padding: 8px 12px; font-size: 14px; }
.gk-panel h3 { background: #b71c1c; color: #fff; margin: -8px -12px 8px; padding: 6px 12px; }
table.data, table.elements { border-collapse: collapse; width: 100%; }
table.data td, table.data th, table.elements td, table.elements th { border: 1px solid #999; padding: 2px 6px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
dl.facts div { display: flex; gap: 8px; } dl.facts dt { font-weight: bold; }
ol.flow li { margin: 2px 0; }
"""


_BASE_CSS = ("body{font-family:sans-serif;margin:12px;line-height:1.6}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
             ".gk-note{background:#fff3cd;padding:6px}")


def _document(body: str, css: str) -> str:
    style = (_BASE_CSS + css).replace("</", "<\\/")
    return (f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>{style}</style>'
            f"</head><body>{body}</body></html>")
