"""The `xbrl-export` console script: `validate` starts without loading the conversion pipeline.

Converting imports every pipeline stage (about 0.6 s); validating needs none of them, so
the first argument picks which command line to load.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the validator's command line or the full one; the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["validate"]:
        from exporter.validate.command import invoke, validate_command

        return invoke(validate_command, args[1:], "xbrl-export validate")
    from exporter.cli import main as full

    return full(args)


if __name__ == "__main__":
    sys.exit(main())
