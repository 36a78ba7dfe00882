"""The run manifest, `OUTDIR/manifest.jsonl`: one JSON line per input.

Each line says what became of one input: its SHA-256, status (ok, warnings, invalid,
failed), the files written, fact count, the checks that found errors or warnings, the
error message of a failed document, and a `timing` object (seconds, when it finished,
the worker's memory). Everything outside `timing` is deterministic: two runs over the
same inputs give manifests that differ only there.

During a run, lines are appended as documents finish (a journal: an interrupted run
keeps what it finished); at the end the file is rewritten sorted by input. `--resume`
reads it back: the last line for an input wins, a torn last line is ignored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from exporter.batch.job import CheckFailure, Status
from exporter.models import Frozen
from exporter.options import ConvertOptions
from exporter.outputs import format_names
from exporter.pipeline import taxonomy_files
from exporter.write import write_atomic

TIMING_FIELD = "timing"


class Timing(Frozen):
    """What varies between runs: durations, finishing time, the worker's memory."""

    seconds: float
    """Reading, converting and validating, in the worker."""
    cpu_seconds: float = 0.0
    write_seconds: float = 0.0
    finished_at: float = 0.0
    """Seconds since the run started."""
    worker_peak_rss_kib: int | None = None
    worker_rss_kib: int | None = None
    worker_pid: int | None = None


class ManifestEntry(Frozen):
    """One input's line in the manifest."""

    input: str
    """The input's path relative to the inputs' common root (also its output path)."""
    sha256: str | None
    status: Status
    outputs: tuple[str, ...] = ()
    """Files written for it, relative to the output directory."""
    facts: int | None = None
    table_numbers: int | None = None
    """Numbers in the release's tables, and those not understood (neither a fact, a
    duplicate of one, nor left out on purpose)."""
    not_understood: int | None = None
    check_failures: tuple[CheckFailure, ...] = ()
    error: str | None = None
    config: str
    """Digest of the options it was converted with: `--resume` redoes it if they change."""
    timing: Timing


def config_digest(options: ConvertOptions, write_invalid: bool) -> str:
    """A short digest of everything besides the input that decides the outputs: the
    options and the generated taxonomy (an edited taxonomy changes every output)."""
    taxonomy = hashlib.sha256()
    for name, data in sorted(taxonomy_files().items()):
        taxonomy.update(name.encode("utf-8") + b"\0" + data)
    dumped = options.model_dump(mode="json")
    if options.formats is None:  # every format: the same run as naming them all
        dumped["formats"] = list(format_names())
    payload = json.dumps(
        {
            "options": dumped,
            "write_invalid": write_invalid,
            "taxonomy": taxonomy.hexdigest(),
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """The entries of a manifest by input (the last line per input wins)."""
    entries: dict[str, ManifestEntry] = {}
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return entries
    for line in lines:
        try:
            entry = ManifestEntry.model_validate_json(line)
        except ValidationError:  # a line torn by a kill, or from an older layout
            continue
        entries[entry.input] = entry
    return entries


def is_current(entry: ManifestEntry | None, sha256: str, config: str, outdir: Path) -> bool:
    """Whether `entry` can stand for this input: same bytes, same options, outputs present.

    Failed documents are always tried again (a timeout or a crash may not recur).
    """
    return (
        entry is not None
        and entry.status is not Status.FAILED
        and entry.sha256 == sha256
        and entry.config == config
        and bool(entry.outputs)
        and all((outdir / name).is_file() for name in entry.outputs)
    )


class Journal:
    """Appends entries as documents finish, one flushed line each."""

    def __init__(self, path: Path, keep: bool) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._stream: IO[str] = path.open("a" if keep else "w", encoding="utf-8")
        if keep and self._stream.tell() > 0 and not path.read_bytes().endswith(b"\n"):
            self._stream.write("\n")  # end a line torn by a kill before appending

    def append(self, entry: ManifestEntry) -> None:
        self._stream.write(entry.model_dump_json() + "\n")
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()


def write_manifest(path: Path, entries: Iterable[ManifestEntry]) -> None:
    """Rewrite the manifest atomically, sorted by input."""
    ordered = sorted(entries, key=lambda e: e.input)
    data = "".join(e.model_dump_json() + "\n" for e in ordered).encode("utf-8")
    write_atomic(path, data)


def without_timing(line: str) -> dict[str, object]:
    """A manifest line without its `timing` object: what two runs must agree on."""
    data: dict[str, object] = json.loads(line)
    data.pop(TIMING_FIELD, None)
    return data
