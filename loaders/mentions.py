"""Actor mentions: stretches of folded text that stand for one or more actors."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

# a set: whether a mention is a reference is asked millions of times a document
REFERENCE_KINDS = frozenset((
    "latter", "parties", "dual", "pronoun_person", "person_pair", "force_reference", "the_country", "the_city",
    "the_capital", "his_forces", "head_noun", "state_pair", "state_group", "state_count", "attack_reference",
    "doer_reference",
))
# References that point back at an attack or at those who carried it out: resolved to its attacker.
ATTACK_REFERENCES = ("attack_reference", "doer_reference")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of folded text that stands for one or more actors (several for a group reference)."""

    start: int
    end: int
    actors: tuple[str, ...]
    kind: str
    clitic: str = ""
    count: int | None = None
    # The whole phrase to report when it is wider than the part the relation reader places: a composed
    # agent sits where its nationality word stood ("قوات [تركية]"), so clauses read as they did without it.
    shown: tuple[int, int] | None = None

    @property
    def is_reference(self) -> bool:
        return self.kind in REFERENCE_KINDS


class Taken:
    """The text already claimed by mentions: spans that do not overlap, kept sorted, asked in log time."""

    def __init__(self, mentions: list[Mention] = ()) -> None:
        # the two lists hold the mentions' own ints: a tuple for each of a document's mentions, sorted, would
        # cost more than the mentions (they come sorted; the rare unsorted list is sorted as pairs)
        starts = [m.shown[0] if m.shown else m.start for m in mentions]
        ends = [m.shown[1] if m.shown else m.end for m in mentions]
        if any(starts[i] > starts[i + 1] or (starts[i] == starts[i + 1] and ends[i] > ends[i + 1])
               for i in range(len(starts) - 1)):
            spans = sorted(zip(starts, ends, strict=True))
            starts, ends = [s for s, _ in spans], [e for _, e in spans]
        self._starts = starts
        self._ends = ends

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
