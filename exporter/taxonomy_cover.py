"""The cover part of the taxonomy (`taxonomy/cover.toml`), as a typed model.

Cover facts say which document this is, whose, and for which period: consumers that list
filings (edgartools' `entity_info`) read them before any statement. Their concepts carry
the SEC dei names in a namespace of our own (see the file's header for why).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from exporter.errors import Location, TaxonomyError
from exporter.models import Frozen
from exporter.resources import data_dir


class CoverConcept(Frozen):
    """One cover concept: its dei name, XBRL item type and en-US labels."""

    name: str
    type: str
    label: str
    documentation: str = ""


class CoverSpec(Frozen):
    """The cover concepts, their namespace and schema, and the values they are given."""

    prefix: str
    namespace: str
    name: str
    title: str
    role: str
    definition: str
    abstract: str
    abstract_label: str
    document_type: str
    cik_scheme: str
    exchanges: dict[str, str]
    name_suffixes: tuple[str, ...]
    concepts: tuple[CoverConcept, ...]
    fiscal_periods: dict[int, str]

    @property
    def schema_file(self) -> str:
        return f"{self.name}.xsd"

    @property
    def role_uri(self) -> str:
        return f"{self.namespace}/role/{self.role}"

    def concept(self, name: str) -> CoverConcept:
        return next(c for c in self.concepts if c.name == name)


@cache
def load_cover(directory: Path | None = None) -> CoverSpec:
    """`cover.toml` of the taxonomy source in `directory` (the packaged one by default)."""
    path = (directory or data_dir("taxonomy")) / "cover.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return CoverSpec.model_validate(data["cover"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValidationError) as exc:
        raise TaxonomyError(
            f"cover concepts cannot be read: {exc}",
            Location(file=str(path)),
            "fix taxonomy/cover.toml",
        ) from exc
