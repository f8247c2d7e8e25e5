"""Generated careless and hostile input: no traceback, every good document read, and every offset in the
output points at the text it claims."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ckg.cli import cli
from loaders.pipeline import Extractor, extract_one
from loaders.readers import RawDocument
from ontology.records import DocumentRecord

# Characters that break careless code: bidi and zero-width controls, a BOM, diacritics and tatweel that
# folding drops, ligatures that it expands, dots of abbreviations, quotes, line breaks of every kind.
AWKWARD = "\u202e\u202d\u2066\u2067\u2069\u200b\u200c\u200d\u200e\u200f\ufeff\u061c\u064b\u0651\u0640ﻻﷺ①ﬁ" \
          "U.S.A. “”«»،؛\u00a0\r\n\t\x00\x1b\u2028\u2029"
WORDS = ["Egypt", "condemned", "Turkey", "backed", "the", "GNA", "and", "Russia", "attacked", "Tripoli", "Haftar's",
         "forces", "the latter", "him", "Sarraj", "أدانت", "مصر", "تركيا", "وحكومة الوفاق", "القوات الموالية للمشير",
         "حفتر", "هذا الأخير", "الطرفين", ",", ".", "؟", "!", "\n"]

awkward_text = st.text(alphabet=st.sampled_from(AWKWARD), max_size=6)
any_text = st.text(max_size=30)
prose = st.lists(st.one_of(st.sampled_from(WORDS), awkward_text, any_text), max_size=40).map(" ".join)

# JSON fragments for a metadata field: of every type, and the shapes that broke reading before.
json_value = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), any_text, awkward_text,
    st.sampled_from(["2020-02-30", "2021-00-10", "0001-01-01", "2020-01-05", "20200105", "en", "ar", "x y", "5",
                     "https://example.org/a", "javascript:alert(1)", "a" * 400]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
).map(lambda v: json.dumps(v, ensure_ascii=False))
raw_fragment = st.one_of(
    json_value,
    st.integers(min_value=4301, max_value=6000).map(lambda n: "9" * n),
    st.integers(min_value=2000, max_value=60_000).map(lambda n: "[" * n + "]" * n),
)
FIELDS = ("id", "lang", "published", "title", "url")


@st.composite
def bad_row(draw: st.DrawFn) -> str:
    """A JSON object (or not) with any field of any type, as text."""
    parts = [f'"{name}": {draw(raw_fragment)}' for name in draw(st.lists(st.sampled_from(FIELDS), max_size=4,
                                                                          unique=True))]
    if draw(st.booleans()):
        parts.append(f'"text": {draw(st.one_of(json_value, prose.map(json.dumps)))}')
    body = "{" + ", ".join(parts) + "}"
    return draw(st.sampled_from([body, body[:-1], "[" + body + "]", body + body]))


@st.composite
def corpus(draw: st.DrawFn) -> tuple[dict[str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    """(good documents by id, feed lines, (name, text or sidecar) files); good ones have clean metadata."""
    good: dict[str, str] = {}
    lines: list[str] = []
    for i in range(draw(st.integers(min_value=1, max_value=4))):
        text = draw(prose) + " Egypt condemned Turkey. " + draw(prose)
        good[f"good-{i}"] = text
        lines.append(json.dumps({"id": f"good-{i}", "text": text, "lang": "en", "published": "2020-02-29"},
                                ensure_ascii=draw(st.booleans())))
    lines += draw(st.lists(bad_row(), max_size=4))
    order = draw(st.permutations(range(len(lines))))
    files: list[tuple[str, str]] = []
    for i in range(draw(st.integers(min_value=0, max_value=2))):
        files.append((f"side-{i}.txt", draw(prose)))
        files.append((f"side-{i}.meta.json", "{" + ", ".join(
            f'"{name}": {draw(raw_fragment)}' for name in draw(st.lists(st.sampled_from(FIELDS), unique=True))) + "}"))
    return good, [lines[i] for i in order], files


def _check_offsets(doc: dict, text: str) -> None:
    for rel in doc["relations"]:
        ev = rel["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["sentence"]
    for actor in doc["actors"]:
        for mention in actor["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpus())
def test_hostile_files_give_messages_not_tracebacks(data: tuple[dict[str, str], list[str], list[tuple[str, str]]]
                                                   ) -> None:
    good, lines, files = data
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        docs = root / "docs"
        docs.mkdir()
        (docs / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for name, content in files:
            (docs / name).write_text(content, encoding="utf-8")
        result = runner.invoke(cli, ["extract", str(docs)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert "Traceback" not in result.output and "internal error" not in result.output
        assert result.exit_code in (0, 1)
        output = json.loads(result.stdout[result.stdout.index('{\n "documents"'):])
        by_id = {d["id"]: d for d in output["documents"]}
        assert set(good) <= set(by_id)
        for doc_id, text in good.items():
            _check_offsets(by_id[doc_id], text)
            assert ("egypt", "CONDEMNS", "turkey") in {(r["source"], r["predicate"], r["target"])
                                                        for r in by_id[doc_id]["relations"]}
        stored = runner.invoke(cli, ["--graph", str(root / "g.json"), "ingest", str(docs)])
        assert stored.exception is None or isinstance(stored.exception, SystemExit), stored.output
        assert "Traceback" not in stored.output and "internal error" not in stored.output
        assert f"{len(by_id)} documents ({len(by_id)} added" in stored.output


_EXTRACTOR = Extractor()


@settings(max_examples=150, deadline=None)
@given(st.one_of(prose, st.text(max_size=300)), st.sampled_from(["ar", "en", "fr"]),
       st.sampled_from([None, "2020-01-05", "1800-01-01", "2100-12-31"]))
def test_any_text_extracts_with_offsets_into_the_original(text: str, lang: str, published: str | None) -> None:
    record = extract_one(_EXTRACTOR, RawDocument("d", text, lang, published, None, None, "d.txt", ""))
    assert isinstance(record, DocumentRecord), record
    _check_offsets(record.to_json(), text)
