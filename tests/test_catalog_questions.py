"""The catalog's questions over three stories, answered exactly: on the embedded store, on Neo4j, and by
each query's SPARQL twin over the RDF export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from catalog_data import S_LNA_REQUEST, S_UN_CONDEMN, cairo_turn, gazetteer, three_documents
from factories import S_CLASH, S_CONDEMN, S_DENIAL, S_REQUEST, S_US_DENIAL, aid_request, tripoli_clashes

from graph.embedded import EmbeddedStore
from graph.model import event_id
from graph.neo4j_store import Neo4jStore
from graph.sparql import in_memory
from ontology.gazetteer import Gazetteer
from ontology.records import DocumentRecord
from queries import catalog
from queries import sparql as twins

GNA, LNA, TURKEY, EGYPT = "Government of National Accord", "Libyan National Army", "Turkey", "Egypt"
D1, D2, D3 = aid_request(), tripoli_clashes(), cairo_turn()


def ev(doc: DocumentRecord, source: str, predicate: str, target: str, sentence: str | None = None) -> str:
    (relation,) = [r for r in doc.relations if (r.source, r.predicate, r.target) == (source, predicate, target)
                   and sentence in (None, r.evidence.sentence)]
    return event_id(doc.id, relation)


def timeline(date: str, dated_by: str, role: str, doc: DocumentRecord, source: str, predicate: str, target: str,
             modality: str) -> dict[str, Any]:
    names = {"turkey": TURKEY, "egypt": EGYPT, "gna": GNA}
    return {"date": date, "dated_by": dated_by, "role": role, "source": source, "source_name": names[source],
            "predicate": predicate, "target": target, "target_name": names[target], "modality": modality,
            "document": doc.id, "event": ev(doc, source, predicate, target)}


def role(organisation: str, name: str, kind: str, holder: str, holder_name: str, title: str, since: str,
         until: str | None) -> dict[str, Any]:
    return {"organisation": organisation, "organisation_name": name, "role": kind, "holder": holder,
            "holder_name": holder_name, "title": title, "since": since, "until": until}


TURKEY_ROLES = [
    role("turkey", TURKEY, "LEADS", "erdogan", "Recep Tayyip Erdoğan", "President", "2014-08-28", None),
    role("turkey", TURKEY, "MEMBER_OF", "cavusoglu", "Mevlüt Çavuşoğlu", "Minister of Foreign Affairs",
         "2015-11-24", "2023-06-04"),
]

Case = tuple[str, tuple[tuple[str, str], ...]]
EXPECTED: dict[Case, list[dict[str, Any]]] = {
    ("aid-requests", ()): [
        {"requester": "gna", "requester_name": GNA, "provider": provider, "provider_name": name,
         "modality": "asserted", "date": "2019-12-26", "published": "2019-12-26", "document": D1.id,
         "sentence": S_REQUEST, "event": ev(D1, "gna", "REQUESTS_AID_FROM", provider)}
        for provider, name in (("turkey", TURKEY), ("usa", "United States"))
    ] + [
        {"requester": "haftar_forces", "requester_name": LNA, "provider": "egypt", "provider_name": EGYPT,
         "modality": "intent", "date": None, "published": "2019-12-30", "document": D3.id,
         "sentence": S_LNA_REQUEST, "event": ev(D3, "haftar_forces", "REQUESTS_AID_FROM", "egypt")},
    ],
    ("condemnations-by-organisations", ()): [
        {"organisation": "un", "organisation_name": "United Nations", "target": "haftar_forces", "target_name": LNA,
         "target_type": "ArmedGroup", "date": "2019-12-29", "document": D3.id, "sentence": S_UN_CONDEMN,
         "event": ev(D3, "un", "CONDEMNS", "haftar_forces")},
    ],
    # Egypt's condemnation of Turkey and support of it are between states; Turkey's offer is only an intention.
    ("foreign-states", ()): [
        {"state": "egypt", "state_name": EGYPT, "side": "with", "party": "haftar_forces", "party_name": LNA,
         "events": 1, "first": "2019-12-28", "last": "2019-12-28"},
        {"state": "turkey", "state_name": TURKEY, "side": "with", "party": "gna", "party_name": GNA,
         "events": 2, "first": "2019-12-10", "last": "2019-12-28"},
        {"state": "usa", "state_name": "United States", "side": "with", "party": "gna", "party_name": GNA,
         "events": 1, "first": "2019-12-28", "last": "2019-12-28"},
    ],
    # By a Turkish alias; the undated condemnation takes its document's date.
    ("actor-timeline", (("actor", "Türkiye"),)): [
        timeline("2019-12-02", "event", "target", D3, "egypt", "SUPPORTS", "turkey", "asserted"),
        timeline("2019-12-10", "event", "source", D1, "turkey", "SUPPORTS", "gna", "asserted"),
        *sorted([timeline("2019-12-26", "event", "source", D1, "turkey", "OFFERS_SUPPORT", "gna", "intent"),
                 timeline("2019-12-26", "event", "target", D1, "gna", "REQUESTS_AID_FROM", "turkey", "asserted")],
                key=lambda row: row["event"]),
        *sorted([timeline("2019-12-28", "event", "source", D2, "turkey", "SUPPORTS", "gna", "asserted"),
                 timeline("2019-12-28", "document", "target", D2, "egypt", "CONDEMNS", "turkey", "asserted"),
                 timeline("2019-12-28", "event", "source", D2, "turkey", "DEPLOYS_TO", "gna", "conditional")],
                key=lambda row: row["event"]),
    ],
    # FIGHTS is symmetric: asked from either end, the clash is found.
    ("edge-evidence", (("source", "gna"), ("predicate", "fights"), ("target", "LNA"))): [
        {"source": "haftar_forces", "target": "gna", "modality": "asserted", "date": "2019-12-27",
         "document": D2.id, "title": D2.title, "sentence": S_CLASH, "event": ev(D2, "haftar_forces", "FIGHTS", "gna")},
    ],
    ("supporters-of-enemies", (("actor", "حكومة الوفاق"),)): [
        {"enemy": "haftar_forces", "enemy_name": LNA, "supporter": "egypt", "supporter_name": EGYPT,
         "predicate": "SUPPORTS", "events": 1},
    ],
    ("support-and-condemn", ()): [
        {"actor": "egypt", "actor_name": EGYPT, "party": "turkey", "party_name": TURKEY, "supports": 1,
         "condemns": 1, "first_support": "2019-12-02", "first_condemnation": None},
    ],
    ("most-active-by-month", ()): [
        {"month": "2019-12", "actor": actor, "actor_name": name, "events": events, "asserted": asserted}
        for actor, name, events, asserted in (
            ("turkey", TURKEY, 4, 2), ("egypt", EGYPT, 3, 3), ("haftar_forces", LNA, 3, 2), ("gna", GNA, 2, 2),
            ("usa", "United States", 2, 1), ("algeria", "Algeria", 1, 0), ("sarraj", "Fayez al-Sarraj", 1, 1),
            ("turkey/military", "Turkish military", 1, 1), ("un", "United Nations", 1, 1))
    ],
    # Sarraj is in the graph and named from it; Erdoğan and Çavuşoğlu only in the gazetteer.
    ("role-holders", (("date", "2019-12-20"),)): [
        role("gna", GNA, "LEADS", "sarraj", "Fayez al-Sarraj", "Chairman of the Presidential Council",
             "2016-03-30", "2021-03-15"),
        *TURKEY_ROLES,
    ],
    ("role-holders", (("date", "2019-12-20"), ("actor", "تركيا"))): TURKEY_ROLES,
    ("role-holders", (("date", "2014-01-01"),)): [],
    ("denials-and-claims", ()): [
        {"denier": "algeria", "denier_name": "Algeria", "denies": "SUPPORTS", "target": "haftar_forces",
         "target_name": LNA, "date": None, "document": D1.id, "asserted_elsewhere": 0, "accusations": 0,
         "event": ev(D1, "algeria", "SUPPORTS", "haftar_forces", S_DENIAL)},
        {"denier": "usa", "denier_name": "United States", "denies": "SUPPORTS", "target": "gna", "target_name": GNA,
         "date": "2019-12-28", "document": D2.id, "asserted_elsewhere": 0, "accusations": 0,
         "event": ev(D2, "usa", "SUPPORTS", "gna", S_US_DENIAL)},
    ],
    # Egypt backed Turkey on 2 December and condemned it in a story of the 28th.
    ("sign-changes", ()): [
        {"source": "egypt", "source_name": EGYPT, "target": "turkey", "target_name": TURKEY,
         "change": "support to hostility", "earlier": "2019-12-02", "later": "2019-12-28", "events_before": 1,
         "events_after": 1},
    ],
    ("events-by-source", ()): [
        {"kind": "text", "lang": "ar", "documents": 1, "events": 7, "first": "2019-12-26", "last": "2019-12-26"},
        {"kind": "text", "lang": "en", "documents": 2, "events": 11, "first": "2019-12-28", "last": "2019-12-30"},
    ],
    # With led (the default), Turkey's minister and its composed forces are Turkey's too; Egypt backs Turkey.
    ("supporters-of", (("actor", "turkey"),)): [
        {"supporter": "egypt", "supporter_name": EGYPT, "supported": "turkey", "supported_name": TURKEY,
         "predicate": "SUPPORTS", "events": 1},
    ],
    ("events-by-predicate", (("predicate", "Condemns"),)): [
        {"source": "egypt", "source_name": EGYPT, "target": "turkey", "target_name": TURKEY, "modality": "asserted",
         "date": None, "sentence": S_CONDEMN, "event": ev(D2, "egypt", "CONDEMNS", "turkey")},
        {"source": "un", "source_name": "United Nations", "target": "haftar_forces", "target_name": LNA,
         "modality": "asserted", "date": "2019-12-29", "sentence": S_UN_CONDEMN,
         "event": ev(D3, "un", "CONDEMNS", "haftar_forces")},
    ],
}
CASES = sorted(EXPECTED)


def case_id(case: Case) -> str:
    return case[0] + "".join(f"[{v}]" for _, v in case[1])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[EmbeddedStore, Gazetteer]:
    directory = tmp_path_factory.mktemp("catalog")
    store = EmbeddedStore(directory / "graph.db")
    store.ingest_many(three_documents())
    return store, gazetteer(directory)


def test_every_new_question_has_a_case() -> None:
    assert {q.name for q in catalog.list_queries()} - {name for name, _ in EXPECTED} == {
        "actors-by-type", "denials", "relations-of-actor", "summary-relations", "who-attacks-whom"}


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_exact_rows_on_the_embedded_store(world: tuple[EmbeddedStore, Gazetteer], case: Case) -> None:
    store, gaz = world
    name, params = case
    rows = catalog.run(store, name, dict(params), gaz)
    assert rows == EXPECTED[case]
    assert all(tuple(row) == catalog.get_query(name).returns for row in rows)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_sparql_twin_gives_the_same_rows(world: tuple[EmbeddedStore, Gazetteer], case: Case) -> None:
    store, gaz = world
    name, params = case
    assert twins.run(in_memory(store), store, name, dict(params), gaz) == EXPECTED[case]


@pytest.mark.neo4j
def test_the_same_rows_on_neo4j(neo4j_clean: str, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    with Neo4jStore(neo4j_clean) as neo:
        neo.ingest_many(three_documents())
        for case in CASES:
            name, params = case
            assert catalog.run(neo, name, dict(params), gaz) == EXPECTED[case], case_id(case)
