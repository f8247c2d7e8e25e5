"""Blocs of a signed graph: the partition that leaves the least weight frustrated.

An edge is frustrated when it is positive between two blocs or negative inside one. Any number of
blocs may come out (correlation clustering), so two sworn enemies never have to share one: an actor
whose ties are all hostile stands alone rather than being pushed into a camp. Each connected part is
solved on its own. A part of up to EXACT_UP_TO actors is solved exactly, by trying every partition.
A larger one by a deterministic local search from three starts (the groups positive ties join, every
actor alone, all in one): single actors move to the bloc (or a bloc of their own) that lowers the
frustration most, and blocs whose ties are positive on balance merge, until nothing lowers it; the
best of the three is kept. A graph that splits with nothing frustrated (weakly balanced) gets that
split; otherwise the result of the search is a local optimum. Among partitions that frustrate as
much, the one that keeps the least hostility inside a bloc wins, so enemies are kept apart, then the
one with the most blocs: sharing an enemy alone makes no ally.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

EXACT_UP_TO = 8  # a connected part this small is solved by trying every partition


def frustration(graph: nx.Graph, bloc_of: dict[str, int]) -> int:
    """Weight of positive edges between blocs plus negative edges inside one (edge attributes
    ``sign`` and ``weight``)."""
    total = 0
    for u, v, data in graph.edges(data=True):
        same = bloc_of[u] == bloc_of[v]
        if same != (data["sign"] > 0):
            total += data["weight"]
    return total


def _signed_weight(graph: nx.Graph, u: str, v: str) -> int:
    data = graph[u][v]
    return data["weight"] if data["sign"] > 0 else -data["weight"]


def _pull(graph: nx.Graph, node: str, bloc_of: dict[str, int]) -> dict[int, int]:
    """For each bloc next to ``node``: the signed weight of its ties to that bloc's other members."""
    pull: dict[int, int] = defaultdict(int)
    for other in graph[node]:
        if other != node:
            pull[bloc_of[other]] += _signed_weight(graph, node, other)
    return pull


def _move_nodes(graph: nx.Graph, bloc_of: dict[str, int], fresh: list[int]) -> bool:
    """Move each node, in sorted order, to the bloc that lowers the frustration most; True if any moved.

    Leaving bloc A for bloc B lowers the frustration by pull[B] - pull[A] (a bloc of its own has pull 0)."""
    moved = False
    for node in sorted(graph):
        pull = _pull(graph, node, bloc_of)
        here = bloc_of[node]
        alone = sum(1 for b in bloc_of.values() if b == here) == 1
        best, best_gain = here, 0
        candidates = sorted(b for b in pull if b != here) + ([] if alone else [None])
        for bloc in candidates:
            gain = (pull.get(bloc, 0) if bloc is not None else 0) - pull.get(here, 0)
            if gain > best_gain:
                best, best_gain = bloc, gain
        if best is None:
            fresh[0] += 1
            best = fresh[0]
        if best != here:
            bloc_of[node] = best
            moved = True
    return moved


def _merge_blocs(graph: nx.Graph, bloc_of: dict[str, int]) -> bool:
    """Merge the pair of blocs whose ties are the most positive on balance, if any is; True if merged."""
    between: dict[tuple[int, int], int] = defaultdict(int)
    for u, v in graph.edges():
        a, b = sorted((bloc_of[u], bloc_of[v]))
        if a != b:
            between[(a, b)] += _signed_weight(graph, u, v)
    best = max(sorted(between), key=lambda pair: between[pair], default=None)
    if best is None or between[best] <= 0:
        return False
    keep, gone = best
    for node, bloc in bloc_of.items():
        if bloc == gone:
            bloc_of[node] = keep
    return True


def signed_partition(graph: nx.Graph) -> list[set[str]]:
    """Blocs of a signed graph (edge attributes ``sign`` +1/-1 and ``weight`` > 0), largest first,
    ties by their smallest member; every node is in exactly one.

    >>> g = nx.Graph()
    >>> g.add_edge("A", "B", sign=1, weight=1); g.add_edge("C", "D", sign=1, weight=1)
    >>> g.add_edge("A", "C", sign=-1, weight=1); g.add_edge("B", "E", sign=-1, weight=1)
    >>> g.add_edge("D", "E", sign=-1, weight=1)
    >>> [sorted(b) for b in signed_partition(g)]
    [['A', 'B'], ['C', 'D'], ['E']]
    """
    found: list[set[str]] = []
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        if len(sub) <= EXACT_UP_TO:
            candidates: Iterable[dict[str, int]] = (
                {node: number for number, bloc in enumerate(p) for node in bloc} for p in _partitions(sorted(sub)))
        else:
            candidates = (_improve(sub, start) for start in _starts(sub))
        best = min(candidates, key=lambda bloc_of: _cost(sub, bloc_of))
        members: dict[int, set[str]] = defaultdict(set)
        for node, bloc in best.items():
            members[bloc].add(node)
        found.extend(members.values())
    return sorted(found, key=lambda b: (-len(b), min(b)))


def _cost(graph: nx.Graph, bloc_of: dict[str, int]) -> tuple[int, int, int, list[list[str]]]:
    """Frustration first; among equals, the least hostility kept inside a bloc (enemies apart rather
    than friends), then the most blocs (an actor joins a bloc for its friends, never only for sharing an
    enemy), then the blocs' names, so that the answer is one."""
    inside = sum(w for u, v, w in graph.edges(data="weight")
                 if graph[u][v]["sign"] < 0 and bloc_of[u] == bloc_of[v])
    members: dict[int, list[str]] = defaultdict(list)
    for node in sorted(bloc_of):
        members[bloc_of[node]].append(node)
    return frustration(graph, bloc_of), inside, -len(members), sorted(members.values())


def _partitions(items: list[str]) -> Iterator[list[list[str]]]:
    """Every way to split ``items`` into blocs (Bell(8) = 4,140 ways for eight actors)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in _partitions(rest):
        for i in range(len(part)):
            yield [*part[:i], [first, *part[i]], *part[i + 1:]]
        yield [[first], *part]


def _starts(graph: nx.Graph) -> list[dict[str, int]]:
    """Where the local search starts: the groups positive ties join, every actor alone, all in one."""
    positive = nx.Graph()
    positive.add_nodes_from(graph)
    positive.add_edges_from((u, v) for u, v, s in graph.edges(data="sign") if s > 0)
    joined = {node: number for number, component in enumerate(sorted(nx.connected_components(positive), key=min))
              for node in component}
    alone = {node: number for number, node in enumerate(sorted(graph))}
    return [joined, alone, dict.fromkeys(graph, 0)]


def _improve(graph: nx.Graph, bloc_of: dict[str, int]) -> dict[str, int]:
    bloc_of = dict(bloc_of)
    fresh = [len(graph)]
    changed = True
    while changed:  # each step lowers the (integer) frustration, so this ends
        changed = _move_nodes(graph, bloc_of, fresh)
        changed = _merge_blocs(graph, bloc_of) or changed
    return bloc_of
