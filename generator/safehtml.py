"""HTML that reaches the public: an allowlist sanitiser (nh3) and the rules it applies.

Items' Markdown may carry raw HTML; ``gongkai check`` refuses the dangerous
part (:mod:`generator.content.htmlscan`) and every output is cleaned here
regardless: the site's page content (:func:`clean_page`) and the boards'
bodies (:func:`clean_body`). What is kept: the tags and attributes below,
links to http(s)/mailto/tel and relative paths, images from relative paths.
Everything else is removed: scripts, frames, objects, forms, event handlers,
``style``, ``javascript:``/``vbscript:``/``data:`` URLs, protocol-relative
(``//host``) and backslash (``\\\\host``, ``/\\host``) URLs.
"""

from __future__ import annotations

import re

import nh3

# What a clerk's Markdown body may contain (docs/security.md lists it).
BODY_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var", "wbr",
})
_COMMON = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby"}
BODY_ATTRIBUTES: dict[str, set[str]] = {
    "*": _COMMON,
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "colspan", "rowspan", "style"},  # style: text-align only (Markdown tables)
    "th": {"align", "colspan", "rowspan", "scope", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "type", "reversed"}, "li": {"value"},
    "time": {"datetime"}, "details": {"open"},
    "del": {"datetime"}, "ins": {"datetime"}, "q": {"cite"}, "blockquote": {"cite"},
}

# What the site's generated pages add around the body (generator.site: charts, filters).
PAGE_TAGS = BODY_TAGS | {"nav", "section", "svg", "rect", "circle", "text", "line", "polygon", "input", "select",
                         "option"}
PAGE_ATTRIBUTES: dict[str, set[str]] = {
    **BODY_ATTRIBUTES,
    "*": _COMMON | {"aria-live", "data-search-exclude"},
    "div": {"data-gk-table", "data-gk-count"},
    "input": {"type", "placeholder", "data-gk-cols"},
    "select": {"data-gk-col", "data-gk-field"},
    "tr": {"data-gk-category"},
    "td": BODY_ATTRIBUTES["td"] | {"data-label", "data-gk-value", "data-gk-sum", "data-gk-scale"},
    "th": BODY_ATTRIBUTES["th"] | {"data-label"},
    "option": {"value", "selected"},
    "svg": {"viewBox"},
    "rect": {"x", "y", "width", "height", "rx"},
    "circle": {"cx", "cy", "r"},
    "text": {"x", "y", "text-anchor"},
    "line": {"x1", "y1", "x2", "y2"},
    "polygon": {"points"},
}

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "data", "background",
                            "srcset", "xlink:href", "longdesc", "ping", "manifest", "codebase"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")  # browsers drop these (and leading spaces)
_LOADING_CSS = re.compile(r"url\s*\(|@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding|image-set\s*\(",
                          re.IGNORECASE)


def url_problem(value: str, *, image: bool = False) -> str | None:
    """Why a link (``image``: an image source) is refused, or None when it is safe.

    Reasons are stable words: ``scheme`` (javascript:, vbscript:, data:, any
    scheme but http(s)/mailto/tel), ``other-host`` (//host, \\\\host, /\\host),
    ``external`` (an image from another host: the site loads only its own files).
    """
    url = _IGNORED_IN_URLS.sub("", value).lower()
    if url[:2] in ("//", "\\\\", "/\\", "\\/"):
        return "external" if image else "other-host"
    match = _SCHEME.match(url)
    if match is None:
        return None
    if match.group(1) not in LINK_SCHEMES:
        return "scheme"
    if image or "\\" in url:
        return "external" if image else "other-host"
    return None


def loads_resources(style: str) -> bool:
    """True when CSS text could fetch something or run code (url(), @import, expression, ...)."""
    return bool(_LOADING_CSS.search(style))


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name in URL_ATTRIBUTES and url_problem(value, image=(tag == "img" and name == "src")):
        return None
    if name == "id" and value.startswith("_"):  # the theme's own ids (__config, __drawer, ...)
        return None
    if name == "style" and loads_resources(value):
        return None
    return value


def _settings(tags, attributes) -> dict:
    """nh3's arguments for one allowlist, built once (every page and board body is cleaned)."""
    return dict(
        tags=set(tags), attributes={k: set(v) for k, v in attributes.items()},
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "embed",
                            "textarea", "title", "xmp", "noembed", "noframes"},
        attribute_filter=_attribute_filter, url_schemes=set(LINK_SCHEMES), link_rel=None,
        strip_comments=True, filter_style_properties={"text-align"},
    )


_BODY = _settings(BODY_TAGS, BODY_ATTRIBUTES)
_PAGE = _settings(PAGE_TAGS, PAGE_ATTRIBUTES)


def clean_body(html: str) -> str:
    """A body rendered from Markdown, cleaned to what docs/security.md allows."""
    return nh3.clean(html, **_BODY)


def clean_page(html: str) -> str:
    """A whole generated page's content: the body's allowlist plus the site's own charts and filters."""
    return nh3.clean(html, **_PAGE)
