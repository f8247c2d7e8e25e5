"""Sentence spans over the original text: lines, then sentence-final punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from loaders.spans import Spans

# Longer stretches without an end mark are cut, at a clause break where there is one: no sentence of news
# comes near, and the cost of reading a sentence grows faster than its length.
MAX_SENTENCE = 1000
_END = re.compile(r"[.!?؟]+[\"'”’»)]*(?=\s|$)")
_LANG_DIR = Path(__file__).parent / "lang"


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose dot ends no sentence ("Gen.", "Sept."), from every language's abbreviations.txt."""
    return frozenset(line.strip().lower() for path in sorted(_LANG_DIR.glob("*/abbreviations.txt"))
                     for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


@dataclass(frozen=True, slots=True)  # one per sentence of a document that may be large
class Sentence:
    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower().rstrip(".")
    return len(word) == 1 or word in _abbreviations() or "." in word


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end an overlong sentence before `limit`: after a clause break, else a space, else anywhere."""
    half = start + (limit - start) // 2
    for marks in ((",", ";", "،", "؛"), (" ", "\t")):
        at = max(text.rfind(mark, half, limit) for mark in marks)
        if at >= half:
            return at + 1
    return limit


class Sentences(Sequence[Sentence]):
    """A text's sentences, each made when it is asked for: their spans alone are kept."""

    def __init__(self, text: str, spans: Spans) -> None:
        self.text = text
        self.spans = spans

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> Sentence:  # type: ignore[override]
        if i < 0:
            i += len(self.spans)
        start, end = self.spans[i]
        return Sentence(i, start, end, self.text[start:end])

    def __iter__(self) -> Iterator[Sentence]:
        for i, (start, end) in enumerate(self.spans):
            yield Sentence(i, start, end, self.text[start:end])


def split_sentences(text: str) -> Sentences:
    sentences = Spans()

    def add(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > MAX_SENTENCE:  # reading a sentence costs more than its length: bound it
            cut = _cut(text, start, start + MAX_SENTENCE)
            add(start, cut)
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            sentences.append(start, end)

    line_start = 0
    while line_start <= len(text):  # line by line, without a copy of every line at once
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        cursor = line_start
        for match in _END.finditer(text, line_start, line_end):
            lone_dot = text[match.start()] == "." and match.end() - match.start() == 1
            if lone_dot and _is_abbreviation(text, match.start()):
                continue
            add(cursor, match.end())
            cursor = match.end()
        add(cursor, line_end)
        line_start = line_end + 1
    return Sentences(text, sentences)
