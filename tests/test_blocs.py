"""graph.blocs.signed_partition on small signed graphs whose best partition is known."""

from __future__ import annotations

import doctest
import random

import networkx as nx

import graph.blocs
from graph.blocs import EXACT_UP_TO, frustration, signed_partition


def _graph(*edges: tuple[str, str, int]) -> nx.Graph:
    g = nx.Graph()
    for u, v, signed in edges:
        g.add_edge(u, v, sign=1 if signed > 0 else -1, weight=abs(signed))
    return g


def _blocs(g: nx.Graph) -> list[list[str]]:
    return [sorted(b) for b in signed_partition(g)]


def test_two_camps_split_with_nothing_frustrated() -> None:
    g = _graph(("A", "B", 2), ("B", "C", 1), ("D", "E", 1), ("A", "D", -1), ("C", "E", -3))
    assert _blocs(g) == [["A", "B", "C"], ["D", "E"]]


def test_three_camps_at_war_with_each_other_make_three_blocs() -> None:
    g = _graph(("A1", "A2", 1), ("B1", "B2", 1), ("C1", "C2", 1),
               ("A1", "B1", -1), ("B2", "C1", -1), ("C2", "A2", -1))
    assert _blocs(g) == [["A1", "A2"], ["B1", "B2"], ["C1", "C2"]]


def test_the_enemy_of_both_camps_stands_alone() -> None:
    g = _graph(("A", "B", 1), ("C", "D", 1), ("A", "C", -1), ("X", "A", -1), ("X", "D", -2))
    assert _blocs(g) == [["A", "B"], ["C", "D"], ["X"]]


def test_sharing_an_enemy_makes_no_ally() -> None:
    assert _blocs(_graph(("A", "X", -1), ("B", "X", -1))) == [["A"], ["B"], ["X"]]


def test_an_unbalanced_triangle_keeps_the_enemies_apart() -> None:
    # A and C are both B's friends and each other's enemies: one tie must be frustrated, and the
    # answer frustrates a friendship, not puts the enemies together.
    g = _graph(("A", "B", 1), ("B", "C", 1), ("A", "C", -1))
    blocs = _blocs(g)
    assert blocs == [["B", "C"], ["A"]]  # of the two such answers, the one whose lone actor sorts first
    assert frustration(g, {n: i for i, b in enumerate(blocs) for n in b}) == 1


def test_a_heavier_friendship_outweighs_a_lighter_quarrel() -> None:
    assert _blocs(_graph(("A", "B", 3), ("A", "B2", 1), ("B", "B2", -1))) == [["A", "B"], ["B2"]]


def test_the_search_finds_planted_camps_in_graphs_too_large_to_try_every_split() -> None:
    for seed in range(5):
        rnd = random.Random(seed)
        camps = {f"n{i:02d}": i % 3 for i in range(24)}
        g = nx.Graph()
        names = sorted(camps)
        for i, u in enumerate(names):
            for v in names[i + 1:]:
                if rnd.random() < 0.6:
                    g.add_edge(u, v, sign=1 if camps[u] == camps[v] else -1, weight=rnd.randint(1, 3))
        assert nx.is_connected(g) and len(g) > EXACT_UP_TO
        assert all(any(camps[u] == camps[v] for v in g[u]) for u in g)  # each has a friend to join
        planted = sorted(sorted(n for n in names if camps[n] == c) for c in range(3))
        assert sorted(_blocs(g)) == planted, seed


def test_docstring_examples_run() -> None:
    result = doctest.testmod(graph.blocs)
    assert result.attempted >= 1 and result.failed == 0
