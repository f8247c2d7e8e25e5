"""Network analytics of a graph snapshot with networkx: actor graph, centrality, signed graph, blocs, balance.

Each function takes a GraphSnapshot (what either store exports) and does one job. Events count only
in the modalities asked for (by default only what the text asserts: a denied attack is no attack).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.blocs import signed_partition
from graph.model import GraphSnapshot
from ontology.errors import QueryError
from ontology.vocabulary import MODALITIES, PREDICATES, predicate_info

COOPERATIVE = frozenset({
    "REQUESTS_AID_FROM", "OFFERS_SUPPORT", "SUPPORTS", "COOPERATES_WITH", "CONSULTS",
    "SIGNS_AGREEMENT_WITH", "MEDIATES",
})
HOSTILE = frozenset({"CONDEMNS", "ACCUSES", "REJECTS", "THREATENS", "SANCTIONS", "ATTACKS", "FIGHTS", "PROTESTS",
                     "RIOTS"})
# Structural (LEADS, MEMBER_OF) and acts that say nothing of friend or foe (APPEALS_TO, DEPLOYS_TO).
NEUTRAL = frozenset({"LEADS", "MEMBER_OF", "APPEALS_TO", "DEPLOYS_TO"})
# What makes allies: support and cooperation. Talks, agreements and mediation are cooperative acts but
# join enemies as often as friends (a ceasefire is signed by two sides), so blocs and balance leave them out.
ALIGNING = frozenset({"REQUESTS_AID_FROM", "OFFERS_SUPPORT", "SUPPORTS", "COOPERATES_WITH"})

CENTRALITY_MEASURES = ("pagerank", "degree")


def predicate_sign(predicate: str) -> int:
    """+1 for a cooperative predicate, -1 for a hostile one, 0 for a neutral or structural one.

    >>> predicate_sign("SUPPORTS"), predicate_sign("ATTACKS"), predicate_sign("MEMBER_OF")
    (1, -1, 0)
    """
    predicate_info(predicate)  # an unknown name fails here, naming the known ones
    if predicate in COOPERATIVE:
        return 1
    if predicate in HOSTILE:
        return -1
    return 0


def alignment_sign(predicate: str) -> int:
    """+1 for support or cooperation, -1 for a hostile predicate, 0 for the rest (talks and agreements too).

    >>> alignment_sign("SUPPORTS"), alignment_sign("ATTACKS"), alignment_sign("SIGNS_AGREEMENT_WITH")
    (1, -1, 0)
    """
    return 1 if predicate in ALIGNING else min(0, predicate_sign(predicate))


def _check_modalities(modalities: Iterable[str] | None) -> frozenset[str] | None:
    if modalities is None:
        return None
    chosen = frozenset(modalities)
    unknown = sorted(chosen.difference(MODALITIES))
    if unknown:
        raise QueryError(f"unknown modality {', '.join(unknown)}; use one of {', '.join(MODALITIES)}")
    return chosen


def _selected_events(
    snap: GraphSnapshot, predicates: Iterable[str] | None, modalities: Iterable[str] | None
) -> list[dict[str, Any]]:
    wanted_predicates = None if predicates is None else frozenset(predicates)
    for predicate in wanted_predicates or ():
        predicate_info(predicate)
    wanted_modalities = _check_modalities(modalities)
    return [
        ev for ev in snap.events
        if (wanted_predicates is None or ev["predicate"] in wanted_predicates)
        and (wanted_modalities is None or ev.get("modality", "asserted") in wanted_modalities)
    ]


def actor_graph(
    snap: GraphSnapshot,
    predicates: Iterable[str] | None = None,
    modalities: Iterable[str] | None = ("asserted",),
) -> nx.MultiDiGraph:
    """Actors as nodes; one edge per (source, target, predicate), keyed by the predicate.

    Node attributes are the actor's (type, name, name_ar, ...); an event endpoint the snapshot has
    no actor row for still becomes a node. Edge attributes: ``predicate``, ``weight`` (number of
    events), ``events`` (their ids, sorted), ``first`` and ``last`` (dates, None when undated) and
    ``symmetric`` (the ontology's flag). ``predicates=None`` keeps every predicate;
    ``modalities=None`` keeps every modality.

    >>> from graph.model import GraphSnapshot
    >>> ev = lambda i, s, p, t, m="asserted": {"id": i, "source": s, "predicate": p, "target": t,
    ...                                        "modality": m, "date": "2019-12-2" + i}
    >>> snap = GraphSnapshot(events=[ev("1", "GNA", "REQUESTS_AID_FROM", "TUR"),
    ...                              ev("2", "GNA", "REQUESTS_AID_FROM", "TUR"),
    ...                              ev("3", "TUR", "SUPPORTS", "GNA", "negated")])
    >>> g = actor_graph(snap)
    >>> sorted(g.edges(keys=True, data="weight"))
    [('GNA', 'TUR', 'REQUESTS_AID_FROM', 2)]
    >>> g.edges["GNA", "TUR", "REQUESTS_AID_FROM"]["last"]
    '2019-12-22'
    """
    graph = nx.MultiDiGraph()
    for actor in snap.actors:
        graph.add_node(actor["id"], **{k: v for k, v in actor.items() if k != "id"})
    for ev in sorted(_selected_events(snap, predicates, modalities), key=lambda e: e["id"]):
        source, target, predicate = ev["source"], ev["target"], ev["predicate"]
        for node in (source, target):
            if node not in graph:
                graph.add_node(node)
        if not graph.has_edge(source, target, key=predicate):
            graph.add_edge(
                source, target, key=predicate, predicate=predicate, weight=0, events=[],
                first=None, last=None, symmetric=PREDICATES[predicate].symmetric,
            )
        data = graph.edges[source, target, predicate]
        data["weight"] += 1
        data["events"].append(ev["id"])
        date = ev.get("date")
        if date is not None:
            data["first"] = date if data["first"] is None else min(data["first"], date)
            data["last"] = date if data["last"] is None else max(data["last"], date)
    return graph


def _weighted_digraph(multi: nx.MultiDiGraph) -> nx.DiGraph:
    """Parallel edges summed; a symmetric predicate counts in both directions; self-loops dropped."""
    digraph = nx.DiGraph()
    digraph.add_nodes_from(multi.nodes)
    for source, target, data in multi.edges(data=True):
        if source == target:
            continue
        pairs = [(source, target), (target, source)] if data["symmetric"] else [(source, target)]
        for u, v in pairs:
            previous = digraph.get_edge_data(u, v, default={"weight": 0})["weight"]
            digraph.add_edge(u, v, weight=previous + data["weight"])
    return digraph


def _pagerank(digraph: nx.DiGraph, alpha: float = 0.85, tol: float = 1.0e-10) -> dict[str, float]:
    """Weighted PageRank by power iteration, as networkx defines it (a dangling node's rank spreads
    evenly), in plain Python: networkx's own needs numpy and scipy, heavy for graphs of this size."""
    nodes = sorted(digraph)
    n = len(nodes)
    rank = dict.fromkeys(nodes, 1.0 / n)
    out_weight = {u: sum(w for _, _, w in digraph.out_edges(u, data="weight")) for u in nodes}
    for _ in range(1000):
        dangling = alpha * sum(rank[u] for u in nodes if out_weight[u] == 0) / n
        nxt = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v, w in digraph.edges(data="weight"):
            nxt[v] += alpha * rank[u] * w / out_weight[u]
        delta = sum(abs(nxt[u] - rank[u]) for u in nodes)
        rank = nxt
        if delta < n * tol:
            break
    return rank


def centrality(
    snap: GraphSnapshot,
    measure: str = "pagerank",
    predicates: Iterable[str] | None = None,
    modalities: Iterable[str] | None = ("asserted",),
) -> list[tuple[str, float]]:
    """Every actor with its score, highest first (ties by id).

    ``degree``: the number of selected events the actor takes part in, as source or target.
    ``pagerank``: PageRank (alpha 0.85) on the actor graph weighted by event counts, parallel
    predicates summed and symmetric predicates (CONSULTS, FIGHTS, ...) counted both ways: it ranks
    the actors others act upon, weighted by how central those others are.

    >>> from graph.model import GraphSnapshot
    >>> ev = lambda i, s, p, t: {"id": i, "source": s, "predicate": p, "target": t, "modality": "asserted"}
    >>> snap = GraphSnapshot(events=[ev("1", "A", "SUPPORTS", "C"), ev("2", "B", "SUPPORTS", "C"),
    ...                              ev("3", "C", "CONSULTS", "D")])
    >>> centrality(snap, "degree")
    [('C', 3.0), ('A', 1.0), ('B', 1.0), ('D', 1.0)]
    >>> [actor for actor, _ in centrality(snap)]
    ['C', 'D', 'A', 'B']
    """
    if measure not in CENTRALITY_MEASURES:
        raise QueryError(f"unknown centrality measure {measure!r}; use one of {', '.join(CENTRALITY_MEASURES)}")
    multi = actor_graph(snap, predicates, modalities)
    if measure == "degree":
        scores = {node: float(degree) for node, degree in multi.degree(weight="weight")}
        # A self-loop is one event, not two.
        for node, _, data in nx.selfloop_edges(multi, data=True):
            scores[node] -= data["weight"]
    else:
        scores = _pagerank(_weighted_digraph(multi)) if len(multi) else {}
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def signed_graph(snap: GraphSnapshot, modalities: Iterable[str] | None = ("asserted",)) -> nx.Graph:
    """Undirected graph of actor pairs with the net sign of what they did to each other.

    Each selected event adds +1 (support or cooperation, ``alignment_sign``) or -1 (hostile) to its
    unordered pair; other predicates add nothing, nor do self-loops. A pair whose sum is zero is
    dropped. Edge attributes: ``sign`` (+1/-1), ``weight`` (absolute sum), ``positive`` and
    ``negative`` (event counts). Only actors with at least one signed edge are nodes.

    >>> from graph.model import GraphSnapshot
    >>> ev = lambda i, s, p, t: {"id": i, "source": s, "predicate": p, "target": t, "modality": "asserted"}
    >>> snap = GraphSnapshot(events=[ev("1", "A", "SUPPORTS", "B"), ev("2", "B", "COOPERATES_WITH", "A"),
    ...                              ev("3", "A", "CONDEMNS", "B"), ev("4", "C", "ATTACKS", "B"),
    ...                              ev("5", "C", "SUPPORTS", "D"), ev("6", "D", "ACCUSES", "C"),
    ...                              ev("7", "D", "MEMBER_OF", "A")])
    >>> sorted((u, v, s) for u, v, s in signed_graph(snap).edges(data="sign"))
    [('A', 'B', 1), ('B', 'C', -1)]
    """
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for ev in _selected_events(snap, None, modalities):
        sign = alignment_sign(ev["predicate"])
        if sign == 0 or ev["source"] == ev["target"]:
            continue
        pair = tuple(sorted((ev["source"], ev["target"])))
        counts[pair][0 if sign > 0 else 1] += 1
    graph = nx.Graph()
    for (u, v), (positive, negative) in sorted(counts.items()):
        net = positive - negative
        if net:
            graph.add_edge(u, v, sign=1 if net > 0 else -1, weight=abs(net),
                           positive=positive, negative=negative)
    return graph


def blocs(snap: GraphSnapshot, modalities: Iterable[str] | None = ("asserted",)) -> list[set[str]]:
    """Blocs of the signed graph: friends together, foes apart, with as many blocs as that takes.

    The partition that leaves the least weight frustrated (support across blocs, hostility inside
    one), found by graph.blocs.signed_partition: exact on a graph that splits with nothing frustrated,
    a local optimum otherwise. An actor whose ties are all hostile stands alone. Actors with no signed
    relation belong to no bloc. Blocs come largest first, ties by their smallest actor id.

    >>> from graph.model import GraphSnapshot
    >>> ev = lambda i, s, p, t: {"id": i, "source": s, "predicate": p, "target": t, "modality": "asserted"}
    >>> snap = GraphSnapshot(events=[ev("1", "A", "SUPPORTS", "B"), ev("2", "C", "ATTACKS", "A"),
    ...                              ev("3", "B", "CONDEMNS", "C"), ev("4", "D", "SUPPORTS", "C"),
    ...                              ev("5", "E", "ATTACKS", "A"), ev("6", "E", "FIGHTS", "D")])
    >>> [sorted(b) for b in blocs(snap)]
    [['A', 'B'], ['C', 'D'], ['E']]
    """
    return signed_partition(signed_graph(snap, modalities))


@dataclass
class BalanceReport:
    """Structural balance of the signed graph's triangles (a triangle is balanced when the product
    of its signs is positive: the friend of my friend is my friend, the enemy of my enemy too)."""

    balanced: int
    unbalanced: int
    unbalanced_triangles: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def triangles(self) -> int:
        return self.balanced + self.unbalanced

    @property
    def ratio(self) -> float | None:
        """Share of balanced triangles; None when there is no triangle to judge."""
        return self.balanced / self.triangles if self.triangles else None

    def to_json(self) -> dict[str, Any]:
        return {
            "triangles": self.triangles, "balanced": self.balanced, "unbalanced": self.unbalanced,
            "ratio": self.ratio, "unbalanced_triangles": [list(t) for t in self.unbalanced_triangles],
        }


def structural_balance(snap: GraphSnapshot, modalities: Iterable[str] | None = ("asserted",)) -> BalanceReport:
    """Count balanced and unbalanced triangles of the signed graph; list the unbalanced ones.

    Each triangle's actor ids are sorted, and so is the list.

    >>> from graph.model import GraphSnapshot
    >>> ev = lambda i, s, p, t: {"id": i, "source": s, "predicate": p, "target": t, "modality": "asserted"}
    >>> snap = GraphSnapshot(events=[ev("1", "A", "SUPPORTS", "B"), ev("2", "B", "SUPPORTS", "C"),
    ...                              ev("3", "C", "ATTACKS", "A"), ev("4", "C", "FIGHTS", "D"),
    ...                              ev("5", "D", "THREATENS", "B")])
    >>> report = structural_balance(snap)
    >>> report.balanced, report.unbalanced, report.unbalanced_triangles, report.ratio
    (1, 1, [('A', 'B', 'C')], 0.5)
    """
    graph = signed_graph(snap, modalities)
    balanced = 0
    unbalanced: list[tuple[str, str, str]] = []
    for u in sorted(graph):
        for v in sorted(n for n in graph[u] if n > u):
            for w in sorted(n for n in graph[v] if n > v and n in graph[u]):
                product = graph[u][v]["sign"] * graph[v][w]["sign"] * graph[u][w]["sign"]
                if product > 0:
                    balanced += 1
                else:
                    unbalanced.append((u, v, w))
    return BalanceReport(balanced=balanced, unbalanced=len(unbalanced), unbalanced_triangles=unbalanced)
