"""The stages import only earlier stages (see docs/architecture.md): a stage can be run and
tested with a hand-built input, and the review page, which reads validation and the
report, is a step of its own after them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "exporter"

# In pipeline order; `exporter.<name>` is a module or a package.
STAGES = (
    "ingest",
    "tables",
    "mapping",
    "narrative",
    "facts",
    "render",
    "validate",
    "report",
    "review",
    "write",
)


def _stage(module: str) -> str | None:
    """The stage `exporter.x.y` belongs to, if any."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.startswith("exporter.")}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module(p))
def test_a_stage_imports_no_later_stage(path: Path) -> None:
    own = _stage(_module(path))
    if own is None:
        return
    later = set(STAGES[STAGES.index(own) + 1 :])
    forward = sorted(m for m in _imports(path) if _stage(m) in later)
    assert forward == [], f"{_module(path)} ({own}) imports later stages: {forward}"
