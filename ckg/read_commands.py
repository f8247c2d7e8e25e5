"""Commands that read documents: extract, explain and ingest."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ckg import json_stream, tables
from ckg.api import extract
from ckg.cli_support import (
    err_console,
    fail_on_ckg_error,
    jobs_option,
    limit_options,
    limits_of,
    open_kg,
    report_error,
    report_warning,
)
from loaders.explain import render as render_explanation
from loaders.readers import INPUT_FORMATS, expand_paths
from loaders.tables import Notice
from ontology.errors import InputError

EXTRACT_COLUMNS = ("document", "source", "predicate", "target", "modality", "date", "sentence")


def input_format_option(flag: str, name: str) -> Any:
    """What the files are, shared by extract and ingest under their own flag names."""
    return click.option(flag, name, type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                        help="What the files are: auto recognises ACLED and GDELT files by their first line.")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
@input_format_option("--input-format", "input_fmt")
@jobs_option
@limit_options
@click.pass_context
@fail_on_ckg_error
def extract_cmd(ctx: click.Context, paths: tuple[Path, ...], fmt: str, input_fmt: str, jobs: int,
                max_seconds: float, max_relations: int) -> None:
    """Print the actors and relations found in documents, storing nothing.

    PATHS are .txt, .md, .jsonl or .html files or folders of them; NAME.meta.json beside a file gives
    its id, lang, published date, title and url. ACLED exports (.csv) and GDELT event files (*.export.CSV)
    give one record per row.

    \b
    Example:
      ckg extract examples/tripoli-airport-strikes.ar.txt --format json
      ckg extract --jobs 0 news/ > records.json
      ckg extract --input-format acled libya-2020.csv --format table
    """
    from ckg.api import load_gazetteer

    failed, written = False, 0
    table: list[list[Any]] = []
    limits = limits_of(max_seconds, max_relations)
    out = sys.stdout  # as click.echo writes it, without a flush for every piece
    for item in extract(paths, load_gazetteer(ctx.obj["gazetteers"], ctx.obj["packs"]), jobs, limits, input_fmt):
        if isinstance(item, Notice):
            report_warning(str(item))
            continue
        if isinstance(item, InputError):
            report_error(item)
            failed = True
            continue
        for warning in item.warnings:
            report_warning(warning)
        if fmt == "json":
            # written as it comes, relation by relation: no more than the document in flight is held
            if not written:
                out.write(json_stream.OPEN)
            json_stream.write_document(item, out.write, first=not written)
            out.flush()  # before the next document's warnings on stderr
            written += 1
        else:
            for rel in item.relations:
                table.append([item.id, rel.source, rel.predicate, rel.target, rel.modality, rel.date or "",
                              rel.evidence.sentence])
    if fmt == "json":
        click.echo(json_stream.CLOSE if written else json_stream.EMPTY)
    else:
        tables.print_table(EXTRACT_COLUMNS, table, flex=len(EXTRACT_COLUMNS) - 1)
    if failed:
        sys.exit(1)


@click.command("explain")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
@fail_on_ckg_error
def explain_cmd(ctx: click.Context, paths: tuple[Path, ...], fmt: str) -> None:
    """Show how each relation was found: its sentence, trigger, rule, mentions and modality cues; then the
    triggers that gave no relation and why, and the references left unresolved.

    \b
    Example:
      ckg explain examples/sisi-red-line.ar.txt
      ckg --pack yemen explain news/aden.en.txt --format json
    """
    from ckg.api import explain, load_gazetteer

    failed = False
    reports = []
    for item in explain(paths, load_gazetteer(ctx.obj["gazetteers"], ctx.obj["packs"])):
        if isinstance(item, InputError):
            report_error(item)
            failed = True
        elif fmt == "json":
            reports.append(item.to_json())
        else:
            click.echo(render_explanation(item))
    if fmt == "json":
        click.echo(json.dumps({"documents": reports}, ensure_ascii=False, indent=1))
    if failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@input_format_option("--format", "fmt")
@jobs_option
@limit_options
@click.pass_context
@fail_on_ckg_error
def ingest(ctx: click.Context, paths: tuple[Path, ...], fmt: str, jobs: int, max_seconds: float,
           max_relations: int) -> None:
    """Extract documents and store them; each document is written whole or not at all.

    Ingesting the same document again changes nothing; a changed document replaces its events.
    Files that cannot be read are reported with their name and line, and the rest still load.
    With --jobs, extraction runs on several cores while this process stores, in the same order.
    ACLED exports and GDELT event files load a row as a document of its own (--format acled|gdelt, or
    recognised by their first line).

    \b
    Example:
      ckg ingest examples/
      ckg ingest acled-libya-2020.csv 20200105.export.CSV
      ckg ingest --format acled acled-export.txt
      ckg --graph libya.db ingest news/2020/*.txt
      ckg ingest --jobs 0 news/
    """
    total = sum(1 for p in expand_paths(paths) if not isinstance(p, InputError))
    with open_kg(ctx, read_only=False) as kg, Progress(TextColumn("{task.description}"), BarColumn(),
                                                       MofNCompleteColumn(), TimeElapsedColumn(), console=err_console,
                                                       transient=True, disable=not err_console.is_terminal) as progress:
        task = progress.add_task("ingesting", total=total)
        last: list[str] = []

        def advance(path: str) -> None:
            if not last or last[-1] != path:
                progress.advance(task)
                last.append(path)

        def settling(done: int, total: int) -> None:
            progress.update(task, description="counting summaries again", completed=done, total=total)

        report = kg.ingest(paths, on_document=advance, jobs=jobs, limits=limits_of(max_seconds, max_relations),
                           fmt=fmt, on_settle=settling)
    for warning in report.warnings:
        report_warning(warning)
    for error in report.errors:
        report_error(error)
    events = sum(r.events for r in report.results)
    click.echo(f"{len(report.results)} documents ({report.count('added')} added, {report.count('replaced')} replaced, "
               f"{report.count('unchanged')} unchanged), {events} events; {len(report.errors)} failed")
    if report.errors:
        sys.exit(1)
