"""What the embedded store is built from: its statement files, batches of rows, the spelling of its Cypher,
plain values out of the database, and the lock file that lets readers open beside the writer."""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from graph.embedded_paths import damage_error, is_damage
from graph.guard import masked
from graph.model import ACTOR_FIELDS, EVENT_FIELDS
from graph.schema import EFFECTIVE_DATE, IN_MONTH, KEY_COLUMNS, MONTH, MONTH_LENGTH, columns, quoted
from graph.store import read_only_refusal, read_statement, relationship_type
from ontology.errors import QueryError, StoreError

CYPHER_DIR = Path(__file__).with_name("cypher") / "embedded"
# Rows a statement carries: as many as a bare bulk insert would (bench/store.py).
BATCH_SIZE = 5000
LOCK_SUFFIX = ".lock"
LOCK_WAIT_SECONDS = 600.0
# The writer folds its log into the database once the log passes this size: often enough that readers
# replay little when they open (a second or two), seldom enough that ingest does not wait on it (at a
# quarter of this size, checkpoints took a third of the time of an ingest of 10^5 events).
CHECKPOINT_LOG_BYTES = 128 * 1024 * 1024
# Documents a transaction holds at most, by their events: larger groups mean fewer statements for the
# summaries and fewer commits; each document is whole or absent all the same.
GROUP_EVENTS = 20000
# The database's page cache, a reader's and the writer's; left unset it may grow to most of the machine's
# memory. The writer's is smaller: it reads little, and its peak is the cache plus what a checkpoint holds
# (at 10^6 events, ingest took 186 s and peaked at 1.09 GiB with 512 MiB, against 220 s and 1.21 GiB with 1 GiB).
BUFFER_POOL_BYTES = 1 << 30
WRITER_POOL_BYTES = 1 << 29
# After a checkpoint, the writer opens the database afresh when its page cache holds more than this share of
# its size: each relationship table a transaction wrote to keeps memory in the cache that no checkpoint
# gives back (about 60 MB for a table of 100,000 summaries at 2.5 million events), and opening afresh does.
REOPEN_SHARE = 0.25

# Neo4j's type(r) is label(r) here; the database has no function named type.
_TYPE_CALL = re.compile(r"(?<![\w.$`])type(\s*\()", re.IGNORECASE)
SCALARS = frozenset({str, int, float, bool, type(None)})
_INTERNAL_KEYS = frozenset({"_ID", "_LABEL", "_SRC", "_DST"})
# An event node's own properties; source, target and document are its relationships.
EVENT_PROPERTIES = tuple(f for f in EVENT_FIELDS if f not in ("source", "target", "document"))
# Rows travel into the database as lists of text, in these orders: a list of strings passes several times
# faster than a map of mixed values, and the statement casts each number back to its column's type. The
# target and document ids travel once: the columns that keep them read the relationships' ends.
EVENT_ROW = (*(name for name, _ in columns("Event") if name not in KEY_COLUMNS), "source", "target", "document")
# Where a row holds its effective date: the column before the ids of source, target and document.
EFFECTIVE_AT = len(EVENT_ROW) - 4
assert EVENT_ROW[EFFECTIVE_AT] == EFFECTIVE_DATE


@cache
def statement(name: str) -> str:
    """The text of graph/cypher/embedded/<name>.cypher, read once; a statement both databases read alike
    has no embedded variant and is read from graph/cypher/<name>.cypher."""
    own = CYPHER_DIR / f"{name}.cypher"
    return read_statement(own if own.exists() else CYPHER_DIR.parent / own.name, "embedded")


def _cast(value: str, kind: str) -> str:
    return value if kind == "STRING" else f"CAST({value} AS {kind})"


@cache
def event_statement(dated: bool = True) -> str:
    """create_events with its row positions and the Event properties, each cast to its column's type;
    dated events are linked to the month of their effective date."""
    position = {name: i for i, name in enumerate(EVENT_ROW, 1)}
    position.update((name, position[end]) for name, end in KEY_COLUMNS.items())
    properties = ", ".join(f"{quoted(name)}: {_cast(f'r[{position[name]}]', kind)}" for name, kind in columns("Event"))
    text = statement("create_events").replace("{{properties}}", "{" + properties + "}")
    for end in ("source", "target", "document"):
        text = text.replace("{{" + end + "}}", str(position[end]))
    month = f"\nMATCH (m:{MONTH} {{id: left(r[{EFFECTIVE_AT + 1}], {MONTH_LENGTH})}})"
    text = text.replace("{{month_match}}", month if dated else "")
    return text.replace("{{month_create}}", f",\n       (e)-[:{IN_MONTH}]->(m)" if dated else "")


def event_groups(rows: Sequence[Sequence[str | None]], size: int = BATCH_SIZE) -> Iterator[tuple[str, list[Any]]]:
    """(statement, batch) for event rows: the dated ones, linked to their months, then the others."""
    for dated in (True, False):
        for batch in batches([row for row in rows if (row[EFFECTIVE_AT] is not None) is dated], size):
            yield event_statement(dated), batch


def months_of(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """The months (YYYY-MM) of event rows' effective dates, each once, in order."""
    return sorted({date[:MONTH_LENGTH] for row in rows if (date := row[EFFECTIVE_AT]) is not None})


def event_rows(events: Sequence[Mapping[str, Any]], published: Mapping[str, str | None]) -> list[list[str | None]]:
    """Events as lists of text in EVENT_ROW order, each with its effective date: its own date, else the
    publication date of its document (published: document id -> date)."""
    own = EVENT_ROW[:EFFECTIVE_AT]
    rows = []
    for event in events:
        row = [None if (v := event[f]) is None else str(v) for f in own]
        row += [event["date"] or published.get(event["document"]), event["source"], event["target"],
                event["document"]]
        rows.append(row)
    return rows


def summary_statement(name: str, predicate: str) -> str:
    """A summary statement with its relationship type, a predicate the ontology vouches for."""
    return statement(name).replace("{{type}}", relationship_type(predicate))


def batches(rows: Sequence[Any], size: int = BATCH_SIZE) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield list(rows[start:start + size])


def dialect(cypher: str) -> str:
    """Neo4j Cypher as the embedded database reads it: type(r) becomes label(r), outside strings.

    >>> dialect('MATCH (a)-[r]->(b) WHERE a.name <> "type(x)" RETURN type(r) AS predicate')
    'MATCH (a)-[r]->(b) WHERE a.name <> "type(x)" RETURN label(r) AS predicate'
    """
    bare = masked(cypher)
    pieces, last = [], 0
    for match in _TYPE_CALL.finditer(bare):
        pieces += [cypher[last:match.start()], "label"]
        last = match.start(1)
    return "".join(pieces) + cypher[last:]


def plain(value: Any) -> Any:
    """A database value as plain Python, as the Neo4j store gives it: a node or relationship is the
    dict of its set properties, a path the list of its nodes.

    >>> plain(Decimal("3")), plain(Decimal("2.5"))
    (3, 2.5)
    """
    if isinstance(value, Mapping):
        if "_NODES" in value:
            return [plain(node) for node in value["_NODES"]]
        graph_value = "_LABEL" in value or "_ID" in value
        return {str(k): plain(v) for k, v in value.items()
                if not (graph_value and (k in _INTERNAL_KEYS or v is None))}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Decimal):  # a sum of integers is a 128-bit integer here, a plain int on Neo4j
        return int(value) if value == value.to_integral_value() else float(value)
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)


def actor_row(props: Mapping[str, Any]) -> dict[str, Any]:
    """An actor's properties in ACTOR_FIELDS order, its aliases a list."""
    row = {f: props.get(f) for f in ACTOR_FIELDS}
    row["aliases"] = list(props.get("aliases") or [])
    return row


def event_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """An event's properties and its source, target and document ids, in EVENT_FIELDS order."""
    merged = {**{f: row["event"].get(f) for f in EVENT_PROPERTIES},
              "source": row["source"], "target": row["target"], "document": row["document"]}
    return {f: merged.get(f) for f in EVENT_FIELDS}


def query_error(path: Path, exc: BaseException, timeout: float | None) -> Exception:
    """The one-line error for a researcher's query the database refused or stopped."""
    if is_damage(exc):
        return damage_error(path, exc)
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "read-only" in message.lower() or "read only" in message.lower():
        return QueryError(read_only_refusal())
    if message.rstrip(".") == "Interrupted":
        return QueryError(f"the query ran longer than {timeout or 0:g} s and was stopped; narrow it "
                          "or pass a longer --timeout")
    return QueryError(f"the embedded store cannot run this query: {message}")


def give_back_freed_memory() -> None:
    """Return to the system what the C allocator keeps of memory freed (several hundred MB after a
    checkpoint of a large store); a no-op where the C library has no malloc_trim."""
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)


class LockFile:
    """PATH.lock: readers hold it shared; the writer takes it alone to open, checkpoint and close."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + LOCK_SUFFIX)
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            try:  # a reader of a graph in a directory it may not write to
                self.fd = os.open(self.path, os.O_RDONLY)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the store's lock file ({exc.strerror}); "
                                 "run where the graph's directory can be written") from None

    def acquire(self, shared: bool, wait: bool = True) -> bool:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(self.fd, mode | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if not wait:
                    return False
                if time.monotonic() > deadline:
                    raise StoreError(f"{self.path}: waited {LOCK_WAIT_SECONDS:.0f} s for other readers or the "
                                     "writer of this store; try again when they are done") from None
                time.sleep(0.02)

    def release(self) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_UN)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
