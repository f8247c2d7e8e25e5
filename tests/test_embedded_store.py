"""The embedded store against the hand-built documents of tests/factories.py, with exact answers."""

from __future__ import annotations

import doctest
import json
from dataclasses import replace
from pathlib import Path

import pytest
from factories import (
    S_CONDEMN,
    S_DENIAL,
    S_EGYPT,
    STATS_BOTH,
    STATS_REVISED,
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

import graph.embedded
from graph.embedded import EmbeddedStore, bind_parameters, return_items
from graph.model import event_id
from graph.store import IngestResult, open_store
from ontology.errors import QueryError, StoreError
from ontology.records import ActorRecord, DocumentRecord


def ids_of(doc: DocumentRecord) -> list[str]:
    return sorted(event_id(doc.id, r) for r in doc.relations)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "graph.json"


@pytest.fixture
def store(path: Path) -> EmbeddedStore:
    return EmbeddedStore(path)


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
    assert list(store.stats()) == ["actors", "actors_total", "documents", "events", "events_total", "modalities"]


def test_empty_store_has_zero_stats_and_no_file(store: EmbeddedStore, path: Path) -> None:
    assert store.stats() == {"actors": {}, "actors_total": 0, "documents": 0, "events": {},
                             "events_total": 0, "modalities": {}}
    assert not path.exists()


def test_same_document_again_changes_nothing(loaded: EmbeddedStore, path: Path) -> None:
    before = path.read_bytes()
    assert loaded.ingest(aid_request()) == IngestResult("gna-aid-request", "unchanged", 6, 7)
    assert loaded.stats() == STATS_BOTH
    assert loaded.run_query(SUMMARY_QUERY, {}) == SUMMARIES_BOTH
    assert path.read_bytes() == before


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


def test_file_round_trip_gives_the_same_graph(loaded: EmbeddedStore, path: Path) -> None:
    loaded.ingest(aid_request_revised())
    reopened = open_store("embedded", path=path)
    assert reopened.snapshot() == loaded.snapshot()
    assert reopened.stats() == STATS_REVISED
    assert reopened.run_query(SUMMARY_QUERY, {}) == SUMMARIES_REVISED
    assert reopened.ingest(aid_request_revised()).status == "unchanged"


def test_file_format_and_version_are_recorded(loaded: EmbeddedStore, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("conflict-kg-graph", 1)
    assert [a["id"] for a in data["actors"]] == [
        "algeria", "egypt", "gna", "haftar_forces", "sarraj", "turkey", "usa"]
    assert len(data["events"]) == 14


def test_corrupt_file_is_refused_with_what_to_do(path: Path) -> None:
    path.write_text('{"format": "conflict-kg-graph", "version": 1, "actors": [', encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(path)
    assert str(caught.value) == (
        f"{path} is not a conflict-kg graph file (invalid JSON: Expecting value: line 1 column 58 (char 57)); "
        "move it aside or pass another store path, then ingest the documents again"
    )


def test_wrong_version_is_refused_with_what_to_do(path: Path) -> None:
    path.write_text(json.dumps({"format": "conflict-kg-graph", "version": 2, "actors": []}), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(path)
    assert str(caught.value) == (
        f"{path} is a conflict-kg graph file of version 2, but this conflict-kg reads version 1; "
        "move it aside or pass another store path, then ingest the documents again"
    )


def test_another_json_file_is_refused(path: Path) -> None:
    path.write_text(json.dumps({"directed": True, "nodes": [], "links": []}), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(path)
    assert str(caught.value) == (
        f"{path} is not a conflict-kg graph file (format None, expected 'conflict-kg-graph'); "
        "move it aside or pass another store path, then ingest the documents again"
    )


def test_damaged_contents_are_refused(path: Path) -> None:
    path.write_text(json.dumps({"format": "conflict-kg-graph", "version": 1, "actors": [],
                                "documents": [], "events": [{"id": "ev-1", "source": "x"}]}), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(path)
    assert str(caught.value) == (
        f"{path} is damaged (StoreError: event ev-1 names actor 'x', which the file lacks); "
        "move it aside or pass another store path, then ingest the documents again"
    )


def test_a_failed_write_leaves_the_old_file_and_the_old_graph(loaded: EmbeddedStore, path: Path) -> None:
    before = path.read_bytes()
    # A lone surrogate cannot be encoded as UTF-8: the write fails halfway through the file.
    bad = replace(tripoli_clashes(), id="bad-text", sha256="bad",
                  relations=[rel("egypt", "CONDEMNS", "turkey", "asserted", None, "111", "ACCUSE",
                                 "Cairo \ud800 condemned", 0)])
    with pytest.raises(StoreError) as caught:
        loaded.ingest(bad)
    assert str(caught.value).startswith(f"{path}: could not write the graph file (UnicodeEncodeError: ")
    assert str(caught.value).endswith("; the file keeps its previous contents and the batch was not stored")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["graph.json"]
    assert loaded.stats() == STATS_BOTH
    assert EmbeddedStore(path).stats() == STATS_BOTH


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
    assert not path.exists()


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
    assert EmbeddedStore(path).stats()["documents"] == 1


def test_actor_lookup_by_id_and_names(loaded: EmbeddedStore) -> None:
    turkey = {"id": "turkey", "type": "State", "name": "Turkey", "name_ar": "تركيا", "aliases": ["Türkiye"],
              "wikidata": "Q43", "cameo": "TUR"}
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
              "source_name": "Egypt", "confidence": 0.9}
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


def test_run_query_binds_parameters_as_literals(loaded: EmbeddedStore) -> None:
    rows = loaded.run_query("MATCH (a:Actor) WHERE a.name_ar = $name RETURN a.id AS id", {"name": "الجزائر"})
    assert rows == [{"id": "algeria"}]
    assert loaded.run_query('MATCH (a:Actor) WHERE a.name = $n RETURN a.id', {"n": 'Tur"key\\'}) == []


def test_run_query_keeps_the_return_order_and_gives_plain_nodes(loaded: EmbeddedStore) -> None:
    rows = loaded.run_query(
        'MATCH (a:Actor)-[r]->(b:Actor {id: "usa"}) RETURN type(r) AS predicate, a.id AS source ORDER BY source', {})
    assert rows == [{"predicate": "REQUESTS_AID_FROM", "source": "gna"},
                    {"predicate": "APPEALS_TO", "source": "sarraj"}]
    assert [list(r) for r in rows] == [["predicate", "source"]] * 2
    assert loaded.run_query('MATCH (a:Actor {id: "egypt"}) RETURN a', {}) == [{"a": {
        "id": "egypt", "type": "State", "name": "Egypt", "name_ar": "مصر", "aliases": [], "wikidata": "Q79",
        "cameo": "EGY"}}]


def test_missing_parameter_is_named(loaded: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        loaded.run_query("MATCH (a:Actor {id: $actor}) RETURN a.id", {"other": "x"})
    assert str(caught.value) == "missing parameter $actor: the query uses it but no value was given (given: $other)"


def test_unsupported_parameter_value_is_refused(loaded: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        loaded.run_query("MATCH (a:Actor {id: $actor}) RETURN a.id", {"actor": ["gna"]})
    assert str(caught.value) == "parameter $actor is a list; the embedded store takes str, int, float or bool values"


def test_cypher_beyond_the_embedded_subset_is_a_query_error(loaded: EmbeddedStore) -> None:
    with pytest.raises(QueryError, match=r"^the embedded store cannot run this query \(UnexpectedCharacters: "):
        loaded.run_query("CREATE (n:Actor {id: 'x'}) RETURN n", {})
    assert loaded.stats() == STATS_BOTH


def test_binder_leaves_strings_and_comments_alone() -> None:
    text = 'MATCH (a {id: $id}) // $gone\nWHERE a.name <> "$id" AND a.x = \'$id\' RETURN a.id'
    assert bind_parameters(text, {"id": 'say "hi"\n'}) == (
        'MATCH (a {id: "say \\"hi\\"\\n"}) // $gone\nWHERE a.name <> "$id" AND a.x = \'$id\' RETURN a.id')
    assert bind_parameters("RETURN $a, $b, $c", {"a": True, "b": 3, "c": 2.5}) == "RETURN true, 3, 2.5"


def test_return_items_reads_aliases_and_expressions() -> None:
    assert return_items('MATCH (a) WHERE a.x = "RETURN y" RETURN DISTINCT a.id AS id, COUNT(a.x), '
                        'coalesce(a.y, "a, b") ORDER BY id LIMIT 3') == [
        ("a.id", "id"), ("COUNT(a.x)", "COUNT(a.x)"), ('coalesce(a.y, "a, b")', 'coalesce(a.y, "a, b")')]


def test_open_store_needs_a_path_and_a_known_kind() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("embedded")
    assert str(caught.value) == "the embedded store needs a file: pass path (the CLI's --store PATH)"
    with pytest.raises(StoreError) as caught:
        open_store("sqlite", path=Path("x"))
    assert str(caught.value) == "unknown store kind 'sqlite'; use 'embedded' or 'neo4j'"


def test_docstring_examples_run() -> None:
    result = doctest.testmod(graph.embedded)
    assert (result.failed, result.attempted) == (0, 1)
