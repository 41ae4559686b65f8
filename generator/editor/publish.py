"""The editor in the published site (``admin/``), only when site.yml has ``editor``.

The page signs in through the forge that holds the content repository (OAuth
with PKCE, or the forge's own OAuth set-up for GitHub) and commits there; the
site carries no credential, only the forge's address, the repository, the
branch and the public id of the OAuth application. GitHub and GitLab use the
CMS's editorial workflow (a draft is a branch with a merge request; merging
publishes); Gitea saves to the configured draft branch, merged by a pull request.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..model import Project
from . import cms_config
from .server import MISSING_CMS, STATIC, VENDOR, cms_installed, index_html_text

ADMIN = "admin"
_DEFAULT_BASE = {"gitea": "", "gitlab": "https://gitlab.com", "github": ""}


class EditorSetupError(ValueError):
    """The site asks for the editor but it cannot be published (message in Chinese)."""


def forge_backend(editor: dict) -> tuple[dict, str]:
    """``(backend, publish_mode)`` of the CMS for site.yml's ``editor``."""
    name = editor.get("backend")
    base = (editor.get("base_url") or _DEFAULT_BASE.get(name, "")).rstrip("/")
    backend = {"name": name, "repo": editor.get("repo"), "branch": editor.get("branch") or "main"}
    if name == "gitea":
        if not base or not editor.get("app_id"):
            raise EditorSetupError("site.yml 的 editor 使用 gitea 时须写 base_url（平台地址）和 app_id（OAuth 应用客户端 ID）")
        backend.update(base_url=base, api_root=f"{base}/api/v1", app_id=editor["app_id"])
        return backend, "simple"  # Decap's Gitea back end has no editorial workflow: drafts are a branch
    if name == "gitlab":
        if not editor.get("app_id"):
            raise EditorSetupError("site.yml 的 editor 使用 gitlab 时须写 app_id（OAuth 应用客户端 ID）")
        backend.update(auth_type="pkce", app_id=editor["app_id"], base_url=base, api_root=f"{base}/api/v4")
        return backend, "editorial_workflow"
    if base:
        backend["base_url"] = base  # the OAuth helper GitHub needs (no PKCE on GitHub)
    return backend, "editorial_workflow"


def write_admin(project: Project, site_dir: Path) -> Path | None:
    """Write ``admin/`` into the built site when site.yml asks for it; its folder, or None."""
    if not project.site.editor:
        return None
    if not cms_installed():
        raise EditorSetupError(MISSING_CMS)
    backend, mode = forge_backend(project.site.editor)
    config = cms_config.config(project, backend, publish_mode=mode)
    out = site_dir / ADMIN
    out.mkdir(parents=True, exist_ok=True)
    (out / "vendor").mkdir(exist_ok=True)
    for file in sorted(VENDOR.iterdir()):
        if file.is_file() and file.name != "VERSION":
            shutil.copyfile(file, out / "vendor" / file.name)
    for name in ("editor.js", "editor.css"):
        shutil.copyfile(STATIC / name, out / name)
    (out / "config.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")
    (out / "index.html").write_text(index_html_text(cms_config.template_names(config)), encoding="utf-8")
    return out
