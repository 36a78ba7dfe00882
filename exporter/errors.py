"""The exporter's exceptions: one root, a few branches, each with a place and a remedy.

    ExporterError                 anything the exporter raises on purpose
    ├── InputError                the input cannot be read (missing, empty, binary, bad encoding)
    ├── ExtractionError           the input was read but its tables cannot be understood
    ├── TaxonomyError             the taxonomy source is inconsistent (a developer's mistake)
    └── OutputError               the output would be invalid or cannot be written
        └── InvalidOutputError    the rendered instance or JSON-LD broke a rule

Every error carries a `Location` (file, page, table, row, line) and a `hint` telling the
user what to do. The CLI prints `str(error)`, never a traceback. Errors are plain
picklable objects (positional args only) so a process pool can send them back.
"""

from __future__ import annotations

from exporter.models import Frozen


class Location(Frozen):
    """Where something happened in an input or output file; every part is optional."""

    file: str | None = None
    page: int | None = None
    table: int | None = None
    row: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row:
            parts.append(f"row {self.row!r}")
        return ", ".join(parts)


class ExporterError(Exception):
    """Root of every error the exporter raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None, hint: str = "") -> None:
        super().__init__(message, location, hint)
        self.message = message
        self.location = location or Location()
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(ExporterError):
    """The input file cannot be read as a press release."""


class ExtractionError(ExporterError):
    """The input was read, but its tables cannot be understood."""


class TaxonomyError(ExporterError):
    """The taxonomy source is inconsistent; fix the TOML files under taxonomy/."""


class OutputError(ExporterError):
    """The output cannot be produced or written."""


class InvalidOutputError(OutputError):
    """What we rendered broke a validation rule, so it was not written."""

    exit_code = 1
