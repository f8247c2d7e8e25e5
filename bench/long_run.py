"""One long run into the embedded store, its memory logged as it goes.

    python bench/long_run.py --events 3000000 [--path long-run.db] [--every 200000] [--cache-mib 512]

Synthetic records (bench/synthetic.py: 2,000 actors, 20 events a document) go into a new embedded store
at --path (which must not exist) in one run, as `ckg ingest` writes them, in groups of 1,000 documents.
Every --every events, and after the store has counted its summaries and closed, a line gives the events
written, seconds, the process's RSS and its peak so far (MiB) and what the database's page cache holds
(MiB): whether one run's memory stays within its cache as the graph grows.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.synthetic import synthetic_documents  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from graph.embedded_support import WRITER_POOL_BYTES  # noqa: E402

GROUP = 1000


def rss_mib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS"))


def line(events: int, started: float, store: EmbeddedStore | None) -> str:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    cache = f"{store.page_cache_bytes() >> 20}" if store is not None else "-"
    return (f"{events:>10,} events {time.perf_counter() - started:8.0f} s  RSS {rss_mib():>5} MiB  "
            f"peak {peak:>5} MiB  cache {cache:>4} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--path", type=Path, default=Path("long-run.db"))
    parser.add_argument("--every", type=int, default=200_000)
    parser.add_argument("--cache-mib", type=int, default=WRITER_POOL_BYTES >> 20)
    args = parser.parse_args()
    if args.path.exists():
        parser.error(f"{args.path} exists; the run needs an empty store: pass a new --path or remove it first")
    started = time.perf_counter()
    store = EmbeddedStore(args.path, buffer_pool_bytes=args.cache_mib << 20)
    group, written, logged = [], 0, 0
    for doc in synthetic_documents(args.events, 2000, max(1, args.events // 20)):
        group.append(doc)
        written += len(doc.relations)
        if len(group) == GROUP:
            store.ingest_many(group)
            group = []
            if written - logged >= args.every:
                print(line(written, started, store), flush=True)
                logged = written
    store.ingest_many(group)
    store.settle()
    print(line(written, started, store), "(summaries counted)", flush=True)
    store.close()
    print(line(written, started, None), f"closed: {written / (time.perf_counter() - started):,.0f} events/s")


if __name__ == "__main__":
    main()
