"""The site engine: MkDocs 1.6, or ProperDocs (the maintained MkDocs 1.x) when installed.

.ci/run runs the site tests a second time with ProperDocs (GONGKAI_ENGINE=properdocs);
these tests check the choice itself, in fresh interpreters.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, distribution, requires
from importlib.util import find_spec
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from generator import engine
from generator.cli import main

REPO = Path(__file__).resolve().parents[1]
HAS_PROPERDOCS = find_spec("properdocs") is not None


def chosen(value: str | None) -> subprocess.CompletedProcess:
    """Which module ``mkdocs`` is, and the plugin base class's module, after gongkai picks the engine."""
    env = {k: v for k, v in os.environ.items() if k != "GONGKAI_ENGINE"}
    if value is not None:
        env["GONGKAI_ENGINE"] = value
    code = ("from generator import engine; name = engine.select(); import mkdocs; "
            "from generator.plugin import GongkaiPlugin; "
            "print(name, mkdocs.__name__, GongkaiPlugin.__mro__[1].__module__)")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_mkdocs_when_asked():
    done = chosen("mkdocs")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["mkdocs", "mkdocs", "mkdocs.plugins"]


def test_default_is_properdocs_when_installed():
    done = chosen(None)
    assert done.returncode == 0, done.stderr
    expected = "properdocs" if HAS_PROPERDOCS else "mkdocs"
    assert done.stdout.split() == [expected, expected, f"{expected}.plugins"]


@pytest.mark.skip_by_design  # one engine per run: .ci/run runs both
@pytest.mark.skipif(not HAS_PROPERDOCS, reason="ProperDocs is not installed (.ci/run installs it)")
def test_properdocs_when_asked_and_its_requirements_are_met():
    done = chosen("properdocs")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["properdocs", "properdocs", "properdocs.plugins"]
    unmet = []
    for line in requires("properdocs") or []:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        try:
            if distribution(requirement.name).version not in requirement.specifier:
                unmet.append(line)
        except PackageNotFoundError:
            unmet.append(line)
    assert unmet == []


@pytest.mark.skip_by_design  # one engine per run: .ci/run runs both
@pytest.mark.skipif(HAS_PROPERDOCS, reason="ProperDocs is installed")
def test_properdocs_asked_for_but_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("GONGKAI_ENGINE", "properdocs")
    monkeypatch.delitem(sys.modules, "mkdocs", raising=False)
    with pytest.raises(engine.EngineError, match="pip install properdocs"):
        engine.select()


def test_an_unknown_engine_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GONGKAI_ENGINE", "mkdocs2")
    monkeypatch.delitem(sys.modules, "mkdocs", raising=False)
    assert main(["build", str(REPO / "tests/fixtures/site-project"), "--no-boards", "--out", str(tmp_path / "site")]) == 2
    assert "GONGKAI_ENGINE=mkdocs2" in capsys.readouterr().err


def test_this_run_uses_the_engine_asked_for():
    """In the ProperDocs pass (scripts/test-properdocs.sh) every site test runs on ProperDocs."""
    import mkdocs

    assert engine.select() == mkdocs.__name__  # once imported, the running engine is kept
    if os.environ.get("GONGKAI_ENGINE"):
        assert mkdocs.__name__ == os.environ["GONGKAI_ENGINE"]
