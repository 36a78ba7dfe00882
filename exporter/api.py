"""The Python API behind `from exporter import convert`: one release in, a typed result out.

`Result` is what a caller needs without knowing the stages: the facts the outputs state,
the report (status, counts, findings), the rendered output files in memory, and a
`write` that lands them (with the shared taxonomy, the report and the review page) in a
folder exactly as the command line does.
"""

from __future__ import annotations

from pathlib import Path

from exporter.facts.model import FactSet
from exporter.models import Frozen
from exporter.options import ConvertOptions
from exporter.pipeline import Conversion
from exporter.pipeline import convert as run_pipeline
from exporter.report import Report
from exporter.write import write_conversion


class Result(Frozen):
    """One release converted: facts, report, outputs by file name, and `write`."""

    conversion: Conversion

    @property
    def facts(self) -> FactSet:
        """The facts every output states (contexts, units, footnotes, what was left out)."""
        assert self.conversion.facts is not None
        return self.conversion.facts

    @property
    def report(self) -> Report:
        """Status, counts and findings: what `<stem>.report.json` holds."""
        return self.conversion.report

    @property
    def outputs(self) -> dict[str, bytes]:
        """The rendered outputs by file name (instance, JSON-LD, xBRL-JSON, xBRL-CSV, Inline
        XBRL, schema), held in memory; written only when `report.valid`."""
        return dict(self.conversion.files)

    @property
    def valid(self) -> bool:
        return self.conversion.report.valid

    def write(self, outdir: str | Path, write_invalid: bool = False) -> list[Path]:
        """Write the outputs (when valid, or `write_invalid`), the report, the review page
        and the shared taxonomy into `outdir`; return the paths written (taxonomy aside)."""
        return write_conversion(self.conversion, Path(outdir), write_invalid)


def convert(
    path: str | Path,
    options: ConvertOptions | None = None,
    *,
    formats: tuple[str, ...] | None = None,
) -> Result:
    """Convert the release at `path` (text, HTML or PDF). `formats` chooses the outputs
    when no `options` are given (None: all of them); errors are `exporter.errors.ExporterError`s."""
    options = options or ConvertOptions(formats=formats)
    return Result(conversion=run_pipeline(Path(path), options))
