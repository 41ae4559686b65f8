"""Screenshots of a built site in the system Chromium (Playwright), for looking and the README.

Usage: .venv/bin/python scripts/screenshots.py SITE_DIR OUT_DIR [name=path=width ...]
Without pages: the home, an office, a procedure, a finance item, a current and
an expired subsidy list, the catalogue and a search, at 360 and 1366 px.
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

DEMO_PAGES = {
    "home": "", "office": "qingshan-town/", "procedure": "qingshan-town/rural-dibao-application/",
    "finance": "qingshan-town/2026-Q3/finance-report/", "subsidy": "qingshan-town/2026-Q4/low-income-list/",
    "subsidy-expired": "qingshan-town/2026-Q3/low-income-list/", "catalogue": "catalogue/",
    "search": "?q=低保金发放",
}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def shoot(site: Path, out: Path, shots: list[tuple[str, str, int]], full_page: bool = True) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for name, path, width in shots:
                page = browser.new_page(viewport={"width": width, "height": 800 if width > 600 else 720})
                page.goto(base + path)
                if "q=" in path:  # Material opens the search with ?q= and shows its results
                    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
                page.wait_for_timeout(400)
                page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=full_page and "q=" not in path)
                page.close()
            browser.close()
    finally:
        httpd.shutdown()


def main(argv: list[str]) -> int:
    site, out = Path(argv[0]), Path(argv[1])
    if argv[2:]:
        shots = [(n, p, int(w)) for n, p, w in (spec.split("=") for spec in argv[2:])]
    else:
        shots = [(n, p, w) for n, p in DEMO_PAGES.items() for w in (360, 1366)]
    shoot(site, out, shots)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
