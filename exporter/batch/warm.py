"""Imported once by the worker pool's fork server, so every worker starts warm.

Importing it loads the pipeline's modules, builds the taxonomy and converts a tiny
built-in release in memory (compiling the schemas and templates a first conversion
needs); workers forked from that process share all of it. Nothing is written.
"""

from __future__ import annotations

from exporter.batch.job import warm_up

warm_up()
