"""Compiler-style problem reports: ``path:line:col: error[CODE]: message``.

Stages never raise on bad content; they add a :class:`Diagnostic` to a
:class:`Report` and go on, so one run lists every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .messages import render
from .model import Location


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: str  # "error" | "warning"
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"


@dataclass
class Report:
    """Collects diagnostics in the site's language."""

    language: str = "zh"
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, severity: str, where: Location, code: str, **args) -> None:
        message = render(code, self.language, **args)
        self.diagnostics.append(
            Diagnostic(where.path, where.line, where.col, severity, code, message)
        )

    def error(self, where: Location, code: str, **args) -> None:
        self.add("error", where, code, **args)

    def warning(self, where: Location, code: str, **args) -> None:
        self.add("warning", where, code, **args)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.diagnostics))

    def summary(self) -> str:
        return render("summary", self.language, errors=len(self.errors), warnings=len(self.warnings))


class ContentError(Exception):
    """Raised by a command when content has errors; carries the report to print."""

    def __init__(self, report: Report):
        super().__init__(report.summary())
        self.report = report
