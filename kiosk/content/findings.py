"""Findings: what the loader tells staff about their content file, each with its place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One error or warning, located at ``file:line:col`` (1-based; 0 when unknown)."""

    file: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ContentError(Exception):
    """The content file has errors. ``findings`` holds all of them (and any warnings)."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = sorted(findings)
        errors = [f for f in self.findings if f.is_error]
        first = str(errors[0]) if errors else "content has errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


class ContentUnreadable(ContentError):
    """The file could not be read at all (missing, a folder, no permission)."""


def summary(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
