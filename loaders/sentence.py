"""One sentence as the relation engine reads it, and what the engine finds in it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

from loaders.lexicon import Frame
from loaders.matcher import PhraseMatch
from loaders.mentions import Mention
from loaders.tokens import Token


@dataclass(frozen=True, slots=True)
class Argument:
    """An actor mention in a sentence with what governs it and the list it belongs to."""

    index: int
    mention: Mention
    governor: str | None  # a preposition, "apposition", "genitive", "source", or None (subject/object)
    group: int


@dataclass(frozen=True, slots=True)
class FoundRelation:
    source: str
    predicate: str
    target: str
    modality: str
    cameo: str
    plover: str
    confidence: float
    trigger_start: int
    trigger_end: int = -1
    rule: str = ""  # the mechanism and data entry that found it, for `ckg explain`


@dataclass(frozen=True)
class Skip:
    """A trigger that gave no relation, and why (kept only when a reader traces)."""

    start: int
    end: int
    predicate: str
    reason: str


@cache  # one string a frame, not one a relation
def frame_rule(frame: Frame, author: bool = False) -> str:
    if author:
        return frame_rule(frame) + ", the attack's author"
    voice = "" if frame.voice == "active" else f", {frame.voice}"
    entry = f", {frame.entry}" if frame.entry else ""
    return f"trigger frame {frame.predicate} ({frame.pos}{voice}, CAMEO {frame.cameo}{entry})"


@dataclass
class Sentence:
    """One sentence being read: its span of the folded text, tokens, arguments and triggers."""

    text: str
    start: int
    end: int
    tokens: list[Token]
    args: list[Argument]
    triggers: list[PhraseMatch]
    relative_spans: list[tuple[int, int]]
    # tokens do not overlap, so both lists are in order: a window is found by bisection, not by a scan
    _starts: list[int] = field(init=False, repr=False)
    _ends: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]

    def words_between(self, start: int, end: int) -> list[str]:
        first, last = bisect.bisect_left(self._starts, start), bisect.bisect_right(self._ends, end)
        return [t.text for t in self.tokens[first:last]]

    def tokens_before(self, position: int) -> list[Token]:
        return self.tokens[: bisect.bisect_right(self._ends, position)]

    def tokens_after(self, position: int) -> list[Token]:
        return self.tokens[bisect.bisect_left(self._starts, position) :]

    def words_before(self, position: int) -> list[str]:
        return [t.text for t in self.tokens_before(position)]

    def span_at(self, position: int) -> tuple[int, int] | None:
        """The relative (or participle) clause holding `position`, if any."""
        return next(((s, e) for s, e in self.relative_spans if s <= position < e), None)

    def trigger_word(self, trigger: PhraseMatch) -> str:
        """The trigger's first word without its clitics."""
        return self.text[trigger.start + len(trigger.clitic) : trigger.end].split()[0]


def group_actors(arg: Argument, args: list[Argument]) -> tuple[str, ...]:
    """Every actor of the list the argument belongs to ("Egypt, the UAE and Russia")."""
    return tuple(dict.fromkeys(x for a in args if a.group == arg.group for x in a.mention.actors))


def dedupe(found: list[FoundRelation]) -> list[FoundRelation]:
    seen: dict[tuple[str, str, str, str], FoundRelation] = {}
    for rel in found:
        key = (rel.source, rel.predicate, rel.target, rel.modality)
        if key not in seen or rel.confidence > seen[key].confidence:
            seen[key] = rel
    return list(seen.values())
