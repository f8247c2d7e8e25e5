"""Text normalisation for matching, with a map back to the original offsets.

Arabic forms that differ only in diacritics, tatweel, hamza on alef, alef maqsura, ta marbuta,
bidi marks or quote style are folded together; every kept character remembers where it came
from so that mentions and evidence always index the original text.
"""

from __future__ import annotations

import bisect
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


class Offsets(Sequence[int]):
    """The original offset of each folded character, kept as runs that share one shift (original minus
    folded offset): an array of an int per character would cost four times an English text."""

    def __init__(self) -> None:
        self._starts = array("q")  # folded offset where each run begins
        self._shifts = array("q")
        self._lasts = array("q")  # original offset of each run's last character
        self._length = 0

    def extend(self, original_start: int, count: int, step: int = 1) -> None:
        """`count` folded characters from `original_start` on, one apart (`step` 1) or all on it (0)."""
        if count <= 0:
            return
        if step == 0:
            for _ in range(count):
                self.extend(original_start, 1)
            return
        shift = original_start - self._length
        if self._shifts and self._shifts[-1] == shift:
            self._lasts[-1] = original_start + count - 1
        else:
            self._starts.append(self._length)
            self._shifts.append(shift)
            self._lasts.append(original_start + count - 1)
        self._length += count

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i: int) -> int:  # type: ignore[override]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        return i + self._shifts[bisect.bisect_right(self._starts, i) - 1]

    def folded(self, original: int) -> int:
        """The first folded offset whose original offset is at least `original` (bisect_left of the sequence)."""
        run = bisect.bisect_left(self._lasts, original)
        if run == len(self._lasts):
            return self._length
        return max(self._starts[run], original - self._shifts[run])


@dataclass(frozen=True)
class Normalized:
    """A folded text and, for each of its characters, the offset of the original character.

    `offsets` is a range when folding kept every character in place, else runs of `Offsets`."""

    text: str
    offsets: range | Offsets
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the folded text back onto the original text."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        last = self.offsets[end - 1] + 1 if end > start else self.offsets[start]
        return self.offsets[start], last

    def folded(self, original: int) -> int:
        """The folded offset of an original offset (of the next kept character when it was dropped)."""
        if isinstance(self.offsets, range):
            return min(max(original, 0), len(self.offsets))
        return self.offsets.folded(original)


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
    offsets = Offsets()
    done = 0
    for i in heapq.merge(special, dots):
        if i < done:
            continue  # a dot that is also irregular: handled once
        if i > done:
            pieces.append(text[done:i].translate(table))
            offsets.extend(done, i - done)
        if i not in dot_set:
            folded = fold_char(text[i])
            pieces.append(folded)
            offsets.extend(i, len(folded), step=0)
        done = i + 1
    if done < len(text):
        pieces.append(text[done:].translate(table))
        offsets.extend(done, len(text) - done)
    return Normalized("".join(pieces), offsets, len(text))


@lru_cache(maxsize=65536)  # lexicon phrases and names are folded again and again
def fold(text: str) -> str:
    """The folded form of a phrase, for building patterns that match `normalize` output."""
    return " ".join(normalize(text).text.split())
