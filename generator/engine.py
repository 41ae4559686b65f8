"""The MkDocs 1.x engine the site is built with: ProperDocs when installed, else MkDocs 1.6.

MkDocs 1.x gets no more releases and MkDocs 2.0 drops plugins; ProperDocs is
the maintained drop-in continuation of 1.x (``pip install gongkai[properdocs]``).
Its module is ``properdocs``; importing ``properdocs.replacement`` makes every
``mkdocs.*`` import (ours, Material's) resolve to it, so the rest of gongkai
imports ``mkdocs`` either way. :func:`select` must run before the first
``mkdocs`` import. ``GONGKAI_ENGINE=mkdocs`` or ``=properdocs`` forces a choice.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec

ENGINES = ("mkdocs", "properdocs")


class EngineError(RuntimeError):
    """The engine asked for with GONGKAI_ENGINE is not installed."""


def select() -> str:
    """Make ``mkdocs`` name the chosen engine; returns ``"mkdocs"`` or ``"properdocs"``.

    Once ``mkdocs`` is imported (e.g. under the ``mkdocs`` or ``properdocs``
    command) the engine already running is kept.
    """
    running = sys.modules.get("mkdocs")
    if running is not None:
        return running.__name__
    wanted = os.environ.get("GONGKAI_ENGINE", "").strip().lower()
    if wanted and wanted not in ENGINES:
        raise EngineError(f"GONGKAI_ENGINE={wanted}: use one of {', '.join(ENGINES)}")
    if wanted != "mkdocs" and find_spec("properdocs") is not None:
        import properdocs.replacement  # noqa: F401 - aliases mkdocs.* to properdocs.*
        return "properdocs"
    if wanted == "properdocs":
        raise EngineError("GONGKAI_ENGINE=properdocs, but ProperDocs is not installed: pip install properdocs")
    return "mkdocs"


def logger_names() -> tuple[str, ...]:
    """The loggers the engine and its plugins write to."""
    return ("mkdocs", "properdocs") if select() == "properdocs" else ("mkdocs",)
