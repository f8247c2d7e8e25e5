"""Cost per megabyte by document size: one document of 1 KB to 8 MB, extracted, beside a baseline.

    python bench/sizes.py [--max-mb 8] [--text mixed|ar|en|none] [--out FILE.json]

Each size runs in a fresh subprocess of this script that loads the extractor, warms it on the seed and
an English example, notes its RSS, then reads and extracts the one document and writes its JSON as
`ckg extract --format json` does, to /dev/null (repeated until a second has passed, for the small
ones); it reports seconds per MB and its peak RSS above the warmed process. The baseline is the same
read plus folding (`read_file` + `normalize`), measured the same way in the same invocation.
The documents (`--text`) are the seed article and the examples joined (mixed), the seed alone (ar) or
the English examples alone (en), repeated to the size, so they are as dense with actors as real news;
or (none) plain prose that names no actor.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed" / "gna-aid-request.ar.txt"
EXAMPLES = REPO / "examples"
SIZES_KB = (1, 8, 64, 512, 1024, 2048, 4096, 8192)
MIN_SECONDS = 1.0
# Prose that names no actor, for the cost of text alone.
PLAIN = ("The morning market opened late because of the rain, and the stalls sold bread, dates and tea.\n"
         "Children walked to school along the harbour road while fishermen mended their nets.\n"
         "In the afternoon the wind turned and the sea grew calm again; the cafes filled before sunset.\n")
TEXTS = ("mixed", "ar", "en", "none")


def _sources(text: str) -> list[str]:
    if text == "none":
        return [PLAIN]
    seed = [SEED.read_text(encoding="utf-8")] if text in ("mixed", "ar") else []
    pattern = {"mixed": "*.txt", "en": "*.en.txt", "ar": ""}[text]
    return seed + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob(pattern))] if pattern else seed


def make_document(path: Path, size: int, text: str = "mixed") -> None:
    """Whole lines of the chosen texts, repeated until the file has `size` bytes (cut at a line)."""
    sources = _sources(text)
    lines = [line for text in sources for line in text.split("\n") if line.strip()]
    out, total, i = [], 0, 0
    while True:
        line = lines[i % len(lines)] + "\n"
        if total + len(line.encode("utf-8")) > size and out:
            break
        out.append(line)
        total += len(line.encode("utf-8"))
        i += 1
    path.write_text("".join(out), encoding="utf-8")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, path: Path) -> dict[str, float]:
    """Runs in the subprocess: time and peak memory of one document's reading (and extraction)."""
    from ckg import json_stream
    from loaders.limits import Limits
    from loaders.normalize import normalize
    from loaders.pipeline import Extractor, extract_one
    from loaders.readers import read_file

    extractor = Extractor(limits=Limits(max_seconds=0))  # no time budget: a slow machine still measures
    for warm in (SEED, EXAMPLES / "berlin-summit.en.txt"):  # lexicons, automata and caches of both languages
        extractor.extract(next(read_file(warm)))
    before = _peak_mib()
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the child's whole life)
    runs, start = 0, time.perf_counter()
    while True:
        doc = next(read_file(path))
        if kind == "baseline":
            normalize(doc.text)
        else:
            record = extract_one(extractor, doc)
            assert not isinstance(record, Exception), record
            sink.write(json_stream.OPEN)
            json_stream.write_document(record, sink.write, first=True)
            sink.write(json_stream.CLOSE)
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= MIN_SECONDS:
            break
    mb = path.stat().st_size / 1e6
    return {"seconds_per_mb": elapsed / runs / mb, "peak_mib": _peak_mib(), "above_warm_mib": _peak_mib() - before}


def measure(kind: str, path: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(path)], capture_output=True, text=True,
                          check=True, cwd=REPO)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-mb", type=float, default=8)
    parser.add_argument("--text", choices=TEXTS, default="mixed", help="what the documents are made of")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    rows = []
    print(f"documents: {args.text}\n")
    print("| size | extract s/MB | baseline s/MB | time × baseline | peak RSS MiB | above warm MiB | "
          "above warm × size |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for kb in SIZES_KB:
            if kb > args.max_mb * 1024:
                break
            path = Path(tmp) / f"doc-{kb}k.{'en' if args.text in ('en', 'none') else 'ar'}.txt"
            make_document(path, kb * 1024, args.text)
            base, ext = measure("baseline", path), measure("extract", path)
            size_mib = path.stat().st_size / 2**20
            row = {"kb": kb, "bytes": path.stat().st_size, "extract": ext, "baseline": base}
            rows.append(row)
            label = f"{kb} KB" if kb < 1024 else f"{kb // 1024} MB"
            # below a MiB the peak is within the resolution of ru_maxrss (and of the allocator's arenas)
            ratio = f"{ext['above_warm_mib'] / size_mib:.1f}" if ext["above_warm_mib"] >= 1 else "–"
            print(f"| {label} | {ext['seconds_per_mb']:.2f} | {base['seconds_per_mb']:.3f} | "
                  f"{ext['seconds_per_mb'] / base['seconds_per_mb']:.0f} | {ext['peak_mib']:.0f} | "
                  f"{ext['above_warm_mib']:.1f} | {ratio} |", flush=True)
    measured = [r for r in rows if r["kb"] >= 64]
    if measured:
        rates = [r["extract"]["seconds_per_mb"] for r in measured]
        ratios = [r["extract"]["above_warm_mib"] / (r["bytes"] / 2**20) for r in measured if r["kb"] >= 1024]
        print(f"\nfrom 64 KB: s/MB max ÷ min {max(rates) / min(rates):.2f} (bound 1.5)"
              + (f"; from 1 MB: peak above warm ≤ {max(ratios):.1f} × size (bound 10)" if ratios else ""))
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
