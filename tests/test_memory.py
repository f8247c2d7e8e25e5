"""Memory for one document stays within a small multiple of its size (Python's own allocations, traced)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from loaders.matcher import WINDOW
from loaders.pipeline import Extractor, extract_paths
from ontology.records import DocumentRecord
from tests.paths import SEED

# Fresh English prose that names no actor: the case that cost 60 times its size.
# The constant: the phrase automaton's copy of one window of text, 4 bytes a character, and a margin.
CONSTANT = 4 * WINDOW + (1 << 20)
PLAIN = "The quick brown fox jumps over the lazy dog, and then it rests for a while.\n"


def _peak(extractor: Extractor, path: Path) -> tuple[int, list[DocumentRecord]]:
    tracemalloc.start()
    try:
        records = list(extract_paths([path], extractor))
        return tracemalloc.get_traced_memory()[1], records
    finally:
        tracemalloc.stop()


def test_a_plain_text_costs_at_most_ten_times_its_size_and_a_constant(tmp_path: Path) -> None:
    extractor = Extractor()
    list(extract_paths([SEED], extractor))  # lexicons and caches loaded
    path = tmp_path / "plain.en.txt"
    path.write_text(PLAIN * (1_500_000 // len(PLAIN)), encoding="utf-8")
    peak, [record] = _peak(extractor, path)
    assert record.relations == []
    assert peak < 10 * path.stat().st_size + CONSTANT, peak


def test_an_article_dense_with_actors_costs_a_small_multiple_of_its_size(tmp_path: Path) -> None:
    extractor = Extractor()
    path = tmp_path / "long.ar.txt"
    path.write_text(SEED.read_text(encoding="utf-8") * 100, encoding="utf-8")
    peak, [record] = _peak(extractor, path)
    assert len(record.relations) == 2900
    # a mention every few words, each with its records, and the relations themselves: about 14 times
    assert peak < 15 * path.stat().st_size + CONSTANT, peak
