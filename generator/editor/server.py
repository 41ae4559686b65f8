"""The editor's local back end on 127.0.0.1: the CMS's page and the API of Decap's ``local_backend``.

``POST /api/v1`` answers the actions of Decap's proxy back end (as
``decap-server``'s ``localFs`` middleware does: ``info``, ``entriesByFolder``,
``entriesByFiles``, ``getEntry``, ``persistEntry``, media and deletes), but
reads and writes through :mod:`.entry`, so saved files stay gongkai content.
``POST /gongkai/preview`` returns the checks and previews of an entry being
edited. Requests must come to 127.0.0.1 or localhost (no other Host, no other
Origin, JSON only), so no other web page can reach the clerk's files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
import os
import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..content import load_project
from ..workflow.project import schema_line
from . import cms_config, entry, files, preview
from .entry import EntryError

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = Path(__file__).resolve().parent / "vendor" / "decap-cms"
FORBIDDEN = "只接受本机编辑器页面（127.0.0.1）的请求"
MISSING_CMS = ("编辑器界面（Decap CMS）未安装：请在 gongkai 源码目录运行 bash scripts/bootstrap.sh"
               "（需要 npm，会下载 decap-cms 到 generator/editor/vendor/）")


def cms_installed() -> bool:
    return (VENDOR / "decap-cms.js").is_file()


def read_entry(root: Path, rel: str) -> dict:
    """One entry as the CMS's ``getEntry`` answers it."""
    target = files.resolve(root, files.cms_path(rel))
    raw = (root / rel).read_bytes()
    meta = files.item_meta(rel) if target.kind == "item" else \
        {"_file": Path(rel).stem} if target.kind == "board" else None
    try:
        data = entry.view(target.kind, raw.decode("utf-8-sig"), target.markdown, meta)
    except (EntryError, UnicodeDecodeError):
        data = None  # not readable as content: `gongkai check` says why
    return {"data": data, "file": {"path": files.cms_path(rel), "id": hashlib.sha256(raw).hexdigest()}}


def save(root: Path, path: str, raw: str) -> str | None:
    """Merge what the CMS saved into its file; the project-relative path written, None if unchanged."""
    kind = files.resolve(root, path).kind
    data, body, _meta = entry.from_cms(kind, raw)
    markdown_new = kind == "item" and (data.get("type") in files.TEXT_TYPES or bool((body or "").strip()))
    target = files.resolve(root, path, markdown_if_new=markdown_new)
    file = root / target.path
    original = file.read_bytes().decode("utf-8-sig") if target.exists else None
    if original is not None and file.read_bytes().startswith(b"\xef\xbb\xbf"):
        original = "\ufeff" + original
    head = None if target.exists else schema_line(target.kind, file, root)
    text = entry.merge(target.kind, original, raw, target.markdown, head=head)
    if text == original:
        return None
    file.parent.mkdir(parents=True, exist_ok=True)
    scratch = file.with_name(f".{file.name}.gongkai-edit")
    scratch.write_bytes(text.encode("utf-8"))
    os.replace(scratch, file)
    return target.path


def draft_text(root: Path, path: str, raw: str) -> tuple[files.Target, str]:
    """The file text the entry in the form would save (nothing is written)."""
    kind = files.resolve(root, path).kind
    data, body, _meta = entry.from_cms(kind, raw)
    markdown_new = kind == "item" and (data.get("type") in files.TEXT_TYPES or bool((body or "").strip()))
    target = files.resolve(root, path, markdown_if_new=markdown_new)
    original = (root / target.path).read_bytes().decode("utf-8-sig") if target.exists else None
    head = None if target.exists else schema_line(target.kind, root / target.path, root)
    return target, entry.merge(target.kind, original, raw, target.markdown, head=head)


class Editor:
    """The project being edited and what the CMS needs from it."""

    def __init__(self, root: Path, today: dt.date):
        self.root = root.resolve()
        self.today = today
        self.lock = threading.Lock()  # one save at a time

    def config(self) -> dict:
        project, _report = load_project(self.root, self.today)
        quarter = f"{self.today.year}-Q{(self.today.month - 1) // 3 + 1}"
        return cms_config.config(project, {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"},
                                 extra_sections=[quarter])

    def api(self, body: dict):
        action, params = body.get("action"), body.get("params") or {}
        root = self.root
        if action == "info":
            return {"repo": root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            folder = str(params.get("folder", "")).strip("/")
            rels = files.item_files(root) if folder == files.ITEMS_FOLDER else \
                files.board_files(root) if folder == files.BOARDS_FOLDER else []
            entries = [read_entry(root, rel) for rel in rels]
            return [e for e in entries if e["data"] is not None]  # unreadable: `gongkai check` says why
        if action == "entriesByFiles":
            out = []
            for f in params.get("files") or []:
                target = files.resolve(root, str(f.get("path", "")))
                out.append(read_entry(root, target.path) if target.exists else
                           {"data": None, "file": {"path": target.path, "id": None}})
            return out
        if action == "getEntry":
            target = files.resolve(root, str(params.get("path", "")))
            if not target.exists:
                return {"data": None, "file": {"path": params.get("path"), "id": None}}
            found = read_entry(root, target.path)
            if found["data"] is None:
                raise EntryError(f"{target.path} 无法读取（编码或 YAML 格式有误）：请运行 gongkai check 查看")
            return found
        if action == "persistEntry":
            data_files = params.get("dataFiles") or [params.get("entry")]
            with self.lock:
                for f in data_files:
                    save(root, str(f["path"]), str(f["raw"]))
            return {"message": "entry persisted"}
        if action == "getMedia":
            return []
        if action == "getDeployPreview":
            return None
        if action in ("persistMedia", "getMediaFile"):
            raise EntryError("编辑器不上传文件：图片等请放入项目后用 git 提交")
        if action in ("deleteFile", "deleteFiles"):
            raise EntryError("编辑器不删除文件：请用 git 删除（删除会留在历史中）")
        raise EntryError(f"不支持的操作：{action}")

    def preview(self, body: dict) -> dict:
        target, text = draft_text(self.root, str(body.get("path", "")), str(body.get("raw", "")))
        return preview.preview(self.root, target, text, self.today)


def index_html_text(templates: list[str]) -> str:
    """The editor's page; the preview template names ride in a meta tag (no inline script)."""
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    return page.replace("__TEMPLATES__", escape(json.dumps(templates, ensure_ascii=False)))


class Handler(BaseHTTPRequestHandler):
    editor: Editor
    server_version = "gongkai-edit"

    def log_message(self, *args):  # the terminal shows only what the command prints
        pass

    def _origin_ok(self) -> bool:
        port = self.server.server_address[1]
        hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        if self.headers.get("Host") not in hosts:
            return False
        origin = self.headers.get("Origin")
        return origin is None or origin in {f"http://{h}" for h in hosts}

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, value) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def do_GET(self):
        if not self._origin_ok():
            return self._send(403, FORBIDDEN.encode("utf-8"), "text/plain; charset=utf-8")
        path = self.path.split("?", 1)[0]
        if path in ("/", "/index.html"):
            page = index_html_text(cms_config.template_names(self.editor.config()))
            return self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
        if path == "/config.yml":
            text = json.dumps(self.editor.config(), ensure_ascii=False, indent=1)  # JSON is YAML
            return self._send(200, text.encode("utf-8"), "text/yaml; charset=utf-8")
        name = path.rsplit("/", 1)[-1]
        folder = VENDOR if path.startswith("/vendor/") else STATIC if path.count("/") == 1 else None
        if folder is not None and name in os.listdir(folder) and not name.startswith("."):
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind.endswith("javascript"):
                kind += "; charset=utf-8"
            return self._send(200, (folder / name).read_bytes(), kind)
        self._send(404, "没有这个页面".encode("utf-8"), "text/plain; charset=utf-8")

    def do_POST(self):
        if not self._origin_ok() or not self.headers.get("Content-Type", "").startswith("application/json"):
            return self._json(403, {"error": FORBIDDEN})
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            if self.path == "/api/v1":
                return self._json(200, self.editor.api(body))
            if self.path == "/gongkai/preview":
                return self._json(200, self.editor.preview(body))
            return self._json(404, {"error": "没有这个接口"})
        except EntryError as error:
            return self._json(422, {"error": str(error)})
        except (ValueError, KeyError, TypeError) as error:
            return self._json(400, {"error": f"请求有误：{error}"})
        except OSError as error:  # a file that cannot be read or written (permissions, disk full)
            return self._json(500, {"error": f"无法读写文件：{error}"})


def make_server(root: Path, today: dt.date, port: int = 0) -> ThreadingHTTPServer:
    """The editor's server on 127.0.0.1 (``port`` 0: any free port)."""
    handler = type("EditorHandler", (Handler,), {"editor": Editor(root, today)})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server
