"""An actor's mentions kept in arrays: a record and two ints for each mention of a large document would cost
more than the document itself; each Mention is made when it is asked for."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from ontology.records import Mention


class MentionList(Sequence["Mention"]):
    """Mentions in order; the text of each is a shared string (an actor is named the same way again and again)."""

    __slots__ = ("_texts", "_starts", "_ends")

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        self._texts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")
        for mention in mentions:
            self.add(mention.text, mention.start, mention.end)

    def add(self, text: str, start: int, end: int) -> None:
        self._texts.append(text)
        self._starts.append(start)
        self._ends.append(end)

    def reverse(self) -> None:
        self._texts.reverse()
        self._starts.reverse()
        self._ends.reverse()

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, i: int) -> Mention: ...
    @overload
    def __getitem__(self, i: slice) -> list[Mention]: ...
    def __getitem__(self, i: int | slice) -> Mention | list[Mention]:
        from ontology.records import Mention

        if isinstance(i, slice):
            return [Mention(*m) for m in zip(self._texts[i], self._starts[i], self._ends[i], strict=True)]
        return Mention(self._texts[i], self._starts[i], self._ends[i])

    def __iter__(self) -> Iterator[Mention]:
        from ontology.records import Mention

        for text, start, end in zip(self._texts, self._starts, self._ends, strict=True):
            yield Mention(text, start, end)

    def __eq__(self, other: object) -> bool:
        # equal to a list of the same mentions, as the list it stands for would be
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list

    def __repr__(self) -> str:
        return repr(list(self))
