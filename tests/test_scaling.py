"""Work grows with the text, not with its square: counted in Python calls, which do not depend on the machine."""

from __future__ import annotations

import sys

from loaders.pipeline import Extractor
from loaders.readers import RawDocument
from tests.paths import SEED


def _calls(extractor: Extractor, text: str) -> int:
    doc = RawDocument("long", text, "ar", "2019-12-20", None, None, "long.ar.txt", "")
    count = 0

    def count_calls(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(count_calls)
    try:
        extractor.extract(doc)
    finally:
        sys.setprofile(None)
    return count


def test_four_times_the_text_is_about_four_times_the_work() -> None:
    extractor = Extractor()
    seed = SEED.read_text(encoding="utf-8")
    _calls(extractor, seed)  # caches warm
    small, large = _calls(extractor, seed * 16), _calls(extractor, seed * 64)
    # Linear work gives a ratio near 4; one scan of the document per mention gave over 50.
    assert 3.0 < large / small < 5.0, (small, large)


def test_a_line_without_full_stops_is_read_in_bounded_pieces() -> None:
    extractor = Extractor()
    clause = "Egypt condemned Turkey, and the GNA backed Russia while "
    _calls(extractor, clause * 10)
    small, large = _calls(extractor, clause * 100), _calls(extractor, clause * 400)
    # one sentence read whole cost the square of its length and more (over 14 times here)
    assert 3.0 < large / small < 5.0, (small, large)


def test_overlong_sentences_are_cut_at_a_clause_break() -> None:
    from loaders.sentences import MAX_SENTENCE, split_sentences

    text = "Egypt condemned Turkey, " * 100
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE and text[s.start : s.end] == s.text for s in sentences)
    assert [s.text[-1] for s in sentences] == [","] * len(sentences)
    assert "".join(s.text + " " for s in sentences) == text
