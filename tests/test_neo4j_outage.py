"""A Neo4j that goes away in the middle of a load: a one-line error, every committed document kept, and the
next run completes the load, to the graph a clean load gives."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import neo4j_server_module, unavailable
from neo4j import GraphDatabase

from graph.embedded import EmbeddedStore
from graph.neo4j_store import Neo4jStore
from loaders.tables import ACLED_COLUMNS

pytestmark = pytest.mark.neo4j

ROWS = 6000
PAIRS = (("Military Forces of Turkey (2016-)", "Wagner Group", "8", "8"),
         ("LNA: Libyan National Army", "Military Forces of Libya (2014-) Government of National Accord", "1", "1"),
         ("Militia (Zintan)", "Civilians (Libya)", "4", "7"))
CKG = [str(Path(sys.executable).with_name("ckg"))]


def write_rows(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, restval="")
        writer.writeheader()
        for n in range(ROWS):
            actor1, actor2, inter1, inter2 = PAIRS[n % len(PAIRS)]
            writer.writerow({
                "event_id_cnty": f"LBY{n:05d}", "event_date": f"2020-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": actor1, "inter1": inter1,
                "actor2": actor2, "inter2": inter2, "country": "Libya", "location": f"Place {n % 50}",
                "latitude": "32.1", "longitude": "13.2", "source": "A wire", "fatalities": str(n % 5),
                "notes": f"Row {n}: two forces exchanged fire.",
            })


def documents(uri: str) -> int:
    with GraphDatabase.driver(uri, auth=None) as driver:
        records, _, _ = driver.execute_query("MATCH (d:Document) RETURN count(d) AS n")
    return records[0]["n"]


def test_a_server_lost_mid_load_keeps_what_was_committed_and_the_next_run_completes(tmp_path: Path) -> None:
    server = neo4j_server_module()
    rows = tmp_path / "acled.csv"
    write_rows(rows)
    state = tmp_path / "neo4j"
    try:
        info = server.start(state)
    except server.Neo4jServerError as error:
        unavailable(str(error))
    try:
        Neo4jStore(info.bolt_uri).close()  # the constraints first, so that the load starts at once
        load = subprocess.Popen([*CKG, "--store", "neo4j", "--uri", info.bolt_uri, "ingest", str(rows)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        committed = 0
        while committed < 1000 and load.poll() is None:
            time.sleep(0.2)
            committed = documents(info.bolt_uri)
        assert load.poll() is None, "the load ended before the server could be stopped: give it more rows"
        os.kill(info.pid, signal.SIGKILL)  # the server goes away, as a crash would take it
        out, err = load.communicate(timeout=300)
        assert load.returncode == 1
        assert out == ""
        [line] = err.strip().splitlines()
        # lost while writing a group, or while committing it (then it may or may not be stored)
        assert line.startswith((f"Error: Neo4j at {info.bolt_uri} went away while writing 1000 documents (",
                                f"Error: Neo4j at {info.bolt_uri} went away while committing 1000 documents, which "
                                "may or may not be stored; what was written before is: "))
        assert line.endswith("run the same ingest again to add the rest")
        server.stop(state)
        info = server.start(state)
        kept = documents(info.bolt_uri)
        assert committed <= kept < ROWS and kept % 1000 == 0  # whole groups, none lost
        again = subprocess.run([*CKG, "--store", "neo4j", "--uri", info.bolt_uri, "ingest", str(rows)],
                               capture_output=True, text=True, timeout=600)
        assert (again.returncode, again.stderr) == (0, "")
        assert again.stdout == (f"{ROWS} documents ({ROWS - kept} added, 0 replaced, {kept} unchanged), "
                                f"{ROWS} events; 0 failed\n")
        with Neo4jStore(info.bolt_uri) as neo, EmbeddedStore(tmp_path / "clean.db") as clean:
            from ckg.api import ConflictKG

            assert ConflictKG(clean).ingest([rows]).errors == []
            assert neo.stats() == clean.stats()
            assert neo.snapshot() == clean.snapshot()
    finally:
        server.stop(state)
