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
