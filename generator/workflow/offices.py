"""A new office folder: ``office.yml`` and a commented draft of every fixed item type.

The templates live in ``office_templates/`` (shipped with the package) with
``@NAME@``, ``@KIND@``, ``@DISCLOSURE@`` and ``@SCHEMA@`` filled in here.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..model import DEFAULT_CATEGORIES
from .project import schema_line

TEMPLATES = Path(__file__).parent / "office_templates"
NAME_PLACEHOLDER = "待填写：单位全称"


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar (quoted only when it must be)."""
    return yaml.safe_dump(text, allow_unicode=True, width=1000).removesuffix("\n...\n").strip()


def site_categories(root: Path) -> tuple[str, ...]:
    """The categories ``site.yml`` allows (the defaults when it names none)."""
    try:
        site = yaml.safe_load((root / "content" / "site.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return DEFAULT_CATEGORIES
    categories = site.get("categories") if isinstance(site, dict) else None
    return tuple(str(c) for c in categories) if isinstance(categories, list) and categories else DEFAULT_CATEGORIES


def template_files() -> list[Path]:
    return sorted(p for p in TEMPLATES.rglob("*") if p.is_file())


def create_office(root: Path, office_id: str, name: str | None, kind: str) -> list[Path]:
    """Write ``content/offices/<office_id>/`` from the templates; the files written.

    The caller has checked the id and that the folder does not exist yet.
    """
    folder = root / "content" / "offices" / office_id
    categories = site_categories(root)
    written = []
    for template in template_files():
        target = folder / template.relative_to(TEMPLATES)
        kind_of_file = "office" if template.name == "office.yml" else "item"
        text = template.read_text(encoding="utf-8")
        text = (text.replace("@NAME@", _scalar(name or NAME_PLACEHOLDER)).replace("@KIND@", kind)
                .replace("@DISCLOSURE@", "村务公开" if kind == "village" else "政务公开")
                .replace("@SCHEMA@", schema_line(kind_of_file, target, root) or ""))
        # a category this site does not use is left out rather than made an error
        text = re.sub(r"^category: (\S+)\n", lambda m: m.group(0) if m.group(1) in categories else "",
                      text, flags=re.M)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.lstrip("\n"), encoding="utf-8", newline="\n")
        written.append(target)
    return written
