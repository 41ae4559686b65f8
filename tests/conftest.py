"""No silent skips: under CI (``CI=true``) a skipped test fails the run.

A test that skips itself where a tool is missing (the browser tests without
Debian's chromium) would otherwise let CI pass without running it. Every run
prints how many tests were skipped; under CI any skip makes the exit status 1.
"""

from __future__ import annotations

import os

import pytest


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def skipped(config: pytest.Config) -> list:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    return reporter.stats.get("skipped", []) if reporter is not None else []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    passing = (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED)  # the latter: everything skipped
    if under_ci() and skipped(session.config) and session.exitstatus in passing:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    count = len(skipped(config))
    terminalreporter.write_line(f"skipped tests: {count}")
    if under_ci() and count:
        terminalreporter.write_line("CI=true: a skipped test is a failure (see the reasons above, -rs); "
                                    "install what it needs instead", red=True)
