"""Keep every request on the site: prune and neutralise the theme's network fallbacks.

Material ships search languages the site does not use, source maps, and a few
URLs its scripts fetch only in cases this site never has (a GitHub repository
badge, Mermaid diagrams) or in old browsers (a ResizeObserver polyfill from a
CDN). The unused files are left out and those URLs become ``data:,`` (an
empty resource), so no request can leave the site.
"""

from __future__ import annotations

import re

_LUNR = "assets/javascripts/lunr/"
_REQUESTED_URL = re.compile(r"""(["'`])https?://(?!www\.w3\.org/)[A-Za-z0-9.-]+(?::\d+)?""")


def needed_theme_file(src_uri: str, languages: list[str]) -> bool:
    """False for theme files the site never loads: source maps, other search languages."""
    if src_uri.endswith(".map") or src_uri == "assets/images/favicon.png":  # ours is favicon.svg
        return False
    if not src_uri.startswith(_LUNR):
        return True
    name = src_uri[len(_LUNR):]
    wanted = {"min/lunr.stemmer.support.min.js"}
    wanted |= {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    if len(languages) > 1:
        wanted.add("min/lunr.multi.min.js")
    if {"ja", "jp"} & set(languages):
        wanted.add("tinyseg.js")
    if "th" in languages:
        wanted.add("wordcut.js")
    return name in wanted


def neutralise_urls(script: str) -> str:
    """Replace external URLs that start a string literal in a script with ``data:,``."""
    return _REQUESTED_URL.sub(lambda m: m.group(1) + "data:,", script)
