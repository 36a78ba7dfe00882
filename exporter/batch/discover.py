"""Which files a batch converts, and where each one's outputs go.

Arguments may be files, directories (walked recursively, keeping files whose extension
is in `extensions`, skipping hidden entries, the output directory itself and a
project's own documents such as README.md, LICENSE.txt or CHANGELOG.md, which are never
releases; a file named explicitly is never skipped), glob
patterns (`data/**/*.txt`, expanded here so quoting works on every shell) and lines of
a `--from-list` file (same rules, one per line, `#` comments allowed).

The output tree mirrors the input tree below the inputs' common root: the deepest
directory holding every directory argument, every glob's literal prefix and every file
argument's parent. Names are made collision-free deterministically: two inputs that
would share an output stem in one directory (`q4.txt` and `q4.htm`, or names differing
only in case) get the extension appended (`q4-txt`, `q4-htm`), then a counter. A
top-level input directory named like a reserved output entry is renamed with a `_`.
"""

from __future__ import annotations

import glob
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from exporter.filenames import output_stem
from exporter.models import Frozen
from exporter.pipeline import TAXONOMY_DIR

# The formats exporter.ingest reads (its readers pick by extension, then by sniffing).
DEFAULT_EXTENSIONS = (".txt", ".text", ".md", ".htm", ".html", ".xhtml", ".pdf")
MANIFEST_NAME = "manifest.jsonl"
STAGING_DIR = ".partial"
RESERVED_TOP = frozenset({TAXONOMY_DIR, STAGING_DIR, MANIFEST_NAME})
_MAGIC = frozenset("*?[")


class Input(Frozen):
    """One input file and where its outputs go (paths relative to the output dir, POSIX)."""

    path: str
    """The file as found (as given on the command line or in the list, or below it)."""
    key: str
    """Its path relative to the common root: its name in the manifest."""
    directory: str
    """Its outputs' directory relative to the output directory ("" for the top)."""
    stem: str
    """Its outputs' file stem, unique within `directory`."""


class Discovery(Frozen):
    """The inputs found, sorted by key, and one message per argument that found nothing."""

    inputs: tuple[Input, ...]
    problems: tuple[str, ...]


def read_list(list_file: Path) -> list[str]:
    """The paths in a `--from-list` file (`-` for standard input): one per line."""
    text = sys.stdin.read() if str(list_file) == "-" else list_file.read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def discover(
    arguments: Iterable[str],
    outdir: Path,
    extensions: Iterable[str] = DEFAULT_EXTENSIONS,
) -> Discovery:
    """Expand `arguments` into input files and lay out their outputs below `outdir`."""
    wanted = {e.lower() if e.startswith(".") else f".{e.lower()}" for e in extensions}
    excluded = outdir.resolve()
    found: dict[Path, Path] = {}  # resolved -> as found
    anchors: list[Path] = []
    problems: list[str] = []
    for argument in arguments:
        matches, anchor = _expand(argument, wanted, excluded)
        if not matches:
            problems.append(_nothing_found(argument))
            continue
        anchors.append(anchor)
        for path in matches:
            found.setdefault(path.resolve(), path)
    if not found:
        return Discovery(inputs=(), problems=tuple(problems))
    root = Path(os.path.commonpath([str(a) for a in anchors]))
    return Discovery(inputs=_layout(found, root), problems=tuple(problems))


def _nothing_found(argument: str) -> str:
    path = Path(argument)
    if _is_glob(argument) and not path.exists():
        return f"{argument}: no file matches this pattern"
    if path.is_dir():
        return f"{argument}: no input files in this directory (by extension)"
    return f"{argument}: cannot open: no such file or directory (check the path)"


def _is_glob(argument: str) -> bool:
    return any(c in _MAGIC for c in argument)


def _expand(argument: str, wanted: set[str], excluded: Path) -> tuple[list[Path], Path]:
    """The files an argument names, and the directory its outputs are laid out from."""
    path = Path(argument)
    if path.is_file():
        return [path], path.absolute().parent
    if path.is_dir():
        return sorted(_walk(path, wanted, excluded)), path.absolute()
    if not _is_glob(argument):
        return [], path.absolute()
    files: list[Path] = []
    for match in sorted(glob.glob(argument, recursive=True)):
        hit = Path(match)
        if hit.is_dir():
            files.extend(sorted(_walk(hit, wanted, excluded)))
        elif hit.is_file() and not _inside(hit, excluded):
            files.append(hit)
    return files, _literal_prefix(argument)


def _literal_prefix(pattern: str) -> Path:
    parts = Path(pattern).parts
    literal = []
    for part in parts[:-1]:
        if _is_glob(part):
            break
        literal.append(part)
    return Path(*literal).absolute() if literal else Path.cwd()


def _inside(path: Path, directory: Path) -> bool:
    resolved = path.resolve()
    return resolved == directory or directory in resolved.parents


# Documents a folder of releases often holds that are never releases (by stem, any case).
PROJECT_DOCUMENTS = frozenset(
    {"readme", "license", "licence", "changelog", "changes", "contributing", "notice", "copying"}
)


def is_project_document(name: str) -> bool:
    """README.md, LICENSE, CHANGELOG.txt and the like: skipped when walking a directory."""
    return Path(name).stem.lower() in PROJECT_DOCUMENTS


def _walk(directory: Path, wanted: set[str], excluded: Path) -> Iterator[Path]:
    for current, dirs, files in os.walk(directory):
        here = Path(current)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _inside(here / d, excluded)]
        for name in files:
            if name.startswith(".") or is_project_document(name):
                continue
            if Path(name).suffix.lower() in wanted:
                yield here / name


def _layout(found: dict[Path, Path], root: Path) -> tuple[Input, ...]:
    """Keys relative to `root`, output directories mirroring them, unique stems."""
    placed: list[tuple[str, str, str, Path]] = []  # key, directory, stem, path as found
    for as_found in found.values():
        relative = PurePosixPath(Path(os.path.relpath(as_found.absolute(), root)).as_posix())
        directory = _output_directory(relative.parent)
        placed.append((str(relative), directory, output_stem(relative.stem), as_found))
    placed.sort(key=lambda item: item[0])
    stems = _unique_stems([(key, directory, stem) for key, directory, stem, _ in placed])
    return tuple(
        Input(path=str(as_found), key=key, directory=directory, stem=stems[key])
        for key, directory, _, as_found in placed
    )


def _output_directory(parent: PurePosixPath) -> str:
    parts = [p for p in parent.parts if p not in ("", ".")]
    if ".." in parts:  # a file outside the root: cannot happen with a common root
        raise ValueError(f"input outside the common root: {parent}")
    if parts and parts[0] in RESERVED_TOP:
        parts[0] = f"_{parts[0]}"
    return "/".join(parts)


def _unique_stems(placed: list[tuple[str, str, str]]) -> dict[str, str]:
    """Stems that no two inputs share in one directory (case-insensitively), by key."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, directory, stem in placed:
        groups[(directory.casefold(), stem.casefold())].append(key)
    stems = {key: stem for key, _, stem in placed}
    for keys in groups.values():
        if len(keys) > 1:
            for key in keys:
                suffix = PurePosixPath(key).suffix.lstrip(".").lower()
                stems[key] = f"{stems[key]}-{suffix}" if suffix else stems[key]
    taken: set[tuple[str, str]] = set()
    for key, directory, _ in placed:  # sorted by key: the counter is deterministic
        stem, n = stems[key], 1
        while (directory.casefold(), stem.casefold()) in taken:
            n += 1
            stem = f"{stems[key]}-{n}"
        taken.add((directory.casefold(), stem.casefold()))
        stems[key] = stem
    return stems
