"""gongkai's own files that a content-only project does not have: mkdocs.yml, theme/, templates/ci/.

They stay at the top of the repository (the layout is a contract). A source
checkout (an editable install) uses them in place; a wheel carries copies in
``generator/_share/`` (setup.py copies them at build time, whole folders, so a
new theme file needs no packaging change). A project with its own mkdocs.yml
(a fork) builds with it and with whatever theme it points to.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

SHARED = ("mkdocs.yml", "theme", "templates/ci")  # what setup.py copies into generator/_share/
PACKAGED = "_share"


@lru_cache(maxsize=1)
def share_dir() -> Path:
    """The folder holding gongkai's mkdocs.yml, theme/ and templates/ci/."""
    packaged = Path(str(files(__package__) / PACKAGED))
    if (packaged / "mkdocs.yml").is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "mkdocs.yml").is_file() and (checkout / "theme").is_dir():
        return checkout
    raise RuntimeError(f"gongkai is installed without its theme and mkdocs.yml (looked in {packaged} "
                       f"and {checkout}); reinstall it from a wheel or a source checkout")


def shared_path(name: str) -> Path:
    """One of gongkai's shared files or folders, e.g. ``theme/boards``."""
    return share_dir() / name


def mkdocs_config_file(root: Path) -> Path:
    """The MkDocs configuration a project builds with: its own mkdocs.yml, else gongkai's."""
    own = root / "mkdocs.yml"
    return own if own.is_file() else shared_path("mkdocs.yml")
