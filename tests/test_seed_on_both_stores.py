"""The seed article through the CLI into both stores: the same stats, the same rows, twice over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase

from ckg.cli import cli
from graph.rdf import validate
from queries import catalog
from tests.catalog_data import EMPTY_ON_EXAMPLES, EXAMPLE_CASES
from tests.paths import EXAMPLES, SEED

pytestmark = pytest.mark.neo4j


def _ckg(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def _counts(uri: str) -> tuple[int, int]:
    with GraphDatabase.driver(uri, auth=None) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships"
        )
    return records[0]["nodes"], records[0]["relationships"]


def test_seed_stats_are_the_same_on_both_stores(neo4j_clean: str, tmp_path: Path) -> None:
    graph = str(tmp_path / "seed.db")
    neo = ("--store", "neo4j", "--uri", neo4j_clean)
    _ckg("--graph", graph, "ingest", str(SEED))
    assert _ckg(*neo, "ingest", str(SEED)) == "1 documents (1 added, 0 replaced, 0 unchanged), 29 events; 0 failed\n"
    embedded_stats = _ckg("--graph", graph, "stats", "--format", "json")
    neo_stats = _ckg(*neo, "stats", "--format", "json")
    assert neo_stats == embedded_stats
    assert json.loads(neo_stats)["events"]["REQUESTS_AID_FROM"] == 15
    before = _counts(neo4j_clean)

    assert _ckg(*neo, "ingest", str(SEED)) == "1 documents (0 added, 0 replaced, 1 unchanged), 29 events; 0 failed\n"
    assert _ckg(*neo, "stats", "--format", "json") == embedded_stats
    assert _counts(neo4j_clean) == before


def test_catalog_rows_are_the_same_on_both_stores(neo4j_clean: str, tmp_path: Path) -> None:
    graph = str(tmp_path / "examples.db")
    neo = ("--store", "neo4j", "--uri", neo4j_clean)
    _ckg("--graph", graph, "ingest", str(SEED), str(EXAMPLES))
    _ckg(*neo, "ingest", str(SEED), str(EXAMPLES))
    assert sorted(name for name, _ in EXAMPLE_CASES) == sorted(q.name for q in catalog.list_queries())
    for name, params in EXAMPLE_CASES:
        options = [item for key, value in params.items() for item in ("-p", key, value)]
        embedded_rows = json.loads(_ckg("--graph", graph, "query", name, *options, "--format", "json"))
        neo_rows = json.loads(_ckg(*neo, "query", name, *options, "--format", "json"))
        assert neo_rows == embedded_rows, name
        assert bool(embedded_rows) == (name not in EMPTY_ON_EXAMPLES), name
    # The SPARQL twin over Neo4j's export gives the rows of the Cypher query too.
    twin = json.loads(_ckg(*neo, "sparql", "supporters-of", "-p", "actor", "Haftar", "--format", "json"))
    assert twin == json.loads(_ckg("--graph", graph, "query", "supporters-of", "-p", "actor", "Haftar",
                                   "--format", "json"))
    assert {row["supported"] for row in twin} == {"haftar", "lna"}


def test_turtle_export_of_the_seed_conforms_to_the_shapes(tmp_path: Path) -> None:
    import rdflib

    graph = str(tmp_path / "g.db")
    _ckg("--graph", graph, "ingest", str(SEED))
    out = tmp_path / "seed.ttl"
    _ckg("--graph", graph, "export", "--format", "turtle", "-o", str(out))
    parsed = rdflib.Graph().parse(out, format="turtle")
    conforms, report = validate(parsed)
    assert conforms, report
    labels = {str(o) for o in parsed.objects(predicate=rdflib.RDFS.label) if getattr(o, "language", None) == "ar"}
    assert {"حكومة الوفاق الوطني", "تركيا"} <= labels


def test_cypher_and_delete_through_the_cli_agree_on_both_stores(neo4j_clean: str, tmp_path: Path) -> None:
    graph = ("--graph", str(tmp_path / "examples.db"))
    neo = ("--store", "neo4j", "--uri", neo4j_clean)
    text = ("MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor {id: $target}) "
            "RETURN s.id AS source, e.predicate AS predicate, e.modality AS modality, count(e) AS n "
            "ORDER BY source, predicate, modality")
    for store in (graph, neo):
        _ckg(*store, "ingest", str(SEED), str(EXAMPLES))
    rows = [_ckg(*store, "cypher", text, "-p", "target", "gna", "--format", "csv") for store in (graph, neo)]
    assert rows[0] == rows[1]
    assert rows[0].startswith("source,predicate,modality,n\n") and len(rows[0].splitlines()) > 5
    deleted = [_ckg(*store, "delete", "gna-aid-request") for store in (graph, neo)]
    assert deleted[0] == deleted[1] == "1 documents deleted, 29 events\n"
    assert _ckg(*graph, "stats", "--format", "json") == _ckg(*neo, "stats", "--format", "json")
    refused = [CliRunner().invoke(cli, [*store, "cypher", "MATCH (a:Actor) DETACH DELETE a"]) for store in (graph, neo)]
    assert [r.exit_code for r in refused] == [1, 1]
    assert refused[0].output == ("Error: only read-only queries may run here, and this one writes; remove CREATE, "
                                 "MERGE, SET, DELETE, REMOVE and schema commands\n")
    assert refused[1].output.startswith("Error: only read-only queries may run here, and this one writes (Neo4j plans")
