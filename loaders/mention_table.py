"""A document's mentions kept in columns: a Mention and its two ints cost some 150 bytes, more than the text
they stand for; here a mention costs about 14 bytes, and a Mention is made only when it is asked for."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from loaders.mentions import Mention

_CHUNK = 1024  # mentions made at once when iterating: fast to make, few held
_LISTED = object()  # marks the key of actors held in a list (a resolved reference's), apart from equal tuples


_WIDER = {"B": "I", "I": "q"}  # a column whose values outgrow its type is widened once


def _indexed(values: Iterable, pool: dict) -> list[int]:
    """Each value's index in `pool` (value → index, grown as new values come)."""
    return [pool.setdefault(value, len(pool)) for value in values]


def _extended(column: array, values: list[int]) -> array:
    """The column with the values after it: the same array, or a wider one when a value does not fit."""
    typecode = column.typecode
    while True:
        try:
            column.extend(array(typecode, values))
            return column
        except OverflowError:
            typecode = _WIDER[typecode]
            column = array(typecode, column)


class MentionTable(Sequence[Mention]):
    """Mentions in text order (sorted by start, as extraction gives them), added only at the end."""

    def __init__(self, mentions: Sequence[Mention] = ()) -> None:
        # the narrowest types that hold most documents' values (offsets under 4 G, a few kinds and clitics)
        self._starts = array("I")
        self._ends = array("I")
        # kinds, clitics and actor tuples repeat: each is kept once and known by its index
        self._kinds, self._clitics, self._actors = array("B"), array("B"), array("I")
        self._kind_index: dict[str, int] = {}
        self._clitic_index: dict[str, int] = {}
        self._actor_index: dict[tuple, int] = {}
        self._kind_values: list[str] = []
        self._clitic_values: list[str] = []
        self._actor_values: list[tuple[str, ...]] = []
        # the few group counts and shown phrases, by mention index
        self._counts: dict[int, int] = {}
        self._shown: dict[int, tuple[int, int]] = {}
        self._shown_starts: list[tuple[int, int]] = []  # (where the shown phrase starts, index), sorted
        self.extend(mentions)

    def extend(self, mentions: Sequence[Mention]) -> None:
        """Adds mentions after the last (in text order: none may start before it)."""
        offset = len(self)
        self._starts = _extended(self._starts, [m.start for m in mentions])
        self._ends = _extended(self._ends, [m.end for m in mentions])
        self._kinds = _extended(self._kinds, _indexed((m.kind for m in mentions), self._kind_index))
        self._clitics = _extended(self._clitics, _indexed((m.clitic for m in mentions), self._clitic_index))
        self._actors = _extended(self._actors, _indexed((m.actors if m.actors.__class__ is tuple
                                                         else (_LISTED, *m.actors) for m in mentions),
                                                        self._actor_index))
        self._kind_values = list(self._kind_index)
        self._clitic_values = list(self._clitic_index)
        self._actor_values += [list(key[1:]) if key[:1] == (_LISTED,) else key
                               for key in list(self._actor_index)[len(self._actor_values):]]
        counts = {offset + i: m.count for i, m in enumerate(mentions) if m.count is not None}
        shown = {offset + i: m.shown for i, m in enumerate(mentions) if m.shown is not None}
        self._counts.update(counts)
        self._shown.update(shown)
        if shown:
            self._shown_starts = sorted((*self._shown_starts, *((s[0], i) for i, s in shown.items())))

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> Mention: ...
    @overload
    def __getitem__(self, i: slice) -> list[Mention]: ...
    def __getitem__(self, i: int | slice) -> Mention | list[Mention]:
        if isinstance(i, slice):
            first, last, step = i.indices(len(self))
            return self._made(first, last) if step == 1 else [self._mention(j) for j in range(first, last, step)]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._mention(i)

    def _mention(self, i: int) -> Mention:
        return Mention(self._starts[i], self._ends[i], self._actor_values[self._actors[i]],
                       self._kind_values[self._kinds[i]], self._clitic_values[self._clitics[i]],
                       self._counts.get(i), self._shown.get(i))

    def _made(self, first: int, last: int) -> list[Mention]:
        """The mentions first..last-1, made at once (far faster than one by one)."""
        span = slice(first, last)
        actors, kinds, clitics = self._actor_values, self._kind_values, self._clitic_values
        counts, shown = self._counts, self._shown
        return [Mention(start, end, actors[a], kinds[k], clitics[c], counts.get(i), shown.get(i))
                for i, start, end, a, k, c in zip(range(first, last), self._starts[span], self._ends[span],
                                                  self._actors[span], self._kinds[span], self._clitics[span],
                                                  strict=True)]

    def __iter__(self) -> Iterator[Mention]:
        for first in range(0, len(self), _CHUNK):
            yield from self._made(first, min(first + _CHUNK, len(self)))

    def __reversed__(self) -> Iterator[Mention]:
        for last in range(len(self), 0, -_CHUNK):
            yield from reversed(self._made(max(0, last - _CHUNK), last))

    def since(self, start: int) -> Iterator[Mention]:
        """The mentions from the first that starts at or after `start` on."""
        first = bisect.bisect_left(self._starts, start)
        for at in range(first, len(self), _CHUNK):
            yield from self._made(at, min(at + _CHUNK, len(self)))

    def actor_tuples(self) -> list[tuple[str, ...]]:
        """Each distinct tuple of actors the mentions stand for, in the order they first appear."""
        return list(self._actor_values)

    def has_kind(self, kinds: Iterable[str]) -> bool:
        """Whether a mention is of one of these kinds."""
        return any(kind in self._kind_values for kind in kinds)

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start, or whose shown phrase starts, in [start, end), in text order."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end, first)
        if self._shown_starts:
            at = bisect.bisect_left(self._shown_starts, (start, -1))
            until = bisect.bisect_left(self._shown_starts, (end, -1), at)
            others = [i for _, i in self._shown_starts[at:until] if not first <= i < last]
            if others:
                return [self._mention(i) for i in sorted((*range(first, last), *others))]
        # most sentences name one actor or none: made without slicing every column
        return [] if first == last else [self._mention(first)] if last - first == 1 else self._made(first, last)


class TableWriter:
    """Mentions written one by one, in text order, into a table; the last `keep` are also at hand as objects,
    for looking back over."""

    def __init__(self, keep: int) -> None:
        self._keep = keep
        self._table = MentionTable()
        self._last: list[Mention] = []  # written after those of the table

    def append(self, mention: Mention) -> None:
        self._last.append(mention)
        if len(self._last) >= self._keep + _CHUNK:
            self._table.extend(self._last[: -self._keep])
            del self._last[: -self._keep]

    def last(self, count: int) -> list[Mention]:
        """The last `count` mentions written (`count` at most `keep`)."""
        return self._last[-count:]

    def since(self, start: int) -> Iterator[Mention]:
        """The mentions written from the first that starts at or after `start` on."""
        yield from self._table.since(start)
        yield from self._last[bisect.bisect_left(self._last, start, key=_start):]

    def close(self) -> MentionTable:
        """The table of every mention written; the writer is done with."""
        self._table.extend(self._last)
        self._last = []
        return self._table


def _start(mention: Mention) -> int:
    return mention.start
