"""Store benchmark: synthetic records from the ontology (bench/synthetic.py) into each store.

    python bench/store.py [--sizes 10000,100000,1000000] [--stores embedded,neo4j] [--out FILE.json]
                          [--neo4j-uri bolt://...] [--repeat 20]

For each store and size, in a fresh child process (so that its peak RSS is its own):
- ingest: the store's own ingest (one transaction a document, summaries kept), events per second;
- bulk: a bare bulk insert of the same rows into the same kind of database in the same run (a fresh
  embedded database, or the emptied Neo4j one): nodes and relationships created in large batches, no
  merging, no summaries; the ingest's ratio to it;
- p50 and p95 of every catalog query and of stats() over --repeat runs after one warm-up;
- peak RSS of the child after ingest, after the paged queries, and after one run of each for all its
  rows (all before the bulk insert, which holds every row in memory at once; for Neo4j the Python
  client's alone), the size on disk (embedded database file and
  log; for Neo4j the server's store files when this script started the server).
Without --neo4j-uri a Neo4j server is started from tools/neo4j/server.py in a temporary directory and
stopped at the end, as `make test` does. Results print as Markdown and go to --out as JSON.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ACTORS = 2000
EVENTS_PER_DOCUMENT = 20
BULK_BATCH = 5000
QUERY_PARAMS = {"actor": "actor-000007", "source": "actor-000007", "target": "actor-000008", "predicate": "ATTACKS",
                "date": "2020-01-01"}


def documents_for(events: int) -> int:
    return max(1, events // EVENTS_PER_DOCUMENT)


def disk_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# -- the child: one store, one size -----------------------------------------------------------------

def bulk_embedded(path: Path, events: int) -> float:
    """Seconds to insert the same rows into a fresh embedded database, bare: the ingest's own statement for
    events and its encoding of rows (lists of text), so that the ratio measures the store's work (merging,
    digests, summaries, transactions of whole documents, checkpoints) and nothing else."""
    import ladybug

    from bench.synthetic import synthetic_documents
    from graph.embedded_support import event_groups, event_rows, months_of, statement
    from graph.model import ACTOR_FIELDS, document_rows
    from graph.schema import ddl
    from graph.tallies import document_tally

    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for text in ddl():
        conn.execute(text)
    actors: dict[str, dict[str, Any]] = {}
    docs, evs = [], []
    published: dict[str, str | None] = {}
    started = time.perf_counter()
    for doc in synthetic_documents(events, ACTORS, documents_for(events)):
        rows = document_rows(doc)
        docs.append({k: rows.document[k] for k in ("id", "title", "lang", "published", "url", "sha256")}
                    | document_tally(rows.events))
        published[doc.id] = doc.published
        for actor in rows.actors:
            actors[actor["id"]] = {f: actor[f] for f in ACTOR_FIELDS}
        evs.extend(rows.events)
    conn.execute("UNWIND $rows AS r CREATE (:Actor {id: r.id, type: r.type, name: r.name, name_ar: r.name_ar, "
                 "aliases: r.aliases, wikidata: r.wikidata, cameo: r.cameo, known: r.known})",
                 {"rows": list(actors.values())})
    for start in range(0, len(docs), BULK_BATCH):
        conn.execute("UNWIND $rows AS r CREATE (:Document {id: r.id, title: r.title, lang: r.lang, "
                     "published: r.published, url: r.url, sha256: r.sha256, origin: r.origin, events: r.events})",
                     {"rows": docs[start:start + BULK_BATCH]})
    encoded = event_rows(evs, published)
    conn.execute(statement("merge_months"), {"months": months_of(encoded)})
    for text, batch in event_groups(encoded, BULK_BATCH):
        conn.execute(text, {"rows": batch})
    conn.execute("CHECKPOINT")
    elapsed = time.perf_counter() - started
    conn.close()
    db.close()
    return elapsed


def bulk_neo4j(uri: str, events: int) -> float:
    from neo4j import GraphDatabase

    from bench.synthetic import synthetic_documents
    from graph.model import document_rows
    from graph.schema import MONTH_LENGTH
    from graph.tallies import document_tally

    actors: dict[str, dict[str, Any]] = {}
    docs, evs = [], []
    with GraphDatabase.driver(uri, auth=None) as driver:
        wipe(driver)
        for text in ("CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
                     "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
                     "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE",
                     "CREATE CONSTRAINT month_id IF NOT EXISTS FOR (m:Month) REQUIRE m.id IS UNIQUE"):
            driver.execute_query(text)
        started = time.perf_counter()
        published: dict[str, str | None] = {}
        for doc in synthetic_documents(events, ACTORS, documents_for(events)):
            rows = document_rows(doc)
            docs.append({**rows.document, **document_tally(rows.events)})
            published[doc.id] = doc.published
            for actor in rows.actors:
                actors[actor["id"]] = actor
            evs.extend({**e, "effective_date": e["date"] or published[e["document"]]} for e in rows.events)
        driver.execute_query("UNWIND $rows AS r CREATE (a:Actor) SET a = r", rows=list(actors.values()))
        for start in range(0, len(docs), BULK_BATCH):
            driver.execute_query("UNWIND $rows AS r CREATE (d:Document) SET d = r", rows=docs[start:start + BULK_BATCH])
        months = sorted({e["effective_date"][:MONTH_LENGTH] for e in evs if e["effective_date"]})
        driver.execute_query("UNWIND $months AS m CREATE (:Month {id: m})", months=months)
        for start in range(0, len(evs), BULK_BATCH):
            driver.execute_query(
                "UNWIND $rows AS r MATCH (s:Actor {id: r.source}) MATCH (t:Actor {id: r.target}) "
                "MATCH (d:Document {id: r.document}) "
                "CREATE (e:Event {id: r.id, predicate: r.predicate, modality: r.modality, date: r.date, "
                "cameo: r.cameo, plover: r.plover, confidence: r.confidence, sentence: r.sentence, "
                "start: r.start, end: r.end, effective_date: r.effective_date, target_id: r.target, "
                "document_id: r.document}) "
                "CREATE (e)-[:SOURCE]->(s) CREATE (e)-[:TARGET]->(t) CREATE (e)-[:REPORTED_IN]->(d) "
                "WITH e, r WHERE r.effective_date IS NOT NULL "
                "MATCH (m:Month {id: left(r.effective_date, 7)}) CREATE (e)-[:IN_MONTH]->(m)",
                rows=evs[start:start + BULK_BATCH])
        elapsed = time.perf_counter() - started
        wipe(driver)
    return elapsed


def wipe(driver: Any) -> None:
    """Empty the Neo4j database: relationships, then nodes, each in transactions of 20,000 (deleting an actor
    with all its relationships at once would need a heap as large as the graph)."""
    for text in ("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
                 "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS"):
        with driver.session() as session:
            session.run(text).consume()
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name")
    for record in records:
        driver.execute_query(f"DROP CONSTRAINT `{record['name']}` IF EXISTS")


def timed_queries(store: Any, repeat: int) -> dict[str, dict[str, Any]]:
    """p50 and p95 of each catalog query as `ckg query` runs it (its first DEFAULT_LIMIT rows), and of
    stats()."""
    from ontology.errors import QueryError
    from queries import catalog

    timings: dict[str, dict[str, Any]] = {}
    params = {q.name: {p: QUERY_PARAMS[p] for p in q.params if p not in q.defaults} for q in catalog.list_queries()}
    calls = {name: (lambda name=name, p=p: catalog.run(store, name, p, limit=catalog.DEFAULT_LIMIT))
             for name, p in params.items()}
    calls["stats"] = store.stats
    for name, call in calls.items():
        try:
            rows = call()
        except QueryError as err:  # over the store's query timeout: reported as such, the others still timed
            timings[name] = {"error": str(err).split(";")[0]}
            continue
        seconds = []
        for _ in range(repeat):
            started = time.perf_counter()
            call()
            seconds.append(time.perf_counter() - started)
        timings[name] = {"p50_ms": 1000 * statistics.median(seconds), "p95_ms": 1000 * percentile(seconds, 0.95),
                         "rows": len(rows) if isinstance(rows, list) else rows["events_total"]}
    return timings


def timed_all_rows(store: Any, timings: dict[str, dict[str, Any]]) -> None:
    """One run of each catalog query for all its rows (--limit 0), beside its paged timings."""
    from ontology.errors import QueryError
    from queries import catalog

    params = {q.name: {p: QUERY_PARAMS[p] for p in q.params if p not in q.defaults} for q in catalog.list_queries()}
    for name, p in params.items():
        started = time.perf_counter()
        try:
            every = catalog.run(store, name, p)
        except QueryError as err:
            timings[name]["all_error"] = str(err).split(";")[0]
            continue
        timings[name].update({"all_ms": 1000 * (time.perf_counter() - started), "all_rows": len(every)})


def child(args: argparse.Namespace) -> None:
    from bench.synthetic import synthetic_documents
    from graph.store import open_store

    events, work = args.child_events, Path(args.workdir)
    docs = synthetic_documents(events, ACTORS, documents_for(events))
    result: dict[str, Any] = {"store": args.child_store, "events": events, "documents": documents_for(events)}
    if args.child_store == "embedded":
        path = work / "bench.db"
        started = time.perf_counter()
        with open_store("embedded", path=path) as store:
            store.ingest_many(docs)
        result["ingest_s"] = time.perf_counter() - started
        result["ingest_rss_mib"] = peak_mib()
        with open_store("embedded", path=path, read_only=True) as store:
            result["queries"] = timed_queries(store, args.repeat)
            result["paged_rss_mib"] = peak_mib()
            timed_all_rows(store, result["queries"])
        wal = Path(f"{path}.wal")
        result["disk_bytes"] = disk_bytes(path) + (disk_bytes(wal) if wal.exists() else 0)
        result["peak_rss_mib"] = peak_mib()
        print(json.dumps(result), flush=True)  # what is known so far, should the bulk insert not finish
        result["bulk_s"] = bulk_embedded(work / "bulk.db", events)
    else:
        from neo4j import GraphDatabase

        with GraphDatabase.driver(args.neo4j_uri, auth=None) as driver:
            wipe(driver)
        started = time.perf_counter()
        with open_store("neo4j", uri=args.neo4j_uri) as store:
            store.ingest_many(docs)
            result["ingest_s"] = time.perf_counter() - started
            result["ingest_rss_mib"] = peak_mib()
            result["queries"] = timed_queries(store, args.repeat)
            result["paged_rss_mib"] = peak_mib()
            timed_all_rows(store, result["queries"])
        if args.neo4j_data:
            result["disk_bytes"] = disk_bytes(Path(args.neo4j_data))
        result["peak_rss_mib"] = peak_mib()
        print(json.dumps(result), flush=True)  # what is known so far, should the bulk insert not finish
        result["bulk_s"] = bulk_neo4j(args.neo4j_uri, events)
    print(json.dumps(result))


# -- the parent ---------------------------------------------------------------------------------------

def neo4j_server() -> Any:
    spec = importlib.util.spec_from_file_location("ckg_neo4j_server", REPO / "tools" / "neo4j" / "server.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_child(store: str, events: int, args: argparse.Namespace, uri: str | None, data: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="ckg-bench-store-") as work:
        command = [sys.executable, __file__, "--child-store", store, "--child-events", str(events),
                   "--workdir", work, "--repeat", str(args.repeat)]
        if uri:
            command += ["--neo4j-uri", uri]
        if data:
            command += ["--neo4j-data", data]
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=args.time_limit,
                                  env={**os.environ, "PYTHONPATH": str(REPO)})
        except subprocess.TimeoutExpired as stopped:
            # The child's last line is what it had measured; the run says it was cut short.
            out = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else (stopped.stdout or "")
            lines = out.strip().splitlines()
            if not lines:
                sys.exit(f"bench: {store} at {events} events passed the time limit before reporting anything")
            return {**json.loads(lines[-1]), "time_limit_s": args.time_limit}
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0:
            print(f"bench: {store} at {events} events failed:\n{done.stderr[-3000:]}", file=sys.stderr)
            if not lines:
                sys.exit(1)
            # What it had measured before failing (no bulk insert), marked as such.
            return {**json.loads(lines[-1]), "failed": done.stderr.strip().splitlines()[-1]}
        return json.loads(lines[-1])


def markdown(results: list[dict[str, Any]]) -> str:
    lines = ["| store | events | documents | ingest ev/s | bulk ev/s | ingest ÷ bulk "
             "| RSS MiB: ingest / pages / all rows | disk MiB |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        disk = f"{r['disk_bytes'] / 2**20:.0f}" if "disk_bytes" in r else "—"
        bulk = f"{r['events'] / r['bulk_s']:,.0f} | {r['bulk_s'] / r['ingest_s']:.2f}" if "bulk_s" in r else "— | —"
        lines.append(f"| {r['store']} | {r['events']:,} | {r['documents']:,} | {r['events'] / r['ingest_s']:,.0f} | "
                     f"{bulk} | {r.get('ingest_rss_mib', 0):.0f} / {r.get('paged_rss_mib', 0):.0f} / "
                     f"{r['peak_rss_mib']:.0f} | {disk} |")
    names = list(results[0]["queries"]) if results else []
    lines += ["", "| query (p50 / p95 ms) | " + " | ".join(f"{r['store']} {r['events']:,}" for r in results) + " |",
              "|---|" + "---:|" * len(results)]
    for name in names:
        cells = [f"{r['queries'][name]['p50_ms']:.1f} / {r['queries'][name]['p95_ms']:.1f}"
                 if "p50_ms" in r["queries"][name] else "over the 30 s timeout" for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    heads = " | ".join(f"{r['store']} {r['events']:,}" for r in results)
    lines += ["", f"| query: all rows, one run (ms, rows) | {heads} |", "|---|" + "---:|" * len(results)]
    for name in names:
        if name == "stats":
            continue
        cells = [f"{r['queries'][name]['all_ms']:.0f} ({r['queries'][name]['all_rows']:,})"
                 if "all_ms" in r["queries"][name] else "over the timeout" for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="event counts, comma-separated")
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--time-limit", type=float, default=3600.0,
                        help="seconds a child may run; one stopped reports what it measured before (no bulk)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--neo4j-uri")
    parser.add_argument("--neo4j-data", help=argparse.SUPPRESS)
    parser.add_argument("--child-store", help=argparse.SUPPRESS)
    parser.add_argument("--child-events", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_store:
        child(args)
        return
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    stores = args.stores.split(",")
    results: list[dict[str, Any]] = []
    server, state = None, None
    uri, data = args.neo4j_uri, None
    try:
        if "neo4j" in stores and not uri:
            server = neo4j_server()
            state = Path(tempfile.mkdtemp(prefix="ckg-bench-neo4j-"))
            info = server.start(state, heap="2g", page_cache="1g", password=None)
            uri, data = info.bolt_uri, str(state / "home" / "data")
        for events in sizes:
            for store in stores:
                print(f"bench: {store}, {events:,} events ...", file=sys.stderr, flush=True)
                results.append(run_child(store, events, args, uri if store == "neo4j" else None, data))
                if args.out:
                    args.out.write_text(json.dumps(results, indent=1))
    finally:
        if server is not None and state is not None:
            server.stop(state)
    print(markdown(results))


if __name__ == "__main__":
    main()
