"""The embedded store across real processes: one writer at a time, readers beside it, and a writer
killed with SIGKILL leaves whole documents that a rerun completes into the graph of a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.synthetic import synthetic_documents
from graph.embedded import EmbeddedStore
from tests.paths import EXAMPLES, REPO

DOCUMENTS, EVENTS = 120, 2400  # 20 events a document

# Ingests the synthetic documents one transaction each, printing how many are stored; with
# "hold" as its last argument it then waits, holding the store, until its standard input closes; with
# "fold" it folds its log into the database after every document that no reader overlaps; with "slow"
# it pauses after each document, so that a kill lands in the middle of the run (its summaries left for a
# recount at its end, as a run into an empty store leaves them); with "slow-keep" it keeps them up instead.
WRITER = """
import sys
import time
from bench.synthetic import synthetic_documents
from graph.embedded import EmbeddedStore
from graph.embedded_recount import DEFER_SHARE
path, documents, events, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with EmbeddedStore(path, checkpoint_bytes=1 if mode == "fold" else 1 << 25,
                   defer_share=float("inf") if mode.endswith("keep") else DEFER_SHARE) as store:
    for n, doc in enumerate(synthetic_documents(events=events, actors=60, documents=documents), 1):
        status = store.ingest(doc).status
        print(n, status, flush=True)
        if mode.startswith("slow"):
            time.sleep(0.02)
    if mode == "hold":
        print("holding", flush=True)
        sys.stdin.read()
"""


def writer(path: Path, documents: int, mode: str = "run") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(documents), str(documents * 20), mode],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def ckg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from ckg.cli import main; main()", *args], cwd=REPO,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
                          timeout=300, check=False)


def wait_for_line(proc: subprocess.Popen[str], predicate) -> str:
    assert proc.stdout is not None
    for line in proc.stdout:
        if predicate(line.strip()):
            return line.strip()
    raise AssertionError(f"the writer ended early: {proc.wait()} {proc.stderr.read() if proc.stderr else ''}")


def clean_graph(tmp_path: Path, documents: int) -> tuple:
    with EmbeddedStore(tmp_path / "clean.db") as store:
        store.ingest_many(synthetic_documents(events=documents * 20, actors=60, documents=documents))
        return store.snapshot(), store.run_query("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id, type(r), b.id, "
                                                 "r.events, r.first, r.last ORDER BY a.id, type(r), b.id", {})


def test_a_second_writer_is_told_who_holds_the_store_and_readers_go_on(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    holder = writer(path, 3, "hold")
    try:
        wait_for_line(holder, lambda line: line == "holding")
        second = ckg("--graph", str(path), "ingest", str(EXAMPLES / "berlin-summit.en.txt"))
        assert second.returncode == 1
        assert second.stderr == (f"Error: {path}: the store is in use by process {holder.pid}; wait for it to "
                                 "finish or pass another --graph\n")
        stats = ckg("--graph", str(path), "stats", "--format", "json")
        assert stats.returncode == 0, stats.stderr
        assert (json.loads(stats.stdout)["documents"], json.loads(stats.stdout)["events_total"]) == (3, 60)
        rows = ckg("--graph", str(path), "cypher", "MATCH (d:Document) RETURN d.id AS id ORDER BY id",
                   "--format", "csv")
        assert rows.stdout == "id\ndoc-0000000\ndoc-0000001\ndoc-0000002\n"
    finally:
        holder.communicate("", timeout=120)
    assert holder.returncode == 0
    # The first writer gone, the second one's documents go in: nothing was lost on either side.
    again = ckg("--graph", str(path), "ingest", str(EXAMPLES / "berlin-summit.en.txt"))
    assert again.returncode == 0, again.stderr
    with EmbeddedStore(path, read_only=True) as store:
        assert store.stats()["documents"] == 4


def test_readers_see_whole_documents_while_an_ingest_runs(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    running = writer(path, 80, "fold")
    seen: list[tuple[int, int]] = []
    try:
        wait_for_line(running, lambda line: line.startswith("5 "))
        while running.poll() is None and len(seen) < 40:
            with EmbeddedStore(path, read_only=True) as reader:
                stats = reader.stats()
            seen.append((stats["documents"], stats["events_total"]))
            time.sleep(0.05)
    finally:
        running.communicate(timeout=300)
    assert running.returncode == 0
    assert len(seen) >= 3
    assert all(events == 20 * documents for documents, events in seen), seen  # whole documents only
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)  # never going back
    assert seen[0][0] >= 5


@pytest.mark.parametrize(("kill_after", "mode"), [(1, "slow"), (37, "slow"), (37, "slow-keep")])
def test_sigkill_then_rerun_gives_the_graph_of_a_clean_run(tmp_path: Path, kill_after: int, mode: str) -> None:
    """A run killed while its summaries wait for a recount leaves them marked: the rerun counts them again."""
    path = tmp_path / "g.db"
    first = writer(path, DOCUMENTS, mode)
    wait_for_line(first, lambda line: line.startswith(f"{kill_after} "))
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    assert first.returncode == -signal.SIGKILL

    with EmbeddedStore(path, read_only=True) as reader:
        stats = reader.stats()
        assert reader.summaries_behind() is (mode != "slow-keep")
    assert kill_after <= stats["documents"] < DOCUMENTS
    assert stats["events_total"] == 20 * stats["documents"]  # whole documents only

    rerun = writer(path, DOCUMENTS)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    statuses = [line.split()[1] for line in out.splitlines()]
    assert statuses == ["unchanged"] * stats["documents"] + ["added"] * (DOCUMENTS - stats["documents"])

    snapshot, summaries = clean_graph(tmp_path, DOCUMENTS)
    with EmbeddedStore(path, read_only=True) as store:
        assert not store.summaries_behind()
        assert store.snapshot() == snapshot
        assert store.run_query("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id, type(r), b.id, r.events, r.first, "
                               "r.last ORDER BY a.id, type(r), b.id", {}) == summaries
