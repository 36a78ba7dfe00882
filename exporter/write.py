"""Stage 7, write: output files land atomically, inside the output directory only.

Each file is written to a temporary name in its final directory and renamed into
place, so an interrupted run never leaves a half-written file. Names come from inputs,
so every target is checked to stay inside the output directory.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
from functools import cache
from pathlib import Path

from exporter.errors import Location, OutputError
from exporter.filenames import review_name
from exporter.pipeline import Conversion
from exporter.report import report_json, summary_text


def safe_target(outdir: Path, relative: str) -> Path:
    """`outdir / relative`, refusing anything that would land outside `outdir`."""
    root = outdir.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        linked = _first_link(root, relative)
        hint = (
            f"{linked!r} in the output directory is a symbolic link leading out of it: "
            "remove the link or choose another output directory"
            if linked
            else "rename the input file"
        )
        raise OutputError(
            f"refusing to write outside the output directory: {relative!r}",
            Location(file=relative),
            hint,
        )
    return target


def _first_link(root: Path, relative: str) -> str | None:
    """The first component of `relative` under `root` that is a symbolic link, if any."""
    path = root
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            return str(path.relative_to(root))
    return None


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file and a rename; OS errors become
    `OutputError` (a full disk, a read-only directory, a file where a directory goes)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        os.fchmod(handle, file_mode())  # mkstemp's 0600 would hide the file from others
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise


@cache
def file_mode() -> int:
    """The mode a plainly created file gets here: 0666 less the umask (0644 usually)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write: {exc.strerror or exc}",
        Location(file=str(path)),
        "check that the output directory is a writable directory with free space",
    )


def _write_if_changed(path: Path, data: bytes) -> None:
    try:
        same = path.is_file() and path.read_bytes() == data
    except OSError:
        same = False
    if not same:
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
    files = {
        f"{conversion.stem}.report.json": report_json(conversion.report),
        f"{conversion.stem}.report.txt": summary_text(conversion.report).encode("utf-8"),
    }
    if conversion.review:
        files[review_name(conversion.stem)] = conversion.review
    return files
