"""Run one fuzz target under atheris (coverage-guided, libFuzzer):

    python fuzz/atheris_main.py TARGET [libFuzzer options] [CORPUS_DIR ...]

e.g. `python fuzz/atheris_main.py html -max_total_time=600 /tmp/html-corpus`. The
exporter's own modules are instrumented for coverage; a crash writes the input to
`crash-*` (or `-artifact_prefix=DIR/`) and exits non-zero. `fuzz/run_all.py` runs every
target for a fixed budget.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harnesses


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in harnesses.TARGETS:
        sys.exit(f"usage: atheris_main.py {{{','.join(harnesses.TARGETS)}}} [libFuzzer options]")
    with atheris.instrument_imports(include=["exporter"]):
        harnesses.prepare(sys.argv[1])
    target = harnesses.TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
