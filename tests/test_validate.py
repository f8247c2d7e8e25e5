"""Every field a reader produces is checked: a bad one refuses its document with one line naming the file,
the line and the field, a repairable one is repaired with a warning, and the other documents still load."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Literal

from loaders.readers import RawDocument, read_documents
from loaders.validate import MAX_TITLE
from ontology.errors import InputError


def _read(*paths: Path) -> list[RawDocument | InputError]:
    return list(read_documents(paths))


def _summary(items: list[RawDocument | InputError]) -> list[str]:
    return [str(i) if isinstance(i, InputError) else f"ok {i.id}" for i in items]


def test_bad_fields_in_a_feed_refuse_their_line_only(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a", "text": "Egypt condemned the attack.", "published": "2020-02-30"},
        {"id": "b", "text": "Egypt condemned the attack.", "published": "2021-00-10"},
        {"id": "c", "text": "Egypt condemned the attack.", "published": "0990-01-01"},
        {"id": "d", "text": "Egypt condemned the attack.", "lang": 5},
        {"id": "e", "text": "Egypt condemned the attack.", "lang": "x y"},
        {"id": "f", "text": "Egypt condemned the attack.", "title": {"x": 1}},
        {"id": ["g"], "text": "Egypt condemned the attack."},
        {"id": "h\u202e", "text": "Egypt condemned the attack."},
        {"id": "i" * 201, "text": "Egypt condemned the attack."},
        {"id": "j", "text": "Egypt condemned the attack.", "url": 7},
        {"id": "k", "text": "Egypt condemned the attack.", "published": 20200101},
        {"id": "ok", "text": "Egypt condemned the attack.", "lang": "en-GB", "published": "2020-02-29"},
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n"
    text += '{"id": "big", "text": "Egypt condemned it.", "n": ' + "9" * 5000 + "}\n"
    text += '{"id": ' + "9" * 5000 + ', "text": "Egypt condemned it."}\n'
    text += '{"id": "deep", "text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    feed.write_text(text, encoding="utf-8")
    f = str(feed)
    assert _summary(_read(feed)) == [
        f"{f}:1: published date '2020-02-30' is not a calendar date: day is out of range for month",
        f"{f}:2: published date '2021-00-10' is not a calendar date: month must be in 1..12",
        f"{f}:3: published date '0990-01-01' is outside 1800-01-01 to 2100-12-31",
        f"{f}:4: field 'lang': must be a string, not a whole number",
        f"{f}:5: field 'lang': 'x y' is not a language tag such as 'ar', 'en' or 'en-GB'",
        f"{f}:6: field 'title': must be a string, number or null, not an object",
        f"{f}:7: field 'id': must be a string, number or null, not a list",
        f"{f}:8: field 'id': holds a control or bidi character: 'h\\u202e'",
        f"{f}:9: field 'id': is 201 characters long (the limit is 200)",
        f"{f}:10: field 'url': must be a string, not a whole number",
        f"{f}:11: field 'published': must be a string, not a whole number",
        "ok ok",
        "ok big",  # a huge number in a field nobody reads is left alone
        f"{f}:14: field 'id': must be a string, number or null, not a number of 5000 digits",
        f"{f}:15: JSON nested too deeply",
    ]


def test_bad_sidecars_and_html_meta_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Egypt condemned the attack.\n")
    (tmp_path / "a.meta.json").write_text('{"published": "2020-02-30"}')
    (tmp_path / "b.txt").write_text("Egypt condemned the attack.\n")
    (tmp_path / "b.meta.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "c.txt").write_text("Egypt condemned the attack.\n")
    (tmp_path / "c.meta.json").write_text('{"id": ' + "1" * 4400 + "}")
    (tmp_path / "d.html").write_text('<html lang="1"><p>Egypt condemned the attack.</p></html>')
    (tmp_path / "e.html").write_text('<html><head><meta name="date" content="2021-00-10"></head>'
                                     "<p>Egypt condemned the attack.</p></html>")
    (tmp_path / "f.txt").write_text("Egypt condemned the attack.\n")
    t = tmp_path
    assert _summary(_read(tmp_path)) == [
        f"{t / 'a.txt'}: published date '2020-02-30' is not a calendar date: day is out of range for month",
        f"{t / 'b.meta.json'}: JSON nested too deeply",
        f"{t / 'c.meta.json'}: field 'id': must be a string, number or null, not a number of 4400 digits",
        f"{t / 'd.html'}: field 'lang': '1' is not a language tag such as 'ar', 'en' or 'en-GB'",
        f"{t / 'e.html'}: published date '2021-00-10' is not a calendar date: month must be in 1..12",
        "ok f",
    ]


def test_every_accepted_language_tag_is_one_rdf_accepts(tmp_path: Path) -> None:
    tags = ["ar", "en", "en-GB", "zh-Hant-TW", "AR", "5", "x y", "en_GB", "", "-", "ar-", "a" * 9, "ar-LY-x" * 9]
    feed = tmp_path / "f.jsonl"
    feed.write_text("".join(json.dumps({"id": f"t{i}", "text": "Text.", "lang": t}) + "\n"
                            for i, t in enumerate(tags)))
    accepted = [d.lang for d in _read(feed) if isinstance(d, RawDocument)]
    # "" means "not given": the language is detected
    assert accepted == ["ar", "en", "en-GB", "zh-Hant-TW", "AR", "en"]
    for tag in accepted:
        assert Literal("x", lang=tag).language is not None


def test_titles_are_one_short_line_and_bad_urls_are_dropped(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    rows = [
        {"id": "long", "text": "Text.", "title": "word " * 100},
        {"id": "lines", "text": "Text.", "title": "one\ntwo\u202e\tthree", "url": "javascript:alert(1)"},
        {"id": "url", "text": "Text.", "url": "https://example.org/a b"},
        {"id": "good", "text": "Text.", "url": "https://example.org/ليبيا?q=1"},
        {"id": "derived", "text": "\n  " + "x" * 5000 + "\nbody"},
    ]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    docs = _read(feed)
    assert all(isinstance(d, RawDocument) for d in docs)
    titles = {d.id: d.title for d in docs}
    assert len(titles["long"]) <= MAX_TITLE and titles["long"].endswith("word…")
    assert titles["lines"] == "one two three"
    assert titles["derived"] == "x" * (MAX_TITLE - 1) + "…"
    assert {d.id: d.url for d in docs} == {"long": None, "lines": None, "url": None, "derived": None,
                                           "good": "https://example.org/ليبيا?q=1"}
    assert [list(d.warnings) for d in docs] == [
        [f"{feed}:1: field 'title': 499 characters, cut to 300"],
        [f"{feed}:2: field 'url': 'javascript:alert(1)' is not an http(s) IRI: dropped"],
        [f"{feed}:3: field 'url': 'https://example.org/a b' is not an http(s) IRI: dropped"],
        [], [],
    ]


def test_a_line_too_long_refuses_its_document(tmp_path: Path, monkeypatch) -> None:
    import loaders.validate as validate

    monkeypatch.setattr(validate, "MAX_LINE", 50)
    (tmp_path / "a.txt").write_text("Title\n" + "x " * 40 + "\nshort\n")
    (tmp_path / "b.txt").write_text("Title\n" + "x " * 20 + "\n")
    assert _summary(_read(tmp_path)) == [
        f"{tmp_path / 'a.txt'}: field 'text': line 2 of the text has 80 characters (the limit is 50): "
        "break it into paragraphs",
        "ok b",
    ]


def test_two_languages_of_one_story_keep_apart(tmp_path: Path) -> None:
    (tmp_path / "story.ar.txt").write_text("أدانت مصر الهجوم.\n", encoding="utf-8")
    (tmp_path / "story.en.txt").write_text("Egypt condemned the attack.\n")
    (tmp_path / "alone.en.txt").write_text("Egypt condemned the attack.\n")
    other = tmp_path / "other"
    other.mkdir()
    (other / "story.ar.txt").write_text("أدانت مصر الهجوم مرة أخرى.\n", encoding="utf-8")
    (other / "story.en.txt").write_text("Egypt condemned the attack again.\n")
    again = 'give one of them another id (an "id" in its .meta.json or line)'
    assert _summary(_read(tmp_path)) == [
        "ok alone",
        "ok story.ar",
        "ok story.en",
        f"{tmp_path / 'story.ar.txt'}: document id 'story.ar' already read from {other / 'story.ar.txt'}: {again}",
        f"{tmp_path / 'story.en.txt'}: document id 'story.en' already read from {other / 'story.en.txt'}: {again}",
    ]


def test_a_shared_sidecar_id_is_refused_the_second_time(tmp_path: Path) -> None:
    (tmp_path / "story.ar.txt").write_text("أدانت مصر الهجوم.\n", encoding="utf-8")
    (tmp_path / "story.en.txt").write_text("Egypt condemned the attack.\n")
    (tmp_path / "story.meta.json").write_text('{"id": "story"}')
    assert _summary(_read(tmp_path)) == [
        "ok story",
        f"{tmp_path / 'story.en.txt'}: document id 'story' already read from {tmp_path / 'story.ar.txt'}: "
        'give one of them another id (an "id" in its .meta.json or line)',
    ]


def test_utf16_with_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    (tmp_path / "le.txt").write_bytes("\ufeffأدانت مصر الهجوم.\r\n".encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes("\ufeffEgypt condemned it.\n".encode("utf-16-be"))
    docs = _read(tmp_path)
    assert [(d.id, d.lang, d.text) for d in docs] == [
        ("be", "en", "Egypt condemned it.\n"), ("le", "ar", "أدانت مصر الهجوم.\n"),
    ]


def test_a_file_removed_during_the_run_is_an_error(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Egypt condemned the attack.\n")
    items = read_documents([tmp_path])
    first = next(items)
    (tmp_path / "b.txt").unlink()
    assert _summary([first, *items]) == [
        "ok a", f"{tmp_path / 'b.txt'}: no longer there: removed while the run was going on", "ok c",
    ]
