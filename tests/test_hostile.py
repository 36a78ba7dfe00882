"""Hostile and broken inputs: a clear, typed error and exit code for each, never a traceback.

The corpus (`hostile_corpus.CASES`) is generated into a temporary directory: empty and
binary files, pipes and directories, compression bombs, encrypted and scanned PDFs, HTML
with entity declarations or past the parser's limits, wrong and mixed encodings, hostile
file names and output directories. Each case runs twice: through the library (`convert`
and `write_conversion`), which must raise the documented error class with a location
and a hint, and through the command line (`main`), which must exit with the documented
code and print the documented fragment on one line. Cases that are suspicious but safe
(a PDF with JavaScript, an external DTD URL, path traversal in the input path) must
convert, writing only inside OUTDIR.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import CASES, RELEASE, Hostile, build_pdf, page_ops

from exporter.cli import main
from exporter.errors import ExporterError, OutputError
from exporter.options import ConvertOptions
from exporter.pipeline import convert
from exporter.write import write_conversion

ERRORS_PAGE = Path(__file__).parent.parent / "docs" / "errors.md"


def _supported(case: Hostile) -> None:
    if case.needs == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes or Unix sockets here")


def _as_root(case: Hostile) -> bool:
    """Whether `case` must run without root's power to read any file (CI runs as root)."""
    return case.needs == "non-root" and hasattr(os, "geteuid") and os.geteuid() == 0


def _unprivileged(code: str) -> subprocess.CompletedProcess[str]:
    """Python `code` run as root without the capabilities that bypass file permissions
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so a mode-000 file is unreadable as for any
    user; `setpriv` is util-linux's, on every Debian."""
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root: the permission case needs setpriv (util-linux)"
    drop = "-dac_override,-dac_read_search"
    command = [setpriv, "--bounding-set", drop, "--inh-caps", drop, sys.executable, "-c", code]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _options(case: Hostile) -> ConvertOptions:
    args = dict(zip(case.args[::2], case.args[1::2], strict=True))
    return ConvertOptions(
        encoding=args.get("--encoding"),
        **({"max_bytes": int(args["--max-bytes"])} if "--max-bytes" in args else {}),
        **({"ocr": args["--ocr"]} if "--ocr" in args else {}),
    )


def _files(directory: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in directory.rglob("*") if p.is_file() and not p.is_symlink()}


def test_the_corpus_has_at_least_thirty_kinds_of_bad_input() -> None:
    bad = [c for c in CASES if c.error is not None]
    assert len(bad) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_library_raises_the_documented_error(case: Hostile, tmp_path: Path) -> None:
    _supported(case)
    path = case.make(tmp_path)
    outdir = case.outdir(tmp_path) if case.outdir else tmp_path / "out"
    before = _files(tmp_path)
    if _as_root(case):
        code = (
            "from exporter.pipeline import convert\n"
            "from pathlib import Path\n"
            "try:\n"
            f"    convert(Path({str(path)!r}))\n"
            "except Exception as error:\n"
            "    print(type(error).__name__, bool(error.location.file and error.hint))\n"
            "    print(error)\n"
        )
        done = _unprivileged(code)
        kind, message = done.stdout.split("\n", 1)
        assert kind == f"{case.error.__name__} True", done.stdout + done.stderr
        assert case.message in message and message.count("\n") == 1
        return
    if case.error is None:
        conversion = convert(path, _options(case))
        written = write_conversion(conversion, outdir)
        assert conversion.report.valid
        assert all(outdir.resolve() in p.resolve().parents for p in written)
        assert {p: b for p, b in _files(tmp_path).items() if p in before} == before
        return
    with pytest.raises(ExporterError) as caught:
        write_conversion(convert(path, _options(case)), outdir)
    error = caught.value
    assert type(error) is case.error, str(error)
    assert case.message in str(error)
    assert error.location.file and error.hint
    assert "\n" not in str(error)
    if isinstance(error, OutputError):
        assert {p: b for p, b in _files(tmp_path).items() if p in before} == before


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_command_line_exits_with_the_documented_code(
    case: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _supported(case)
    path = case.make(tmp_path)
    outdir = case.outdir(tmp_path) if case.outdir else tmp_path / "out"
    args = ["convert", str(path), "-o", str(outdir), "-q", *case.args]
    if _as_root(case):
        done = _unprivileged(f"from exporter.cli import main; raise SystemExit(main({args!r}))")
        code, out, err = done.returncode, done.stdout, done.stderr
    else:
        code = main(args)
        out, err = capsys.readouterr()
    output = out + err
    assert "Traceback" not in output and "internal error" not in output, output
    assert code == case.exit_code, output
    if case.exit_code:
        assert case.cli_says.lower() in err.lower(), err
    else:
        assert err == ""


def test_traversal_in_the_input_path_writes_only_inside_outdir(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "x.txt").write_text(RELEASE, encoding="utf-8")
    outdir = tmp_path / "a" / "out"
    path = tmp_path / "a" / "b" / ".." / ".." / "x.txt"
    assert main(["convert", str(path), "-o", str(outdir), "-q"]) == 0
    outside = {p for p in tmp_path.rglob("*") if p.is_file() and outdir not in p.parents}
    assert outside == {tmp_path / "x.txt"}
    assert (outdir / "x.xml").is_file()


def test_hostile_names_become_plain_output_names(tmp_path: Path) -> None:
    path = tmp_path / "Relatório 4T24 #2 (final)%.txt"
    path.write_text(RELEASE, encoding="utf-8")
    conversion = convert(path)
    assert conversion.stem == "Relatório_4T24_2_final"
    assert (
        b'xlink:href="Relat\xc3\xb3rio_4T24_2_final.xsd"'
        in conversion.files["Relatório_4T24_2_final.xml"]
    )


def test_a_pdf_with_javascript_is_read_and_the_script_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    path.write_bytes(build_pdf([page_ops([(72, 72, "Hello")])], javascript="app.alert(1)"))
    with pytest.raises(ExporterError, match="no tables; nothing to convert"):
        convert(path)


def test_the_errors_page_documents_every_case() -> None:
    page = ERRORS_PAGE.read_text(encoding="utf-8")
    table = page[page.index("## Errors and exit codes") :]
    missing = [c.id for c in CASES if f"`{c.id}`" not in table]
    assert missing == []


def test_the_corpus_can_be_written_for_a_look(tmp_path: Path) -> None:
    from hostile_corpus import write_all

    made = write_all(tmp_path)
    assert len(made) >= 30
    assert json.dumps([str(p.relative_to(tmp_path)) for p in made])


def test_names_that_clean_to_one_stem_do_not_overwrite_each_other(tmp_path: Path) -> None:
    (tmp_path / "a b.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "a_b.txt").write_text(RELEASE.replace("100", "101"), encoding="utf-8")
    outdir = tmp_path / "out"
    code = main(
        ["convert", str(tmp_path / "a b.txt"), str(tmp_path / "a_b.txt"), "-o", str(outdir)]
    )
    assert code == 0
    instances = sorted(p.name for p in outdir.glob("*.xml"))
    assert len(instances) == 2 and all(name.startswith("a_b") for name in instances)


def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exporter import write

    target = tmp_path / "release.xml"
    target.write_bytes(b"old")

    def interrupted(source: str, destination: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["release.xml"]


def test_a_full_disk_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from exporter import write

    def full(source: str, destination: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "replace", full)
    with pytest.raises(OutputError, match="cannot write: No space left on device"):
        write.write_atomic(tmp_path / "release.xml", b"new")
    assert list(tmp_path.iterdir()) == []
