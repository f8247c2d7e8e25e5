"""`ckg export --format graphml|gexf|csv` on a small corpus written for these tests (tests/data/rivals):
read back with networkx and the csv module, every node, edge and row as expected."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from ckg.cli import cli
from graph.exports import csv_paths

RIVALS = Path(__file__).resolve().parent / "data" / "rivals"
OWN_ACTORS = ["--pack", "none", "--gazetteer", str(RIVALS / "gazetteer.json")]

NODES = {
    "coast-gov": ("Government", "Coastal Government", "حكومة الساحل", "CSTGOV"),
    "hill-army": ("ArmedGroup", "Hill Army", "جيش التلال", "CSTREB"),
    "northland": ("State", "Northland", "نورثلاند", "NTH"),
    "port-sava": ("Location", "Port Sava", "ميناء سافا", "CST"),
    "river-front": ("ArmedGroup", "River Front", "جبهة النهر", "CSTREB"),
    "southland": ("State", "Southland", "ساوثلاند", "STH"),
}
# (source, target, predicate): (sign, events, first, last); asserted events only.
EDGES = {
    ("hill-army", "coast-gov", "ATTACKS"): (-1, 1, "2020-01-07", "2020-01-07"),
    ("hill-army", "coast-gov", "THREATENS"): (-1, 1, "2020-03-14", "2020-03-14"),
    ("hill-army", "port-sava", "ATTACKS"): (-1, 1, None, None),
    ("northland", "coast-gov", "SUPPORTS"): (1, 2, "2020-01-06", "2020-02-08"),
    ("northland", "southland", "CONDEMNS"): (-1, 1, None, None),
    ("river-front", "coast-gov", "COOPERATES_WITH"): (1, 1, None, None),
    ("river-front", "hill-army", "ATTACKS"): (-1, 1, "2020-03-13", "2020-03-13"),
    ("southland", "coast-gov", "CONSULTS"): (1, 1, None, None),
    ("southland", "hill-army", "SUPPORTS"): (1, 1, "2020-02-09", "2020-02-09"),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rivals") / "g.db"
    result = CliRunner().invoke(cli, [*OWN_ACTORS, "--graph", str(path), "ingest", str(RIVALS / "news")])
    assert result.output == "3 documents (3 added, 0 replaced, 0 unchanged), 11 events; 0 failed\n"
    return path


def _export(graph: Path, fmt: str, out: str) -> str:
    result = CliRunner().invoke(cli, ["--graph", str(graph), "export", "--format", fmt, "-o", out])
    assert result.exit_code == 0, result.output
    return result.output


def _edges(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], tuple]:
    return {(u, v, d["predicate"]): (d["sign"], d["events"], d.get("first"), d.get("last"))
            for u, v, d in g.edges(data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back_with_networkx(graph: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"actors.{fmt}"
    assert _export(graph, fmt, str(out)) == f"wrote {out} (6 actors)\n"
    g = nx.read_graphml(out, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(out)
    assert isinstance(g, nx.MultiDiGraph)  # two predicates between the same pair stay two edges
    assert {n: (d["type"], d["name"], d["name_ar"], d["cameo"]) for n, d in g.nodes(data=True)} == NODES
    assert all(d["known"] is True and d["label"] == d["name"] and d["aliases"] == d["name_ar"]
               for _, d in g.nodes(data=True))
    assert _edges(g) == EDGES
    assert all(d["label"] == d["predicate"] and d["weight"] == d["events"] for _, _, d in g.edges(data=True))


def test_graphml_edges_are_keyed_by_pair_and_predicate(graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "actors.graphml"
    _export(graph, "graphml", str(out))
    g = nx.read_graphml(out, force_multigraph=True)
    assert sorted(g["hill-army"]["coast-gov"]) == ["hill-army|ATTACKS|coast-gov", "hill-army|THREATENS|coast-gov"]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_in_a_directory(graph: Path, tmp_path: Path) -> None:
    out = f"{tmp_path}/tables/"
    nodes, edges, events = (tmp_path / "tables" / name for name in ("nodes.csv", "edges.csv", "events.csv"))
    assert _export(graph, "csv", out) == f"wrote {nodes}, {edges}, {events} (11 events)\n"
    assert _read(nodes) == [
        {"id": n, "type": t, "name": name, "name_ar": ar, "cameo": cameo, "known": "true", "wikidata": "",
         "aliases": ar}
        for n, (t, name, ar, cameo) in NODES.items()
    ]
    assert _read(edges) == [
        {"source": s, "target": t, "predicate": p, "sign": str(sign), "events": str(n), "first": first or "",
         "last": last or ""}
        for (s, t, p), (sign, n, first, last) in sorted(EDGES.items())
    ]
    rows = _read(events)
    assert len(rows) == 11 and [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    denied = [r for r in rows if r["modality"] != "asserted"]
    assert denied == [{
        "id": denied[0]["id"], "source": "river-front", "predicate": "ATTACKS", "target": "coast-gov",
        "modality": "negated", "date": "", "document": "thaw", "confidence": "0.85", "cameo": "190",
        "plover": "ASSAULT", "sentence": "The River Front denied that it attacked the Coastal Government.",
    }]
    assert sorted((r["source"], r["predicate"], r["target"], r["date"], r["document"]) for r in rows
                  if r["modality"] == "asserted") == [
        ("hill-army", "ATTACKS", "coast-gov", "2020-01-07", "winter"),
        ("hill-army", "ATTACKS", "port-sava", "", "winter"),
        ("hill-army", "THREATENS", "coast-gov", "2020-03-14", "spring"),
        ("northland", "CONDEMNS", "southland", "", "thaw"),
        ("northland", "SUPPORTS", "coast-gov", "2020-01-06", "winter"),
        ("northland", "SUPPORTS", "coast-gov", "2020-02-08", "thaw"),
        ("river-front", "ATTACKS", "hill-army", "2020-03-13", "spring"),
        ("river-front", "COOPERATES_WITH", "coast-gov", "", "spring"),
        ("southland", "CONSULTS", "coast-gov", "", "thaw"),
        ("southland", "SUPPORTS", "hill-army", "2020-02-09", "thaw"),
    ]


def test_csv_tables_with_a_prefix(graph: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "rivals"
    _export(graph, "csv", str(prefix))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rivals-edges.csv", "rivals-events.csv", "rivals-nodes.csv"]
    assert csv_paths(tmp_path) == [tmp_path / "nodes.csv", tmp_path / "edges.csv", tmp_path / "events.csv"]
    assert len(_read(tmp_path / "rivals-edges.csv")) == len(EDGES)
