"""The Content-Security-Policy every page carries (a ``<meta http-equiv>`` in main.html).

Only the site's own files run or style the page: ``script-src 'self'`` plus the
SHA-256 of each inline script the theme itself writes (Material's
``partials/javascripts/*.html``, rendered with the page's context, so the
hashes match the page byte for byte). An inline script from anywhere else,
an event handler attribute, a ``style`` attribute or a ``javascript:`` URL
does not run; nothing is loaded from another host.
"""

from __future__ import annotations

import base64
import hashlib
import re

import jinja2

THEME_SCRIPTS = "partials/javascripts/"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the theme's inline scripts' hashes
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material's icons are data: SVG in its CSS
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index
    ("worker-src", "'self'"),  # the search worker
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def theme_inline_scripts(env: jinja2.Environment, context: dict) -> list[str]:
    """The text of every inline script the theme's script partials write for this page."""
    features = context["config"].theme.get("features") or []
    scripts = []
    for name in sorted(n for n in env.list_templates(extensions=["html"]) if n.startswith(THEME_SCRIPTS)):
        html = env.get_template(name).render({**context, "features": features})
        scripts.extend(_INLINE_SCRIPT.findall(html))
    return scripts


def policy(scripts: list[str]) -> str:
    hashes = sorted({script_hash(s) for s in scripts})
    return "; ".join(f"{name} {value}{''.join(' ' + h for h in hashes) if name == 'script-src' else ''}"
                     for name, value in DIRECTIVES)
