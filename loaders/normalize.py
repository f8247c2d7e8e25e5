"""Text normalisation for matching, with a map back to the original offsets.

Arabic forms that differ only in diacritics, tatweel, hamza on alef, alef maqsura, ta marbuta,
bidi marks or quote style are folded together; every kept character remembers where it came
from so that mentions and evidence always index the original text.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Diacritics, tatweel, zero-width and bidi control characters.
_DROP = re.compile(
    r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    r"\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'", "‛": "'",
    "،": ",", "؛": ";", "–": "-", "—": "-", "\u00a0": " ",
})


@dataclass(frozen=True)
class Normalized:
    """A folded text and, for each of its characters, the offset of the original character.

    `offsets` is a range when folding kept every character in place, else an array of 4-byte offsets:
    a Python int per character would cost ten times the text."""

    text: str
    offsets: Sequence[int]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the folded text back onto the original text."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        last = self.offsets[end - 1] + 1 if end > start else self.offsets[start]
        return self.offsets[start], last


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The folded form of one character ('' when it is dropped)."""
    if _DROP.match(ch):
        return ""
    ch = unicodedata.normalize("NFKC", ch)
    return ch.translate(_FOLD).lower()


_DOTTED = re.compile(r"(?<![^\W\d_])(?:[A-Za-z]\.){2,}")


def _abbreviation_dots(text: str) -> set[int]:
    """Offsets of the dots inside U.N., U.S. and the like, which are folded away."""
    return {m.start() + i for m in _DOTTED.finditer(text) for i in range(1, len(m.group()), 2)}


def normalize(text: str) -> Normalized:
    """Fold each character; runs of characters that fold to one character each are translated at once,
    and only dropped or expanded characters and abbreviation dots are handled one by one."""
    table: dict[int, str] = {}
    irregular: list[str] = []
    for ch in set(text):
        folded = fold_char(ch)
        if len(folded) != 1:
            irregular.append(ch)
        elif folded != ch:
            table[ord(ch)] = folded
    dot_set = _abbreviation_dots(text) if "." in text else set()
    dots = sorted(dot_set)
    if not irregular and not dots:
        return Normalized(text.translate(table), range(len(text)), len(text))
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(irregular)) + "]") if irregular else None
    special = (m.start() for m in pattern.finditer(text)) if pattern else iter(())
    pieces: list[str] = []
    offsets = array("I")
    done = 0
    for i in heapq.merge(special, dots):
        if i < done:
            continue  # a dot that is also irregular: handled once
        if i > done:
            pieces.append(text[done:i].translate(table))
            offsets.extend(range(done, i))
        if i not in dot_set:
            folded = fold_char(text[i])
            pieces.append(folded)
            offsets.extend([i] * len(folded))
        done = i + 1
    if done < len(text):
        pieces.append(text[done:].translate(table))
        offsets.extend(range(done, len(text)))
    return Normalized("".join(pieces), offsets, len(text))


@lru_cache(maxsize=65536)  # lexicon phrases and names are folded again and again
def fold(text: str) -> str:
    """The folded form of a phrase, for building patterns that match `normalize` output."""
    return " ".join(normalize(text).text.split())
