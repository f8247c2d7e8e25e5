"""`ckg sparql`: the catalog's SPARQL twins, or a researcher's own SELECT, over the store's RDF export."""

from __future__ import annotations

from typing import Any

import click

from queries import catalog


@click.command("sparql")
@click.argument("name", required=False)
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="KEY VALUE", help="A query parameter.")
@click.option("--query", "text", metavar="SPARQL", help="Your own SELECT query instead of a catalog one.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--list", "list_all", is_flag=True, help="List the catalog's SPARQL queries.")
@click.option("--no-cache", is_flag=True, help="Load the export afresh instead of the copy kept beside the graph.")
@click.pass_context
def sparql(ctx: click.Context, name: str | None, params: tuple[tuple[str, str], ...], text: str | None, fmt: str,
           list_all: bool, no_cache: bool) -> None:
    """Run a catalog query's SPARQL twin (queries/NAME.rq), or your own SELECT, on the store's RDF export.

    The export is loaded into an embedded SPARQL engine (Oxigraph); for the embedded store it is kept in
    GRAPH.sparql/ beside the graph and loaded again only when the graph has changed. Parameters of
    catalog queries take what `ckg query` takes; with --query, -p KEY VALUE binds ?KEY to the string VALUE.

    \b
    Example:
      ckg sparql --list
      ckg sparql supporters-of -p actor Haftar
      ckg sparql events-by-predicate -p predicate condemns --format json
      ckg sparql --query "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
        SELECT ?id WHERE { ?a a ckg:State ; ckg:actorId ?id } ORDER BY ?id"
    """
    from ckg.cli_support import fail_on_ckg_error

    if name and text is not None:
        raise click.UsageError("give a catalog query NAME or --query, not both")
    fail_on_ckg_error(_run)(ctx, name, dict(params), text, fmt, list_all, no_cache)


def _run(ctx: click.Context, name: str | None, params: dict[str, str], text: str | None, fmt: str,
         list_all: bool, no_cache: bool) -> None:
    from ckg.cli_support import emit_rows, open_kg

    if list_all or (not name and text is None):
        for q in catalog.list_queries(".rq"):
            click.echo(f"{q.name:<31} {catalog.usage(q):<36} {q.description}")
        return
    with open_kg(ctx) as kg:
        rows = kg.sparql(name, params, text, cache=not no_cache)
    columns: list[Any] = list(catalog.get_query(name, ".rq").returns) if name else (list(rows[0]) if rows else [])
    emit_rows(columns, rows, fmt)
