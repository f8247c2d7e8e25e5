"""Word tokens over folded text: the unit that clitic handling, prepositions and cue windows count in."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*", re.UNICODE)
ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]


def is_arabic(text: str) -> bool:
    return bool(ARABIC.search(text))
