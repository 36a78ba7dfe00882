"""xbrl-exporter: earnings press releases (text, HTML, PDF) to validated XBRL.

    from exporter import convert

    result = convert("examples/qifu-2024q4.txt")
    print(result.report.status, len(result.facts.facts))
    result.write("out")

The names below load on first use, so that `import exporter` (and the command line,
which starts here) pays only for what it runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exporter.api import Result, convert
    from exporter.errors import ExporterError
    from exporter.options import ConvertOptions

__all__ = ["ConvertOptions", "ExporterError", "Result", "convert"]

_HOMES = {
    "convert": "exporter.api",
    "Result": "exporter.api",
    "ConvertOptions": "exporter.options",
    "ExporterError": "exporter.errors",
}


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module 'exporter' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
