# Multi-pattern phrase matching over folded text (Aho-Corasick), aware of proclitics.
#
# A phrase also matches with the conjunctions and prepositions that its language writes onto it
# (lang/<lang>/grammar.toml: in Arabic و ف ب ل ك, and لل for ال); the attached clitic is reported so
# that callers know, for instance, that "لحكومة" is governed by the preposition ل.

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

from loaders.grammar import affixes_of

# The automaton copies what it searches into 4 bytes a character: a long text is searched a window at a time.
WINDOW = 1 << 18
# Characters of text (whole lines) whose match candidates are held at once by `find`.
CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int
    end: int
    payload: Any
    clitic: str

    @property
    def length(self) -> int:
        return self.end - self.start


def clitic_variants(phrase: str, verb: bool = False) -> list[tuple[str, str]]:
    """(variant, clitic) pairs: the phrase with each proclitic it may carry in writing."""
    affixes = affixes_of(phrase)
    prefixes = affixes.proclitics + (affixes.future_proclitics if verb else ())
    out = [(p + phrase, p) for p in prefixes]
    article = affixes.article
    if article and phrase.startswith(article) and len(phrase) > len(article) + 1:
        stem = phrase[len(article) :]
        out += [(written + stem, clitic) for written, clitic in affixes.article_after_lam]
    return out


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


class PhraseMatcher:
    """Collects folded phrases with payloads, then finds leftmost-longest whole-word matches."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._entries: dict[str, list[tuple[Hashable, str]]] = {}
        self._built = False
        self._longest = 0

    def add(self, phrase: str, payload: Hashable, *, verb: bool = False, suffixes: Iterable[str] = ()) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        forms = [phrase] + [phrase + s for s in suffixes]
        for form in forms:
            variants = clitic_variants(form, verb)
            for variant, clitic in variants:
                bucket = self._entries.setdefault(variant, [])
                if (payload, clitic) not in bucket:
                    bucket.append((payload, clitic))
        self._built = False

    def build(self) -> None:
        self._automaton = ahocorasick.Automaton()
        for key, payloads in self._entries.items():
            self._automaton.add_word(key, (len(key), payloads))
        self._longest = max(map(len, self._entries), default=0)
        if self._entries:
            self._automaton.make_automaton()
        self._built = True

    def find_all(self, text: str) -> list[PhraseMatch]:
        """Every whole-word match, overlapping ones included."""
        if not self._built:
            self.build()
        if not self._entries:
            return []
        found: list[PhraseMatch] = []
        for end_index, (length, payloads) in self._matches(text):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and _is_letter(text[start - 1]):
                continue
            if end < len(text) and _is_letter(text[end]):
                continue
            for payload, clitic in payloads:
                found.append(PhraseMatch(start, end, payload, clitic))
        return found

    def _matches(self, text: str) -> Iterator[tuple[int, tuple[int, list]]]:
        """(end index, value) of every key occurring in the text, in order of their ends."""
        if len(text) <= WINDOW:
            yield from self._automaton.iter(text)
            return
        for begin in range(0, len(text), WINDOW):
            # each window starts early enough to hold a key ending in it; keys ending before it were reported
            offset = max(0, begin - self._longest)
            for end_index, value in self._automaton.iter(text[offset : begin + WINDOW]):
                if end_index + offset >= begin:
                    yield end_index + offset, value

    def find(self, text: str) -> list[PhraseMatch]:
        """Leftmost-longest matches that do not overlap; payloads of one span are all kept."""
        return list(self.iter_find(text))

    def iter_find(self, text: str) -> Iterator[PhraseMatch]:
        """The matches of `find` in the same order, as they are found.

        No phrase holds a line break, so a long text is searched a stretch of lines at a time: the
        candidates held at once are those of one stretch, not of the whole document."""
        if len(text) <= CHUNK:
            yield from self._find(text, 0)
            return
        begin = 0
        while begin < len(text):
            cut = text.find("\n", begin + CHUNK)
            stop = len(text) if cut < 0 else cut + 1
            yield from self._find(text[begin:stop], begin)
            begin = stop

    def _find(self, text: str, offset: int) -> list[PhraseMatch]:
        candidates = sorted(self.find_all(text), key=lambda m: (m.start, -m.length))
        chosen: list[PhraseMatch] = []
        taken_until = -1
        span: tuple[int, int] | None = None
        for match in candidates:
            if span == (match.start, match.end):
                chosen.append(match)
                continue
            if match.start < taken_until:
                continue
            chosen.append(match)
            span = (match.start, match.end)
            taken_until = match.end
        if offset:
            return [PhraseMatch(m.start + offset, m.end + offset, m.payload, m.clitic) for m in chosen]
        return chosen
