"""Under CI a skipped test is a failure (tests/conftest.py), and CI runs where the browser tests run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
TESTS = {
    "test_ok.py": "def test_runs():\n    pass\n",
    "test_skips.py": "import pytest\n\ndef test_runs():\n    pass\n\n"
                     "def test_skips():\n    pytest.skip('no tool')\n",
    "test_module_skipped.py": "import pytest\n\npytest.importorskip('no_such_module_here')\n\n"
                              "def test_never():\n    pass\n",
}


def pytest_run(folder: Path, *names: str, ci: str | None, extra_path: Path | None = None,
               cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    if ci is not None:
        env["CI"] = ci
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *names],
                          cwd=cwd or folder, env=env, capture_output=True, text=True, timeout=300)


def suite(tmp_path: Path) -> Path:
    """Three small test files beside a copy of the suite's conftest.py."""
    shutil.copy(REPO / "tests" / "conftest.py", tmp_path / "conftest.py")
    for name, text in TESTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_skipped_test_fails_only_under_ci(tmp_path):
    folder = suite(tmp_path)
    for ci in (None, "false"):
        run = pytest_run(folder, "test_skips.py", ci=ci)
        assert run.returncode == 0, run.stdout
        assert "skipped tests: 1" in run.stdout
    run = pytest_run(folder, "test_skips.py", ci="true")
    assert run.returncode == 1, run.stdout
    assert "skipped tests: 1" in run.stdout and "no tool" in run.stdout


def test_a_module_skipped_whole_fails_under_ci_and_a_clean_run_passes(tmp_path):
    folder = suite(tmp_path)
    run = pytest_run(folder, "test_ok.py", "test_module_skipped.py", ci="true")
    assert run.returncode == 1, run.stdout
    assert "skipped tests: 1" in run.stdout
    run = pytest_run(folder, "test_ok.py", ci="true")
    assert run.returncode == 0, run.stdout
    assert "skipped tests: 0" in run.stdout


def test_browser_tests_without_a_browser_fail_under_ci(tmp_path):
    """The real browser tests, on a machine without Playwright's browser API (a hollow stand-in)."""
    stand_in = tmp_path / "no-playwright" / "playwright"
    stand_in.mkdir(parents=True)
    (stand_in / "__init__.py").write_text("")
    run = pytest_run(REPO, "tests/test_browser.py", ci="true", extra_path=stand_in.parent, cwd=REPO)
    assert run.returncode == 1, run.stdout
    assert "skipped tests: 1" in run.stdout and "playwright.sync_api" in run.stdout


def test_a_skip_by_design_is_counted_but_not_a_failure(tmp_path):
    folder = suite(tmp_path)
    (folder / "test_design.py").write_text(
        "import pytest\n\n@pytest.mark.skip_by_design\n@pytest.mark.skipif(True, reason='the other engine')\n"
        "def test_other_engine():\n    pass\n", encoding="utf-8")
    run = pytest_run(folder, "test_ok.py", "test_design.py", ci="true")
    assert run.returncode == 0, run.stdout
    assert "skipped tests: 1 (1 by design)" in run.stdout


def test_ci_runs_the_suite_as_ci():
    text = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    lines = text.rstrip().splitlines()
    assert 'export CI="${CI:-true}"' in lines
    assert lines.index('export CI="${CI:-true}"') < lines.index("bash scripts/test.sh")  # the README's command
    assert all(line.startswith("bash scripts/test") for line in lines[lines.index("bash scripts/test.sh"):])


def test_ci_templates_run_the_suite_in_debian_where_chromium_is_packaged():
    github = yaml.safe_load((REPO / "templates/ci/github-actions.yml").read_text(encoding="utf-8"))
    job = github["jobs"]["tests"]
    assert job["container"].startswith("debian:")
    assert [s.get("run") for s in job["steps"]][-1] == "bash .ci/run"
    assert job["steps"][-1]["if"] == "hashFiles('.ci/run') != ''"
    installs = job["steps"][0]["run"]
    assert "apt-get install" in installs and "git" in installs.split()  # before checkout: full history
    assert job["steps"][1]["uses"].startswith("actions/checkout")
    gitlab = yaml.safe_load((REPO / "templates/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["tests"]
    assert job.get("image", gitlab["default"]["image"]).startswith("debian:")
    assert job["script"] == ["bash .ci/run"] and job["rules"] == [{"exists": [".ci/run"]}]
