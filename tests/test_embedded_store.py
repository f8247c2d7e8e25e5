"""The embedded store against the hand-built documents of tests/factories.py, with exact answers."""

from __future__ import annotations

import doctest
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from factories import (
    COUNTED_SUMMARIES,
    S_CONDEMN,
    S_DENIAL,
    S_EGYPT,
    STATS_BOTH,
    STATS_REVISED,
    STORED_SUMMARIES,
    SUMMARIES_BOTH,
    SUMMARIES_REVISED,
    SUMMARY_QUERY,
    aid_request,
    aid_request_revised,
    both_documents,
    egypt,
    rel,
    tripoli_clashes,
)

import graph.embedded_support
import graph.guard
import graph.schema
from graph.embedded import EmbeddedStore
from graph.model import event_id
from graph.schema import ddl
from graph.store import DeleteResult, IngestResult, open_store
from ontology.errors import QueryError, StoreError
from ontology.records import ActorRecord, DocumentRecord


def ids_of(doc: DocumentRecord) -> list[str]:
    return sorted(event_id(doc.id, r) for r in doc.relations)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "graph.db"


@pytest.fixture
def store(path: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(path) as opened:
        yield opened


@pytest.fixture
def loaded(store: EmbeddedStore) -> EmbeddedStore:
    store.ingest_many(both_documents())
    return store


def test_ingest_reports_each_document_and_exact_stats(store: EmbeddedStore) -> None:
    assert store.ingest_many(both_documents()) == [
        IngestResult("gna-aid-request", "added", 6, 7),
        IngestResult("tripoli-clashes", "added", 5, 7),
    ]
    assert store.stats() == STATS_BOTH
    assert list(store.stats()) == ["actors", "actors_total", "documents", "events", "events_total", "modalities",
                                   "origins"]


def test_empty_store_has_zero_stats(store: EmbeddedStore) -> None:
    assert store.stats() == {"actors": {}, "actors_total": 0, "documents": 0, "events": {},
                             "events_total": 0, "modalities": {}, "origins": {}}


COUNT_NODES = "MATCH (n) RETURN count(n) AS nodes"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS relationships"


def test_same_document_again_changes_nothing(loaded: EmbeddedStore) -> None:
    before = (loaded.snapshot(), loaded.run_query(COUNT_NODES, {}), loaded.run_query(COUNT_RELATIONSHIPS, {}))
    # 7 actors + 2 documents + 14 events; 3 relationships per event + 9 summaries, as on Neo4j.
    assert before[1:] == ([{"nodes": 23}], [{"relationships": 51}])
    assert loaded.ingest(aid_request()) == IngestResult("gna-aid-request", "unchanged", 6, 7)
    assert loaded.stats() == STATS_BOTH
    assert loaded.run_query(SUMMARY_QUERY, {}) == SUMMARIES_BOTH
    assert (loaded.snapshot(), loaded.run_query(COUNT_NODES, {}), loaded.run_query(COUNT_RELATIONSHIPS, {})) == before


def test_changed_content_replaces_the_documents_events(loaded: EmbeddedStore) -> None:
    revised = aid_request_revised()
    assert loaded.ingest(revised) == IngestResult("gna-aid-request", "replaced", 6, 7)
    assert loaded.stats() == STATS_REVISED
    events = loaded.snapshot().events
    assert sorted(e["id"] for e in events if e["document"] == "gna-aid-request") == ids_of(revised)
    assert sorted(e["id"] for e in events if e["document"] == "tripoli-clashes") == ids_of(tripoli_clashes())
    assert [d["sha256"] for d in loaded.snapshot().documents] == [revised.sha256, tripoli_clashes().sha256]


def test_summary_relationships_count_asserted_events_only(loaded: EmbeddedStore) -> None:
    assert loaded.run_query(SUMMARY_QUERY, {}) == SUMMARIES_BOTH


def test_summary_relationships_follow_a_replace(loaded: EmbeddedStore) -> None:
    loaded.ingest(aid_request_revised())
    assert loaded.run_query(SUMMARY_QUERY, {}) == SUMMARIES_REVISED


def test_a_summary_goes_when_its_last_asserted_event_goes(store: EmbeddedStore) -> None:
    doc = tripoli_clashes()
    store.ingest(doc)
    without_egypt = replace(doc, sha256="other", relations=[r for r in doc.relations if r.source != "egypt"])
    store.ingest(without_egypt)
    assert [s for s in store.run_query(SUMMARY_QUERY, {}) if s["source"] == "egypt"] == []
    assert store.actor("egypt") is not None  # actors are never deleted by a replace


def test_reopening_gives_the_same_graph(loaded: EmbeddedStore, path: Path) -> None:
    loaded.ingest(aid_request_revised())
    before = loaded.snapshot()
    loaded.close()
    with open_store("embedded", path=path, read_only=True) as reader:
        assert reader.snapshot() == before
        assert reader.stats() == STATS_REVISED
        assert reader.run_query(SUMMARY_QUERY, {}) == SUMMARIES_REVISED
    with EmbeddedStore(path) as writer:
        assert writer.ingest(aid_request_revised()).status == "unchanged"
        assert writer.snapshot() == before


def test_pages_give_every_row_once_in_id_order(loaded: EmbeddedStore) -> None:
    snap = loaded.snapshot()
    assert list(loaded.iter_events(page_size=3)) == snap.events
    assert list(loaded.iter_actors(page_size=7)) == snap.actors  # a full last page, then an empty one
    assert [e["id"] for e in snap.events] == sorted(ids_of(aid_request()) + ids_of(tripoli_clashes()))


def test_a_missing_graph_is_an_error_for_readers(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(missing, read_only=True)
    assert str(caught.value) == f"no graph at {missing}; run ckg ingest first"
    assert not missing.exists()


def test_another_file_is_refused_with_what_to_do(path: Path) -> None:
    path.write_text('{"format": "conflict-kg-graph", "version": 1, "actors": []}', encoding="utf-8")
    for read_only in (True, False):
        with pytest.raises(StoreError) as caught:
            EmbeddedStore(path, read_only=read_only)
        message = str(caught.value)
        assert message.startswith(f"{path} is not a conflict-kg graph database (")
        assert message.endswith("); move it aside or pass another --graph, then ingest the documents again")
    assert path.read_text(encoding="utf-8").startswith('{"format"')


def test_a_reader_cannot_write(loaded: EmbeddedStore, path: Path) -> None:
    loaded.close()
    with EmbeddedStore(path, read_only=True) as reader, pytest.raises(StoreError) as caught:
        reader.ingest(aid_request_revised())
    assert str(caught.value) == f"{path} is open for reading only; open it without read_only to write"


def test_a_failed_write_leaves_nothing_of_the_document(loaded: EmbeddedStore) -> None:
    before = loaded.snapshot()
    # A lone surrogate cannot be encoded as UTF-8: the write fails after the document node was merged.
    bad = replace(tripoli_clashes(), id="bad-text", sha256="bad",
                  relations=[rel("egypt", "CONDEMNS", "turkey", "asserted", None, "111", "ACCUSE",
                                 "Cairo \ud800 condemned", 0)])
    with pytest.raises(StoreError) as caught:
        loaded.ingest(bad)
    assert str(caught.value).startswith(
        f"{loaded.path}: writing document 'bad-text' failed; nothing of it was stored: ")
    assert loaded.snapshot() == before
    assert loaded.stats() == STATS_BOTH


def test_unknown_actor_type_is_refused_before_any_write(store: EmbeddedStore, path: Path) -> None:
    doc = replace(tripoli_clashes(), actors=[*tripoli_clashes().actors,
                                            ActorRecord("hq", "Headquarters", "Building")])
    with pytest.raises(StoreError) as caught:
        store.ingest(doc)
    assert str(caught.value) == (
        "document 'tripoli-clashes', actor 'hq': actor type 'Building' is not in the ontology; use one of "
        "State, Government, ArmedGroup, InternationalOrganization, Person, PoliticalBody, Location, SocialGroup "
        "(ontology/conflict.ttl)"
    )
    assert store.stats()["documents"] == 0


def test_unknown_predicate_is_refused(store: EmbeddedStore) -> None:
    doc = replace(tripoli_clashes(), relations=[
        rel("egypt", "LIKES", "turkey", "asserted", None, "", "", S_CONDEMN, 0)])
    with pytest.raises(StoreError, match=r"^document 'tripoli-clashes', relation egypt LIKES turkey: "
                                         r"predicate 'LIKES' is not in the ontology; use one of REQUESTS_AID_FROM, "):
        store.ingest(doc)
    assert store.snapshot().events == []


def test_relation_naming_an_actor_the_document_lacks_is_refused(store: EmbeddedStore) -> None:
    doc = replace(tripoli_clashes(), actors=[egypt()])
    with pytest.raises(StoreError) as caught:
        store.ingest(doc)
    assert str(caught.value) == (
        "document 'tripoli-clashes', relation haftar_forces FIGHTS gna: source actor 'haftar_forces' is not "
        "among the document's actors; list every actor a relation names in the document's actors"
    )


def test_a_refused_document_keeps_the_ones_before_it(store: EmbeddedStore, path: Path) -> None:
    broken = replace(tripoli_clashes(), actors=[egypt()])
    with pytest.raises(StoreError):
        store.ingest_many([aid_request(), broken])
    store.close()
    with EmbeddedStore(path, read_only=True) as reader:
        assert reader.stats()["documents"] == 1


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
    assert rows == [{"name": "Actor"}, {"name": "Document"}, {"name": "Event"}]
    with pytest.raises(QueryError, match=r"^CALL clear_warnings is refused here; only these read-only procedures"):
        loaded.run_query("CALL clear_warnings() RETURN *", {})


def test_a_query_past_its_timeout_is_stopped(loaded: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        loaded.run_query("UNWIND range(1, 30000) AS i UNWIND range(1, 30000) AS j WITH i + j AS k "
                         "WHERE k % 7 = 0 RETURN sum(k) AS n", {}, timeout=0.2)
    assert str(caught.value) == "the query ran longer than 0.2 s and was stopped; narrow it or pass a longer --timeout"
    assert loaded.run_query("RETURN 1 AS one", {}) == [{"one": 1}]  # the connection serves the next query


def test_delete_removes_a_document_its_events_and_their_summaries(loaded: EmbeddedStore) -> None:
    assert loaded.delete(["tripoli-clashes", "never-stored"]) == [
        DeleteResult("tripoli-clashes", True, 7), DeleteResult("never-stored", False, 0)]
    alone = EmbeddedStore(loaded.path.with_name("alone.db"))
    alone.ingest(aid_request())
    assert loaded.snapshot().events == alone.snapshot().events
    assert loaded.run_query(SUMMARY_QUERY, {}) == alone.run_query(SUMMARY_QUERY, {})
    assert loaded.stats()["documents"] == 1
    assert loaded.stats()["actors_total"] == 7  # actors stay
    assert loaded.ingest(tripoli_clashes()).status == "added"
    assert loaded.stats() == STATS_BOTH


def test_open_store_needs_a_path_and_a_known_kind() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("embedded")
    assert str(caught.value) == "the embedded store needs a database file: pass path (the CLI's --graph PATH)"
    with pytest.raises(StoreError) as caught:
        open_store("sqlite", path=Path("x"))
    assert str(caught.value) == "unknown store kind 'sqlite'; use 'embedded' or 'neo4j'"


def test_the_schema_follows_the_ontology() -> None:
    from ontology.vocabulary import PREDICATES

    statements = ddl()
    assert statements[:3] == (
        "CREATE NODE TABLE IF NOT EXISTS Actor(id STRING, type STRING, name STRING, name_ar STRING, "
        "aliases STRING[], wikidata STRING, cameo STRING, known BOOLEAN, PRIMARY KEY (id))",
        "CREATE NODE TABLE IF NOT EXISTS Document(id STRING, title STRING, lang STRING, published STRING, "
        "url STRING, sha256 STRING, records_sha256 STRING, PRIMARY KEY (id))",
        "CREATE NODE TABLE IF NOT EXISTS Event(id STRING, predicate STRING, modality STRING, date STRING, "
        "cameo STRING, plover STRING, confidence DOUBLE, sentence STRING, start INT64, `end` INT64, origin STRING, "
        "provenance STRING, fatalities INT64, location STRING, latitude DOUBLE, longitude DOUBLE, "
        "effective_date STRING, PRIMARY KEY (id))",
    )
    tables = 6 + len(PREDICATES)
    assert [s.split("(")[0].split()[-1] for s in statements[3:tables]] == [
        "SOURCE", "TARGET", "REPORTED_IN", *PREDICATES]
    # a database made before the columns of event data gains them, its events read from text
    assert statements[tables:tables + 2] == ("ALTER TABLE Event ADD IF NOT EXISTS origin STRING DEFAULT 'text'",
                                             "ALTER TABLE Event ADD IF NOT EXISTS provenance STRING")
    assert statements[-1] == "ALTER TABLE RIOTS ADD IF NOT EXISTS origins STRING[]"
    assert "ALTER TABLE Event ADD IF NOT EXISTS effective_date STRING" in statements


@pytest.mark.parametrize("module", [graph.embedded_support, graph.guard, graph.schema], ids=lambda m: m.__name__)
def test_docstring_examples_run(module) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0
    assert result.attempted >= 1


def test_a_batch_keeps_the_documents_before_one_the_database_refuses(store: EmbeddedStore) -> None:
    bad = replace(tripoli_clashes(), id="bad-text", sha256="bad",
                  relations=[rel("egypt", "CONDEMNS", "turkey", "asserted", None, "111", "ACCUSE",
                                 "Cairo \ud800 condemned", 0)])
    with pytest.raises(StoreError, match=r"writing document 'bad-text' failed; nothing of it was stored"):
        store.ingest_many([aid_request(), bad, tripoli_clashes()])
    assert [d["id"] for d in store.snapshot().documents] == ["gna-aid-request"]


def test_one_batch_with_a_document_and_its_revision_keeps_the_revision(store: EmbeddedStore, path: Path) -> None:
    assert [r.status for r in store.ingest_many([aid_request(), tripoli_clashes(), aid_request_revised()])] == [
        "added", "added", "replaced"]
    with EmbeddedStore(path.with_name("other.db")) as other:
        other.ingest_many([aid_request_revised(), tripoli_clashes()])
        assert store.snapshot() == other.snapshot()
        assert store.run_query(SUMMARY_QUERY, {}) == other.run_query(SUMMARY_QUERY, {}) == SUMMARIES_REVISED


def test_summaries_added_to_group_by_group_equal_a_count_of_the_events(store: EmbeddedStore) -> None:
    from bench.synthetic import synthetic_documents

    docs = list(synthetic_documents(events=3000, actors=12, documents=150))
    store.ingest_many(docs[:70])
    for doc in docs[70:90]:
        store.ingest(doc)
    store.ingest_many(docs[90:])
    # Replacing some documents counts their pairs again from the events.
    store.ingest_many([replace(d, relations=d.relations[::2]) for d in docs[::7]])
    stored = store.run_query(STORED_SUMMARIES, {})
    assert len(stored) > 100
    assert stored == store.run_query(COUNTED_SUMMARIES, {})


def test_a_long_ingest_folds_its_log_as_it_goes(path: Path) -> None:
    from bench.synthetic import synthetic_documents

    wal = Path(f"{path}.wal")
    seen: list[int] = []

    def documents():
        for n, doc in enumerate(synthetic_documents(events=12000, actors=50, documents=1200)):
            if n in (450, 850):  # after the first and the second group of 400 (4,000 events) were written
                seen.append(wal.stat().st_size if wal.exists() else 0)
            yield doc

    with EmbeddedStore(path, checkpoint_bytes=1) as store:
        store.group_events = 4000
        store.ingest_many(documents())
    assert seen == [0, 0]
    with EmbeddedStore(path, checkpoint_bytes=1 << 30) as store:
        store.ingest_many(documents())  # all unchanged: nothing to fold
        store.ingest_many(replace(d, relations=d.relations[:1]) for d in synthetic_documents(12000, 50, 1200))
        assert wal.stat().st_size > 0  # an open writer keeps a long log below its threshold
