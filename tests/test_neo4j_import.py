"""The bulk path for first loads: `ckg export --format neo4j-csv`, then `neo4j-admin database import full`
into the stopped test launcher's database, gives the graph that ingesting gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import STORED_SUMMARIES

from ckg.cli import cli
from graph.embedded import EmbeddedStore
from graph.neo4j_store import Neo4jStore
from tests.conftest import neo4j_server_module, unavailable
from tests.paths import EXAMPLES, SEED

pytestmark = pytest.mark.neo4j


def test_csv_import_gives_the_ingested_graph(tmp_path: Path) -> None:
    graph, csv_dir, state = tmp_path / "g.db", tmp_path / "import", tmp_path / "neo4j"
    runner = CliRunner()
    assert runner.invoke(cli, ["--graph", str(graph), "ingest", str(SEED), str(EXAMPLES)]).exit_code == 0
    exported = runner.invoke(cli, ["--graph", str(graph), "export", "--format", "neo4j-csv", "-o", str(csv_dir)])
    assert exported.exit_code == 0, exported.output
    assert exported.output.splitlines()[1] == (
        f"load it into a stopped local Neo4j with: python tools/neo4j/server.py import {csv_dir}")

    server = neo4j_server_module()
    try:
        server.start(state)  # makes the server's home; the import needs it stopped
    except server.Neo4jServerError as error:
        unavailable(str(error))
    server.stop(state)
    report = server.import_csv(state, csv_dir)
    info = server.start(state)
    try:
        assert report.startswith("IMPORT DONE")
        with EmbeddedStore(graph, read_only=True) as embedded, Neo4jStore(info.bolt_uri) as neo:
            assert neo.snapshot() == embedded.snapshot()
            assert neo.stats() == embedded.stats()
            assert neo.run_query(STORED_SUMMARIES, {}) == embedded.run_query(STORED_SUMMARIES, {})
            labels = neo.run_query("MATCH (a:Actor {id: 'turkey'}) RETURN labels(a) AS labels", {})
            assert sorted(labels[0]["labels"]) == ["Actor", "State"]
            # Ingesting on top of the import finds every document unchanged.
            again = runner.invoke(cli, ["--store", "neo4j", "--uri", info.bolt_uri, "ingest", str(SEED)])
            assert again.output == "1 documents (0 added, 0 replaced, 1 unchanged), 29 events; 0 failed\n"
    finally:
        server.stop(state)


def test_the_import_refuses_a_running_server(tmp_path: Path, neo4j_uri: str) -> None:
    server = neo4j_server_module()
    state = tmp_path / "neo4j"
    try:
        server.start(state)
    except server.Neo4jServerError as error:
        unavailable(str(error))
    try:
        with pytest.raises(server.Neo4jServerError, match=r"is running; stop it first"):
            server.import_csv(state, tmp_path)
    finally:
        server.stop(state)
