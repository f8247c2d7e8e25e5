"""The `ckg` command line: each command is a thin wrapper over one ConflictKG call."""

from __future__ import annotations

import csv
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ckg import tables
from ckg.api import DEFAULT_GRAPH, EXPORT_FORMATS, ConflictKG, extract
from ckg.distribute_command import distribute_cmd
from graph.exports import csv_paths
from loaders.explain import render as render_explanation
from loaders.limits import Limits
from loaders.readers import INPUT_FORMATS, expand_paths
from loaders.tables import Notice
from ontology.errors import CkgError, InputError, InternalError
from ontology.gazetteer import DEFAULT_PACKS, available_packs
from queries import catalog

err_console = Console(stderr=True)
EXTRACT_COLUMNS = ("document", "source", "predicate", "target", "modality", "date", "sentence")


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("debug"))


def _fail_on_ckg_error(func: Any) -> Any:
    """Library errors become one-line messages and exit code 1 at the edge; so does anything unexpected,
    whose traceback only --debug shows."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CkgError as err:
            if _debug():
                raise
            raise click.ClickException(str(err)) from None
        except Exception as err:
            if _debug():
                raise
            what = " ".join(f"{type(err).__name__}: {err}".split())[:300]
            raise click.ClickException(f"internal error (please report): {what}; "
                                       "`ckg --debug ...` shows the traceback") from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_kind", type=click.Choice(["embedded", "neo4j"]), default="embedded",
              envvar="CKG_STORE", show_default=True, help="Where the graph lives.")
@click.option("--graph", "graph_path", type=click.Path(dir_okay=False, path_type=Path), envvar="CKG_GRAPH",
              help=f"Database file of the embedded store [default: ./{DEFAULT_GRAPH} or $CKG_GRAPH].")
@click.option("--uri", envvar="NEO4J_URI", help="Bolt URI of the Neo4j store, e.g. bolt://127.0.0.1:7687.")
@click.option("--database", envvar="NEO4J_DATABASE", help="Neo4j database name [default: the server's].")
@click.option("--pack", "packs", multiple=True, metavar="NAME",
              help=f"A conflict pack to load (repeatable): {', '.join(available_packs())} "
                   f"[default: {', '.join(DEFAULT_PACKS)}]. The world's states always load.")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An extra gazetteer file (repeatable): the JSON format of the packs, or a CAMEO/PETRARCH "
                   "actor or agent dictionary; its actors extend or override the packs'.")
@click.option("--debug", is_flag=True, help="Show the traceback of unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, store_kind: str, graph_path: Path | None, uri: str | None, database: str | None,
        packs: tuple[str, ...], gazetteers: tuple[Path, ...], debug: bool) -> None:
    """conflict-kg: a knowledge graph of conflict actors and what they do to each other,
    read from Arabic and English news, with the sentence behind every claim.

    \b
    Example:
      ckg ingest examples/ && ckg stats
      ckg --store neo4j --uri bolt://127.0.0.1:7687 ingest examples/
      ckg --pack yemen --gazetteer my-actors.json extract news/
    Conflict packs: the Libyan conflict loads unless --pack names others.
    Neo4j credentials come from NEO4J_USER and NEO4J_PASSWORD when set.
    """
    # the Neo4j driver's retries say nothing the error at the end does not; --debug shows them
    logging.getLogger("neo4j").setLevel(logging.WARNING if debug else logging.CRITICAL)
    ctx.obj = {"kind": store_kind, "graph": graph_path, "uri": uri, "database": database,
               "gazetteers": gazetteers, "packs": packs or None, "debug": debug}


def _open(ctx: click.Context, read_only: bool = True) -> ConflictKG:
    """The store; reading commands open it read-only, beside a running ingest."""
    o = ctx.obj
    return ConflictKG.open(o["kind"], graph=o["graph"], uri=o["uri"], database=o["database"],
                           gazetteers=o["gazetteers"], packs=o["packs"], read_only=read_only)


def _report_error(error: InputError) -> None:
    err_console.print("[red]error:[/red] ", end="", highlight=False)
    err_console.print(str(error), highlight=False, soft_wrap=True, markup=False)  # names may hold "[...]"
    if isinstance(error, InternalError) and error.detail and _debug():
        err_console.print(error.detail, highlight=False, soft_wrap=True, markup=False)


def _report_warning(message: str) -> None:
    err_console.print("[yellow]warning:[/yellow] ", end="", highlight=False)
    err_console.print(message, highlight=False, soft_wrap=True, markup=False)


# Shared by extract and ingest (click builds a new option each time the decorator is applied).
_jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
                            help="Extract in N processes; 0 = one per core. The output is the same for any N.")


def _limit_options(func: Any) -> Any:
    func = click.option("--max-relations", type=click.IntRange(min=1), default=Limits.max_relations,
                        show_default=True, metavar="N",
                        help="Relations kept from one sentence; the rest are dropped with a warning.")(func)
    return click.option("--max-seconds", type=click.FloatRange(min=0), default=Limits.max_seconds,
                        show_default=True, metavar="S",
                        help="Time allowed to extract one document; one that takes longer is reported and "
                             "skipped. 0: no limit.")(func)


def _limits(max_seconds: float, max_relations: int) -> Limits:
    return Limits(max_seconds=max_seconds or None, max_relations=max_relations)


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
@click.option("--input-format", "input_fmt", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="What the files are: auto recognises ACLED and GDELT files by their first line.")
@_jobs_option
@_limit_options
@click.pass_context
@_fail_on_ckg_error
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
    limits = _limits(max_seconds, max_relations)
    for item in extract(paths, load_gazetteer(ctx.obj["gazetteers"], ctx.obj["packs"]), jobs, limits, input_fmt):
        if isinstance(item, Notice):
            _report_warning(str(item))
            continue
        if isinstance(item, InputError):
            _report_error(item)
            failed = True
            continue
        for warning in item.warnings:
            _report_warning(warning)
        if fmt == "json":
            # Written as it comes, so that no more than the documents in flight are held; the bytes are
            # those of json.dumps({"documents": [...]}, indent=1): strings hold no raw newline to shift.
            body = json.dumps(item.to_json(), ensure_ascii=False, indent=1).replace("\n", "\n  ")
            click.echo(('{\n "documents": [\n  ' if not written else ",\n  ") + body, nl=False)
            written += 1
        else:
            for rel in item.relations:
                table.append([item.id, rel.source, rel.predicate, rel.target, rel.modality, rel.date or "",
                              rel.evidence.sentence])
    if fmt == "json":
        click.echo("\n ]\n}" if written else '{\n "documents": []\n}')
    else:
        tables.print_table(EXTRACT_COLUMNS, table, flex=len(EXTRACT_COLUMNS) - 1)
    if failed:
        sys.exit(1)


@cli.command("explain")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
@_fail_on_ckg_error
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
            _report_error(item)
            failed = True
        elif fmt == "json":
            reports.append(item.to_json())
        else:
            click.echo(render_explanation(item))
    if fmt == "json":
        click.echo(json.dumps({"documents": reports}, ensure_ascii=False, indent=1))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="What the files are: auto recognises ACLED and GDELT files by their first line.")
@_jobs_option
@_limit_options
@click.pass_context
@_fail_on_ckg_error
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
    with _open(ctx, read_only=False) as kg, Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                                    TimeElapsedColumn(), console=err_console, transient=True,
                                    disable=not err_console.is_terminal) as progress:
        task = progress.add_task("ingest", total=total)
        last: list[str] = []

        def advance(path: str) -> None:
            if not last or last[-1] != path:
                progress.advance(task)
                last.append(path)

        report = kg.ingest(paths, on_document=advance, jobs=jobs, limits=_limits(max_seconds, max_relations),
                           fmt=fmt)
    for warning in report.warnings:
        _report_warning(warning)
    for error in report.errors:
        _report_error(error)
    events = sum(r.events for r in report.results)
    click.echo(f"{len(report.results)} documents ({report.count('added')} added, {report.count('replaced')} replaced, "
               f"{report.count('unchanged')} unchanged), {events} events; {len(report.errors)} failed")
    if report.errors:
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
@_fail_on_ckg_error
def stats(ctx: click.Context, fmt: str) -> None:
    """Count documents, actors by type, events by predicate, modality and origin (text, acled, gdelt).

    \b
    Example:
      ckg stats --format json
    """
    with _open(ctx) as kg:
        data = kg.stats()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        return
    rows: list[list[Any]] = [["documents", "", data["documents"]]]
    for title, key in (("actors", "actors"), ("events", "events"), ("modality", "modalities"),
                       ("origin", "origins")):
        rows += [[title, name, count] for name, count in data.get(key, {}).items()]
    tables.print_table(("count of", "name", "n"), rows, numeric=(False, False, True))


@cli.command()
@click.argument("actor")
@click.pass_context
@_fail_on_ckg_error
def show(ctx: click.Context, actor: str) -> None:
    """Show an actor and every relation it takes part in, with the sentence each rests on.

    ACTOR is an id, or an English or Arabic name or alias.

    \b
    Example:
      ckg show gna
      ckg show "حكومة الوفاق"
    """
    with _open(ctx) as kg:
        info, events = kg.show(actor)
    name_ar = f" / {info['name_ar']}" if info.get("name_ar") else ""
    click.echo(f"{info['name']}{name_ar} [{info['type']}] id={info['id']}"
               + (f" wikidata={info['wikidata']}" if info.get("wikidata") else ""))
    for event in events:
        click.echo(f"- {event['source_name']} {event['predicate']} {event['target_name']} "
                   f"({event['modality']}, {event.get('date') or 'undated'}) [{event['document']}]")
        click.echo(f"    \u201c{event['sentence']}\u201d")
    if not events:
        click.echo("(no relations)")


@cli.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="KEY VALUE", help="A query parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--list", "list_all", is_flag=True, help="List the catalog's queries.")
@click.pass_context
@_fail_on_ckg_error
def query(ctx: click.Context, name: str | None, params: tuple[tuple[str, str], ...], fmt: str,
          list_all: bool) -> None:
    """Run a catalog query (queries/*.cypher) on the store.

    \b
    Example:
      ckg query --list
      ckg query relations-of-actor -p actor gna
      ckg query supporters-of -p actor Haftar -p led no
      ckg query events-by-predicate -p predicate condemns
      ckg query role-holders -p date 2019-12-20 -p actor "حكومة الوفاق"
      ckg --store neo4j --uri bolt://127.0.0.1:7687 query denials --format json
    """
    if list_all or not name:
        for q in catalog.list_queries():
            click.echo(f"{q.name:<31} {catalog.usage(q):<36} {q.description}")
        return
    with _open(ctx) as kg:
        rows = kg.query(name, dict(params))
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    columns = list(catalog.get_query(name).returns) or (list(rows[0]) if rows else [])
    _print_table(columns, rows)


@cli.command()
@click.argument("text", metavar="CYPHER")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="KEY VALUE", help="A query parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Stop the query after this many seconds.")
@click.pass_context
@_fail_on_ckg_error
def cypher(ctx: click.Context, text: str, params: tuple[tuple[str, str], ...], fmt: str, timeout: float) -> None:
    """Run your own read-only Cypher on the store; a query that writes is refused.

    Values of -p are strings; the query binds them as $KEY. Reading files or URLs (LOAD CSV, LOAD FROM)
    and procedures outside a few that describe the schema are refused too.

    \b
    Example:
      ckg cypher "MATCH (a:Actor)<-[:SOURCE]-(e:Event {predicate: 'ATTACKS'}) RETURN a.name, count(e) AS n"
      ckg cypher "MATCH (a:Actor {id: \\$id}) RETURN a.name, a.name_ar" -p id gna --format json
    """
    with _open(ctx) as kg:
        rows = kg.cypher(text, dict(params), timeout)
    columns = list(rows[0]) if rows else []
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_value(row[c]) for c in columns])
    else:
        _print_table(columns, rows)


@cli.command()
@click.argument("document_ids", nargs=-1, required=True, metavar="DOC_ID...")
@click.pass_context
@_fail_on_ckg_error
def delete(ctx: click.Context, document_ids: tuple[str, ...]) -> None:
    """Remove documents and their events from the store; the summary relationships follow, actors stay.

    \b
    Example:
      ckg delete berlin-summit
      ckg --store neo4j --uri bolt://127.0.0.1:7687 delete berlin-summit skhirat-agreement
    """
    with _open(ctx, read_only=False) as kg:
        results = kg.delete(document_ids)
    missing = [r.document_id for r in results if not r.found]
    found = [r for r in results if r.found]
    click.echo(f"{len(found)} documents deleted, {sum(r.events for r in found)} events")
    if missing:
        click.echo(f"error: no document {', '.join(repr(m) for m in missing)} in the graph", err=True)
        sys.exit(1)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _print_table(columns: list[str], rows: list[dict[str, Any]]) -> None:
    tables.print_dicts(columns, rows)
    click.echo(f"{len(rows)} rows", err=True)  # beside the table, not in what a pipe reads


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(), required=True,
              help="The file to write (a directory for neo4j-csv; a directory or a prefix for csv).")
@click.pass_context
@_fail_on_ckg_error
def export(ctx: click.Context, fmt: str, output: str) -> None:
    """Write the graph as RDF (Turtle, N-Triples, JSON-LD, TriG), as a self-contained HTML view, as
    the CSV files that `neo4j-admin database import full` loads into an empty Neo4j (neo4j-csv), or
    as the actor graph for network tools: GraphML, GEXF (Gephi), or nodes.csv, edges.csv and events.csv
    (csv: in the directory -o names, or beside it with its name as a prefix). Edges sum each actor
    pair's asserted events by predicate, with their count, first and last dates and sign (+1
    cooperative, -1 hostile).

    \b
    Example:
      ckg export --format turtle -o out/graph.ttl
      ckg export --format html -o out/graph.html
      ckg export --format graphml -o out/actors.graphml
      ckg export --format csv -o out/tables/
      ckg export --format neo4j-csv -o out/neo4j-import/
    """
    with _open(ctx) as kg:
        count = kg.export(fmt, output if fmt == "csv" else Path(output))  # csv: a trailing / means a directory
    unit = {"html": "events", "neo4j-csv": "nodes", "csv": "events", "graphml": "actors", "gexf": "actors"}
    where = ", ".join(str(p) for p in csv_paths(output)) if fmt == "csv" else output
    click.echo(f"wrote {where} ({count} {unit.get(fmt, 'triples')})")
    if fmt == "neo4j-csv":
        click.echo(f"load it into a stopped local Neo4j with: python tools/neo4j/server.py import {output}")


from ckg.analyse_command import analyse  # noqa: E402 - it reads the helpers above

cli.add_command(analyse)


cli.add_command(distribute_cmd)


def main() -> None:
    cli(prog_name="ckg")


from ckg.sparql_command import sparql  # noqa: E402 - added once the group exists

cli.add_command(sparql)
