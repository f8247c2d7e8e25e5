"""The actor graph for network tools: GraphML (yEd, Cytoscape, igraph), GEXF (Gephi), and CSV tables.

One node per actor: ``type``, ``name``, ``name_ar``, ``cameo``, ``known``, ``wikidata``, ``aliases``
(joined by "; "), and ``label`` (its name, which Gephi shows). One edge per actor pair and predicate
over asserted events, as the stores' summary relationships: ``predicate``, ``events`` (how many),
``first`` and ``last`` (dates), ``sign`` (+1 cooperative, -1 hostile, 0 neither, from the predicate),
and ``label`` / ``weight`` (the predicate and the count, under the names Gephi reads). A missing value
is left out (GraphML and GEXF have no null). The CSV export adds every event, with its sentence.

Rows come from a store a page at a time; events are never all held, only the edges they add up to.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analytics import predicate_sign
from ontology.errors import ExportError

NETWORK_FORMATS = ("graphml", "gexf", "csv")
NODE_COLUMNS = ("id", "type", "name", "name_ar", "cameo", "known", "wikidata", "aliases")
EDGE_COLUMNS = ("source", "target", "predicate", "sign", "events", "first", "last")
EVENT_COLUMNS = ("id", "source", "predicate", "target", "modality", "date", "document", "confidence",
                 "cameo", "plover", "sentence")
CSV_NAMES = ("nodes.csv", "edges.csv", "events.csv")

Edges = dict[tuple[str, str, str], dict[str, Any]]


def node_row(actor: Mapping[str, Any]) -> dict[str, Any]:
    """An actor's exported attributes; lists joined, None kept (writers drop or blank it)."""
    row = {key: actor.get(key) for key in NODE_COLUMNS}
    row["aliases"] = "; ".join(actor.get("aliases") or ()) or None
    if row["known"] is not None:
        row["known"] = bool(row["known"])
    return row


def add_event(edges: Edges, ev: Mapping[str, Any]) -> None:
    """Count an asserted event into its (source, target, predicate) edge; other modalities add nothing."""
    if ev.get("modality", "asserted") != "asserted":
        return
    key = (ev["source"], ev["target"], ev["predicate"])
    edge = edges.get(key)
    if edge is None:
        edge = edges[key] = {"source": key[0], "target": key[1], "predicate": key[2],
                             "sign": predicate_sign(key[2]), "events": 0, "first": None, "last": None}
    edge["events"] += 1
    date = ev.get("date")
    if date:
        edge["first"] = date if edge["first"] is None else min(edge["first"], date)
        edge["last"] = date if edge["last"] is None else max(edge["last"], date)


def network(actors: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """The actor graph with the attributes above, nodes and edges in sorted order, None values left out."""
    nodes = {actor["id"]: node_row(actor) for actor in actors}
    edges: Edges = {}
    for ev in events:
        add_event(edges, ev)
    graph = nx.MultiDiGraph()
    for source, target, _ in edges:
        for end in (source, target):
            nodes.setdefault(end, {"id": end})  # an event's end the store has no actor row for
    for node_id in sorted(nodes):
        attrs = {k: v for k, v in nodes[node_id].items() if k != "id" and v is not None}
        graph.add_node(node_id, label=attrs.get("name", node_id), **attrs)
    for key in sorted(edges):
        edge = {k: v for k, v in edges[key].items() if k not in ("source", "target") and v is not None}
        graph.add_edge(key[0], key[1], key=f"{key[0]}|{key[2]}|{key[1]}", label=key[2], weight=edge["events"],
                       **edge)
    return graph


def _atomic(out: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside ``out``, so readers see the old file or the whole new one."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
        try:
            write(Path(tmp))
            os.chmod(tmp, 0o644)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc}; choose a writable path") from exc


def write_graph_file(fmt: str, actors: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]],
                     out: Path) -> tuple[int, int]:
    """GraphML or GEXF of the actor graph at ``out``; returns (nodes, edges)."""
    graph = network(actors, events)
    if fmt == "graphml":
        _atomic(Path(out), lambda path: nx.write_graphml(graph, path, encoding="utf-8", prettyprint=True))
    elif fmt == "gexf":
        _atomic(Path(out), lambda path: nx.write_gexf(graph, path, encoding="utf-8", prettyprint=True))
    else:
        raise ExportError(f"unknown network format {fmt!r}: use graphml or gexf")
    return graph.number_of_nodes(), graph.number_of_edges()


def csv_paths(out: str | Path) -> list[Path]:
    """Where the three CSV files go: inside ``out`` when it is a directory (or ends with a separator),
    else beside it with its name as a prefix (``-o out/libya`` gives out/libya-nodes.csv, ...)."""
    text, out = str(out), Path(out)
    if out.is_dir() or text.endswith(("/", os.sep)):
        return [out / name for name in CSV_NAMES]
    return [out.with_name(f"{out.name}-{name}") for name in CSV_NAMES]


def _csv_cell(value: Any) -> Any:
    return "" if value is None else value


def _cell(value: Any) -> Any:
    """None is an empty cell; booleans are spelt as JSON and most tools read them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv_tables(actors: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]],
                     out: str | Path) -> tuple[list[Path], int]:
    """nodes.csv, edges.csv and events.csv (UTF-8, a header line, RFC 4180 quoting); returns the paths
    and the number of events. Events are written as they come; edges once all are counted."""
    nodes_path, edges_path, events_path = paths = csv_paths(out)
    edges: Edges = {}
    count = 0

    def table(path: Path, header: tuple[str, ...], rows: Iterable[Mapping[str, Any]]) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow([_cell(row.get(c)) for c in header])

    def counted() -> Iterator[Mapping[str, Any]]:
        nonlocal count
        for ev in events:
            add_event(edges, ev)
            count += 1
            yield ev

    _atomic(nodes_path, lambda path: table(path, NODE_COLUMNS, (node_row(a) for a in actors)))
    _atomic(events_path, lambda path: table(path, EVENT_COLUMNS, counted()))
    _atomic(edges_path, lambda path: table(path, EDGE_COLUMNS, (edges[key] for key in sorted(edges))))
    return paths, count
