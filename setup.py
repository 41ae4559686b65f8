"""Build step: the wheel carries the top-level mkdocs.yml, theme/ and templates/ci/ as package data.

They are copied whole into ``generator/_share/`` of the wheel (see
generator/share.py), so a content-only project builds with an installed
gongkai. Editable installs use the repository's files in place.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHARED = ("mkdocs.yml", "theme", "templates/ci")  # as generator/share.py's SHARED
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".DS_Store", "Thumbs.db")


class BuildWithShare(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "generator" / "_share"
        shutil.rmtree(target, ignore_errors=True)
        for name in SHARED:
            source, dest = ROOT / name, target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, dest, ignore=IGNORED)
            else:
                shutil.copy2(source, dest)


setup(cmdclass={"build_py": BuildWithShare})
