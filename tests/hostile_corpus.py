"""Hostile and broken inputs, generated (never downloaded), each with the outcome it must get.

`CASES` lists every kind: how to make it in a directory, the error class the library
raises (None: it converts), a fragment of the one-line message, and extra command-line
arguments. `tests/test_hostile.py` runs them through the library and the command line;
`python tests/hostile_corpus.py DIR` writes them all to DIR (for fuzzing seeds or a look).
The error table of docs/errors.md lists the same cases.
"""

from __future__ import annotations

import os
import socket
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pdf_objects import assemble_pdf

from exporter.batch.job import WARM_UP_RELEASE
from exporter.errors import ExporterError, ExtractionError, InputError, OutputError

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"

# A small release that converts: two statements, prose with the listing.
RELEASE = WARM_UP_RELEASE.decode("utf-8")


def release_html(head: str = "", body_extra: str = "") -> str:
    """RELEASE as an HTML page (tables as tables)."""
    parts = [f"{head}<html><head><title>Results</title></head><body>{body_extra}"]
    for block in RELEASE.split("\n\n"):
        lines = block.splitlines()
        if any("\t" in line for line in lines):
            rows = "".join(
                "<tr>" + "".join(f"<td>{cell}</td>" for cell in line.split("\t")) + "</tr>"
                for line in lines
            )
            parts.append(f"<table>{rows}</table>")
        else:
            parts.extend(f"<p>{line}</p>" for line in lines)
    parts.append("</body></html>")
    return "\n".join(parts)


# --- a tiny PDF writer ------------------------------------------------------------------


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def page_ops(lines: list[tuple[float, float, str]], height: float = 792) -> bytes:
    """Helvetica 9pt text at (x, distance from the top)."""
    ops = [
        f"BT /F1 9 Tf {x:.1f} {height - y - 8:.1f} Td ({_pdf_string(text)}) Tj ET"
        for x, y, text in lines
    ]
    return "\n".join(ops).encode("latin-1")


def statement_lines() -> list[tuple[float, float, str]]:
    """An income statement laid out as a PDF prints one: labels left, numbers right."""
    lines = [
        (72, 72, "Example Corp. (NASDAQ: EXMP)"),
        (72, 100, "Condensed Consolidated Statements of Operations"),
        (72, 114, "(Amounts in thousands of U.S. dollars)"),
        (380, 140, "Three months ended December 31,"),
        (400, 154, "2023"),
        (480, 154, "2024"),
    ]
    for i, (label, a, b) in enumerate([("Revenues", "500", "600"), ("Net income", "10", "20")]):
        y = 172 + 14 * i
        lines += [(72, y, label), (420 - 5 * len(a), y, a), (500 - 5 * len(b), y, b)]
    return lines


def build_pdf(
    contents: list[bytes],
    *,
    compress: bool = False,
    encrypt: bool = False,
    javascript: str | None = None,
) -> bytes:
    """A PDF whose pages draw `contents` (content streams) with Helvetica as /F1."""
    objects: list[bytes] = []
    catalog = b"<< /Type /Catalog /Pages 2 0 R"
    if javascript is not None:
        catalog += b" /OpenAction 4 0 R"
    objects.append(catalog + b" >>")
    first_page = 5
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(contents)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(contents)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    script = _pdf_string(javascript or "")
    objects.append(f"<< /S /JavaScript /JS ({script}) >>".encode())
    for i, content in enumerate(contents):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {first_page + 2 * i + 1} 0 R >>".encode()
        )
        head = f"<< /Length {len(content)} >>"
        if compress:
            content = zlib.compress(content)
            head = f"<< /Length {len(content)} /Filter /FlateDecode >>"
        objects.append(head.encode() + b"\nstream\n" + content + b"\nendstream")
    return assemble_pdf(objects, encrypt=encrypt)


def statement_pdf(**kwargs: bool | str | None) -> bytes:
    return build_pdf([page_ops(statement_lines())], **kwargs)  # type: ignore[arg-type]


# --- the cases --------------------------------------------------------------------------

Make = Callable[[Path], Path]


@dataclass(frozen=True)
class Hostile:
    """One bad input: how to make it, what the exporter must say, and with which exit code.

    `error` is the class `convert` raises (None: the input converts, safely); `message`
    a fragment of the one line the user sees; `args` extra command-line arguments.
    """

    id: str
    make: Make
    error: type[ExporterError] | None
    message: str
    args: tuple[str, ...] = ()
    # "fifo": skipped where the platform cannot make pipes; "non-root": run as root, it runs
    # without the capabilities that bypass file permissions (tests/test_hostile.py)
    needs: str = ""
    outdir: Callable[[Path], Path] | None = field(default=None)
    # The command line finds its inputs first: a path that names no file is a usage
    # problem (exit 2) reported by discovery; a file that cannot be converted exits 1.
    cli_exit: int | None = None
    cli_message: str = ""

    @property
    def exit_code(self) -> int:
        if self.cli_exit is not None:
            return self.cli_exit
        return 0 if self.error is None else 1

    @property
    def cli_says(self) -> str:
        return self.cli_message or self.message


def _file(name: str, data: bytes | str) -> Make:
    def make(directory: Path) -> Path:
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return make


def _lazy(name: str, data: Callable[[], bytes]) -> Make:
    def make(directory: Path) -> Path:
        return _file(name, data())(directory)

    return make


def _random_bytes() -> bytes:
    # Deterministic junk: every byte value, shuffled by a fixed multiplier.
    return bytes((i * 167 + 13) % 256 for i in range(20_000))


def _control_junk() -> bytes:
    # No NUL byte and only bytes cp1252 decodes: binary all the same.
    usable = [b for b in range(1, 256) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)]
    return bytes(usable[(i * 31) % len(usable)] for i in range(20_000))


def _utf16_release_with_wrong_option() -> bytes:
    return RELEASE.encode("utf-16-le")


def _mixed_encodings() -> bytes:
    text = SAMPLE.read_text(encoding="utf-8")
    return text.encode("utf-8") + "\nQuote: “pasted from Word”.\n".encode("cp1252")


def _deep_html() -> bytes:
    return ("<html><body>" + "<div>" * 300 + "x" + "</div>" * 300).encode() + (
        release_html().split("<body>", 1)[1].encode()
    )


def _huge_text_node() -> bytes:
    return b"<html><body><p>" + b"word " * 2_200_000 + b"</p></body></html>"


def _many_cells() -> bytes:
    row = "<tr><td>Revenue</td><td>1</td><td>2</td></tr>"
    return ("<html><body><table>" + row * 70_000 + "</table></body></html>").encode()


def _billion_laughs() -> bytes:
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return f"<!DOCTYPE html [{entities}]>\n{release_html(body_extra='<p>&j;</p>')}".encode()


def _xxe() -> bytes:
    head = '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    return (head + release_html(body_extra="<p>&x;</p>")).encode()


def _external_dtd() -> bytes:
    head = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://127.0.0.1:9/never-fetched.dtd">\n'
    )
    return (head + release_html()).encode()


def _flate_bomb() -> bytes:
    from exporter.ingest.pdf import MAX_INFLATED_BYTES

    content = page_ops(statement_lines()) + b" " * (MAX_INFLATED_BYTES + 1024)
    return build_pdf([content], compress=True)


def _many_pages() -> bytes:
    from exporter.ingest.pdf import MAX_PAGES

    return build_pdf([page_ops([(72, 72, "page")])] * (MAX_PAGES + 1))


def _image_only_pdf() -> bytes:
    return build_pdf([b"0.5 g 50 50 500 700 re f"])


def _truncated_pdf() -> bytes:
    data = statement_pdf(compress=True)
    return data[: len(data) // 2]


def _damaged_pdf() -> bytes:
    return b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"


def _javascript_pdf() -> bytes:
    return statement_pdf(javascript="app.alert(1)")


def sample_statement_lines() -> list[tuple[float, float, str]]:
    """The sample's balance sheet (its text file's tab-separated lines), laid out on a
    page: labels left, one column of numbers per tab."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[280:340]
    placed = []
    for row, line in enumerate(lines):
        for column, cell in enumerate(line.split("\t")[:4]):
            if cell.strip():
                x = 40 if column == 0 else 300 + 90 * column - 5 * len(cell)
                placed.append((x, 40 + 11 * row, cell.strip()[:60]))
    return placed


def private_encoding_pdf(to_unicode: bytes) -> bytes:
    """The sample's balance sheet in a font whose ToUnicode map sends each code to
    `to_unicode` (a CMap bfrange body): the page shows the statement, the text does not."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Private def "
        b"1 begincodespacerange <00> <FF> endcodespacerange " + to_unicode + b" endcmap "
        b"CMapName currentdict /CMap defineresource pop end end"
    )
    content = page_ops(sample_statement_lines())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        f"<< /Length {len(content)} >>".encode() + b"\nstream\n" + content + b"\nendstream",
        f"<< /Length {len(cmap)} >>".encode() + b"\nstream\n" + cmap + b"\nendstream",
    ]
    return assemble_pdf(objects)


def _private_use_pdf() -> bytes:
    # every printable code to the private-use area (U+E020...)
    return private_encoding_pdf(b"1 beginbfrange <20> <7E> <E020> endbfrange")


def _cipher_pdf() -> bytes:
    # letters as printed, digits to the letters q-z: words in a cipher, no digit left
    return private_encoding_pdf(
        b"3 beginbfrange <20> <2F> <0020> <30> <39> <0071> <3A> <7E> <003A> endbfrange"
    )


def _directory(directory: Path) -> Path:
    path = directory / "release.txt"
    path.mkdir()
    return path


def _missing(directory: Path) -> Path:
    return directory / "no-such-release.txt"


def _dangling_symlink(directory: Path) -> Path:
    path = directory / "link.txt"
    path.symlink_to(directory / "gone.txt")
    return path


def _symlink_outside(directory: Path) -> Path:
    """A link to a release outside the input's directory: read as the file it names."""
    outside = directory / "elsewhere"
    outside.mkdir()
    (outside / "target.txt").write_text(RELEASE, encoding="utf-8")
    inside = directory / "in"
    inside.mkdir()
    link = inside / "linked.txt"
    link.symlink_to(outside / "target.txt")
    return link


def _fifo(directory: Path) -> Path:
    path = directory / "pipe.txt"
    os.mkfifo(path)
    return path


def _socket_file(directory: Path) -> Path:
    path = directory / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def _unreadable(directory: Path) -> Path:
    path = _file("secret.txt", RELEASE)(directory)
    path.chmod(0)
    return path


def _traversal_name(directory: Path) -> Path:
    """An input reached through ../ components: outputs land in OUTDIR all the same."""
    (directory / "a" / "b").mkdir(parents=True)
    (directory / "x.txt").write_text(RELEASE, encoding="utf-8")
    return directory / "a" / "b" / ".." / ".." / "x.txt"


def _outdir_is_a_file(directory: Path) -> Path:
    path = directory / "out"
    path.write_text("not a directory")
    return path


def _outdir_with_link_outside(directory: Path) -> Path:
    """OUTDIR holds a link named like an output, pointing outside: never written through."""
    outdir = directory / "out"
    outdir.mkdir()
    victim = directory / "victim.txt"
    victim.write_text("untouched")
    (outdir / "release.xml").symlink_to(victim)
    return outdir


H = Hostile
CASES: list[Hostile] = [
    # --- files that are not there, or not files
    H("empty", _file("release.txt", b""), InputError, "the file is empty"),
    H("whitespace-only", _file("release.txt", " \n\t\r\n  \n"), InputError, "the file is empty"),
    H("missing-file", _missing, InputError, "No such file or directory", cli_exit=2),
    H(
        "dangling-symlink",
        _dangling_symlink,
        InputError,
        "points to a missing file",
        cli_exit=2,
        cli_message="cannot open",
    ),
    H(
        "directory-instead-of-file",
        _directory,
        InputError,
        "is a directory",
        cli_exit=2,
        cli_message="no input files in this directory",
    ),
    H(
        "named-pipe",
        _fifo,
        InputError,
        "not a regular file (a named pipe)",
        needs="fifo",
        cli_exit=2,
        cli_message="cannot open",
    ),
    H(
        "unix-socket",
        _socket_file,
        InputError,
        "not a regular file (a socket)",
        needs="fifo",
        cli_exit=2,
        cli_message="cannot open",
    ),
    H("unreadable-permissions", _unreadable, InputError, "Permission denied", needs="non-root"),
    H(
        "over-size-limit",
        _file("release.txt", RELEASE),
        InputError,
        "over the 100 byte limit",
        args=("--max-bytes", "100"),
    ),
    # --- binary data
    H("binary-junk", _lazy("release.txt", _random_bytes), InputError, "binary"),
    H(
        "nul-bytes-in-text",
        _file("release.txt", RELEASE.replace("Revenues", "Reve\x00nues")),
        InputError,
        "a NUL byte at byte",
    ),
    H("control-characters", _lazy("release.txt", _control_junk), InputError, "control characters"),
    H("png-named-txt", _file("release.txt", b"\x89PNG\r\n\x1a\n" + bytes(64)), InputError, "PNG"),
    H("zip-named-pdf", _file("release.pdf", b"PK\x03\x04" + bytes(64)), InputError, "ZIP archive"),
    H("gzip-named-html", _file("release.html", b"\x1f\x8b\x08" + bytes(64)), InputError, "gzip"),
    # --- encodings
    H(
        "wrong-encoding-option",
        _file("release.txt", RELEASE.replace("Example", "Exämple").encode("gb18030")),
        InputError,
        "cannot decode as utf-8 at byte",
        args=("--encoding", "utf-8"),
    ),
    H(
        "unknown-encoding-option",
        _file("release.txt", RELEASE),
        InputError,
        "unknown encoding 'klingon'",
        args=("--encoding", "klingon"),
    ),
    H(
        "utf16-read-as-latin1",
        _lazy("release.txt", _utf16_release_with_wrong_option),
        InputError,
        "NUL characters",
        args=("--encoding", "latin-1"),
    ),
    H("mixed-utf8-and-cp1252", _lazy("release.txt", _mixed_encodings), InputError, "mixes"),
    # --- PDF
    H("pdf-truncated", _lazy("release.pdf", _truncated_pdf), InputError, "truncated"),
    H(
        "pdf-encrypted",
        _lazy("release.pdf", lambda: statement_pdf(encrypt=True)),
        InputError,
        "encrypted",
    ),
    H("pdf-image-only", _lazy("release.pdf", _image_only_pdf), InputError, "no text layer"),
    # With OCR (the default `--ocr auto`, when Tesseract is installed) these two read:
    # tests/test_ocr.py. Without it they are refused, each with its own message.
    H(
        "pdf-private-encoding",
        _lazy("release.pdf", _private_use_pdf),
        InputError,
        "the text layer of page 1 is unreadable",
        args=("--ocr", "never"),
    ),
    H(
        "pdf-cipher-encoding",
        _lazy("release.pdf", _cipher_pdf),
        InputError,
        "the text layer of page 1 is unreadable",
        args=("--ocr", "never"),
    ),
    H("pdf-damaged", _lazy("release.pdf", _damaged_pdf), InputError, "damaged"),
    H("pdf-not-a-pdf", _file("release.pdf", RELEASE), InputError, "not a PDF"),
    H("pdf-flate-bomb", _lazy("release.pdf", _flate_bomb), InputError, "compression bomb"),
    H("pdf-too-many-pages", _lazy("release.pdf", _many_pages), InputError, "page limit"),
    # --- HTML
    H("html-billion-laughs", _lazy("release.html", _billion_laughs), InputError, "declares"),
    H("html-external-entity-passwd", _lazy("release.xhtml", _xxe), InputError, "declares"),
    H("html-deep-nesting", _lazy("release.html", _deep_html), InputError, "safety limits"),
    H("html-huge-text-node", _lazy("release.html", _huge_text_node), InputError, "safety"),
    H("html-too-many-cells", _lazy("release.html", _many_cells), InputError, "table cells"),
    H(
        "html-script-only",
        _file("release.html", "<html><head><script>alert(1)</script></head><body></body></html>"),
        InputError,
        "no text found",
    ),
    H(
        "html-malformed-without-tables",
        _file("release.html", "<html><body><p>Results<td>x</div></b></table><p><<>>"),
        ExtractionError,
        "no tables; nothing to convert",
    ),
    # --- text that reads but holds nothing to convert
    H(
        "text-without-tables",
        _file("release.txt", "Example Corp. reports results.\n\nRevenue grew.\n"),
        ExtractionError,
        "no tables; nothing to convert",
    ),
    H(
        "tables-without-numbers",
        _file("release.txt", "Directors\n\nName\tRole\nAnn\tChair\nBob\tCEO\n"),
        ExtractionError,
        "none with numbers",
    ),
    H(
        "huge-single-line",
        _file("release.txt", "Revenue grew " * 80_000),
        ExtractionError,
        "no tables",
    ),
    H(
        "repeated-content",
        _file("release.txt", "Revenue\t1\t2\n" * 100_001),
        InputError,
        "line limit",
    ),
    # --- output side
    H(
        "outdir-is-a-file",
        _file("release.txt", RELEASE),
        OutputError,
        "cannot write",
        outdir=_outdir_is_a_file,
        cli_exit=2,
        cli_message="is a file",
    ),
    H(
        "outdir-link-pointing-outside",
        _file("release.txt", RELEASE),
        OutputError,
        "refusing to write outside the output directory",
        outdir=_outdir_with_link_outside,
    ),
    # --- odd header and cell text: read the same way in every output, or reported
    H(
        "header-year-99999",
        _file("release.txt", RELEASE.replace("December 31, 2023", "December 31, 99999", 1)),
        None,
        "",
        cli_exit=1,
        cli_message="3 of 10 table numbers not understood",
    ),
    H("arabic-indic-digits", _file("release.txt", RELEASE.replace("\t100\t", "\t١٠٠\t")), None, ""),
    H(
        "number-beyond-precision",
        _file("release.txt", RELEASE.replace("\t500\t", "\t(" + "9" * 500 + ")\t")),
        None,
        "",
    ),
    # --- suspicious but safe: these convert, with nothing fetched, run or escaped
    H("pdf-with-javascript", _lazy("release.pdf", _javascript_pdf), None, ""),
    H("html-external-dtd-url", _lazy("release.html", _external_dtd), None, ""),
    H("utf16-without-bom", _file("release.txt", RELEASE.encode("utf-16-le")), None, ""),
    H("path-traversal-components", _traversal_name, None, ""),
    H("symlink-to-file-outside", _symlink_outside, None, ""),
    H("name-with-spaces-and-unicode", _file("Relatório 4T24 #2 (final)%.txt", RELEASE), None, ""),
    H("name-of-dots", _file("...txt", RELEASE), None, ""),
]


def write_all(directory: Path) -> list[Path]:
    """Make every case that this platform can make, one sub-directory each."""
    made = []
    for case in CASES:
        where = directory / case.id
        where.mkdir(parents=True, exist_ok=True)
        try:
            made.append(case.make(where))
        except (OSError, NotImplementedError):
            continue
    return made


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1])):
        print(path)
