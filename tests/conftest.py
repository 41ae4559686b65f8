"""No silent skips: under CI (``CI=true``) a skipped test fails the run.

A test that skips itself where a tool is missing (the browser tests without
Debian's chromium) would otherwise let CI pass without running it. Every run
prints how many tests were skipped; under CI any skip makes the exit status 1,
except a test marked ``skip_by_design``: one whose skip is its intent where it
happens (the test of the other engine, of another platform).
"""

from __future__ import annotations

import os

import pytest


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


BY_DESIGN = "skip_by_design"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{BY_DESIGN}: its skip is the intent where it happens, "
                                       "not a failure under CI (the other engine's test, another platform's)")


def skipped(config: pytest.Config) -> tuple[list, list]:
    """The skip reports: those that fail a CI run, and those by design."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    reports = reporter.stats.get("skipped", []) if reporter is not None else []
    by_design = [r for r in reports if BY_DESIGN in getattr(r, "keywords", {})]
    return [r for r in reports if r not in by_design], by_design


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    passing = (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED)  # the latter: everything skipped
    if under_ci() and skipped(session.config)[0] and session.exitstatus in passing:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    failing, by_design = skipped(config)
    count = len(failing) + len(by_design)
    terminalreporter.write_line(f"skipped tests: {count}" + (f" ({len(by_design)} by design)" if by_design else ""))
    if under_ci() and failing:
        terminalreporter.write_line("CI=true: a skipped test is a failure (see the reasons above, -rs); "
                                    "install what it needs instead", red=True)
