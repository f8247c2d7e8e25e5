"""The embedded store against the hand-built documents of tests/factories.py, with exact answers: writing,
replacing, deleting and reading back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from embedded_fixtures import ids_of
from factories import (
    COUNTED_SUMMARIES,
    S_CONDEMN,
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

from graph.embedded import EmbeddedStore
from graph.store import DeleteResult, IngestResult, open_store
from ontology.errors import StoreError
from ontology.records import ActorRecord


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
    # 7 actors + 2 documents + 14 events + 1 month; 4 relationships per event + 9 summaries, as on Neo4j.
    assert before[1:] == ([{"nodes": 24}], [{"relationships": 65}])
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
