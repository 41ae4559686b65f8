"""The preview server behind ``gongkai serve``: the site as it will be built, or why it cannot be.

One thread watches the project (content/, boards/, theme/, mkdocs.yml) and
rebuilds when a file changes: it loads the project as ``gongkai check``
does; with errors, every page is the problems page; without, MkDocs builds
the site into a fresh folder that then replaces the one served, so a
half-built site is never served. Each rebuild raises ``generation``; pages
long-poll ``/_gongkai/poll`` (from ``preview.js``) and reload when it moves
on. Board proofs are rendered when their page is asked for, through the
board render cache, so an unchanged board costs a copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import os
import posixpath
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

from ..content import load_project
from ..diagnostics import Diagnostic
from ..model import Project
from . import pages

STATIC = Path(__file__).parent / "static"
WATCHED = ("content", "boards", "theme", "mkdocs.yml")
POLL_SECONDS = 25  # a poll is answered after this long even when nothing changed
SCAN_SECONDS = 0.5  # how often the project is looked at for changes

log = logging.getLogger("gongkai.serve")


@dataclass
class State:
    """What the preview serves now (replaced whole after each rebuild)."""

    generation: int = 0
    language: str = "zh"
    problems: list[Diagnostic] = field(default_factory=list)
    summary: str = ""
    build_error: str | None = None
    project: Project | None = None
    site_dir: Path | None = None

    @property
    def broken(self) -> bool:
        return self.build_error is not None or any(d.severity == "error" for d in self.problems)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every watched file with its modification time and size."""
    out = {}
    for name in WATCHED:
        top = root / name
        paths = [top] if top.is_file() else (top.rglob("*") if top.is_dir() else [])
        for path in paths:
            try:
                if path.is_file():
                    stat = path.stat()
                    out[str(path)] = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                continue
    return out


class Preview:
    def __init__(self, root: Path, date: dt.date | None, serve_url: str):
        self.root = root
        self.date = date
        self.serve_url = serve_url
        self.state = State()
        self.changed = threading.Condition()
        self.scratch = Path(tempfile.mkdtemp(prefix="gongkai-serve-"))
        self.boards_lock = threading.Lock()
        self.proofs: dict[str, tuple[int, object]] = {}  # board id -> (generation, edition or problem)
        self.stopping = threading.Event()

    # --- building -----------------------------------------------------------

    def today(self) -> dt.date:
        from ..commands.common import build_date
        return build_date(SimpleNamespace(date=self.date))

    def rebuild(self) -> None:
        """Load the project; build the site when it has no errors; then let the pages reload."""
        from ..commands.common import print_report

        on = self.today()
        project, report = load_project(self.root, on)
        print_report(report, sys.stderr)
        state = State(generation=self.state.generation + 1, language=report.language,
                      problems=report.sorted(), summary=report.summary())
        if not report.has_errors():
            state.project = project
            try:
                state.site_dir = self.build_site(project, on)
            except Exception as error:  # noqa: BLE001 - any failure is shown on the page, the server stays up
                state.build_error = str(error) or type(error).__name__
                print(f"gongkai serve: {state.build_error}", file=sys.stderr)
        old = self.state.site_dir
        with self.changed:
            self.state = state
            self.changed.notify_all()
        if old is not None and old != state.site_dir:
            threading.Timer(5, shutil.rmtree, (old,), {"ignore_errors": True}).start()  # after requests finish

    def build_site(self, project: Project, on: dt.date) -> Path:
        from .. import engine

        engine.select()  # before the first mkdocs import: ProperDocs when installed
        from mkdocs.commands.build import build
        from mkdocs.exceptions import Abort, PluginError

        from ..commands.build import mkdocs_config

        site_dir = Path(tempfile.mkdtemp(prefix="site-", dir=self.scratch))
        config = mkdocs_config(self.root, site_dir=site_dir, date=on, project=project)
        config.site_url = self.serve_url
        try:
            build(config)
        except (Abort, PluginError) as error:
            shutil.rmtree(site_dir, ignore_errors=True)
            raise RuntimeError(str(error)) from None
        return site_dir

    def watch(self) -> None:
        """Rebuild whenever a watched file changes (the project is scanned every SCAN_SECONDS)."""
        seen = snapshot(self.root)
        while not self.stopping.wait(SCAN_SECONDS):
            now = snapshot(self.root)
            if now == seen:
                continue
            time.sleep(0.2)  # an editor saving several files: wait for it to finish
            seen = snapshot(self.root)
            print("gongkai serve: 文件已修改，重新生成…", file=sys.stderr)
            try:
                self.rebuild()
            except Exception:  # noqa: BLE001 - keep serving; the traceback helps a bug report
                logging.exception("gongkai serve: rebuild failed")

    def wait_newer(self, generation: int) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.state.generation > generation, timeout=POLL_SECONDS)
            return self.state.generation

    # --- boards -------------------------------------------------------------

    def board(self, board_id: str):
        """The board's current edition (rendered through the cache), or a str/list saying why not."""
        state = self.state
        project = state.project
        if project is None or board_id not in project.boards:
            return None
        with self.boards_lock:
            cached = self.proofs.get(board_id)
            if cached and cached[0] == state.generation:
                return cached[1]
            result = self.render_board(project, board_id)
            self.proofs[board_id] = (state.generation, result)
            return result

    def render_board(self, project: Project, board_id: str):
        try:
            from ..boards import PrintSetupError, build_boards
        except (ImportError, OSError) as error:  # WeasyPrint's native libraries are missing
            return f"{type(error).__name__}: {error}"
        from ..diagnostics import ContentError

        out = self.scratch / "boards" / str(self.state.generation)
        try:
            editions = build_boards(project, out, board_ids=[board_id], today=self.today())
        except ContentError as error:
            return error.report.sorted()
        except PrintSetupError as error:
            return str(error)
        except OSError as error:
            return f"{type(error).__name__}: {error}"
        return editions[0] if editions else []

    def close(self) -> None:
        self.stopping.set()
        shutil.rmtree(self.scratch, ignore_errors=True)


class Handler(BaseHTTPRequestHandler):
    server: "PreviewHTTPServer"
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows problems and rebuilds, not every request

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        preview = self.server.preview
        parsed = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(parsed.path)
        if path.startswith(pages.PREFIX):
            return self.own(path[len(pages.PREFIX):], urllib.parse.parse_qs(parsed.query))
        state = preview.state
        page = path.endswith("/") or path.endswith(".html") or not posixpath.splitext(path)[1]
        if state.broken and page:
            body = pages.error_page(state.language, state.problems, state.summary, state.generation,
                                    state.build_error)
            return self.send(500, "text/html; charset=utf-8", body)
        self.site_file(state, path)

    def own(self, rest: str, query: dict) -> None:
        preview = self.server.preview
        state = preview.state
        if rest in ("preview.js", "preview.css"):
            kind = "text/javascript" if rest.endswith(".js") else "text/css"
            return self.send(200, f"{kind}; charset=utf-8", (STATIC / rest).read_bytes(), cache=False)
        if rest == "poll":
            try:
                since = int(query.get("generation", ["0"])[0])
            except ValueError:
                since = 0
            return self.send(200, "text/plain", str(preview.wait_newer(since)).encode(), cache=False)
        if state.broken:
            body = pages.error_page(state.language, state.problems, state.summary, state.generation,
                                    state.build_error)
            return self.send(500, "text/html; charset=utf-8", body)
        project = state.project
        if rest in ("", "boards", "boards/"):
            if rest != "boards/":
                return self.redirect(pages.PREFIX + "boards/")
            boards = [(b.id, project.offices[b.office_id].name if b.office_id in project.offices else b.office_id)
                      for b in project.boards.values()]
            return self.send(200, "text/html; charset=utf-8", pages.boards_page(state.language, boards,
                                                                              state.generation))
        if rest.startswith("boards/"):
            name = rest[len("boards/"):]
            if name.endswith(".png"):
                result = preview.board(name[:-4])
                if result is None or not hasattr(result, "proof"):
                    return self.send(404, "text/plain", b"not found")
                return self.send(200, "image/png", Path(result.proof).read_bytes(), cache=False)
            board_id = name.rstrip("/")
            if not name.endswith("/"):
                return self.redirect(f"{pages.PREFIX}boards/{board_id}/")
            result = preview.board(board_id)
            language = state.language
            if result is None:
                body = pages.board_page(language, board_id, state.generation)
                return self.send(404, "text/html; charset=utf-8", body)
            if isinstance(result, str):
                body = pages.board_page(language, board_id, state.generation, unavailable=result)
            elif isinstance(result, list):
                body = pages.board_page(language, board_id, state.generation, problems=result)
            else:
                office = project.offices.get(result.office_id)
                body = pages.board_page(
                    language, board_id, state.generation, png=f"{pages.PREFIX}boards/{board_id}.png?g={state.generation}",
                    office=office.name if office else result.office_id, quarter=str(result.quarter),
                    sheets=result.sheets, pdf=result.pdf.name)
            return self.send(200, "text/html; charset=utf-8", body)
        self.send(404, "text/plain", b"not found")

    def site_file(self, state: State, path: str) -> None:
        site = state.site_dir
        if site is None:
            return self.send(503, "text/plain; charset=utf-8", "正在生成网站…".encode())
        rel = posixpath.normpath("/" + path).lstrip("/")
        target = site / rel if rel != "." else site
        if target.is_dir():
            if not path.endswith("/"):
                return self.redirect(urllib.parse.quote(path) + "/")
            target = target / "index.html"
        if not target.is_file():
            missing = site / "404.html"
            body = self.inject(missing.read_bytes(), state) if missing.is_file() else b"404 Not Found"
            return self.send(404, "text/html; charset=utf-8", body)
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".html":
            data = self.inject(data, state)
            kind = "text/html"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
            kind += "; charset=utf-8"
        self.send(200, kind, data)

    @staticmethod
    def inject(html: bytes, state: State) -> bytes:
        tags = pages.head_tags(state.generation).encode()
        end = html.rfind(b"</body>")
        return html + tags if end < 0 else html[:end] + tags + html[end:]

    def redirect(self, location: str) -> None:
        """Redirect to ``location``, percent-encoded: a line break from the request never becomes a header."""
        self.send_response(302)
        self.send_header("Location", urllib.parse.quote(location, safe="/%:?=&#"))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send(self, code: int, kind: str, body: bytes, cache: bool = False) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if not cache:
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class PreviewHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], preview: Preview):
        self.preview = preview
        super().__init__(address, Handler)


def serve(root: Path, host: str, port: int, date: dt.date | None = None) -> None:
    """Build, then serve the preview at http://host:port/ until interrupted."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    url = f"http://{host}:{port}/"
    preview = Preview(root, date, url)
    server = PreviewHTTPServer((host, port), preview)  # bind first: a busy port fails before the build
    try:
        preview.rebuild()
        threading.Thread(target=preview.watch, name="gongkai-watch", daemon=True).start()
        print(f"gongkai serve: 预览地址 {url}（公开栏校样：{url}_gongkai/boards/），按 Ctrl+C 结束", file=sys.stderr)
        server.serve_forever(poll_interval=0.25)
    finally:
        server.server_close()
        preview.close()
