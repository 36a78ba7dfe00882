"""Run one fuzz target under atheris (coverage-guided, libFuzzer):

    python fuzz/atheris_main.py TARGET [libFuzzer options] [CORPUS_DIR ...]

e.g. `python fuzz/atheris_main.py html -max_total_time=600 /tmp/html-corpus`. The
exporter's own modules are instrumented for coverage; a crash writes the input to
`crash-*` (or `-artifact_prefix=DIR/`) and exits non-zero. `fuzz/run_all.py` runs every
target for a fixed budget.
"""

from __future__ import annotations

import os
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
    # libFuzzer's -merge=1 runs argv[0] again as a program: `run_all.py --grow` names a
    # small executable wrapper of this script in FUZZ_SELF.
    program = os.environ.get("FUZZ_SELF", sys.argv[0])
    atheris.Setup([program, *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
