"""SPARQL over the RDF export: each catalog query's twin answers the rows of its Cypher on the seed and
examples/, the engine's copy beside the graph follows the graph, `ckg sparql` and its errors, and the
export read by a second RDF toolchain (pyoxigraph) as rdflib reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from catalog_data import EMPTY_ON_EXAMPLES, EXAMPLE_CASES
from click.testing import CliRunner

from ckg.cli import cli
from graph.embedded import EmbeddedStore
from graph.sparql import KEY_FILE, cache_path, engine_for, in_memory
from queries import catalog
from queries import sparql as twins
from tests.paths import EXAMPLES, SEED


def _ckg(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sparql") / "examples.db"
    _ckg("--graph", str(path), "ingest", str(SEED), str(EXAMPLES))
    return path


def test_every_cypher_query_has_a_twin_with_its_header() -> None:
    cypher, sparql = catalog.list_queries(), catalog.list_queries(".rq")
    assert [q.name for q in sparql] == [q.name for q in cypher]
    for a, b in zip(cypher, sparql, strict=True):
        assert (a.description, a.params, a.defaults, a.derived, a.returns) == (
            b.description, b.params, b.defaults, b.derived, b.returns), a.name


@pytest.mark.parametrize(("name", "params"), EXAMPLE_CASES, ids=[name for name, _ in EXAMPLE_CASES])
def test_each_twin_answers_the_rows_of_its_cypher(graph: Path, name: str, params: dict[str, str]) -> None:
    with EmbeddedStore(graph, read_only=True) as store:
        engine = in_memory(store)
        rows = catalog.run(store, name, params)
        assert twins.run(engine, store, name, params) == rows
    assert bool(rows) == (name not in EMPTY_ON_EXAMPLES)
    assert all(tuple(row) == catalog.get_query(name, ".rq").returns for row in rows)


def test_the_engine_is_kept_beside_the_graph_until_the_graph_changes(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    _ckg("--graph", str(path), "ingest", str(EXAMPLES / "berlin-summit.en.txt"))
    count = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/conflict-kg/ontology#Document> }"
    first = _ckg("--graph", str(path), "sparql", "--query", count, "--format", "csv")
    key = (cache_path(path) / KEY_FILE).read_text(encoding="utf-8")
    assert first == "n\n1\n"
    assert _ckg("--graph", str(path), "sparql", "--query", count, "--format", "csv") == first
    assert (cache_path(path) / KEY_FILE).read_text(encoding="utf-8") == key
    _ckg("--graph", str(path), "ingest", str(EXAMPLES / "sisi-red-line.ar.txt"))
    assert _ckg("--graph", str(path), "sparql", "--query", count, "--format", "csv") == "n\n2\n"
    assert (cache_path(path) / KEY_FILE).read_text(encoding="utf-8") != key
    _ckg("--graph", str(path), "delete", "sisi-red-line")
    assert _ckg("--graph", str(path), "sparql", "--query", count, "--format", "csv", "--no-cache") == "n\n1\n"
    with EmbeddedStore(path, read_only=True) as store:
        assert (cache_path(path) / KEY_FILE).read_text(encoding="utf-8") != key  # not rebuilt without the cache
        engine_for(store)
        assert (cache_path(path) / KEY_FILE).read_text(encoding="utf-8") == key  # the first state again


def test_ckg_sparql_answers_as_ckg_query_does(graph: Path) -> None:
    for name, params in (("supporters-of", ["-p", "actor", "Haftar"]), ("foreign-states", [])):
        twin = _ckg("--graph", str(graph), "sparql", name, *params, "--format", "json")
        assert twin == _ckg("--graph", str(graph), "query", name, *params, "--format", "json")
    rows = json.loads(_ckg("--graph", str(graph), "sparql", "supporters-of", "-p", "actor", "حفتر", "-p", "led", "no",
                           "--format", "json"))
    assert {(r["supporter"], r["supported"]) for r in rows} >= {("egypt", "haftar"), ("russia", "haftar")}
    assert {r["supported"] for r in rows} == {"haftar"}


def test_ckg_sparql_runs_your_own_select_with_parameters(graph: Path) -> None:
    text = ("PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> "
            "SELECT ?predicate (COUNT(?e) AS ?n) WHERE { ?e ckg:source ?s ; ckg:predicate ?predicate . "
            "?s ckg:actorId ?who } GROUP BY ?predicate ORDER BY ?predicate")
    out = _ckg("--graph", str(graph), "sparql", "--query", text, "-p", "who", "egypt", "--format", "csv")
    assert out.splitlines()[0] == "predicate,n"
    assert "SUPPORTS," in out and "ATTACKS" in out  # Egypt's denied strike is an event too
    assert "SUPPORTS" not in _ckg("--graph", str(graph), "sparql", "--query", text, "-p", "who", "nobody")


@pytest.mark.parametrize(("args", "code", "message"), [
    (["sparql", "allies"], 1, "Error: unknown query 'allies'; the catalog has: actor-timeline,"),
    (["sparql", "denials", "--query", "SELECT * WHERE { ?s ?p ?o }"], 2, "Error: give a catalog query NAME or --query"),
    (["sparql", "--query", "ASK { ?s ?p ?o }"], 1, "Error: only SELECT queries run here"),
    (["sparql", "--query", "SELECT WHERE {"], 1, "Error: the SPARQL query does not parse: "),
    (["sparql", "supporters-of", "-p", "actor", "Hafter2"], 1,
     "Error: query 'supporters-of', -p actor: no actor 'Hafter2' in the graph or the gazetteer; closest: "
     "Khalifa Haftar (haftar)"),
    (["query", "supporters-of", "-p", "actor", "Hafter2"], 1,
     "Error: query 'supporters-of', -p actor: no actor 'Hafter2' in the graph or the gazetteer; closest: "
     "Khalifa Haftar (haftar)"),
    (["query", "events-by-predicate", "-p", "predicate", "condems"], 1,
     "Error: query 'events-by-predicate', -p predicate: no predicate 'condems'; closest: CONDEMNS"),
])
def test_errors_are_one_line_and_exit_non_zero(graph: Path, args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(cli, ["--graph", str(graph), *args])
    assert result.exit_code == code
    assert result.output.splitlines()[-1].startswith(message)


def test_sparql_list_shows_each_twin_with_its_parameters() -> None:
    lines = _ckg("sparql", "--list").splitlines()
    assert len(lines) == len(catalog.list_queries(".rq"))
    assert lines[-2].split()[:6] == ["supporters-of", "-p", "actor", "ACTOR", "[-p", "led"]
    assert _ckg("query", "--list").splitlines()[0].split()[:4] == ["actor-timeline", "-p", "actor", "ACTOR"]


# -- the export read by a second toolchain --------------------------------------------------------

def _rdflib_term(term: Any) -> tuple[str, ...]:
    if isinstance(term, rdflib.Literal):
        datatype = str(term.datatype) if term.datatype else ("" if term.language else str(rdflib.XSD.string))
        return ("literal", str(term), term.language or "", datatype)
    return ("blank" if isinstance(term, rdflib.BNode) else "iri", str(term))


def _oxigraph_term(term: Any) -> tuple[str, ...]:
    if isinstance(term, ox.Literal):
        datatype = "" if term.language else term.datatype.value
        return ("literal", term.value, term.language or "", datatype)
    return ("blank" if isinstance(term, ox.BlankNode) else "iri", term.value)


@pytest.mark.parametrize(("fmt", "rdflib_format", "oxigraph_format"), [
    ("nt", "nt", ox.RdfFormat.N_TRIPLES), ("turtle", "turtle", ox.RdfFormat.TURTLE),
    ("trig", "trig", ox.RdfFormat.TRIG), ("json-ld", "json-ld", ox.RdfFormat.JSON_LD)])
def test_both_toolchains_read_the_same_statements_from_the_export(graph: Path, tmp_path: Path, fmt: str,
                                                                   rdflib_format: str, oxigraph_format: Any) -> None:
    out = tmp_path / f"graph.{fmt}"
    written = int(_ckg("--graph", str(graph), "export", "--format", fmt, "-o", str(out)).split("(")[1].split()[0])
    dataset = rdflib.Dataset()
    dataset.parse(out, format=rdflib_format)
    by_rdflib = {tuple(_rdflib_term(t) for t in quad[:3]) + (str(quad[3]) if fmt == "trig" else "",)
                 for quad in dataset.quads((None, None, None, None))}
    by_oxigraph = {tuple(_oxigraph_term(t) for t in (q.subject, q.predicate, q.object))
                   + (q.graph_name.value if fmt == "trig" and isinstance(q.graph_name, ox.NamedNode) else "",)
                   for q in ox.parse(path=str(out), format=oxigraph_format)}
    if fmt == "trig":  # rdflib names the default graph; pyoxigraph leaves it unnamed
        by_rdflib = {q[:3] + (q[3] if "/id/graph/" in q[3] else "",) for q in by_rdflib}
    assert len(by_oxigraph) == written
    assert by_oxigraph == by_rdflib
