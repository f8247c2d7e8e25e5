"""The embedded store's lookups and researchers' queries, with exact answers and refusals."""

from __future__ import annotations

import pytest
from factories import (
    S_CONDEMN,
    S_DENIAL,
    S_EGYPT,
    STATS_BOTH,
    tripoli_clashes,
)

from graph.embedded import EmbeddedStore
from graph.model import event_id
from ontology.errors import QueryError


def test_actor_lookup_by_id_and_names(loaded: EmbeddedStore) -> None:
    turkey = {"id": "turkey", "type": "State", "name": "Turkey", "name_ar": "تركيا", "aliases": ["Türkiye"],
              "wikidata": "Q43", "cameo": "TUR", "known": True}
    assert loaded.actor("turkey") == turkey
    assert loaded.actor("تركيا") == turkey
    assert loaded.actor("TÜRKIYE") == turkey
    assert loaded.actor("قوات حفتر")["id"] == "haftar_forces"
    assert loaded.actor("الجيش الوطني الليبي")["id"] == "haftar_forces"
    assert loaded.actor("lna")["id"] == "haftar_forces"
    assert loaded.actor("Atlantis") is None


def test_actor_events_exact(loaded: EmbeddedStore) -> None:
    doc = tripoli_clashes()
    common = {"document": "tripoli-clashes", "document_title": doc.title, "source": "egypt",
              "source_name": "Egypt", "confidence": 0.9, "origin": "text", "provenance": None, "fatalities": None,
              "location": None, "latitude": None, "longitude": None}
    condemn = {"predicate": "CONDEMNS", "modality": "asserted", "date": None, "cameo": "111",
               "plover": "ACCUSE", "sentence": S_CONDEMN, "start": 259, "end": 259 + len(S_CONDEMN),
               "target": "turkey", "target_name": "Turkey"}
    backing = {"predicate": "SUPPORTS", "modality": "asserted", "date": "2019-12-28", "cameo": "072",
               "plover": "AID", "sentence": S_EGYPT, "start": 74, "end": 74 + len(S_EGYPT),
               "target": "haftar_forces", "target_name": "Libyan National Army"}
    rows = loaded.actor_events("egypt")
    # An undated event sorts first ("" before any date).
    assert [r["predicate"] for r in rows] == ["CONDEMNS", "SUPPORTS"]
    for row, expected, relation in zip(rows, (condemn, backing), (doc.relations[4], doc.relations[1]), strict=True):
        assert row == {"id": event_id(doc.id, relation), **common, **expected}
        assert list(row)[-3:] == ["source_name", "target_name", "document_title"]
    assert [r["sentence"] for r in loaded.actor_events("algeria")] == [S_DENIAL]
    assert loaded.actor_events("nobody") == []


def test_run_query_binds_parameters_in_the_database(loaded: EmbeddedStore) -> None:
    rows = loaded.run_query("MATCH (a:Actor) WHERE a.name_ar = $name RETURN a.id AS id", {"name": "الجزائر"})
    assert rows == [{"id": "algeria"}]
    assert loaded.run_query('MATCH (a:Actor) WHERE a.name = $n RETURN a.id', {"n": 'Tur"key\\'}) == []
    assert loaded.run_query("MATCH (a:Actor {id: $id}) RETURN a.name AS name", {"id": "x' OR 1=1 //"}) == []


def test_run_query_keeps_the_return_order_and_gives_plain_nodes(loaded: EmbeddedStore) -> None:
    rows = loaded.run_query(
        'MATCH (a:Actor)-[r]->(b:Actor {id: "usa"}) RETURN type(r) AS predicate, a.id AS source ORDER BY source', {})
    assert rows == [{"predicate": "REQUESTS_AID_FROM", "source": "gna"},
                    {"predicate": "APPEALS_TO", "source": "sarraj"}]
    assert [list(r) for r in rows] == [["predicate", "source"]] * 2
    assert loaded.run_query('MATCH (a:Actor {id: "egypt"}) RETURN a', {}) == [{"a": {
        "id": "egypt", "type": "State", "name": "Egypt", "name_ar": "مصر", "aliases": [], "wikidata": "Q79",
        "cameo": "EGY", "known": True}}]


def test_missing_parameter_is_named(loaded: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        loaded.run_query("MATCH (a:Actor {id: $actor}) RETURN a.id", {"other": "x"})
    assert str(caught.value) == ("missing parameter $actor: the query uses it but no value was given (given: $other); "
                                 "add -p actor VALUE")


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Actor {id: 'x'}) RETURN n",
    "MATCH (n:Event) DETACH DELETE n",
    "MATCH (a:Actor) SET a.name = 'x' RETURN a",
    "MERGE (a:Actor {id: 'gna'}) RETURN a",
    "CREATE NODE TABLE Spy(id STRING PRIMARY KEY)",
])
def test_a_writing_query_is_refused_and_changes_nothing(loaded: EmbeddedStore, cypher: str) -> None:
    before = loaded.snapshot()
    with pytest.raises(QueryError) as caught:
        loaded.run_query(cypher, {})
    assert str(caught.value) == ("only read-only queries may run here, and this one writes; remove CREATE, MERGE, "
                                 "SET, DELETE, REMOVE and schema commands")
    assert loaded.snapshot() == before
    assert loaded.stats() == STATS_BOTH


@pytest.mark.parametrize(("cypher", "message"), [
    ('LOAD FROM "/etc/hostname" (file_format="csv") RETURN *',
     "LOAD reads files or URLs and is refused here; query the graph only"),
    ("COPY Actor TO '/tmp/actors.csv'", "COPY reads or writes files and is refused here; query the graph only"),
    ("CALL threads=1", "CALL name = value changes a database setting and is refused here; query the graph only"),
    ("MATCH (a:Actor) WHERE a.url = 'file:///etc/passwd' RETURN a",
     "file and network addresses (file://, http://) are refused here; query the graph only"),
])
def test_reading_files_urls_and_settings_is_refused(loaded: EmbeddedStore, cypher: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        loaded.run_query(cypher, {})
    assert str(caught.value) == message


def test_only_schema_procedures_may_be_called(loaded: EmbeddedStore) -> None:
    rows = loaded.run_query("CALL show_tables() WHERE type = 'NODE' RETURN name ORDER BY name", {})
    assert rows == [{"name": "Actor"}, {"name": "Document"}, {"name": "Event"}, {"name": "Month"},
                    {"name": "Upkeep"}]
    with pytest.raises(QueryError, match=r"^CALL clear_warnings is refused here; only these read-only procedures"):
        loaded.run_query("CALL clear_warnings() RETURN *", {})


def test_a_query_past_its_timeout_is_stopped(loaded: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        loaded.run_query("UNWIND range(1, 30000) AS i UNWIND range(1, 30000) AS j WITH i + j AS k "
                         "WHERE k % 7 = 0 RETURN sum(k) AS n", {}, timeout=0.2)
    assert str(caught.value) == "the query ran longer than 0.2 s and was stopped; narrow it or pass a longer --timeout"
    assert loaded.run_query("RETURN 1 AS one", {}) == [{"one": 1}]  # the connection serves the next query
