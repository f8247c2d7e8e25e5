"""Pages of a question ordered by actor or month: the first rows come from the first actors or months alone.

A catalog query whose rows are ordered by an actor's id first may take `$window`, a run of actor ids in
the database's order, and keep to the actors of that run (`WHERE s.id IN $window`); one ordered by month
first, a run of months. Its header says which: `// window: $window (runs of actors ...)`. Its first page is then
read from as many runs, in order, as it takes to fill the page: the rows of one run all come before those
of the next, so joined they are the page the whole question would give, while the database reads only the
events of the actors or months the page reaches instead of sorting every matching event of the graph.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graph.store import Store
from ontology.errors import QueryError

WINDOW = "window"
# What a run is made of, and the statement that gives all of them in order.
KEYS = {"actors": "MATCH (a:Actor) RETURN a.id AS id ORDER BY id",
        "months": "MATCH (m:Month) RETURN m.id AS id ORDER BY id"}
# The first run's least length: an actor is the source of a few of a page's rows, a month of a corpus holds
# the events of many actors. Later runs are sized from the rows the first gave.
FIRST_RUN = {"actors": 32, "months": 1}
# The first run is also long enough to hold this many events for each row the page needs, as if events were
# spread evenly over the keys: on a small graph one run then reads it whole instead of many short ones.
EVENTS_PER_ROW = 4
EVENTS = "MATCH (e:Event) RETURN count(e) AS n"
_HEADER = re.compile(r"^\$window\s*\(\s*runs of (\w+)")
# How much longer than the last a run may grow when the runs before it yielded too few rows to tell how
# many more actors or months the rest of the page needs.
MOST_GROWTH = 32
# A run is made this much longer than the rows seen so far say the page needs, so that one run more is rare.
MARGIN = 1.25
# $limit when every row is asked for.
ALL_ROWS = 2**62


def next_run(keys_read: int, rows_read: int, rows_needed: int, last_run: int) -> int:
    """How many keys (actors or months) the next run takes, from the rows the runs so far gave per key.

    >>> next_run(16, 400, 601, 16)   # 25 rows a key: 24 keys more, with a margin
    31
    >>> next_run(16, 0, 1001, 16)    # nothing yet: grow as far as allowed
    512
    """
    if rows_read == 0:
        return last_run * MOST_GROWTH
    per_key = rows_read / keys_read
    return max(1, min(last_run * MOST_GROWTH, math.ceil(rows_needed / per_key * MARGIN)))


def first_run(kind: str, keys: int, events: int, rows: int) -> int:
    """How many keys the first run takes for a page of `rows` rows.

    >>> first_run("actors", 2000, 1_000_000, 1001), first_run("actors", 2000, 10_000, 1001)
    (32, 801)
    """
    even = math.ceil(keys * EVENTS_PER_ROW * rows / max(events, 1))
    return max(FIRST_RUN[kind], even)


def window_kind(header: str, path: Path) -> str:
    """What the runs of a query's window header are made of: actors or months."""
    match = _HEADER.match(header.strip())
    if not match or match.group(1) not in KEYS:
        raise QueryError(f"{path}: write its window header as '// window: $window (runs of KIND ...)', KIND one of "
                         f"{', '.join(KEYS)}")
    return match.group(1)


def run_in_windows(store: Store, kind: str, text: str, values: Mapping[str, Any], limit: int,
                   limit_clause: str) -> list[dict[str, Any]]:
    """The first `limit` rows of a query that takes `$window` (all its rows when limit is 0), its runs
    made of `kind` (a key of KEYS)."""
    keys = [row["id"] for row in store.run_query(KEYS[kind], {})]
    paged = text.rstrip() + limit_clause
    if not limit:
        return store.run_query(paged, {**values, WINDOW: keys, "limit": ALL_ROWS})
    rows: list[dict[str, Any]] = []
    start, run = 0, first_run(kind, len(keys), int(store.run_query(EVENTS, {})[0]["n"]), limit)
    while start < len(keys) and len(rows) < limit:
        window = keys[start:start + run]
        rows += store.run_query(paged, {**values, WINDOW: window, "limit": limit - len(rows)})
        start += len(window)
        run = next_run(start, len(rows), limit - len(rows), run)
    return rows
