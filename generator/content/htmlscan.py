"""Raw HTML and links in an item's Markdown body, as the site and the boards will publish them.

The body is rendered with the site's Markdown extensions (so ``attr_list``'s
``{: onclick=…}`` and reference links are seen as the browser would), then
every tag, attribute and URL is judged by the rules of
:mod:`generator.safehtml`: what could run code, load from elsewhere or lead
to another host is an error (``unsafe-html``, ``unsafe-url``); harmless HTML
the sanitiser removes anyway is a warning (``html-removed``). Images from
other hosts are ``external-resource`` errors (textscan reports the plain
forms; this scan adds the ones only rendering reveals, such as reference images).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

from ..diagnostics import Report
from ..model import Location
from ..safehtml import BODY_ATTRIBUTES, BODY_TAGS, URL_ATTRIBUTES, loads_resources, url_problem
from .textscan import _EXTERNAL, position

EXTENSIONS = ["tables", "attr_list", "admonition", "sane_lists"]  # as mkdocs.yml and the boards
EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}
DANGEROUS_TAGS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "base", "meta", "link", "style", "svg", "math", "template", "noscript",
    "portal", "fencedframe", "xmp", "noembed", "noframes", "video", "audio", "source", "track",
    "picture", "image", "isindex", "param",
})
_VOID = frozenset({"input", "base", "meta", "link", "source", "track", "embed", "param", "image", "isindex"})
_HINTS = ("<", "](", "]:", "{:", "{ :", "\\", "&#", "javascript", "data:")


class _Tags(HTMLParser):
    """Every start tag of rendered HTML with its (decoded) attributes, and whether it is
    inside a dangerous element (whose whole content is refused with it)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]], bool]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [(k, v or "") for k, v in attrs], bool(self.open)))
        if tag in DANGEROUS_TAGS and tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, [(k, v or "") for k, v in attrs], bool(self.open)))

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]


class _Locator:
    """Finds where a rendered tag, attribute or URL came from in the body: the first
    match after the previous one found (the rendering keeps the source's order)."""

    def __init__(self, body: str):
        self.lower, self.last = body.lower(), -1

    def find(self, *needles: str) -> int:
        for start in (self.last + 1, 0):
            for needle in needles:
                at = self.lower.find(needle.lower(), start) if needle else -1
                if at >= 0:
                    self.last = at
                    return at
        return 0


_LOCAL_VALUE = re.compile(r"(?:[a-z:-]+=\s*file:|rel=.*\battachment\b)", re.IGNORECASE)


def scan_body(report: Report, path: str, text: str, body: str) -> None:
    """Report unsafe HTML and links in ``body``, the Markdown part of the file ``text``."""
    if not body.strip() or not any(h in body.lower() for h in _HINTS):
        return
    offset = len(text) - len(body)
    html = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    parser = _Tags()
    parser.feed(html)
    parser.close()
    known = {m.start("image") if m.group("image") else m.start("tag") for m in _EXTERNAL.finditer(body)}
    where = _Locator(body)

    def at(index: int) -> Location:
        line, col = position(text, offset + index)
        return Location(path, line, col)

    for tag, attrs, nested in parser.tags:
        if tag == "base":  # reported as ``local-resource`` by the text scan, with every <base>
            continue
        if tag in DANGEROUS_TAGS:
            report.error(at(where.find(f"<{tag}")), "unsafe-html", what=f"<{tag}>")
            continue
        if tag not in BODY_TAGS:
            if not nested:
                report.warning(at(where.find(f"<{tag}")), "html-removed", what=f"<{tag}>")
            continue
        allowed = BODY_ATTRIBUTES["*"] | BODY_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if _LOCAL_VALUE.match(f"{name}={value}"):  # file: URLs, rel=attachment: ``local-resource``
                continue
            if name.startswith("on") or name in ("srcdoc", "formaction", "xmlns", "xlink:href"):
                report.error(at(where.find(name + "=", name)), "unsafe-html", what=f"{name}=")
            elif name == "style":
                if loads_resources(value):
                    report.error(at(where.find("style=", "style")), "unsafe-html", what="style=")
                elif tag not in ("td", "th"):
                    report.warning(at(where.find("style=", "style")), "html-removed", what="style=")
            elif name in URL_ATTRIBUTES:
                image = tag == "img" and name == "src"
                problem = url_problem(value, image=image)
                if problem is None:
                    continue
                tail = value.partition(":")[2]  # an encoded scheme (javascript&#58;…) keeps its tail
                escaped = value.replace("\\", "\\\\")  # as written in Markdown (\\ for \)
                index = where.find(value, escaped, tail if len(tail) > 2 else "", value[:12], value[:4])
                if problem == "external":
                    if index not in known:
                        report.error(at(index), "external-resource", url=value)
                else:
                    report.error(at(index), "unsafe-url", url=value)
            elif name not in allowed or (name == "id" and value.startswith("_")):
                report.warning(at(where.find(name + "=", name)), "html-removed", what=f"{name}=")


_SITE_URL = re.compile(r"https?://[^\s\"'<>\\/?#@]+(?:/[^\s\"'<>\\]*)?")


def site_url_problem(url: str) -> bool:
    """True when site.yml's url is not a plain http(s) address (it is printed into every page)."""
    return bool(url) and _SITE_URL.fullmatch(url) is None
