"""The Neo4j store on a real Neo4j 5.26 server: the same contents as the embedded store, read-only
user queries, whole documents."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from factories import (
    COUNTED_SUMMARIES,
    STATS_BOTH,
    STATS_REVISED,
    STORED_SUMMARIES,
    SUMMARIES_BOTH,
    SUMMARIES_REVISED,
    SUMMARY_QUERY,
    aid_request,
    aid_request_revised,
    both_documents,
    tripoli_clashes,
)
from neo4j import GraphDatabase

from graph.embedded import EmbeddedStore
from graph.neo4j_store import Neo4jStore
from graph.store import DeleteResult, IngestResult, Store, open_store
from ontology.errors import QueryError, StoreError

pytestmark = pytest.mark.neo4j

COUNT_NODES = "MATCH (n) RETURN count(n) AS nodes"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS relationships"


@pytest.fixture
def neo(neo4j_clean: str) -> Iterator[Neo4jStore]:
    with Neo4jStore(neo4j_clean) as store:
        yield store


@pytest.fixture
def embedded(tmp_path: Path) -> EmbeddedStore:
    return EmbeddedStore(tmp_path / "graph.db")


def counts(store: Store) -> tuple[int, int]:
    return (store.run_query(COUNT_NODES, {})[0]["nodes"], store.run_query(COUNT_RELATIONSHIPS, {})[0]["relationships"])


def test_same_contents_as_the_embedded_store(neo: Neo4jStore, embedded: EmbeddedStore) -> None:
    assert neo.ingest_many(both_documents()) == embedded.ingest_many(both_documents())
    assert neo.stats() == embedded.stats() == STATS_BOTH
    assert neo.snapshot() == embedded.snapshot()
    assert neo.run_query(SUMMARY_QUERY, {}) == SUMMARIES_BOTH


def test_nodes_carry_the_type_label(neo: Neo4jStore) -> None:
    neo.ingest(aid_request())
    rows = neo.run_query("MATCH (a:Actor) RETURN a.id AS id, labels(a) AS labels ORDER BY id", {})
    assert [(r["id"], sorted(r["labels"])) for r in rows] == [
        ("algeria", ["Actor", "State"]), ("gna", ["Actor", "Government"]), ("haftar_forces", ["Actor", "ArmedGroup"]),
        ("sarraj", ["Actor", "Person"]), ("turkey", ["Actor", "State"]), ("usa", ["Actor", "State"])]


def test_opening_creates_the_id_constraints(neo4j_clean: str) -> None:
    Neo4jStore(neo4j_clean).close()
    Neo4jStore(neo4j_clean).close()  # IF NOT EXISTS: a second open is fine
    with GraphDatabase.driver(neo4j_clean, auth=None) as driver:
        records, _, _ = driver.execute_query(
            "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes, properties, type")
    assert sorted((r["labelsOrTypes"], r["properties"], r["type"]) for r in records) == [
        (["Actor"], ["id"], "UNIQUENESS"), (["Document"], ["id"], "UNIQUENESS"), (["Event"], ["id"], "UNIQUENESS"),
        (["Month"], ["id"], "UNIQUENESS")]


def test_second_ingest_changes_nothing(neo: Neo4jStore) -> None:
    neo.ingest_many(both_documents())
    before = counts(neo)
    # 7 actors + 2 documents + 14 events; 3 relationships per event + 9 summaries.
    assert before == (24, 65)
    assert neo.ingest_many(both_documents()) == [
        IngestResult("gna-aid-request", "unchanged", 6, 7), IngestResult("tripoli-clashes", "unchanged", 5, 7)]
    assert counts(neo) == before
    assert neo.stats() == STATS_BOTH


def test_replace_matches_the_embedded_store(neo: Neo4jStore, embedded: EmbeddedStore) -> None:
    for store in (neo, embedded):
        store.ingest_many(both_documents())
        assert store.ingest(aid_request_revised()) == IngestResult("gna-aid-request", "replaced", 6, 7)
    assert neo.stats() == STATS_REVISED
    assert neo.snapshot() == embedded.snapshot()
    assert neo.run_query(SUMMARY_QUERY, {}) == SUMMARIES_REVISED
    # Still 14 events; one summary more (the US appeal).
    assert counts(neo) == (24, 66)


def test_lookups_match_the_embedded_store(neo: Neo4jStore, embedded: EmbeddedStore) -> None:
    for store in (neo, embedded):
        store.ingest_many(both_documents())
    for key in ("turkey", "تركيا", "TÜRKIYE", "قوات حفتر", "lna", "Atlantis"):
        assert neo.actor(key) == embedded.actor(key)
    assert neo.actor("lna")["id"] == "haftar_forces"
    for actor_id in ("gna", "egypt", "algeria", "nobody"):
        assert neo.actor_events(actor_id) == embedded.actor_events(actor_id)
    assert len(neo.actor_events("gna")) == 10


def test_an_actor_whose_type_changes_keeps_one_type_label(neo: Neo4jStore, embedded: EmbeddedStore) -> None:
    later = tripoli_clashes()
    later = replace(later, actors=[replace(a, type="Government") if a.id == "turkey" else a for a in later.actors])
    for store in (neo, embedded):
        store.ingest_many([aid_request(), later])
    assert neo.stats()["actors"] == embedded.stats()["actors"] == {
        "ArmedGroup": 1, "Government": 2, "Person": 1, "State": 3}
    (row,) = neo.run_query('MATCH (a:Actor {id: "turkey"}) RETURN labels(a) AS labels', {})
    assert sorted(row["labels"]) == ["Actor", "Government"]
    assert neo.snapshot() == embedded.snapshot()


@pytest.mark.parametrize("cypher", [
    "CREATE (n) RETURN n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (a:Actor) SET a.name = 'x' RETURN a",
    "CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)",
])
def test_a_writing_query_is_refused_and_changes_nothing(neo: Neo4jStore, cypher: str) -> None:
    neo.ingest(tripoli_clashes())
    before = (counts(neo), neo.snapshot())
    with pytest.raises(QueryError, match=r"^only read-only queries may run here, and this one writes \(Neo4j plans "
                                         r"it as type '(w|rw|s)'\); remove CREATE, MERGE, SET, DELETE, REMOVE and "
                                         r"schema commands$"):
        neo.run_query(cypher, {})
    assert (counts(neo), neo.snapshot()) == before


def test_run_query_passes_real_parameters(neo: Neo4jStore) -> None:
    neo.ingest(aid_request())
    rows = neo.run_query("MATCH (a:Actor) WHERE a.name_ar = $name RETURN a, a.id AS id", {"name": "الجزائر"})
    assert rows == [{"a": {"id": "algeria", "type": "State", "name": "Algeria", "name_ar": "الجزائر",
                           "aliases": [], "wikidata": "Q262", "cameo": "DZA", "known": True}, "id": "algeria"}]
    assert list(rows[0]) == ["a", "id"]


def test_a_broken_query_is_a_query_error(neo: Neo4jStore) -> None:
    with pytest.raises(QueryError, match=r"^Neo4j cannot run this query: Invalid input"):
        neo.run_query("MATCH (a:Actor RETURN a", {})


def test_unreachable_server_says_what_to_do() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uri = f"bolt://127.0.0.1:{port}"
    with pytest.raises(StoreError) as caught:
        open_store("neo4j", uri=uri)
    assert str(caught.value).startswith(
        f"cannot reach Neo4j at {uri}: start one with `make neo4j` or pass --uri (")


def test_delete_matches_the_embedded_store(neo: Neo4jStore, embedded: EmbeddedStore) -> None:
    for store in (neo, embedded):
        store.ingest_many(both_documents())
        assert store.delete(["tripoli-clashes", "never-stored"]) == [
            DeleteResult("tripoli-clashes", True, 7), DeleteResult("never-stored", False, 0)]
    assert neo.snapshot() == embedded.snapshot()
    assert neo.run_query(SUMMARY_QUERY, {}) == embedded.run_query(SUMMARY_QUERY, {})
    assert neo.stats() == embedded.stats()
    assert counts(neo) == counts(embedded) == (7 + 1 + 7 + 1, 4 * 7 + 5)  # every actor stays; 5 summaries are left


@pytest.mark.parametrize(("cypher", "message"), [
    ("LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row",
     "file and network addresses (file://, http://) are refused here; query the graph only"),
    ("LOAD CSV FROM $url AS row RETURN row", "LOAD reads files or URLs and is refused here; query the graph only"),
    ("CALL dbms.listConfig() YIELD name RETURN name", "CALL dbms.listConfig is refused here; only these read-only "
     "procedures may be called: db.labels, db.propertykeys, db.relationshiptypes, db.schema.nodetypeproperties, "
     "db.schema.reltypeproperties, db.schema.visualization, show_connection, show_tables, table_info"),
])
def test_files_urls_and_procedures_are_refused(neo: Neo4jStore, cypher: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        neo.run_query(cypher, {"url": "https://example.org/x.csv"})
    assert str(caught.value) == message


def test_schema_procedures_may_be_called_and_long_queries_stop(neo: Neo4jStore) -> None:
    neo.ingest(aid_request())
    rows = neo.run_query("CALL db.labels() YIELD label RETURN label ORDER BY label", {})
    assert {"Actor", "Document", "Event", "State"} <= {r["label"] for r in rows}
    with pytest.raises(QueryError) as caught:
        neo.run_query("UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 0 RETURN count(i) AS n", {}, timeout=0.5)
    assert str(caught.value) == "the query ran longer than 0.5 s and was stopped; narrow it or pass a longer --timeout"


def test_a_batch_with_a_document_and_its_revision_matches_the_embedded_store(neo: Neo4jStore,
                                                                            embedded: EmbeddedStore) -> None:
    batch = [aid_request(), tripoli_clashes(), aid_request_revised()]
    assert [r.status for r in neo.ingest_many(batch)] == [r.status for r in embedded.ingest_many(batch)] == [
        "added", "added", "replaced"]
    assert neo.snapshot() == embedded.snapshot()
    assert neo.run_query(SUMMARY_QUERY, {}) == SUMMARIES_REVISED
    assert counts(neo) == (24, 66)


def test_summaries_added_group_by_group_equal_a_count_of_the_events(neo: Neo4jStore, embedded: EmbeddedStore) -> None:
    from bench.synthetic import synthetic_documents

    docs = list(synthetic_documents(events=2000, actors=12, documents=100))
    for store in (neo, embedded):
        store.ingest_many(docs[:60])
        for doc in docs[60:70]:
            store.ingest(doc)
        store.ingest_many(docs[70:])
        store.ingest_many([replace(d, relations=d.relations[::2]) for d in docs[::7]])
    stored = neo.run_query(STORED_SUMMARIES, {})
    assert len(stored) > 100
    assert stored == neo.run_query(COUNTED_SUMMARIES, {}) == embedded.run_query(STORED_SUMMARIES, {})
    assert neo.snapshot() == embedded.snapshot()
