"""Small generated batches for the batch tests: text variants of the sample release."""

from __future__ import annotations

from pathlib import Path

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"
CORRUPT = b"\x00\x01\x02 not a release \xff\xfe"


def make_batch(root: Path, count: int, corrupt_at: int | None = None) -> list[Path]:
    """`count` valid variants (other issuer names) spread over two sub-directories;
    the one at `corrupt_at` is a binary file instead."""
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = root / ("east" if i % 2 else "west") / f"release-{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if i == corrupt_at:
            path.write_bytes(CORRUPT)
        else:
            path.write_text(text.replace("Qifu Technology", f"Example {i} Holdings"), "utf-8")
        paths.append(path)
    return paths


def output_files(outdir: Path) -> dict[str, bytes]:
    """Every file below `outdir` by relative path, except the manifest."""
    return {
        str(p.relative_to(outdir)): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.name != "manifest.jsonl"
    }
