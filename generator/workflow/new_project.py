"""A new, empty project (``gongkai init``): content only, built with the installed gongkai.

``content/site.yml``, one office to fill in (the ``new office`` templates, all
drafts), a board showing its fixed items, the editor schemas, the CI
templates, ``.gitignore`` and a pre-commit hook. The templates live in
``project_templates/``; the CI files are gongkai's own templates/ci/.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from .. import __version__
from ..share import shared_path
from .editor_schema import SCHEMA_DIR, dumps, schemas
from .offices import _scalar, create_office
from .project import schema_line

TEMPLATES = Path(__file__).parent / "project_templates"
TITLE_PLACEHOLDER = "待填写：网站标题"
DEFAULT_URL = "https://gk.example.gov.cn/"  # an ``example`` address: check warns until it is replaced

GITIGNORE = """\
# 生成的文件，不提交
/site/
/.cache/
/.venv/
__pycache__/
"""

CI_FILES = {  # templates/ci/ file -> where a project keeps it
    "github-actions.yml": ".github/workflows/gongkai.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}
CI_SOURCE = 'GONGKAI: "."'  # the templates' install line for gongkai's own repository


def planned_files(office_id: str, ci: bool) -> list[str]:
    """Project-relative files ``gongkai init`` writes besides the office folder."""
    files = ["content/site.yml", f"boards/{office_id}-main.yml", "README.md", ".gitignore",
             ".pre-commit-config.yaml", *(f"{SCHEMA_DIR}/{name}" for name in schemas())]
    return files + (list(CI_FILES.values()) if ci else [])


def create_project(root: Path, office_id: str, *, name: str | None, kind: str, title: str | None,
                   url: str | None, gongkai: str | None, ci: bool) -> list[Path]:
    """Write a new project into ``root``; the files written.

    The caller has checked that none of them (nor the office folder) exists.
    """
    written: list[Path] = []

    def write(rel: str, text: str) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    for schema_name, schema in schemas().items():
        write(f"{SCHEMA_DIR}/{schema_name}", dumps(schema))
    site = root / "content" / "site.yml"
    write("content/site.yml", _fill("site.yml", SCHEMA=schema_line("site", site, root),
                                    TITLE=_scalar(title or TITLE_PLACEHOLDER), URL=_scalar(url or DEFAULT_URL)))
    office_files = create_office(root, office_id, name, kind)
    written += office_files
    fixed = sorted(p.stem for p in office_files if p.parent.name == "fixed")
    board = f"boards/{office_id}-main.yml"
    write(board, _fill("board.yml", SCHEMA=schema_line("board", root / board, root), OFFICE=office_id,
                       PANELS="".join(f"  - fixed/{stem}\n" for stem in fixed).rstrip("\n")))
    write("README.md", _fill("README.md", TITLE=title or "政务公开", OFFICE=office_id))
    write(".gitignore", GITIGNORE)
    write(".pre-commit-config.yaml", _fill("pre-commit-config.yml"))
    if ci:
        line = f"GONGKAI: {_scalar(gongkai or installed_from())}"
        for template, rel in CI_FILES.items():
            text = shared_path(f"templates/ci/{template}").read_text(encoding="utf-8")
            write(rel, text.replace(CI_SOURCE, line, 1))
    return written


def installed_from() -> str:
    """A pip requirement for the gongkai running now: its VCS or archive URL when it was
    installed from one (PEP 610 ``direct_url.json``), else this version from the package index."""
    try:
        direct = json.loads(distribution("gongkai").read_text("direct_url.json") or "null")
    except (PackageNotFoundError, ValueError):
        direct = None
    if isinstance(direct, dict) and str(direct.get("url", "")).startswith(("https://", "http://")):
        vcs = direct.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("vcs") == "git":
            revision = vcs.get("requested_revision") or vcs.get("commit_id")
            return f"gongkai @ git+{direct['url']}" + (f"@{revision}" if revision else "")
        if "archive_info" in direct:
            return f"gongkai @ {direct['url']}"
    return f"gongkai=={__version__}"


def _fill(template: str, **values: str) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text.lstrip("\n")
