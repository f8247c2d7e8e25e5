"""`ckg distribute`: extraction as a map over the input files on a Dask distributed cluster, writing record
shards that `ckg ingest` loads."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from loaders.distributed import FILES_PER_TASK, Settings, ShardReport, distribute
from loaders.limits import Limits
from loaders.readers import INPUT_FORMATS
from ontology.errors import CkgError
from ontology.gazetteer import DEFAULT_PACKS


@click.command("distribute")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--shards", "shards", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="An empty folder for the record shards (part-N.records.jsonl); on a cluster, one every worker "
                   "can write to.")
@click.option("--scheduler", metavar="ADDRESS", envvar="DASK_SCHEDULER_ADDRESS",
              help="The Dask scheduler, e.g. tcp://10.0.0.5:8786 [default: a local cluster of --workers].")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes of the local cluster, without --scheduler.")
@click.option("--files-per-task", type=click.IntRange(min=1), default=FILES_PER_TASK, show_default=True,
              help="Input files extracted by one task into one shard.")
@click.option("--format", "fmt", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="What the files are: auto recognises ACLED and GDELT files by their first line.")
@click.option("--max-seconds", type=click.FloatRange(min=0), default=Limits.max_seconds, show_default=True,
              metavar="S", help="Time allowed to extract one document; 0: no limit.")
@click.pass_context
def distribute_cmd(ctx: click.Context, paths: tuple[Path, ...], shards: Path, scheduler: str | None, workers: int,
                   files_per_task: int, fmt: str, max_seconds: float) -> None:
    """Extract documents on a Dask cluster into record shards, storing nothing; `ckg ingest SHARDS`
    then loads them, to the graph one `ckg ingest PATHS` gives.

    The workers read the files and gazetteers by their paths: on a cluster, keep them (and --shards) on a
    file system every worker sees.

    \b
    Example:
      ckg distribute news/ --shards out/shards && ckg ingest out/shards
      ckg distribute /data/news /data/acled --scheduler tcp://10.0.0.5:8786 --shards /data/shards
    """
    obj = ctx.find_root().obj or {}
    settings = Settings(packs=tuple(obj.get("packs") or DEFAULT_PACKS),
                        gazetteers=tuple(str(Path(g).resolve()) for g in obj.get("gazetteers") or ()),
                        limits=Limits(max_seconds=max_seconds or None), fmt=fmt)
    failed = 0

    def show(report: ShardReport) -> None:
        nonlocal failed
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
        for error in report.errors:
            click.echo(f"error: {error}", err=True)
        failed += len(report.errors)

    try:
        reports = distribute(paths, shards, scheduler, workers, settings, files_per_task, on_report=show)
    except CkgError as err:
        raise click.ClickException(str(err)) from None
    for report in reports:
        if not report.shard:
            show(report)
    written = [r for r in reports if r.shard]
    click.echo(f"{sum(r.documents for r in written)} documents in {len(written)} shards under {shards}; "
               f"{failed} failed")
    if failed:
        sys.exit(1)
