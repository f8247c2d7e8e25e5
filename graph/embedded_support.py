"""What the embedded store is built from: its statement files, batches of rows, the spelling of its Cypher,
plain values out of the database, and the lock file that lets readers open beside the writer."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from graph.guard import masked
from graph.model import EVENT_FIELDS
from graph.store import read_statement, relationship_type
from ontology.errors import StoreError

CYPHER_DIR = Path(__file__).with_name("cypher") / "embedded"
BATCH_SIZE = 500
LOCK_SUFFIX = ".lock"
LOCK_WAIT_SECONDS = 600.0
# The writer folds its log into the database once the log passes this size: often enough that readers
# replay little when they open, seldom enough that ingest does not wait on it.
CHECKPOINT_LOG_BYTES = 32 * 1024 * 1024
# The database's page cache; left unset it may grow to most of the machine's memory.
BUFFER_POOL_BYTES = 1 << 30

# Neo4j's type(r) is label(r) here; the database has no function named type.
_TYPE_CALL = re.compile(r"(?<![\w.$`])type(\s*\()", re.IGNORECASE)
SCALARS = frozenset({str, int, float, bool, type(None)})
_INTERNAL_KEYS = frozenset({"_ID", "_LABEL", "_SRC", "_DST"})
# An event node's own properties; source, target and document are its relationships.
EVENT_PROPERTIES = tuple(f for f in EVENT_FIELDS if f not in ("source", "target", "document"))


@cache
def statement(name: str) -> str:
    """The text of graph/cypher/embedded/<name>.cypher, read once."""
    return read_statement(CYPHER_DIR / f"{name}.cypher", "embedded")


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
    dict of its set properties, a path the list of its nodes."""
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
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)


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
