"""The embedded writer's memory stays within its page cache as it writes: each relationship table a
transaction writes to keeps memory in the cache that no checkpoint gives back, so the writer opens the
database afresh after a fold that leaves the cache over REOPEN_SHARE full."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph.embedded_recount as embedded_recount
from bench.synthetic import synthetic_documents
from graph.embedded import EmbeddedStore
from graph.embedded_support import REOPEN_SHARE
from graph.tallies import SUMMARY_MODALITY

MIB = 1 << 20


def asserted_pairs(docs: list) -> int:
    return len({(r.source, r.predicate, r.target) for d in docs for r in d.relations if r.modality == SUMMARY_MODALITY})


def test_a_fold_opens_the_database_afresh_when_the_cache_is_over_its_share(tmp_path: Path) -> None:
    docs = list(synthetic_documents(20_000, 300, 1000))
    pool = 96 * MIB
    with EmbeddedStore(tmp_path / "g.db", buffer_pool_bytes=pool, defer_share=float("inf"),
                       checkpoint_bytes=1 << 40) as store:
        store.group_events = 2000
        store.ingest_many(docs[:500])
        assert store.page_cache_bytes() > REOPEN_SHARE * pool
        store._checkpoint_if_alone(wait=True)  # a fold alone leaves about 60 MiB in the cache
        assert store.page_cache_bytes() <= REOPEN_SHARE * pool
        store.ingest_many(docs[500:])  # the database opened afresh takes the rest
        assert store.stats()["events_total"] == 20_000
        assert len(store.run_query("MATCH (:Actor)-[r]->(:Actor) RETURN r.events", {})) == asserted_pairs(docs)


def test_a_large_run_completes_in_a_small_page_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the fresh openings the recount of this run fills the 56 MiB cache and fails.
    monkeypatch.setattr(embedded_recount, "RECOUNT_EVENTS", 3000)
    docs = list(synthetic_documents(60_000, 2000, 3000))
    with EmbeddedStore(tmp_path / "g.db", buffer_pool_bytes=56 * MIB, defer_share=0) as store:
        store.group_events = 3000
        store.ingest_many(docs)
        store.settle()
        assert store.stats()["events_total"] == 60_000
        assert len(store.run_query("MATCH (:Actor)-[r]->(:Actor) RETURN r.events", {})) == asserted_pairs(docs)
