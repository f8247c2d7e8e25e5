"""When the embedded store keeps its summary relationships up as it writes, and when it counts them again.

Keeping a summary up costs a MERGE of its actor pair for each group of documents (about 100 µs a pair at 10^6
events); counting every summary again from the events costs one pass over each predicate's events (about
20 µs an event, bench/store.py). So a run that writes many events, against what the store already holds,
leaves its summaries for a recount: each group of documents is still whole in its own transaction, and
writes a mark (the Upkeep row SUMMARIES_BEHIND) that the summaries are behind. The recount ends with the mark
gone; a run stopped before that leaves the mark, and the next writer counts again. Readers in between see the
summaries as they were, and are told so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.schema import SUMMARIES_BEHIND
from graph.tallies import SUMMARY_MODALITY
from ontology.errors import StoreError
from ontology.vocabulary import PREDICATES

# A run leaves its summaries for a recount once it has written this share of the events the summaries were
# last counted over: a recount then costs less than keeping them up. A run into an empty store leaves them
# from its first group.
DEFER_SHARE = 0.25
# While summaries wait, they are counted again once the events written since reach those they were last
# counted over, and at least this many: readers' summaries then lag by at most half the graph, and the
# recounts of a long run add up to about twice its events.
RECOUNT_LEAST = 500_000
# A recount transaction holds the summaries of at most about this many asserted events: a predicate with
# more is counted in runs of source actors, so that memory stays bounded as the graph grows; predicates
# with fewer share a transaction.
RECOUNT_EVENTS = 100_000
# The database holds what was written since the last checkpoint in memory: when the graph has this many
# asserted events or more, the writer checkpoints after each recount transaction, waiting for open readers
# (two transactions of 200,000 without one between filled the 1 GiB page cache at 10^6 events).
RECOUNT_FOLD = 50_000
# When one pass over a predicate's events runs out of the page cache, its summaries are counted from this
# many sources at a time instead.
RECOUNT_SOURCES = 200

Rows = Callable[[str, Mapping[str, Any]], list[dict[str, Any]]]
Progress = Callable[[int, int], None]


@dataclass
class Upkeep:
    """What a writer knows of its summaries: the events they were last counted over, the events written since,
    and whether they are behind (this writer left some for a recount, or found the mark of one left)."""

    counted: int
    share: float = DEFER_SHARE
    written: int = 0
    waiting: int = 0
    behind: bool = False

    def defers(self, events: int) -> bool:
        """Whether a group of `events` events leaves its summaries for the recount.

        >>> u = Upkeep(counted=100_000); u.defers(20_000)
        False
        >>> u.wrote(20_000, deferred=False); u.defers(10_000)
        True
        >>> Upkeep(counted=0, share=math.inf).defers(10)  # never: every summary kept up
        False
        """
        if not self.behind and self.share < math.inf and self.written + events >= self.share * self.counted:
            self.behind = True
        return self.behind

    def wrote(self, events: int, deferred: bool) -> None:
        self.written += events
        self.waiting += events if deferred else 0

    def recount_due(self) -> bool:
        return self.behind and self.waiting >= max(self.counted, RECOUNT_LEAST)

    def counted_again(self, events: int) -> None:
        self.counted, self.written, self.waiting, self.behind = events, 0, 0, False


def source_ranges(ids: Sequence[str], parts: int) -> Iterator[tuple[str, str]]:
    """(first, last) ids of `parts` runs of the actors in id order, both ends included (none without actors).

    >>> list(source_ranges(["a", "b", "c", "d", "e"], 2))
    [('a', 'b'), ('c', 'e')]
    """
    parts = max(1, min(parts, len(ids)))
    starts = [len(ids) * k // parts for k in range(parts)]
    for start, end in zip(starts, [*starts[1:], len(ids)], strict=True):
        if end > start:
            yield ids[start], ids[end - 1]


def asserted_by_predicate(stats_rows: Iterable[Mapping[str, Any]]) -> Counter[str]:
    """Asserted events by predicate, from the rows of stats_events."""
    counts: Counter[str] = Counter()
    for row in stats_rows:
        if row["modality"] == SUMMARY_MODALITY:
            counts[row["predicate"]] += int(row["n"])
    return counts


def recount_units(asserted: Mapping[str, int], ids: Sequence[str]) -> list[list[tuple[str, str, str]]]:
    """The recount's transactions: each a list of (predicate, first, last), a predicate's summaries over the
    sources whose ids run from first to last, together holding about RECOUNT_EVENTS asserted events at most
    (a predicate with more is split into runs of its sources).

    >>> units = recount_units({"SUPPORTS": 450_000}, ["a", "b", "c"])
    >>> [len(unit) for unit in units], [u for unit in units for u in unit if u[0] == "SUPPORTS"]
    ([4, 1, 17], [('SUPPORTS', 'a', 'a'), ('SUPPORTS', 'b', 'b'), ('SUPPORTS', 'c', 'c')])
    """
    transactions: list[list[tuple[str, str, str]]] = [[]]
    held = 0
    for predicate in PREDICATES:
        events = asserted.get(predicate, 0)
        parts = math.ceil(events / RECOUNT_EVENTS)
        for first, last in source_ranges(ids, parts):
            share = events / max(parts, 1)
            if transactions[-1] and held + share > RECOUNT_EVENTS:
                transactions.append([])
                held = 0
            transactions[-1].append((predicate, first, last))
            held += share
    return transactions


def recount(read: Rows, write: Callable[[str, str, Mapping[str, Any]], None],
            transaction: Callable[[Callable[[], None], str], None], between: Callable[[bool], None],
            progress: Progress | None = None) -> None:
    """Every summary relationship counted again from the events, in transactions of recount_units, the last
    of which removes the mark that they were behind.

    read(name, params) runs a statement; write(name, predicate, params) runs a summary statement of that
    predicate; transaction(work, what) runs work in one transaction; between(fold) runs after each one,
    fold true when the graph has RECOUNT_FOLD asserted events or more."""
    asserted = asserted_by_predicate(read("stats_events", {}))
    ids = [row["id"] for row in read("actor_ids", {})]
    position = {actor: i for i, actor in enumerate(ids)}
    units = recount_units(asserted, ids)
    between(True)  # what the run wrote since its last fold leaves the memory first
    for done, unit in enumerate(units, 1):

        def count_again(unit: list[tuple[str, str, str]] = unit, final: bool = done == len(units),
                        by_source: bool = False) -> None:
            for predicate, first, last in unit:
                bounds = {"first": first, "last": last}
                write("drop_source_summaries", predicate, bounds)
                values = {"predicate": predicate, "modality": SUMMARY_MODALITY}
                if not by_source:
                    write("count_source_summaries", predicate, {**bounds, **values})
                    continue
                sources = ids[position[first]:position[last] + 1]
                for start in range(0, len(sources), RECOUNT_SOURCES):
                    write("count_summaries_of_sources", predicate,
                          {**values, "ids": sources[start:start + RECOUNT_SOURCES]})
            if final:
                read("clear_summaries_behind", {"mark": SUMMARIES_BEHIND})

        try:
            transaction(count_again, "counting the summary relationships again")
        except StoreError:  # out of the memory the database holds: fold the log, then go source by source
            between(True)
            transaction(lambda count_again=count_again: count_again(by_source=True),
                        "counting the summary relationships again, source by source")
        between(sum(asserted.values()) >= RECOUNT_FOLD)
        if progress:
            progress(done, len(units))
