"""What keeps the catalog fast on large graphs without changing its answers: the row limit of `ckg query`,
pages read in runs of actors or months, the questions about pairs read from the summary relationships,
sign-changes in two passes, and what stores keep beside the model (effective dates, target and document ids,
months, document tallies); on both stores."""

from __future__ import annotations

import doctest
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import ladybug
import pytest
from click.testing import CliRunner
from factories import aid_request, both_documents
from neo4j import GraphDatabase

from bench.synthetic import synthetic_documents
from ckg.cli import cli
from graph.embedded import EmbeddedStore
from graph.neo4j_store import Neo4jStore
from graph.store import Store
from ontology.errors import QueryError, StoreError
from ontology.vocabulary import PREDICATES
from queries import catalog, windows
from queries.params import used_names
from queries.windows import FIRST_RUN, KEYS

# The catalog's earlier text of the questions now read from summaries, from the ids and months kept with
# events and documents, in runs of actors or months, or in two passes: each reads every event it counts.
# The present queries must give their rows.
BY_EVENTS = {path.stem: path.read_text(encoding="utf-8")
             for path in sorted((Path(__file__).parent / "data" / "catalog_by_events").glob("*.cypher"))}
# Rows of each question on the dense graph below, so that an empty answer cannot pass.
DENSE_ROWS = {"aid-requests": 67, "condemnations-by-organisations": 11, "denials": 99, "denials-and-claims": 99,
              "edge-evidence": 3, "events-by-predicate": 80, "events-by-source": 1, "foreign-states": 23,
              "most-active-by-month": 495, "sign-changes": 161, "summary-relations": 979,
              "support-and-condemn": 43, "supporters-of-enemies": 70, "who-attacks-whom": 129}
PARAMS = {"home": "actor-000003", "actor_group": ["actor-000007", "actor-000008"], "predicate": "FIGHTS",
          "source": "actor-000010", "target": "actor-000003"}


def dense() -> Iterator:
    """1,500 events among 12 actors: every pair has events of many predicates, dates and modalities."""
    return synthetic_documents(1500, 12, 75)


def _by_events_and_by_catalog(store: Store, name: str, limit: int = 0) -> tuple[list, list]:
    old, query = BY_EVENTS[name], catalog.get_query(name)
    values = {k: v for k, v in PARAMS.items() if k in used_names(query.text)}
    return (store.run_query(old, {k: v for k, v in PARAMS.items() if k in used_names(old)}),
            catalog.run_bound(store, query, values, limit)[0])


@pytest.fixture(scope="module")
def dense_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(tmp_path_factory.mktemp("dense") / "graph.db") as store:
        store.ingest_many(dense())
        yield store


@pytest.mark.parametrize("name", sorted(BY_EVENTS))
def test_each_question_gives_the_rows_of_its_reading_of_every_event(dense_store: EmbeddedStore, name: str) -> None:
    by_events, by_catalog = _by_events_and_by_catalog(dense_store, name)
    assert by_catalog == by_events
    assert len(by_catalog) == DENSE_ROWS[name]


# The questions whose answers the stores keep up to date as documents come, change and go.
KEPT_UP = ("denials-and-claims", "events-by-source", "foreign-states", "most-active-by-month", "sign-changes",
           "summary-relations", "support-and-condemn")


def _revise(store: Store) -> None:
    """The dense graph in two groups, then every third document again with every other relation of it,
    and every fifth one from the second on deleted."""
    docs = list(dense())
    store.ingest_many(docs[:40])
    store.ingest_many(docs[40:])
    store.ingest_many([replace(d, relations=d.relations[::2]) for d in docs[::3]])
    store.delete([d.id for d in docs[1::5]])


def test_what_is_kept_up_follows_replaced_and_deleted_documents(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "graph.db") as store:
        _revise(store)
        for name in KEPT_UP:
            by_events, by_catalog = _by_events_and_by_catalog(store, name)
            assert by_catalog == by_events and by_catalog, name


@pytest.fixture(scope="module")
def wide_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    """3,000 events among 150 actors: a page of the questions read in runs takes several runs."""
    with EmbeddedStore(tmp_path_factory.mktemp("wide") / "graph.db") as store:
        store.ingest_many(synthetic_documents(3000, 150, 150))
        yield store


WINDOWED = sorted(q.name for q in catalog.list_queries() if q.window)


def test_the_questions_over_the_whole_graph_are_read_in_runs() -> None:
    assert WINDOWED == ["aid-requests", "condemnations-by-organisations", "denials", "denials-and-claims",
                        "events-by-predicate", "foreign-states", "most-active-by-month", "sign-changes",
                        "summary-relations", "support-and-condemn", "who-attacks-whom"]


@pytest.mark.parametrize("name", WINDOWED)
def test_a_page_read_in_runs_is_the_start_of_the_whole_answer(wide_store: EmbeddedStore, name: str) -> None:
    query = catalog.get_query(name)
    values = {k: v for k, v in PARAMS.items() if k in used_names(query.text)}
    every = catalog.run_bound(wide_store, query, values, limit=0)[0]
    assert every == wide_store.run_query(BY_EVENTS[name], values)
    # the answer reaches past the first run, so that a page of it joins several
    keys = [row["id"] for row in wide_store.run_query(KEYS[query.window], {})]
    assert keys.index(every[-1][query.returns[0]]) >= FIRST_RUN[query.window]
    for limit in (1, 2, len(every) // 2, len(every) - 1, len(every), len(every) + 5):
        assert catalog.run_bound(wide_store, query, values, limit) == (every[:limit], len(every) > limit), limit


def test_a_window_header_says_what_its_runs_are_made_of(tmp_path: Path) -> None:
    path = tmp_path / "busiest.cypher"
    head = "// name: busiest\n// description: d\n// params: none\n// returns: n\n"
    path.write_text(head + "// window: $window (runs of planets)\nMATCH (a:Actor) RETURN a.id AS n ORDER BY n\n")
    with pytest.raises(QueryError, match=r"busiest.cypher: write its window header as '// window: \$window \(runs "
                                         r"of KIND \.\.\.\)', KIND one of actors, months$"):
        catalog.parse_query_file(path)
    path.write_text(head + "// window: $window (runs of months, in order)\nMATCH (m:Month) RETURN m.id AS n "
                    "ORDER BY n\n")
    assert catalog.parse_query_file(path).window == "months"
    assert doctest.testmod(windows).failed == 0


def test_a_limit_gives_the_first_rows_and_says_there_are_more(dense_store: EmbeddedStore) -> None:
    every = catalog.run(dense_store, "sign-changes", {})
    assert catalog.run_page(dense_store, "sign-changes", {}, limit=3) == (every[:3], True)
    assert catalog.run_page(dense_store, "sign-changes", {}, limit=161) == (every, False)
    assert catalog.run_page(dense_store, "sign-changes", {}, limit=0) == (every, False)
    assert catalog.run(dense_store, "sign-changes", {}, limit=5) == every[:5]
    with pytest.raises(QueryError, match="a row limit is a number of rows, 0 for all, not -1"):
        catalog.run_page(dense_store, "sign-changes", {}, limit=-1)


def test_ckg_query_shows_a_thousand_rows_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    with EmbeddedStore(path) as store:
        store.ingest_many(synthetic_documents(1500, 12, 75))
        every = catalog.run(store, "most-active-by-month", {})
    runner = CliRunner()

    def rows(*args: str) -> tuple[int, str]:
        result = runner.invoke(cli, ["--graph", str(path), "query", "most-active-by-month", "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return len(json.loads(result.stdout)), result.stderr

    assert len(every) == 495
    assert rows() == (495, "")
    assert rows("--limit", "2") == (2, "2 rows shown of more; --limit 0 for all\n")
    assert rows("--limit", "495") == (495, "")
    assert rows("--limit", "0") == (495, "")
    bad = runner.invoke(cli, ["--graph", str(path), "query", "denials", "--limit", "-1"])
    assert bad.exit_code == 2 and "-1 is not in the range x>=0" in bad.output


@pytest.mark.neo4j
def test_neo4j_answers_the_same_and_keeps_the_effective_dates(neo4j_clean: str, dense_store: EmbeddedStore) -> None:
    with Neo4jStore(neo4j_clean) as neo:
        neo.ingest_many(dense())
        for name in sorted(BY_EVENTS):
            by_events, by_catalog = _by_events_and_by_catalog(neo, name)
            assert by_catalog == by_events == _by_events_and_by_catalog(dense_store, name)[1], name
        assert catalog.run_page(neo, "denials", {}, limit=4) == catalog.run_page(dense_store, "denials", {}, limit=4)
        dated = "MATCH (e:Event) RETURN e.id AS id, e.effective_date AS day ORDER BY id"
        assert neo.run_query(dated, {}) == dense_store.run_query(dated, {})


# What a store keeps beside the graph model for its questions: each event's effective date, target and
# document ids and month, each document's origin and count of events, each summary's days.
KEPT = ["MATCH (e:Event) RETURN e.id AS id, e.date AS date, e.effective_date AS effective, e.target_id AS target, "
        "e.document_id AS document ORDER BY id",
        "MATCH (e:Event)-[:IN_MONTH]->(m:Month) RETURN e.id AS id, m.id AS month ORDER BY id",
        "MATCH (d:Document) RETURN d.id AS id, d.origin AS origin, d.events AS events ORDER BY id",
        "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS source, type(r) AS predicate, b.id AS target, r.days AS days "
        "ORDER BY source, predicate, target"]


def _kept(store: Store) -> list[list[dict]]:
    return [store.run_query(text, {}) for text in KEPT]


@pytest.mark.neo4j
def test_neo4j_keeps_up_as_documents_change_and_go(neo4j_clean: str, tmp_path: Path) -> None:
    with Neo4jStore(neo4j_clean) as neo, EmbeddedStore(tmp_path / "graph.db") as store:
        _revise(neo)
        _revise(store)
        for name in KEPT_UP:
            by_events, by_catalog = _by_events_and_by_catalog(neo, name)
            assert by_catalog == by_events == _by_events_and_by_catalog(store, name)[1], name


@pytest.mark.neo4j
def test_a_neo4j_graph_from_before_gets_what_a_store_keeps_once(neo4j_clean: str, tmp_path: Path) -> None:
    with Neo4jStore(neo4j_clean) as neo:
        neo.ingest_many(both_documents())
        expected = _kept(neo)
    with GraphDatabase.driver(neo4j_clean, auth=None) as driver:  # as a graph written before them
        driver.execute_query("MATCH (e:Event) REMOVE e.effective_date, e.target_id, e.document_id")
        driver.execute_query("MATCH (d:Document) REMOVE d.origin, d.events")
        driver.execute_query("MATCH (m:Month) DETACH DELETE m")
        driver.execute_query("MATCH (:Actor)-[r]->(:Actor) REMOVE r.days")
        driver.execute_query("DROP INDEX event_document_id")
    with Neo4jStore(neo4j_clean) as neo:
        assert _kept(neo) == expected
    with EmbeddedStore(tmp_path / "graph.db") as store:
        store.ingest_many(both_documents())
        assert _kept(store) == expected
    assert len(expected[1]) == len(expected[0]) > 0 and expected[2][0]["events"] > 0 and expected[3][0]["days"]


EFFECTIVE = "MATCH (e:Event) RETURN e.date AS date, e.effective_date AS effective ORDER BY e.id"


def test_each_event_keeps_its_date_else_its_documents_as_its_effective_date(tmp_path: Path) -> None:
    # the aid request's denial has no date of its own: it takes the publication date of its document
    with EmbeddedStore(tmp_path / "graph.db") as store:
        store.ingest(aid_request())
        rows = store.run_query(EFFECTIVE, {})
    published = aid_request().published
    assert rows == [{"date": d, "effective": d or published} for d in [r["date"] for r in rows]]
    assert {"date": None, "effective": published} in rows and published == "2019-12-26"


def test_an_older_store_gets_what_a_store_keeps_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with EmbeddedStore(path) as store:
        store.ingest_many(both_documents())
        expected = _kept(store)
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for text in ("DROP TABLE IN_MONTH", "DROP TABLE Month", "ALTER TABLE Event DROP effective_date",
                 "ALTER TABLE Event DROP target_id", "ALTER TABLE Event DROP document_id",
                 "ALTER TABLE Document DROP origin", "ALTER TABLE Document DROP events",
                 *(f"ALTER TABLE {p} DROP days" for p in PREDICATES)):
        conn.execute(text)  # as a store made before them
    conn.close()
    db.close()
    with pytest.raises(StoreError, match=r"was written by an earlier version of conflict-kg; run ckg ingest on it"):
        EmbeddedStore(path, read_only=True)
    with EmbeddedStore(path) as store:
        assert _kept(store) == expected
    with EmbeddedStore(path, read_only=True) as store:
        assert _kept(store) == expected
    assert len(expected[1]) == len(expected[0]) > 0 and expected[2][0]["events"] > 0 and expected[3][0]["days"]
