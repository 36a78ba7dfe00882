"""Findings: what a stage noticed (an error, a warning, a note), where, and with which numbers.

Stages collect findings instead of raising, so one run reports everything it saw; the
caller decides what is fatal. Every finding has a stable `code` that names its rule.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from exporter.errors import Location
from exporter.models import Frozen


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(Frozen):
    """One observation of a rule, with the place and the numbers involved."""

    code: str
    severity: Severity
    message: str
    location: Location | None = None
    numbers: dict[str, str] = Field(default_factory=dict)

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"[{self.severity.value}] {self.code}: {where}{self.message}"
