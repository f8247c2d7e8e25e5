"""N-Triples export speed: the streaming writer (graph/rdf.py) beside rdflib's own serializer, same triples.

    python bench/export.py [--events 100000] [--out FILE.json]

Both runs take the same synthetic rows (bench/synthetic.py, as the store gives them) in a fresh child
process each, so peak RSS is the run's own: "stream" is `export_rows(..., "nt", ...)`, which builds the
triples a chunk at a time and writes the lines itself; "rdflib" builds the whole graph
(`snapshot_to_graph`) and calls `Graph.serialize(format="nt")`. Both files are then checked to hold
the same triples.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def rows(events: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    from bench.synthetic import synthetic_documents
    from graph.model import document_rows

    actors: dict[str, dict[str, Any]] = {}
    documents, event_rows = [], []
    for doc in synthetic_documents(events, 2000, max(1, events // 20)):
        r = document_rows(doc)
        documents.append(r.document)
        actors.update({a["id"]: a for a in r.actors})
        event_rows += r.events
    return (sorted(actors.values(), key=lambda a: a["id"]), documents, sorted(event_rows, key=lambda e: e["id"]))


def child(kind: str, events: int, out: Path) -> None:
    from graph import rdf
    from graph.model import GraphSnapshot

    actors, documents, event_rows = rows(events)
    started = time.perf_counter()
    if kind == "stream":
        count = rdf.export_rows(actors, documents, event_rows, "nt", out)
    else:
        graph = rdf.snapshot_to_graph(GraphSnapshot(actors, documents, event_rows))
        graph.serialize(destination=str(out), format="nt", encoding="utf-8")
        count = len(graph)
    seconds = time.perf_counter() - started
    print(json.dumps({"kind": kind, "events": events, "triples": count, "seconds": seconds,
                      "triples_per_s": count / seconds,
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.events, args.file)
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="ckg-bench-export-") as work:
        files = {}
        for kind in ("stream", "rdflib"):
            files[kind] = Path(work) / f"{kind}.nt"
            done = subprocess.run([sys.executable, __file__, "--child", kind, "--events", str(args.events),
                                   "--file", str(files[kind])], capture_output=True, text=True, check=True,
                                  env={**os.environ, "PYTHONPATH": str(REPO)})
            results.append(json.loads(done.stdout))
        same = sorted(files["stream"].read_text(encoding="utf-8").splitlines()) == sorted(
            files["rdflib"].read_text(encoding="utf-8").splitlines())
    print("| writer | events | triples | seconds | triples/s | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['kind']} | {r['events']:,} | {r['triples']:,} | {r['seconds']:.1f} | {r['triples_per_s']:,.0f} | "
              f"{r['peak_rss_mib']:.0f} |")
    print(f"same lines: {same}")
    if args.out:
        args.out.write_text(json.dumps({"results": results, "same_lines": same}, indent=1))


if __name__ == "__main__":
    main()
