"""Stage 7, write: output files land atomically, inside the output directory only.

Each file is written to a temporary name in its final directory and renamed into
place, so an interrupted run never leaves a half-written file. Names come from inputs,
so every target is checked to stay inside the output directory.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
from pathlib import Path

from exporter.errors import Location, OutputError
from exporter.pipeline import Conversion
from exporter.report import report_json, summary_text


def safe_target(outdir: Path, relative: str) -> Path:
    """`outdir / relative`, refusing anything that would land outside `outdir`."""
    root = outdir.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise OutputError(
            f"refusing to write outside the output directory: {relative!r}",
            Location(file=relative),
            "rename the input file",
        )
    return target


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_if_changed(path: Path, data: bytes) -> None:
    if not (path.is_file() and path.read_bytes() == data):
        write_atomic(path, data)


def write_taxonomy(files: dict[str, bytes], outdir: Path) -> None:
    """Write the shared taxonomy files, leaving identical ones untouched."""
    for name, data in sorted(files.items()):
        _write_if_changed(safe_target(outdir, name), data)


def write_conversion(
    conversion: Conversion, outdir: Path, write_invalid: bool = False
) -> list[Path]:
    """Write the taxonomy (once), the outputs (when valid) and the report; return paths written."""
    write_taxonomy(conversion.taxonomy_files, outdir)
    written: list[Path] = []
    for name, data in conversion_outputs(conversion, write_invalid).items():
        target = safe_target(outdir, name)
        write_atomic(target, data)
        written.append(target)
    return written


def conversion_outputs(conversion: Conversion, write_invalid: bool = False) -> dict[str, bytes]:
    """What one conversion writes, by path relative to the output directory (no taxonomy):
    the outputs when they validated (or `write_invalid`), and always the report."""
    chosen = dict(conversion.files) if conversion.report.valid or write_invalid else {}
    chosen.update(report_files(conversion))
    return {
        posixpath.join(conversion.directory, name): data for name, data in sorted(chosen.items())
    }


def report_files(conversion: Conversion) -> dict[str, bytes]:
    """The report files by name, relative to the document's own directory."""
    return {
        f"{conversion.stem}.report.json": report_json(conversion.report),
        f"{conversion.stem}.report.txt": summary_text(conversion.report).encode("utf-8"),
    }
