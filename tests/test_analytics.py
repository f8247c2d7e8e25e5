"""graph.analytics against a hand-built Libya snapshot whose answers are worked out by hand below."""

from __future__ import annotations

import doctest

import pytest

import graph.analytics as analytics
from graph.analytics import (
    COOPERATIVE,
    HOSTILE,
    NEUTRAL,
    actor_graph,
    blocs,
    centrality,
    signed_graph,
    structural_balance,
)
from graph.model import GraphSnapshot
from ontology.errors import CkgError, QueryError
from ontology.vocabulary import PREDICATES

# (source, predicate, target[, modality]); ids ev01.. in this order.
EVENTS = [
    ("GNA", "REQUESTS_AID_FROM", "TUR"),       # ev01  GNA-TUR +
    ("TUR", "SUPPORTS", "GNA"),                # ev02  GNA-TUR +   -> net +2
    ("LNA", "ATTACKS", "GNA"),                 # ev03  GNA-LNA -
    ("GNA", "CONDEMNS", "LNA"),                # ev04  GNA-LNA -   -> net -2
    ("EGY", "SUPPORTS", "LNA"),                # ev05  EGY-LNA +
    ("UAE", "SUPPORTS", "LNA"),                # ev06  LNA-UAE +
    ("TUR", "CONDEMNS", "EGY"),                # ev07  EGY-TUR -
    ("EGY", "CONSULTS", "UAE"),                # ev08  EGY-UAE + (symmetric)
    ("TUR", "THREATENS", "LNA"),               # ev09  LNA-TUR -
    ("RUS", "SUPPORTS", "LNA"),                # ev10  LNA-RUS +
    ("RUS", "SUPPORTS", "LNA"),                # ev11  LNA-RUS +   -> net +2
    ("RUS", "CONSULTS", "TUR"),                # ev12  RUS-TUR +
    ("UN", "APPEALS_TO", "GNA"),               # ev13  neutral: no sign
    ("UN", "CONDEMNS", "LNA"),                 # ev14  LNA-UN -
    ("UN", "CONSULTS", "LNA"),                 # ev15  LNA-UN +    -> tie, dropped
    ("QAT", "CONDEMNS", "SAU"),                # ev16  QAT-SAU -   (a component of its own)
    ("EGY", "ATTACKS", "TUR", "negated"),      # ev17  a denial: not counted
    ("TUR", "DEPLOYS_TO", "GNA"),              # ev18  neutral: no sign
]
ACTORS = ["EGY", "GNA", "HOR", "LNA", "QAT", "RUS", "SAU", "TUR", "UAE", "UN"]  # HOR takes part in nothing


def _ev(eid: str, source: str, predicate: str, target: str) -> dict:
    return {"id": eid, "source": source, "predicate": predicate, "target": target, "modality": "asserted"}


def _snapshot() -> GraphSnapshot:
    events = []
    for i, (source, predicate, target, *modality) in enumerate(EVENTS, start=1):
        events.append({
            "id": f"ev{i:02d}", "source": source, "predicate": predicate, "target": target,
            "modality": modality[0] if modality else "asserted", "date": f"2019-12-{i:02d}",
            "cameo": "", "plover": "", "confidence": 1.0, "sentence": "", "start": 0, "end": 0,
            "document": "doc1",
        })
    actors = [
        {"id": a, "type": "State", "name": a, "name_ar": None, "aliases": [], "wikidata": None, "cameo": None}
        for a in ACTORS
    ]
    return GraphSnapshot(actors=actors, documents=[], events=events)


def test_sign_table_covers_exactly_the_ontology_predicates():
    assert set(PREDICATES) == COOPERATIVE | HOSTILE | NEUTRAL
    assert not (COOPERATIVE & HOSTILE or COOPERATIVE & NEUTRAL or HOSTILE & NEUTRAL)


def test_actor_graph_aggregates_events_per_pair_and_predicate():
    g = actor_graph(_snapshot())
    assert sorted(g.nodes) == ACTORS
    assert g.number_of_edges() == 16  # 17 asserted events, ev10 and ev11 share one edge
    rus_lna = g.edges["RUS", "LNA", "SUPPORTS"]
    assert (rus_lna["weight"], rus_lna["events"]) == (2, ["ev10", "ev11"])
    assert (rus_lna["first"], rus_lna["last"]) == ("2019-12-10", "2019-12-11")
    assert g.edges["RUS", "TUR", "CONSULTS"]["symmetric"] is True
    assert not g.has_edge("EGY", "TUR")


def test_actor_graph_filters_predicates_and_modalities():
    g = actor_graph(_snapshot(), predicates=["ATTACKS"], modalities=None)
    assert sorted(g.edges(keys=True)) == [("EGY", "TUR", "ATTACKS"), ("LNA", "GNA", "ATTACKS")]
    g = actor_graph(_snapshot(), modalities=["negated"])
    assert sorted(g.edges(keys=True)) == [("EGY", "TUR", "ATTACKS")]


def test_unknown_predicate_or_modality_or_measure_is_refused():
    with pytest.raises(CkgError, match="unknown predicate 'HELPS'"):
        actor_graph(_snapshot(), predicates=["HELPS"])
    with pytest.raises(QueryError, match="unknown modality denied"):
        actor_graph(_snapshot(), modalities=["denied"])
    with pytest.raises(QueryError, match="use one of pagerank, degree"):
        centrality(_snapshot(), "betweenness")


def test_degree_centrality_counts_asserted_events():
    assert centrality(_snapshot(), "degree") == [
        ("LNA", 9.0), ("GNA", 6.0), ("TUR", 6.0), ("EGY", 3.0), ("RUS", 3.0), ("UN", 3.0),
        ("UAE", 2.0), ("QAT", 1.0), ("SAU", 1.0), ("HOR", 0.0),
    ]


def test_pagerank_order():
    ranked = centrality(_snapshot())
    assert [actor for actor, _ in ranked] == [
        "LNA", "GNA", "UN", "TUR", "EGY", "UAE", "RUS", "SAU", "HOR", "QAT",
    ]
    assert sum(score for _, score in ranked) == pytest.approx(1.0)


def test_pagerank_matches_the_closed_form():
    # A->C, B->C, C dangling, n=3, d=0.85: a = 0.05 + d*c/3 and c = a + 2*d*a, so
    # a = 0.05 / (1 - d*(1 + 2d)/3) and c = a*(1 + 2d).
    snap = GraphSnapshot(events=[
        {"id": "1", "source": "A", "predicate": "SUPPORTS", "target": "C", "modality": "asserted"},
        {"id": "2", "source": "B", "predicate": "SUPPORTS", "target": "C", "modality": "asserted"},
    ])
    d = 0.85
    a = 0.05 / (1 - d * (1 + 2 * d) / 3)
    scores = dict(centrality(snap))
    assert scores["A"] == pytest.approx(a, abs=1e-9)
    assert scores["B"] == pytest.approx(a, abs=1e-9)
    assert scores["C"] == pytest.approx(a * (1 + 2 * d), abs=1e-9)


def test_signed_graph_net_signs():
    # Talks (CONSULTS) and appeals make no ally: EGY-UAE and RUS-TUR have no signed edge, and the UN's
    # talks with the LNA do not offset its condemnation.
    g = signed_graph(_snapshot())
    assert sorted((*sorted((u, v)), s["sign"], s["weight"]) for u, v, s in g.edges(data=True)) == [
        ("EGY", "LNA", 1, 1), ("EGY", "TUR", -1, 1), ("GNA", "LNA", -1, 2), ("GNA", "TUR", 1, 2),
        ("LNA", "RUS", 1, 2), ("LNA", "TUR", -1, 1), ("LNA", "UAE", 1, 1), ("LNA", "UN", -1, 1),
        ("QAT", "SAU", -1, 1),
    ]
    assert "HOR" not in g  # takes part in nothing


def test_blocs():
    # The UN only condemns the LNA, so it joins no camp; Qatar and Saudi Arabia only quarrel.
    assert blocs(_snapshot()) == [{"EGY", "LNA", "RUS", "UAE"}, {"GNA", "TUR"}, {"QAT"}, {"SAU"}, {"UN"}]


def test_structural_balance():
    report = structural_balance(_snapshot())
    assert (report.balanced, report.unbalanced, report.triangles) == (2, 0, 2)  # EGY-LNA-TUR, GNA-LNA-TUR
    assert report.ratio == 1.0
    snap = GraphSnapshot(events=[_ev("1", "A", "SUPPORTS", "B"), _ev("2", "B", "SUPPORTS", "C"),
                                 _ev("3", "C", "ATTACKS", "A"), _ev("4", "C", "FIGHTS", "D"),
                                 _ev("5", "D", "THREATENS", "B")])
    report = structural_balance(snap)
    assert report.to_json() == {
        "triangles": 2, "balanced": 1, "unbalanced": 1, "ratio": 0.5,
        "unbalanced_triangles": [["A", "B", "C"]],
    }


def test_no_triangle_gives_no_ratio():
    snap = GraphSnapshot(events=[
        {"id": "1", "source": "A", "predicate": "ATTACKS", "target": "B", "modality": "asserted"},
    ])
    report = structural_balance(snap)
    assert (report.balanced, report.unbalanced, report.ratio) == (0, 0, None)


def test_docstring_examples_run():
    result = doctest.testmod(analytics)
    assert result.attempted >= 10
    assert result.failed == 0
