"""The SPARQL engine: pyoxigraph beside rdflib's own SPARQL, on the RDF export of the seed and examples/.

    python bench/sparql.py [--graph FILE.db] [--runs 5] [--out FILE.json]

Without --graph, the seed and examples/ are ingested into a fresh graph first. The export is loaded into
each engine (pyoxigraph: the store's export streamed as N-Triples, as `ckg sparql` does; rdflib: the same
N-Triples file parsed into a Graph), then every catalog twin (queries/*.rq) runs on both with the
parameters below, the same text on both, and the rows are checked to be equal. Then `ckg sparql` itself:
a first run that builds the engine's copy beside the graph, a run that finds it, and a run with --no-cache.
Times are medians of --runs runs after a warm-up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PARAMS = {"actor-timeline": {"actor": "egypt"}, "edge-evidence": {"source": "turkey", "predicate": "supports",
                                                                  "target": "gna"},
          "events-by-predicate": {"predicate": "attacks"}, "relations-of-actor": {"actor": "turkey"},
          "role-holders": {"date": "2019-12-20"}, "supporters-of": {"actor": "haftar"},
          "supporters-of-enemies": {"actor": "gna"}}


def median_ms(work: Callable[[], Any], runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rdflib_rows(graph: Any, text: str) -> list[dict[str, Any]]:
    from rdflib import BNode, Literal

    from graph.sparql import _INTEGERS, _NUMBERS

    result = graph.query(text)
    names = [str(v) for v in result.vars]
    rows = []
    for row in result:
        out = {}
        for name, term in zip(names, row, strict=True):
            if term is None:
                out[name] = None
            elif isinstance(term, Literal):
                datatype = str(term.datatype or "")
                out[name] = (int(term) if datatype in _INTEGERS else float(term) if datatype in _NUMBERS
                             else str(term))
            else:
                out[name] = f"_:{term}" if isinstance(term, BNode) else str(term)
        rows.append(out)
    return rows


def ckg(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("ckg")), *args], check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    import pyoxigraph as ox
    import rdflib

    from ckg.api import ConflictKG
    from graph.embedded import EmbeddedStore
    from graph.sparql import in_memory, select, with_bindings
    from queries import catalog
    from queries.sparql import prepare

    work = Path(tempfile.mkdtemp(prefix="ckg-sparql-bench-"))
    graph_path = args.graph or work / "examples.db"
    if args.graph is None:
        with ConflictKG.open(graph=graph_path) as kg:
            kg.ingest([REPO.parent / "shared" / "corpus" / "seed", REPO / "examples"])
    report: dict[str, Any] = {"queries": {}}
    with EmbeddedStore(graph_path, read_only=True) as store:
        nt = work / "graph.nt"
        report["triples"] = ConflictKG(store).export("nt", nt)  # the store stays open: no `with`
        start = time.perf_counter()
        engine = in_memory(store)
        report["load_s"] = {"pyoxigraph, streamed from the store": time.perf_counter() - start}
        start = time.perf_counter()
        ox.Store().bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        report["load_s"]["pyoxigraph, the N-Triples file"] = time.perf_counter() - start
        start = time.perf_counter()
        graph = rdflib.Graph().parse(nt, format="nt")
        report["load_s"]["rdflib, the N-Triples file"] = time.perf_counter() - start
        for query in catalog.list_queries(".rq"):
            text, bindings = prepare(store, query.name, PARAMS.get(query.name, {}))
            final = with_bindings(text, bindings)
            same = select(engine, final) == rdflib_rows(graph, final)
            report["queries"][query.name] = {
                "pyoxigraph_ms": median_ms(lambda final=final: select(engine, final), args.runs),
                "rdflib_ms": median_ms(lambda final=final: rdflib_rows(graph, final), max(1, args.runs // 2)),
                "same_rows": same}
            print(query.name, report["queries"][query.name], flush=True)
    timed = report["queries"].values()
    report["total_ms"] = {"pyoxigraph": sum(q["pyoxigraph_ms"] for q in timed),
                          "rdflib": sum(q["rdflib_ms"] for q in timed),
                          "rdflib rows differ": [n for n, q in report["queries"].items() if not q["same_rows"]]}
    base = ["--graph", str(graph_path), "sparql", "supporters-of", "-p", "actor", "haftar"]
    report["ckg_sparql_s"] = {"first (builds the copy)": ckg(*base), "again (finds it)": ckg(*base),
                              "--no-cache": ckg(*base, "--no-cache")}
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
