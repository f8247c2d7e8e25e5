"""Extraction past one machine: a map over the input files on a Dask distributed cluster, each task writing
the records of its files to a shard (loaders/shards.py) that `ckg ingest` loads in batches.

Files are split into tasks in their order, and task N writes part-N.records.jsonl, so that ingesting the
shards in name order stores the documents in the order one process would: the graph is the same. Workers
read the files and the gazetteers by their paths, so on a cluster these live on a file system every worker
sees, as the shard folder does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from loaders.limits import Limits
from loaders.pipeline import Extractor, extract_paths
from loaders.readers import expand_paths
from loaders.shards import SHARD_SUFFIX, write_shard
from loaders.tables import Notice
from ontology.errors import CkgError, InputError
from ontology.gazetteer import DEFAULT_PACKS, Gazetteer
from ontology.records import DocumentRecord

FILES_PER_TASK = 8


@dataclass(frozen=True)
class Settings:
    """What every task extracts with: packs, extra gazetteer files, limits and the input format."""

    packs: tuple[str, ...] = DEFAULT_PACKS
    gazetteers: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    fmt: str = "auto"


@dataclass
class ShardReport:
    """What one task did: its shard, the documents in it, the errors and warnings met."""

    shard: str
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@cache
def _extractor(packs: tuple[str, ...], gazetteers: tuple[str, ...], limits: Limits) -> Extractor:
    """One extractor per worker process and settings: building one costs far more than a document."""
    return Extractor(Gazetteer.for_packs(packs, tuple(Path(g) for g in gazetteers)), limits)


def extract_shard(files: Sequence[str], index: int, shards: str, settings: Settings) -> ShardReport:
    """The task: extract `files` and write their records to shard `index` under `shards`."""
    report = ShardReport(str(Path(shards) / f"part-{index:05d}{SHARD_SUFFIX}"))
    extractor = _extractor(settings.packs, settings.gazetteers, settings.limits)

    def records() -> list[DocumentRecord]:
        kept = []
        for item in extract_paths([Path(f) for f in files], extractor, settings.fmt):
            if isinstance(item, Notice):
                report.warnings.append(str(item))
            elif isinstance(item, InputError):
                report.errors.append(str(item))
            else:
                report.warnings.extend(item.warnings)
                kept.append(item)
        return kept

    report.documents = write_shard(Path(report.shard), records())
    return report


def plan(paths: Sequence[Path], files_per_task: int = FILES_PER_TASK) -> tuple[list[list[str]], list[InputError]]:
    """The input files in tasks of `files_per_task`, in order, and the paths that name nothing."""
    files, missing = [], []
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            missing.append(item)
        else:
            files.append(str(item.resolve()))
    return [files[i:i + files_per_task] for i in range(0, len(files), files_per_task)], missing


def distribute(paths: Sequence[Path], shards: Path, scheduler: str | None = None, workers: int = 2,
               settings: Settings | None = None, files_per_task: int = FILES_PER_TASK,
               on_report: Callable[[ShardReport], None] | None = None) -> list[ShardReport]:
    """Extract the files under `paths` on a Dask cluster (the scheduler at `scheduler`, or a local one of
    `workers` processes) into shards under `shards`; the reports of the tasks in shard order."""
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    settings = settings or Settings()
    tasks, missing = plan(paths, files_per_task)
    shards.mkdir(parents=True, exist_ok=True)
    stale = sorted(shards.glob(f"part-*{SHARD_SUFFIX}"))
    if stale:
        raise CkgError(f"{shards} already holds shards ({stale[0].name}, ...): give an empty folder")
    reports = [ShardReport("", errors=[str(m)]) for m in missing]
    if not tasks:
        return reports
    # a bag of the files, one partition a task; each partition becomes one call of extract_shard
    parts = db.from_sequence([f for task in tasks for f in task], partition_size=files_per_task).to_delayed()
    calls = [dask.delayed(extract_shard, pure=False)(part, index, str(shards.resolve()), settings)
             for index, part in enumerate(parts)]
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            futures = client.compute(calls)
            for report in client.gather(futures):
                if on_report:
                    on_report(report)
                reports.append(report)
    except OSError as err:
        raise CkgError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    finally:
        if cluster is not None:
            cluster.close()
    return reports
