"""The embedded store's summaries left for a recount by a large run: the same summaries and answers as those
kept up one group at a time, counted again in bounded transactions, marked while they are behind (readers
are told, the writer counts them before it reads), and counted again when the events written since reach
those last counted."""

from __future__ import annotations

import doctest
import math
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph.embedded
import graph.embedded_recount as embedded_recount
from bench.synthetic import synthetic_documents
from ckg.api import ConflictKG
from ckg.cli import cli
from graph.embedded import EmbeddedStore
from graph.embedded_support import summary_statement
from ontology.vocabulary import PREDICATES
from queries import catalog
from tests.paths import EXAMPLES

SUMMARIES = ("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS source, type(r) AS predicate, b.id AS target, "
             "r.events AS events, r.first AS first, r.last AS last, r.origins AS origins, r.days AS days "
             "ORDER BY source, predicate, target")
# Every summary is kept up, or every one left for the recount.
KEEP_UP, LEAVE = math.inf, 0.0
PARAMS = {"actor": "actor-000003", "home": "actor-000003", "actor_group": ["actor-000007", "actor-000008"],
          "predicate": "FIGHTS", "source": "actor-000010", "target": "actor-000003", "date": "2014-01-01"}
BEHIND = ("warning: the summary relationships are behind the events: an ingest is counting them again, or stopped "
          "before it could; questions that read them lag until `ckg ingest` ends\n")


def summaries(store: EmbeddedStore) -> list[dict]:
    """Every summary relationship; a summary's days in date order (kept up, they are in the order written)."""
    rows = store.run_query(SUMMARIES, {})
    return [{**row, "days": sorted(row["days"] or [])} for row in rows]


def documents() -> list:
    """1,500 events among 12 actors, every pair with events of many predicates and modalities."""
    return list(synthetic_documents(1500, 12, 75))


def revise(store: EmbeddedStore, after_first_run: Callable[[], None] = lambda: None) -> None:
    """The documents in two runs, then every third one again with every other relation of it, and every
    fifth one from the second on deleted."""
    docs = documents()
    store.ingest_many(docs[:40])
    after_first_run()
    store.ingest_many(docs[40:])
    store.ingest_many([replace(d, relations=d.relations[::2]) for d in docs[::3]])
    store.delete([d.id for d in docs[1::5]])


def every_answer(store: EmbeddedStore) -> dict[str, list]:
    answers = {}
    for query in catalog.list_queries():
        values = {p: PARAMS[p] for p in query.params if p not in query.defaults}
        answers[query.name] = catalog.run(store, query.name, values)
    return answers


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(tmp_path / "kept.db", defer_share=KEEP_UP) as store:
        revise(store)
        yield store


def test_the_policy_and_the_transactions_are_as_documented() -> None:
    result = doctest.testmod(embedded_recount)
    assert (result.attempted, result.failed) == (6, 0)


def test_summaries_counted_again_are_those_kept_up(kept: EmbeddedStore, tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "left.db", defer_share=LEAVE) as left:

        def nothing_counted_yet() -> None:
            with EmbeddedStore(tmp_path / "left.db", read_only=True) as reader:
                assert reader.summaries_behind() and summaries(reader) == []

        revise(left, nothing_counted_yet)
        assert left.summaries_behind()
        left.settle()
        assert not left.summaries_behind()
        assert summaries(left) == summaries(kept) and len(summaries(kept)) == 715
        assert every_answer(left) == every_answer(kept)


def test_a_recount_runs_in_transactions_of_bounded_size(kept: EmbeddedStore, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded_recount, "RECOUNT_EVENTS", 20)
    steps: list[tuple[int, int, bool]] = []

    def step(done: int, total: int) -> None:  # the mark stays until the last transaction
        with EmbeddedStore(tmp_path / "left.db", read_only=True) as reader:
            steps.append((done, total, reader.summaries_behind()))

    with EmbeddedStore(tmp_path / "left.db", defer_share=LEAVE) as left:
        revise(left)
        left.settle(step)
        assert summaries(left) == summaries(kept)
        asserted = embedded_recount.asserted_by_predicate(left.run_query(
            "MATCH (e:Event) RETURN e.predicate AS predicate, e.modality AS modality, count(*) AS n", {}))
        units = embedded_recount.recount_units(asserted, [f"actor-{i:06d}" for i in range(12)])
    # each predicate's events split among runs of the 12 sources, a transaction each
    assert max(len(unit) for unit in units) == 1 and len(units) == sum(min(12, -(-n // 20)) for n in asserted.values())
    assert len(units) > 2 * len(PREDICATES)
    assert steps == [(k, len(units), k < len(units)) for k in range(1, len(units) + 1)]


def test_a_recount_out_of_memory_counts_source_by_source(kept: EmbeddedStore, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """When the one pass over a predicate's events fails (as it does when the page cache is full), the same
    transaction is run again counting a few sources at a time: the same summaries."""
    monkeypatch.setattr(embedded_recount, "RECOUNT_SOURCES", 5)
    failing = "MATCH (a:Actor) RETURN CAST(a.id AS INT64) AS n"  # fails at run time, as a full cache does

    def one_pass_fails(name: str, predicate: str) -> str:
        return failing if name == "count_source_summaries" else summary_statement(name, predicate)

    with EmbeddedStore(tmp_path / "left.db", defer_share=LEAVE) as left:
        revise(left)
        monkeypatch.setattr(graph.embedded, "summary_statement", one_pass_fails)
        left.settle()
        assert not left.summaries_behind()
        assert summaries(left) == summaries(kept)


def test_readers_are_told_while_the_summaries_are_behind(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    runner = CliRunner()
    with EmbeddedStore(path, defer_share=LEAVE) as writer:
        writer.ingest_many(documents()[:10])
        with EmbeddedStore(path, read_only=True) as reader:
            assert reader.summaries_behind()
        result = runner.invoke(cli, ["--graph", str(path), "query", "who-attacks-whom"])
        assert result.exit_code == 0 and result.stderr.startswith(BEHIND), result.stderr
        # the writer reads its own writes: it counts what it left before it answers
        assert len(summaries(writer)) == 152 and not writer.summaries_behind()
        result = runner.invoke(cli, ["--graph", str(path), "query", "who-attacks-whom"])
        assert result.exit_code == 0 and "behind" not in result.stderr


def test_the_summaries_are_counted_again_as_the_graph_doubles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded_recount, "RECOUNT_LEAST", 1)
    behind = []
    with EmbeddedStore(tmp_path / "graph.db", defer_share=LEAVE) as store:
        for doc in documents()[:10]:  # 20 events each
            store.ingest(doc)
            behind.append(store.summaries_behind())
    # counted again after the 1st, 2nd, 4th and 8th
    assert behind == [False, False, True, False, True, True, True, False, True, True]


def test_a_run_small_beside_the_store_keeps_its_summaries_up(tmp_path: Path) -> None:
    docs = documents()
    with EmbeddedStore(tmp_path / "kept.db", defer_share=KEEP_UP) as kept:
        kept.ingest_many(docs[:70])
        expected = summaries(kept)
    with EmbeddedStore(tmp_path / "graph.db") as store:
        store.ingest_many(docs[:60])  # into an empty store: left for the recount
        assert store.summaries_behind()
        store.settle()
        store.ingest_many(docs[60:70])  # 200 events beside 1,200: under a quarter, kept up
        assert not store.summaries_behind() and summaries(store) == expected and len(expected) == 927


def test_an_ingest_ends_by_counting_what_it_left(tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    kg = ConflictKG(EmbeddedStore(tmp_path / "graph.db", defer_share=LEAVE))
    with kg:
        report = kg.ingest([EXAMPLES / "berlin-summit.en.txt"],
                           on_settle=lambda done, total: steps.append((done, total)))
        assert report.results[0].status == "added"
        assert steps == [(1, 1)] and not kg.store.summaries_behind()
        assert kg.store.run_query("MATCH ()-[r:CONDEMNS|SUPPORTS]->() RETURN count(r) AS n", {})[0]["n"] > 0
