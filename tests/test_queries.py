"""The query catalog: headers, exact rows on the embedded store, the same rows on Neo4j, and the
messages for wrong parameters."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from factories import (
    S_ATTACK,
    S_BACKING,
    S_CLASH,
    S_DENIAL,
    S_DEPLOY,
    S_EGYPT,
    S_OFFER,
    S_REQUEST,
    S_TURKEY,
    S_US_DENIAL,
    SUMMARIES_BOTH,
    aid_request,
    both_documents,
    tripoli_clashes,
)

from graph.embedded import EmbeddedStore
from graph.model import event_id
from graph.neo4j_store import Neo4jStore
from ontology.errors import QueryError
from ontology.records import DocumentRecord
from queries import get_query, list_queries, run
from queries.catalog import QUERY_DIR, parse_query_file

GNA, LNA = "Government of National Accord", "Libyan National Army"


def ev(doc: DocumentRecord, source: str, predicate: str, target: str, sentence: str) -> str:
    """The id of the factory relation with these ends and this sentence."""
    (relation,) = [r for r in doc.relations if (r.source, r.predicate, r.target, r.evidence.sentence)
                   == (source, predicate, target, sentence)]
    return event_id(doc.id, relation)


def ordered(rows: list[dict[str, Any]], *columns: str) -> list[dict[str, Any]]:
    """Rows in the order the query's ORDER BY promises (event ids are digests, so ties are computed)."""
    return sorted(rows, key=lambda r: tuple(r[c] for c in columns))


D1, D2 = aid_request(), tripoli_clashes()

EXPECTED: dict[tuple[str, tuple[tuple[str, str], ...]], list[dict[str, Any]]] = {
    ("actors-by-type", ()): [
        {"type": "ArmedGroup", "id": "haftar_forces", "name": LNA, "name_ar": "الجيش الوطني الليبي", "wikidata": None},
        {"type": "Government", "id": "gna", "name": GNA, "name_ar": "حكومة الوفاق الوطني", "wikidata": None},
        {"type": "Person", "id": "sarraj", "name": "Fayez al-Sarraj", "name_ar": "فايز السراج", "wikidata": None},
        {"type": "State", "id": "algeria", "name": "Algeria", "name_ar": "الجزائر", "wikidata": "Q262"},
        {"type": "State", "id": "egypt", "name": "Egypt", "name_ar": "مصر", "wikidata": "Q79"},
        {"type": "State", "id": "turkey", "name": "Turkey", "name_ar": "تركيا", "wikidata": "Q43"},
        {"type": "State", "id": "usa", "name": "United States", "name_ar": "الولايات المتحدة", "wikidata": "Q30"},
    ],
    ("relations-of-actor", (("actor", "gna"),)): [
        {"predicate": "REQUESTS_AID_FROM", "target": "turkey", "target_name": "Turkey", "modality": "asserted",
         "date": "2019-12-26", "sentence": S_REQUEST, "event": ev(D1, "gna", "REQUESTS_AID_FROM", "turkey", S_REQUEST)},
        {"predicate": "REQUESTS_AID_FROM", "target": "usa", "target_name": "United States", "modality": "asserted",
         "date": "2019-12-26", "sentence": S_REQUEST, "event": ev(D1, "gna", "REQUESTS_AID_FROM", "usa", S_REQUEST)},
    ],
    ("relations-of-actor", (("actor", "turkey"),)): ordered([
        {"predicate": "DEPLOYS_TO", "target": "gna", "target_name": GNA, "modality": "conditional",
         "date": "2019-12-28", "sentence": S_DEPLOY, "event": ev(D2, "turkey", "DEPLOYS_TO", "gna", S_DEPLOY)},
        {"predicate": "OFFERS_SUPPORT", "target": "gna", "target_name": GNA, "modality": "intent",
         "date": "2019-12-26", "sentence": S_OFFER, "event": ev(D1, "turkey", "OFFERS_SUPPORT", "gna", S_OFFER)},
        {"predicate": "SUPPORTS", "target": "gna", "target_name": GNA, "modality": "asserted",
         "date": "2019-12-10", "sentence": S_BACKING, "event": ev(D1, "turkey", "SUPPORTS", "gna", S_BACKING)},
        {"predicate": "SUPPORTS", "target": "gna", "target_name": GNA, "modality": "asserted",
         "date": "2019-12-28", "sentence": S_TURKEY, "event": ev(D2, "turkey", "SUPPORTS", "gna", S_TURKEY)},
    ], "predicate", "target", "event"),
    # Turkey's offer is only an intention and the US denies its support: neither counts.
    ("supporters-of", (("actor", "gna"),)): [
        {"supporter": "turkey", "supporter_name": "Turkey", "supported": "gna", "supported_name": GNA,
         "predicate": "SUPPORTS", "events": 2},
        {"supporter": "usa", "supporter_name": "United States", "supported": "gna", "supported_name": GNA,
         "predicate": "OFFERS_SUPPORT", "events": 1},
    ],
    ("supporters-of", (("actor", "haftar_forces"),)): [
        {"supporter": "egypt", "supporter_name": "Egypt", "supported": "haftar_forces", "supported_name": LNA,
         "predicate": "SUPPORTS", "events": 1},
    ],
    ("denials", ()): [
        {"source": "algeria", "source_name": "Algeria", "predicate": "SUPPORTS", "target": "haftar_forces",
         "target_name": LNA, "date": None, "sentence": S_DENIAL, "document": "gna-aid-request",
         "event": ev(D1, "algeria", "SUPPORTS", "haftar_forces", S_DENIAL)},
        {"source": "usa", "source_name": "United States", "predicate": "SUPPORTS", "target": "gna",
         "target_name": GNA, "date": "2019-12-28", "sentence": S_US_DENIAL, "document": "tripoli-clashes",
         "event": ev(D2, "usa", "SUPPORTS", "gna", S_US_DENIAL)},
    ],
    ("events-by-predicate", (("predicate", "SUPPORTS"),)): ordered([
        {"source": "algeria", "source_name": "Algeria", "target": "haftar_forces", "target_name": LNA,
         "modality": "negated", "date": None, "sentence": S_DENIAL,
         "event": ev(D1, "algeria", "SUPPORTS", "haftar_forces", S_DENIAL)},
        {"source": "egypt", "source_name": "Egypt", "target": "haftar_forces", "target_name": LNA,
         "modality": "asserted", "date": "2019-12-28", "sentence": S_EGYPT,
         "event": ev(D2, "egypt", "SUPPORTS", "haftar_forces", S_EGYPT)},
        {"source": "turkey", "source_name": "Turkey", "target": "gna", "target_name": GNA,
         "modality": "asserted", "date": "2019-12-10", "sentence": S_BACKING,
         "event": ev(D1, "turkey", "SUPPORTS", "gna", S_BACKING)},
        {"source": "turkey", "source_name": "Turkey", "target": "gna", "target_name": GNA,
         "modality": "asserted", "date": "2019-12-28", "sentence": S_TURKEY,
         "event": ev(D2, "turkey", "SUPPORTS", "gna", S_TURKEY)},
        {"source": "usa", "source_name": "United States", "target": "gna", "target_name": GNA,
         "modality": "negated", "date": "2019-12-28", "sentence": S_US_DENIAL,
         "event": ev(D2, "usa", "SUPPORTS", "gna", S_US_DENIAL)},
    ], "source", "target", "event"),
    ("events-by-predicate", (("predicate", "SANCTIONS"),)): [],
    ("who-attacks-whom", ()): [
        {"attacker": "haftar_forces", "attacker_name": LNA, "predicate": "ATTACKS", "target": "gna",
         "target_name": GNA, "date": "2019-12-12", "sentence": S_ATTACK,
         "event": ev(D1, "haftar_forces", "ATTACKS", "gna", S_ATTACK)},
        {"attacker": "haftar_forces", "attacker_name": LNA, "predicate": "FIGHTS", "target": "gna",
         "target_name": GNA, "date": "2019-12-27", "sentence": S_CLASH,
         "event": ev(D2, "haftar_forces", "FIGHTS", "gna", S_CLASH)},
    ],
    ("summary-relations", ()): SUMMARIES_BOTH,
}

CASES = sorted(EXPECTED)


def case_id(case: tuple[str, tuple[tuple[str, str], ...]]) -> str:
    name, params = case
    return name + "".join(f"[{v}]" for _, v in params)


@pytest.fixture
def embedded(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "graph.db")
    store.ingest_many(both_documents())
    return store


CATALOG = ["actor-timeline", "actors-by-type", "aid-requests", "condemnations-by-organisations", "denials-and-claims",
           "denials", "edge-evidence", "events-by-predicate", "events-by-source", "foreign-states",
           "most-active-by-month", "relations-of-actor", "role-holders", "sign-changes", "summary-relations",
           "support-and-condemn", "supporters-of-enemies", "supporters-of", "who-attacks-whom"]
# A value for each parameter a catalog query takes.
SAMPLE = {"actor": "gna", "source": "turkey", "target": "gna", "predicate": "supports", "date": "2019-12-20",
          "led": "yes"}


def test_the_catalog_lists_its_questions() -> None:
    assert [q.name for q in list_queries()] == CATALOG
    assert {name for name, _ in EXPECTED} <= {q.name for q in list_queries()}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_each_header_matches_its_text(query) -> None:
    assert query.description
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("//"))
    used = set(re.findall(r"\$([A-Za-z_]\w*)", body))
    # A parameter is bound, or only shapes a derived value (led, and an actor widened to its group).
    shaping = {"led"} | {name for name in query.params if f"{name}_group" in query.derived}
    # A query read in runs binds $window, and $limit, the rows its page still needs (queries/windows.py).
    runs = {"window", "limit"} if query.window else set()
    assert ("window" in used) == bool(query.window)
    assert used <= set(query.params) | set(query.derived) | runs
    assert set(query.derived) <= used and set(query.params) <= used | shaping
    assert all(query.params.values()) and all(query.derived.values())  # every parameter says what it is
    clause = re.search(r"\bRETURN\b(?!.*\bRETURN\b)(.*?)\bORDER BY\b", body, re.DOTALL)
    assert clause is not None
    assert tuple(_column(item) for item in _items(clause.group(1))) == query.returns


def _items(clause: str) -> list[str]:
    """The items of a RETURN clause: its commas outside brackets and strings."""
    items, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(clause):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(clause[start:i])
            start = i + 1
    return [*items, clause[start:]]


def _column(item: str) -> str:
    alias = re.search(r"\bAS\s+(\w+)\s*$", item)
    return alias.group(1) if alias else item.strip()


def test_header_is_parsed_into_fields() -> None:
    query = get_query("relations-of-actor")
    assert (query.name, query.params, query.returns[:3]) == (
        "relations-of-actor", {"actor": "actor id or name"}, ("predicate", "target", "target_name"))
    assert query.path == QUERY_DIR / "relations-of-actor.cypher"
    assert get_query("denials").params == {}


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_exact_rows_on_the_embedded_store(embedded: EmbeddedStore, case) -> None:
    name, params = case
    rows = run(embedded, name, dict(params))
    assert rows == EXPECTED[case]
    assert all(tuple(row) == get_query(name).returns for row in rows)


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_an_empty_store_gives_no_rows(tmp_path: Path, query) -> None:
    params = {p: SAMPLE[p] for p in query.params}
    assert run(EmbeddedStore(tmp_path / "empty.db"), query.name, params) == []


@pytest.mark.neo4j
def test_the_same_rows_on_neo4j(neo4j_clean: str, embedded: EmbeddedStore) -> None:
    with Neo4jStore(neo4j_clean) as neo:
        neo.ingest_many(both_documents())
        for case in CASES:
            name, params = case
            rows = run(neo, name, dict(params))
            assert rows == EXPECTED[case] == run(embedded, name, dict(params)), case_id(case)
            assert all(tuple(row) == get_query(name).returns for row in rows)


def test_missing_parameter_says_which_p_to_add(embedded: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        run(embedded, "relations-of-actor", {})
    assert str(caught.value) == ("query 'relations-of-actor' needs parameter actor (actor id or name): "
                                 "add -p actor VALUE")


def test_unknown_parameter_says_which_p_to_remove(embedded: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        run(embedded, "denials", {"actor": "gna"})
    assert str(caught.value) == "query 'denials' takes no parameter actor (it takes none): remove -p actor"
    with pytest.raises(QueryError) as caught:
        run(embedded, "supporters-of", {"actr": "gna"})
    assert str(caught.value) == (
        "query 'supporters-of' needs parameter actor (actor id or name): add -p actor VALUE; "
        "takes no parameter actr (it takes: actor, led): remove -p actr")


def test_unknown_query_lists_the_catalog() -> None:
    with pytest.raises(QueryError) as caught:
        get_query("allies")
    assert str(caught.value) == f"unknown query 'allies'; the catalog has: {', '.join(CATALOG)}"


def test_a_header_without_fields_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.cypher"
    path.write_text("// name: broken\nMATCH (a:Actor) RETURN a.id\n", encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        parse_query_file(path)
    assert str(caught.value) == (
        f"{path}: the header lacks description, params, returns; open the file with "
        "'// name: ...' '// description: ...' '// params: ...' '// returns: ...'")


def test_a_header_naming_another_query_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.cypher"
    path.write_text("// name: yours\n// description: d\n// params: none\n// returns: id\nMATCH (a) RETURN a.id\n",
                    encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        parse_query_file(path)
    assert str(caught.value) == f"{path}: the header names it 'yours'; name it 'mine' like its file"
