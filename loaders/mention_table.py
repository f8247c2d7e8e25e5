"""A document's mentions kept in columns: a Mention and its two ints cost some 150 bytes, more than the text
they stand for; here a mention costs about 22 bytes, and a Mention is made only when it is asked for."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from loaders.mentions import Mention


class _Pool:
    """Values that repeat, each kept once and known by its index."""

    __slots__ = ("values", "_index")

    def __init__(self) -> None:
        self.values: list = []
        self._index: dict = {}

    def index(self, value: object, key: object = None) -> int:
        """The index of the value, known by `key` when it is given (an unhashable value's stand-in)."""
        key = value if key is None else key
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = len(self.values)
            self.values.append(value)
        return found

    def get(self, value: object) -> int | None:
        return self._index.get(value)


class MentionTable(Sequence[Mention]):
    """Mentions in text order (sorted by start, as extraction gives them); immutable once built."""

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        self._starts = array("q")
        self._ends = array("q")
        # kinds, clitics and actor tuples repeat: each is kept once, in a pool, and indexed
        self._kinds = array("H")
        self._clitics = array("H")
        self._actors = array("I")
        self._kind_pool, self._clitic_pool, self._actor_pool = _Pool(), _Pool(), _Pool()
        # the few group counts and shown phrases, by mention index
        self._counts: dict[int, int] = {}
        self._shown: dict[int, tuple[int, int]] = {}
        for mention in mentions:
            self._append(mention)
        # the mentions whose shown phrase starts elsewhere than they do, by where it starts
        self._shown_starts = sorted((shown[0], i) for i, shown in self._shown.items())

    def _append(self, mention: Mention) -> None:
        i = len(self._starts)
        self._starts.append(mention.start)
        self._ends.append(mention.end)
        self._kinds.append(self._kind_pool.index(mention.kind))
        self._clitics.append(self._clitic_pool.index(mention.clitic))
        actors = mention.actors
        # resolved references may hold their actors in a list: kept as given, apart from equal tuples
        key = None if isinstance(actors, tuple) else (list, tuple(actors))
        self._actors.append(self._actor_pool.index(actors, key))
        if mention.count is not None:
            self._counts[i] = mention.count
        if mention.shown is not None:
            self._shown[i] = mention.shown

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> Mention: ...
    @overload
    def __getitem__(self, i: slice) -> list[Mention]: ...
    def __getitem__(self, i: int | slice) -> Mention | list[Mention]:
        if isinstance(i, slice):
            return [self._mention(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._mention(i)

    def _mention(self, i: int) -> Mention:
        return Mention(self._starts[i], self._ends[i], self._actor_pool.values[self._actors[i]],
                       self._kind_pool.values[self._kinds[i]], self._clitic_pool.values[self._clitics[i]],
                       self._counts.get(i), self._shown.get(i))

    def __iter__(self) -> Iterator[Mention]:
        return map(self._mention, range(len(self)))

    def __reversed__(self) -> Iterator[Mention]:
        return map(self._mention, range(len(self) - 1, -1, -1))

    def actor_tuples(self) -> list[tuple[str, ...]]:
        """Each distinct tuple of actors the mentions stand for, in the order they first appear."""
        return list(self._actor_pool.values)  # the pool grows in text order and only from the mentions

    def has_kind(self, kinds: Iterable[str]) -> bool:
        """Whether a mention is of one of these kinds."""
        return any(self._kind_pool.get(kind) is not None for kind in kinds)

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start, or whose shown phrase starts, in [start, end), in text order."""
        first, last = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        indexes: Iterable[int] = range(first, last)
        if self._shown_starts:
            at = bisect.bisect_left(self._shown_starts, (start, -1))
            until = bisect.bisect_left(self._shown_starts, (end, -1))
            others = [i for _, i in self._shown_starts[at:until] if not first <= i < last]
            if others:
                indexes = sorted((*indexes, *others))
        return [self._mention(i) for i in indexes]
