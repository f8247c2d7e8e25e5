"""Whole-run benchmarks: extraction and ingest against a read-and-fold baseline, in one invocation.

    python bench/run.py [--docs N] [--out FILE.json] [--neo4j-uri bolt://...]

Each run is a fresh subprocess of this script, so its peak RSS is its own; the child reports its
measurements as one JSON object on stdout. A run with worker processes (--jobs) adds the largest
worker's peak once per worker, an upper bound of the whole tree's. Ratios divide each run by the
baseline of the same invocation, so they compare like with like on whatever machine runs them.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import resource
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import build_corpus, load_sources, source_files  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

BASELINE = "baseline"
PARALLEL_JOBS = 2
RUNS = (BASELINE, "extract", f"extract --jobs {PARALLEL_JOBS}", "ingest-embedded",
        f"ingest-embedded --jobs {PARALLEL_JOBS}")
NEO4J_RUN = "ingest-neo4j"

# Keeps the default invocation to about three minutes even when a run scales badly.
DEFAULT_TIME_LIMIT = 85.0
PROGRESS_EVERY = 100
PROGRESS_PREFIX = "ckg-bench-done "

# -- the runs (each in its own child process) -------------------------------------------------------

def report_progress(done: int) -> None:
    """A child's count of documents handled, every PROGRESS_EVERY; the parent reads it from stderr."""
    if done % PROGRESS_EVERY == 0:
        print(f"{PROGRESS_PREFIX}{done}", file=sys.stderr, flush=True)


def run_baseline(corpus: Path, _: argparse.Namespace) -> dict[str, Any]:
    from loaders.normalize import normalize
    from loaders.readers import read_documents

    documents = errors = chars = 0
    for doc in read_documents([corpus]):
        if isinstance(doc, Exception):
            errors += 1
            continue
        documents += 1
        chars += len(normalize(doc.text).text)
        report_progress(documents + errors)
    return {"documents": documents, "errors": errors, "folded_chars": chars}


def run_extract(corpus: Path, _: argparse.Namespace, jobs: int = 1) -> dict[str, Any]:
    from ckg.api import extract

    documents = errors = actors = relations = 0
    for record in extract([corpus], jobs=jobs):
        if isinstance(record, Exception):
            errors += 1
            continue
        documents += 1
        actors += len(record.actors)
        relations += len(record.relations)
        report_progress(documents + errors)
    return {"documents": documents, "errors": errors, "actors": actors, "relations": relations}


def _ingest(kg: Any, corpus: Path, jobs: int = 1) -> dict[str, Any]:
    done = 0

    def one_more(_: str) -> None:
        nonlocal done
        done += 1
        report_progress(done)

    report = kg.ingest([corpus], on_document=one_more, jobs=jobs)
    stats = kg.stats()
    return {
        "documents": report.count("added"), "unchanged": report.count("unchanged"),
        "replaced": report.count("replaced"), "errors": len(report.errors),
        "stored_documents": stats["documents"], "stored_events": stats["events_total"],
    }


def run_ingest_embedded(corpus: Path, args: argparse.Namespace, jobs: int = 1) -> dict[str, Any]:
    from ckg.api import ConflictKG

    with ConflictKG.open("embedded", graph=Path(args.graph)) as kg:
        return _ingest(kg, corpus, jobs)


def run_ingest_neo4j(corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    from ckg.api import ConflictKG

    # The password comes from NEO4J_PASSWORD, never from the command line, where ps would show it.
    with ConflictKG.open("neo4j", uri=args.neo4j_uri, user=args.neo4j_user, database=args.neo4j_database) as kg:
        return _ingest(kg, corpus)


RUNNERS: dict[str, Callable[[Path, argparse.Namespace], dict[str, Any]]] = {
    BASELINE: run_baseline, "extract": run_extract,
    f"extract --jobs {PARALLEL_JOBS}": functools.partial(run_extract, jobs=PARALLEL_JOBS),
    "ingest-embedded": run_ingest_embedded,
    f"ingest-embedded --jobs {PARALLEL_JOBS}": functools.partial(run_ingest_embedded, jobs=PARALLEL_JOBS),
    NEO4J_RUN: run_ingest_neo4j,
}


def proc_peak_rss_mib(pid: int | str) -> float | None:
    """A process's high-water resident set from /proc, where there is one."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def run_jobs(name: str) -> int:
    """The worker processes a run starts (1: none, it extracts in its own process)."""
    runner = RUNNERS[name]
    return runner.keywords.get("jobs", 1) if isinstance(runner, functools.partial) else 1


def peak_rss_mib() -> float:
    """This process's high-water resident set."""
    from_proc = proc_peak_rss_mib("self")
    if from_proc is not None:
        return from_proc
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _MAXRSS_SCALE


def largest_child_peak_rss_mib() -> float:
    """The high-water resident set of the largest child this process has waited for."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / _MAXRSS_SCALE


# ru_maxrss is KiB on Linux, bytes on macOS.
_MAXRSS_SCALE = 1024 * 1024 if sys.platform == "darwin" else 1024


def child(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(REPO))
    from ontology.errors import CkgError

    started = time.perf_counter()
    try:
        result = RUNNERS[args.child](Path(args.corpus), args)
    except CkgError as exc:
        sys.exit(str(exc))
    result["work_seconds"] = time.perf_counter() - started
    result["peak_rss_mib"] = peak_rss_mib()
    jobs = run_jobs(args.child)
    if jobs > 1:
        # The workers have exited by now; each may have peaked at the largest one's figure.
        result["jobs"] = jobs
        result["worker_peak_rss_mib"] = largest_child_peak_rss_mib()
        result["peak_rss_mib"] += jobs * result["worker_peak_rss_mib"]
    json.dump(result, sys.stdout)


# -- the parent -------------------------------------------------------------------------------------

def measure(name: str, corpus: Path, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """One whole run in a fresh interpreter: wall time from process start to exit, stopped at the
    time limit (then the documents done so far and the peak RSS so far are what is reported)."""
    graph = workdir / f"{re.sub(r'[^A-Za-z0-9]+', '-', name).strip('-')}.db"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--corpus", str(corpus),
               "--graph", str(graph)]
    env = dict(os.environ)
    if name == NEO4J_RUN:
        command += ["--neo4j-uri", args.neo4j_uri]
        for flag, value in (("--neo4j-user", args.neo4j_user), ("--neo4j-database", args.neo4j_database)):
            if value:
                command += [flag, value]
        if args.neo4j_password:
            env["NEO4J_PASSWORD"] = args.neo4j_password
    progress(f"{name}: running (limit {args.time_limit:.0f} s) ...")
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)
    watcher = ChildOutput(name, proc, args.docs)
    try:
        proc.wait(timeout=args.time_limit)
        finished = True
    except subprocess.TimeoutExpired:
        finished = False
        peak = proc_peak_rss_mib(proc.pid)
        proc.kill()
        proc.wait()
    wall = time.perf_counter() - started
    watcher.join()
    if not finished:
        progress(f"{name}: stopped at the {args.time_limit:.0f} s limit after {watcher.done} of {args.docs} documents")
        return {"finished": False, "documents": watcher.done, "wall_seconds": wall, "work_seconds": None,
                "docs_per_second": watcher.done / wall, "peak_rss_mib": peak, "timeline": watcher.timeline}
    if proc.returncode != 0:
        sys.exit(f"bench: the {name} run failed (exit {proc.returncode}):\n{watcher.errors()}")
    result = {"finished": True, **json.loads(watcher.stdout())}
    if result["documents"] != args.docs or result["errors"]:
        sys.exit(f"bench: the {name} run handled {result['documents']} of {args.docs} documents "
                 f"with {result['errors']} errors; the measurement would not be comparable: {result}")
    result["wall_seconds"] = wall
    result["docs_per_second"] = args.docs / wall
    result["timeline"] = watcher.timeline
    progress(f"{name}: {wall:.1f} s, {result['peak_rss_mib']:.0f} MiB peak")
    return result


class ChildOutput:
    """Drains a child's pipes on threads (so a full pipe never stalls it), echoing its progress."""

    def __init__(self, name: str, proc: subprocess.Popen[str], total: int) -> None:
        self.name, self.total, self.done = name, total, 0
        self.started = time.perf_counter()
        # (documents done, seconds since start): shows whether the cost per document grows.
        self.timeline: list[tuple[int, float]] = []
        self._echo_every = max(PROGRESS_EVERY, total // 10 // PROGRESS_EVERY * PROGRESS_EVERY)
        self._out: list[str] = []
        self._err: list[str] = []
        assert proc.stdout is not None and proc.stderr is not None
        self._threads = [
            threading.Thread(target=self._read_stdout, args=(proc.stdout,), daemon=True),
            threading.Thread(target=self._read_stderr, args=(proc.stderr,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_stdout(self, stream: IO[str]) -> None:
        self._out.append(stream.read())

    def _read_stderr(self, stream: IO[str]) -> None:
        for line in stream:
            if line.startswith(PROGRESS_PREFIX):
                self.done = int(line[len(PROGRESS_PREFIX):])
                self.timeline.append((self.done, round(time.perf_counter() - self.started, 2)))
                if self.done % self._echo_every == 0:
                    progress(f"{self.name}: {self.done}/{self.total}")
            else:
                self._err.append(line)

    def join(self) -> None:
        for thread in self._threads:
            thread.join()

    def stdout(self) -> str:
        return "".join(self._out)

    def errors(self) -> str:
        return "".join(self._err).strip()


def check_neo4j(args: argparse.Namespace) -> None:
    """Fail before minutes of other runs when the server cannot be reached."""
    from ckg.api import ConflictKG
    from ontology.errors import CkgError

    try:
        ConflictKG.open("neo4j", uri=args.neo4j_uri, user=args.neo4j_user, password=args.neo4j_password,
                        database=args.neo4j_database).close()
    except CkgError as exc:
        sys.exit(f"bench: {exc}")


def with_ratios(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Time and memory over the baseline's. A stopped run's time ratio is per document, so it is a
    fair lower bound when the run's cost per document does not fall as it goes."""
    base = results[BASELINE]
    for result in results.values():
        rate, peak = result["docs_per_second"], result["peak_rss_mib"]
        result["time_ratio"] = base["docs_per_second"] / rate if rate and base["docs_per_second"] else None
        result["memory_ratio"] = peak / base["peak_rss_mib"] if peak and base["peak_rss_mib"] else None
    return results


def markdown(results: dict[str, dict[str, Any]], docs: int) -> str:
    lines = [
        f"| run ({docs} docs) | documents | wall s | docs/s | peak RSS MiB | time × baseline | memory × baseline |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        # A stopped run's figures are bounds: at least this slow, at least this much memory.
        bound = "" if r["finished"] else "≥ "
        documents = f"{r['documents']}" if r["finished"] else f"{r['documents']} (stopped)"
        lines.append(
            f"| {name} | {documents} | {r['wall_seconds']:.1f} | {r['docs_per_second']:.1f} "
            f"| {_number(r['peak_rss_mib'], '.0f', bound)} | {_number(r['time_ratio'], '.1f', bound)} "
            f"| {_number(r['memory_ratio'], '.2f', bound)} |"
        )
    return "\n".join(lines)


def _number(value: float | None, spec: str, bound: str) -> str:
    return "n/a" if value is None else bound + format(value, spec)


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default 2000)")
    parser.add_argument("--out", type=Path, help="also write the measurements to this JSON file")
    parser.add_argument("--neo4j-uri", help="also ingest into this Neo4j server (use a throwaway database: "
                        "the documents stay there)")
    parser.add_argument("--neo4j-user", default=os.environ.get("NEO4J_USER"))
    parser.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD"),
                        help="default: $NEO4J_PASSWORD")
    parser.add_argument("--neo4j-database")
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT,
                        help=f"stop a run after this many seconds and report it as stopped (default "
                             f"{DEFAULT_TIME_LIMIT:.0f})")
    # How the parent starts each run; not for people.
    parser.add_argument("--child", choices=sorted(RUNNERS), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--graph", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        child(args)
        return
    sys.path.insert(0, str(REPO))
    if args.neo4j_uri:
        check_neo4j(args)
    files = source_files()
    runs = [*RUNS, NEO4J_RUN] if args.neo4j_uri else list(RUNS)
    with tempfile.TemporaryDirectory(prefix="ckg-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus"
        sources = load_sources(files)
        build_corpus(sources, args.docs, corpus, secrets.token_hex(3))
        progress(f"corpus: {args.docs} documents from {len(sources)} articles in {corpus}")
        results = with_ratios({name: measure(name, corpus, args, workdir) for name in runs})
    table = markdown(results, args.docs)
    print(table)
    if args.out:
        report = {
            "documents": args.docs,
            "sources": [str(p.relative_to(REPO.parent)) for p in files],
            "python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "runs": results, "markdown": table,
        }
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        progress(f"wrote {args.out}")


if __name__ == "__main__":
    main()
