"""Every rendering of the sample release, by name, and a writer that puts them on disk.

The renderings are built here, in test code, from the sample's text (`release_model`):
three HTML layouts (`renderings_html`) and two PDF layouts (`renderings_pdf`). Each is
written as `<name>/qifu-2024q4.<ext>`, so every conversion names its outputs alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from release_model import Release
from renderings_html import edgar, newswire, split, workiva
from renderings_pdf import PIECES, PLAIN, RULED, render_pdf

STEM = "qifu-2024q4"


@dataclass(frozen=True)
class Rendering:
    name: str
    suffix: str
    render: Callable[[Release], bytes]

    @property
    def format(self) -> str:
        return "pdf" if self.suffix == ".pdf" else "html"


RENDERINGS = (
    Rendering("newswire", ".html", newswire),
    Rendering("edgar", ".htm", edgar),
    Rendering("workiva", ".htm", workiva),
    Rendering("split", ".html", split),
    Rendering("pdf-ruled", ".pdf", partial(render_pdf, layout=RULED)),
    Rendering("pdf-plain", ".pdf", partial(render_pdf, layout=PLAIN)),
    Rendering("pdf-split", ".pdf", partial(render_pdf, layout=PIECES)),
)
BY_NAME = {rendering.name: rendering for rendering in RENDERINGS}


def write_rendering(rendering: Rendering, release: Release, directory: Path) -> Path:
    path = directory / rendering.name / f"{STEM}{rendering.suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(rendering.render(release))
    return path
