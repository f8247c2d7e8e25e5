"""Extraction speed in MB/s on one core, beside a bare Aho-Corasick scan of the same text in the same run.

    python bench/extract_speed.py [--copies N]

The corpus is the seed and examples/ repeated N times, each copy a document of its own. The baseline is one
pass of the actor gazetteer's automaton over every document (the least any extractor that finds names must do);
the ratio says how much the rest of extraction (sentences, agents, references, relations, dates) costs on top.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed" / "gna-aid-request.ar.txt"


def corpus(copies: int) -> list[tuple[str, str]]:
    sources = [SEED, *sorted((REPO / "examples").glob("*.txt"))]
    texts = [(p.name.split(".")[-2], p.read_text(encoding="utf-8")) for p in sources if p.exists()]
    return [(lang, text) for _ in range(copies) for lang, text in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()

    import sys

    sys.path.insert(0, str(REPO))
    from loaders.normalize import normalize
    from loaders.pipeline import Extractor
    from loaders.readers import RawDocument

    docs = corpus(args.copies)
    size_mb = sum(len(text.encode("utf-8")) for _, text in docs) / 1e6
    extractor = Extractor()
    automaton = extractor.recognizer._names  # the gazetteer's names, nisbas and capitals
    automaton.build()

    start = time.perf_counter()
    hits = 0
    for _, text in docs:
        hits += len(automaton.find_all(normalize(text).text))
    scan = time.perf_counter() - start

    start = time.perf_counter()
    relations = 0
    for i, (lang, text) in enumerate(docs):
        doc = RawDocument(id=f"d{i}", text=text, lang=lang, published="2020-01-15", title=None, url=None,
                          sha256=str(i), path=None)
        relations += len(extractor.extract(doc).relations)
    full = time.perf_counter() - start

    print(json.dumps({
        "documents": len(docs), "megabytes": round(size_mb, 2),
        "scan_mb_per_s": round(size_mb / scan, 2), "extract_mb_per_s": round(size_mb / full, 3),
        "extract_over_scan": round(full / scan, 1), "name_hits": hits, "relations": relations,
    }, indent=1))


if __name__ == "__main__":
    main()
