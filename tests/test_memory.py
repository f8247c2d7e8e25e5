"""Memory for one document stays within a small multiple of its size (Python's own allocations, traced)."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path

from ckg import json_stream
from loaders.limits import Limits
from loaders.matcher import WINDOW
from loaders.pipeline import Extractor, extract_paths
from ontology.records import DocumentRecord
from tests.paths import EXAMPLES, SEED

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
    assert peak < 10 * path.stat().st_size + CONSTANT, peak


def test_english_news_dense_with_actors_and_its_json_cost_at_most_ten_times_its_size(tmp_path: Path) -> None:
    extractor = Extractor(limits=Limits(max_seconds=0))  # traced, it runs slower than the default budget allows
    list(extract_paths([SEED, EXAMPLES / "berlin-summit.en.txt"], extractor))  # both languages loaded
    text = "".join(p.read_text(encoding="utf-8") + "\n" for p in sorted(EXAMPLES.glob("*.en.txt")))
    path = tmp_path / "long.en.txt"
    path.write_text(text * (600_000 // len(text) + 1), encoding="utf-8")
    tracemalloc.start()
    try:
        [record] = list(extract_paths([path], extractor))
        with open(os.devnull, "w", encoding="utf-8") as sink:  # written as `ckg extract --format json` does
            json_stream.write_document(record, sink.write, first=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(record.relations) > 4000
    assert peak < 10 * path.stat().st_size + CONSTANT, peak


def test_the_streamed_json_is_that_of_the_whole_records() -> None:
    records = [r for r in extract_paths([SEED, EXAMPLES]) if isinstance(r, DocumentRecord)]
    out = io.StringIO()
    out.write(json_stream.OPEN)
    for i, record in enumerate(records):
        json_stream.write_document(record, out.write, first=i == 0)
    out.write(json_stream.CLOSE)
    whole = json.dumps({"documents": [r.to_json() for r in records]}, ensure_ascii=False, indent=1)
    assert len(records) == 17
    assert out.getvalue() == whole
