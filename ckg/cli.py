"""The `ckg` command line: each command is a thin wrapper over one ConflictKG call."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from ckg.analyse_command import analyse
from ckg.api import DEFAULT_GRAPH
from ckg.distribute_command import distribute_cmd
from ckg.read_commands import explain_cmd, extract_cmd, ingest
from ckg.sparql_command import sparql
from ckg.store_commands import cypher, delete, export, query, show, stats
from ontology.gazetteer import DEFAULT_PACKS, available_packs


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_kind", type=click.Choice(["embedded", "neo4j"]), default="embedded",
              envvar="CKG_STORE", show_default=True, help="Where the graph lives.")
@click.option("--graph", "graph_path", type=click.Path(readable=False, path_type=Path), envvar="CKG_GRAPH",
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


for command in (extract_cmd, explain_cmd, ingest, stats, show, query, cypher, delete, export, analyse, sparql,
                distribute_cmd):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="ckg")
