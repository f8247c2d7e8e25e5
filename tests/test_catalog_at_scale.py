"""What keeps the catalog fast on large graphs without changing its answers: the row limit of `ckg query`,
the questions about pairs read from the summary relationships, sign-changes in two passes, and the
effective date kept on each event; on both stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
from ontology.errors import QueryError
from queries import catalog
from queries.params import used_names

# The catalog's earlier text of the questions now read from summaries or in two passes: each reads every
# event it counts. The present queries must give their rows.
BY_EVENTS = {
    "denials-and-claims": """
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
MATCH (e)-[:REPORTED_IN]->(d:Document)
WHERE e.modality = "negated"
OPTIONAL MATCH (s)<-[:SOURCE]-(c:Event)-[:TARGET]->(t)
WHERE c.predicate = e.predicate AND c.modality = "asserted"
WITH s, t, e, d, COUNT(c.id) AS asserted_elsewhere
OPTIONAL MATCH (s)<-[:TARGET]-(x:Event)
WHERE x.predicate = "ACCUSES" AND x.modality = "asserted"
RETURN s.id AS denier, s.name AS denier_name, e.predicate AS denies, t.id AS target, t.name AS target_name,
       e.date AS date, d.id AS document, asserted_elsewhere, COUNT(x.id) AS accusations, e.id AS event
ORDER BY denier, denies, target, event""",
    "foreign-states": """
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(t:Actor)
WHERE s.type = "State" AND s.id <> $home AND e.modality = "asserted"
  AND NOT t.type IN ["State", "InternationalOrganization", "Location"] AND NOT t.id STARTS WITH (s.id + "/")
  AND e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "DEPLOYS_TO", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH",
                      "ATTACKS", "FIGHTS", "CONDEMNS", "SANCTIONS", "THREATENS"]
WITH s, t, e,
     CASE WHEN e.predicate IN ["ATTACKS", "FIGHTS", "CONDEMNS", "SANCTIONS", "THREATENS"] THEN "against"
          ELSE "with" END AS side
RETURN s.id AS state, s.name AS state_name, side, t.id AS party, t.name AS party_name, COUNT(e.id) AS events,
       MIN(e.date) AS first, MAX(e.date) AS last
ORDER BY state, side, party""",
    "support-and-condemn": """
MATCH (s:Actor)<-[:SOURCE]-(p:Event)-[:TARGET]->(t:Actor)
WHERE p.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND p.modality = "asserted"
WITH s, t, COUNT(p.id) AS supports, MIN(p.date) AS first_support
MATCH (s)<-[:SOURCE]-(c:Event)-[:TARGET]->(t)
WHERE c.predicate IN ["CONDEMNS", "ACCUSES"] AND c.modality = "asserted"
RETURN s.id AS actor, s.name AS actor_name, t.id AS party, t.name AS party_name, supports,
       COUNT(c.id) AS condemns, first_support, MIN(c.date) AS first_condemnation
ORDER BY actor, party""",
    "supporters-of-enemies": """
MATCH (a:Actor)<-[:SOURCE|TARGET]-(h:Event)-[:SOURCE|TARGET]->(x:Actor)
WHERE a.id IN $actor_group AND NOT x.id IN $actor_group
  AND h.predicate IN ["ATTACKS", "FIGHTS"] AND h.modality = "asserted"
WITH DISTINCT x
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(x)
WHERE e.predicate IN ["SUPPORTS", "OFFERS_SUPPORT"] AND e.modality = "asserted" AND NOT s.id IN $actor_group
RETURN x.id AS enemy, x.name AS enemy_name, s.id AS supporter, s.name AS supporter_name, e.predicate AS predicate,
       COUNT(e.id) AS events
ORDER BY enemy, supporter, predicate""",
    "most-active-by-month": """
MATCH (s:Actor)<-[:SOURCE]-(e:Event)-[:REPORTED_IN]->(d:Document)
WITH left(coalesce(e.date, d.published), 7) AS month, s, e
WHERE month IS NOT NULL
RETURN month, s.id AS actor, s.name AS actor_name, COUNT(e.id) AS events,
       COUNT(CASE WHEN e.modality = "asserted" THEN e.id END) AS asserted
ORDER BY month, events DESC, actor""",
    "sign-changes": """
MATCH (s:Actor)<-[:SOURCE]-(a:Event)-[:TARGET]->(t:Actor)
MATCH (s)<-[:SOURCE]-(b:Event)-[:TARGET]->(t)
MATCH (a)-[:REPORTED_IN]->(da:Document)
MATCH (b)-[:REPORTED_IN]->(db:Document)
WHERE a.modality = "asserted" AND b.modality = "asserted"
WITH s, t, a, b, coalesce(a.date, da.published) AS a_date, coalesce(b.date, db.published) AS b_date,
     a.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH"] AS a_friendly,
     b.predicate IN ["SUPPORTS", "OFFERS_SUPPORT", "COOPERATES_WITH", "SIGNS_AGREEMENT_WITH"] AS b_friendly,
     a.predicate IN ["CONDEMNS", "ACCUSES", "THREATENS", "SANCTIONS", "ATTACKS", "FIGHTS"] AS a_hostile,
     b.predicate IN ["CONDEMNS", "ACCUSES", "THREATENS", "SANCTIONS", "ATTACKS", "FIGHTS"] AS b_hostile
WHERE a_date < b_date AND ((a_friendly AND b_hostile) OR (a_hostile AND b_friendly))
WITH s, t, a, b, a_date, b_date,
     CASE WHEN a_friendly THEN "support to hostility" ELSE "hostility to support" END AS change
RETURN s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name, change,
       MIN(a_date) AS earlier, MAX(b_date) AS later, COUNT(DISTINCT a.id) AS events_before,
       COUNT(DISTINCT b.id) AS events_after
ORDER BY source, target, change""",
}
# Rows of each question on the dense graph below, so that an empty answer cannot pass.
DENSE_ROWS = {"denials-and-claims": 99, "foreign-states": 23, "support-and-condemn": 43,
              "supporters-of-enemies": 70, "most-active-by-month": 495, "sign-changes": 161}
DERIVED = {"home": "actor-000003", "actor_group": ["actor-000007", "actor-000008"]}


def dense() -> Iterator:
    """1,500 events among 12 actors: every pair has events of many predicates, dates and modalities."""
    return synthetic_documents(1500, 12, 75)


def _by_events_and_by_catalog(store: Store, name: str) -> tuple[list, list]:
    old, new = BY_EVENTS[name], catalog.get_query(name).text
    return (store.run_query(old, {k: v for k, v in DERIVED.items() if k in used_names(old)}),
            store.run_query(new, {k: v for k, v in DERIVED.items() if k in used_names(new)}))


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


@pytest.mark.neo4j
def test_a_neo4j_graph_from_before_effective_dates_gets_them_once(neo4j_clean: str) -> None:
    with Neo4jStore(neo4j_clean) as neo:
        neo.ingest_many(both_documents())
    with GraphDatabase.driver(neo4j_clean, auth=None) as driver:
        driver.execute_query("MATCH (e:Event) REMOVE e.effective_date")
        driver.execute_query("DROP INDEX event_effective_date")
    dated = "MATCH (e:Event {id: $id}) RETURN e.date AS date, e.effective_date AS day"
    undated = [r.date for r in aid_request().relations].index(None)
    from graph.model import event_id

    with Neo4jStore(neo4j_clean) as neo:
        rows = neo.run_query(dated, {"id": event_id("gna-aid-request", aid_request().relations[undated])})
        every = neo.run_query("MATCH (e:Event) WHERE e.effective_date IS NULL RETURN count(e) AS n", {})
    assert rows == [{"date": None, "day": "2019-12-26"}]
    assert every == [{"n": 0}]


EFFECTIVE = "MATCH (e:Event) RETURN e.date AS date, e.effective_date AS effective ORDER BY e.id"


def test_each_event_keeps_its_date_else_its_documents_as_its_effective_date(tmp_path: Path) -> None:
    # the aid request's denial has no date of its own: it takes the publication date of its document
    with EmbeddedStore(tmp_path / "graph.db") as store:
        store.ingest(aid_request())
        rows = store.run_query(EFFECTIVE, {})
    published = aid_request().published
    assert rows == [{"date": d, "effective": d or published} for d in [r["date"] for r in rows]]
    assert {"date": None, "effective": published} in rows and published == "2019-12-26"


def test_an_older_store_gets_the_effective_dates_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with EmbeddedStore(path) as store:
        store.ingest(aid_request())
        expected = store.run_query(EFFECTIVE, {})
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("ALTER TABLE Event DROP effective_date")  # as a store made before the column was
    conn.close()
    db.close()
    with EmbeddedStore(path) as store:
        assert store.run_query(EFFECTIVE, {}) == expected
