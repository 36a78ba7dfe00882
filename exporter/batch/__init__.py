"""Batch conversion: thousands of releases, on local processes or a Dask cluster.

discover   arguments (files, directories, globs, --from-list) -> inputs laid out
           below the output directory, mirroring the input tree, collision-free
job        run_job: one input converted in memory in a worker -> DocumentResult;
           commit: its files staged and renamed into place (by the parent only)
pool       a process pool with a deadline per task, crash isolation and recycling
engines    LocalEngine (the pool) and DaskEngine (dask.distributed), same results
manifest   OUTDIR/manifest.jsonl: a journal during the run, sorted at the end;
           --resume skips inputs with a current entry
progress   a live bar on a terminal, periodic lines otherwise, a run summary
run        run_batch: the whole run, Ctrl-C and SIGTERM included
"""

from __future__ import annotations

from exporter.batch.run import BatchOptions, BatchResult, find_inputs, run_batch

__all__ = ["BatchOptions", "BatchResult", "find_inputs", "run_batch"]
