"""The corpus whole-run benchmarks read: the seed article and the examples, repeated as distinct documents."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed" / "gna-aid-request.ar.txt"
EXAMPLES = REPO / "examples"

# The last word of a copy gets this run's copy number, so no two copies share a sha256.
_LAST_WORD = re.compile(r"(\w+)(\W*)$")


@dataclass(frozen=True)
class Source:
    """One article the corpus repeats."""

    id: str
    text: str
    meta: dict[str, Any]


def source_files() -> list[Path]:
    """The seed article and the example articles, whichever exist; at least one must."""
    files = [SEED] if SEED.is_file() else []
    if EXAMPLES.is_dir():
        files += sorted(p for p in EXAMPLES.glob("*.txt") if p.is_file())
    if not files:
        sys.exit(f"bench: no articles to repeat: neither the seed article {SEED} nor any {EXAMPLES}/*.txt "
                 "exists; check out the shared corpus beside the repository or add example articles")
    return files


def load_sources(files: Iterable[Path]) -> list[Source]:
    """Read each article with the project's own reader, so ids, language and dates come from its sidecar."""
    from loaders.readers import read_file

    sources = []
    for path in files:
        for doc in read_file(path):
            if isinstance(doc, Exception):
                sys.exit(f"bench: cannot use {path} as a source article: {doc}")
            meta = {"lang": doc.lang, "published": doc.published, "title": doc.title, "url": doc.url}
            sources.append(Source(doc.id, doc.text, {k: v for k, v in meta.items() if v}))
    return sources


def vary(text: str, copy: int) -> str:
    """The text with its last word marked by the copy number."""
    varied, n = _LAST_WORD.subn(lambda m: f"{m.group(1)}{copy}{m.group(2)}", text.rstrip("\n"), count=1)
    return (varied if n else f"{text} {copy}") + "\n"


def build_corpus(sources: list[Source], count: int, directory: Path, run_token: str) -> None:
    """count distinct documents, the sources taken in turn, each with its own id in a sidecar.

    Ids carry a token of this invocation so that a server store sees new documents every run."""
    directory.mkdir(parents=True, exist_ok=True)
    for copy in range(count):
        source = sources[copy % len(sources)]
        doc_id = f"{source.id}-{run_token}-{copy:05d}"
        lang = source.meta.get("lang", "und")
        (directory / f"{doc_id}.{lang}.txt").write_text(vary(source.text, copy), encoding="utf-8")
        meta = {**source.meta, "id": doc_id}
        (directory / f"{doc_id}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
