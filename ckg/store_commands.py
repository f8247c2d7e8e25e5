"""Commands that read the store: stats, show, query, cypher, delete and export."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ckg import tables
from ckg.api import EXPORT_FORMATS
from ckg.cli_support import (
    emit_rows,
    fail_on_ckg_error,
    open_kg,
    print_rows,
)
from graph.exports import csv_paths
from queries import catalog


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
@fail_on_ckg_error
def stats(ctx: click.Context, fmt: str) -> None:
    """Count documents, actors by type, events by predicate, modality and origin (text, acled, gdelt).

    \b
    Example:
      ckg stats --format json
    """
    with open_kg(ctx) as kg:
        data = kg.stats()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        return
    rows: list[list[Any]] = [["documents", "", data["documents"]]]
    for title, key in (("actors", "actors"), ("events", "events"), ("modality", "modalities"),
                       ("origin", "origins")):
        rows += [[title, name, count] for name, count in data.get(key, {}).items()]
    tables.print_table(("count of", "name", "n"), rows, numeric=(False, False, True))


@click.command()
@click.argument("actor")
@click.pass_context
@fail_on_ckg_error
def show(ctx: click.Context, actor: str) -> None:
    """Show an actor and every relation it takes part in, with the sentence each rests on.

    ACTOR is an id, or an English or Arabic name or alias.

    \b
    Example:
      ckg show gna
      ckg show "حكومة الوفاق"
    """
    with open_kg(ctx) as kg:
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


@click.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="KEY VALUE", help="A query parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--list", "list_all", is_flag=True, help="List the catalog's queries.")
@click.option("--limit", type=click.IntRange(min=0), default=catalog.DEFAULT_LIMIT, show_default=True,
              help="Show at most this many rows, the first in the query's order; 0 for all.")
@click.pass_context
@fail_on_ckg_error
def query(ctx: click.Context, name: str | None, params: tuple[tuple[str, str], ...], fmt: str,
          list_all: bool, limit: int) -> None:
    """Run a catalog query (queries/*.cypher) on the store.

    At most --limit rows are shown (1000 unless told), the first in the query's order; when there are
    more, a line on stderr says so.

    \b
    Example:
      ckg query --list
      ckg query relations-of-actor -p actor gna
      ckg query supporters-of -p actor Haftar -p led no
      ckg query events-by-predicate -p predicate condemns
      ckg query role-holders -p date 2019-12-20 -p actor "حكومة الوفاق"
      ckg query denials --limit 0 --format json > denials.json
      ckg --store neo4j --uri bolt://127.0.0.1:7687 query denials --format json
    """
    if list_all or not name:
        for q in catalog.list_queries():
            click.echo(f"{q.name:<31} {catalog.usage(q):<36} {q.description}")
        return
    with open_kg(ctx) as kg:
        rows, more = kg.query_page(name, dict(params), limit)
    if more:
        click.echo(f"{len(rows)} rows shown of more; --limit 0 for all", err=True)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    columns = list(catalog.get_query(name).returns) or (list(rows[0]) if rows else [])
    print_rows(columns, rows)


@click.command()
@click.argument("text", metavar="CYPHER")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="KEY VALUE", help="A query parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Stop the query after this many seconds.")
@click.pass_context
@fail_on_ckg_error
def cypher(ctx: click.Context, text: str, params: tuple[tuple[str, str], ...], fmt: str, timeout: float) -> None:
    """Run your own read-only Cypher on the store; a query that writes is refused.

    Values of -p are strings; the query binds them as $KEY. Reading files or URLs (LOAD CSV, LOAD FROM)
    and procedures outside a few that describe the schema are refused too.

    \b
    Example:
      ckg cypher "MATCH (a:Actor)<-[:SOURCE]-(e:Event {predicate: 'ATTACKS'}) RETURN a.name, count(e) AS n"
      ckg cypher "MATCH (a:Actor {id: \\$id}) RETURN a.name, a.name_ar" -p id gna --format json
    """
    with open_kg(ctx) as kg:
        rows = kg.cypher(text, dict(params), timeout)
    columns = list(rows[0]) if rows else []
    emit_rows(columns, rows, fmt)


@click.command()
@click.argument("document_ids", nargs=-1, required=True, metavar="DOC_ID...")
@click.pass_context
@fail_on_ckg_error
def delete(ctx: click.Context, document_ids: tuple[str, ...]) -> None:
    """Remove documents and their events from the store; the summary relationships follow, actors stay.

    \b
    Example:
      ckg delete berlin-summit
      ckg --store neo4j --uri bolt://127.0.0.1:7687 delete berlin-summit skhirat-agreement
    """
    with open_kg(ctx, read_only=False) as kg:
        results = kg.delete(document_ids)
    missing = [r.document_id for r in results if not r.found]
    found = [r for r in results if r.found]
    click.echo(f"{len(found)} documents deleted, {sum(r.events for r in found)} events")
    if missing:
        click.echo(f"error: no document {', '.join(repr(m) for m in missing)} in the graph", err=True)
        sys.exit(1)


@click.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(), required=True,
              help="The file to write (a directory for neo4j-csv; a directory or a prefix for csv).")
@click.pass_context
@fail_on_ckg_error
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
    with open_kg(ctx) as kg:
        count = kg.export(fmt, output if fmt == "csv" else Path(output))  # csv: a trailing / means a directory
    unit = {"html": "events", "neo4j-csv": "nodes", "csv": "events", "graphml": "actors", "gexf": "actors"}
    where = ", ".join(str(p) for p in csv_paths(output)) if fmt == "csv" else output
    click.echo(f"wrote {where} ({count} {unit.get(fmt, 'triples')})")
    if fmt == "neo4j-csv":
        click.echo(f"load it into a stopped local Neo4j with: python tools/neo4j/server.py import {output}")
