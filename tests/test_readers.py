"""Reading documents: formats, metadata, and one-line errors for bad files that leave the rest loading."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.readers import RawDocument, read_documents
from ontology.errors import InputError


def _read(*paths: Path) -> list[RawDocument | InputError]:
    return list(read_documents(paths))


def test_text_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.ar.txt").write_text("عنوان الخبر\nنص الخبر.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"id": "doc-a", "published": "2020-01-05"}), encoding="utf-8")
    [doc] = _read(tmp_path)
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.lang, doc.published, doc.title) == ("doc-a", "ar", "2020-01-05", "عنوان الخبر")
    assert len(doc.sha256) == 64


def test_markdown_front_matter_and_html(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("---\nid: b1\nlang: en\npublished: 2020-06-21\n---\nSisi warned Turkey.\n")
    (tmp_path / "c.html").write_text(
        '<html lang="en"><head><title>Clashes</title><meta property="article:published_time" '
        'content="2020-05-18T10:00:00Z"></head><body><script>var x = 1;</script><p>The GNA took al-Watiya.</p>'
        "</body></html>"
    )
    docs = _read(tmp_path / "b.md", tmp_path / "c.html")
    assert [(d.id, d.lang, d.published, d.text) for d in docs] == [
        ("b1", "en", "2020-06-21", "Sisi warned Turkey.\n"),
        ("c", "en", "2020-05-18", "Clashes\nThe GNA took al-Watiya."),
    ]


def test_bad_files_get_one_line_errors_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "1-empty.txt").write_text("  \n")
    (tmp_path / "2-binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "3-latin1.txt").write_bytes("first line\nCaf\xe9".encode("latin-1"))
    (tmp_path / "4-good.txt").write_text("Turkey backed the GNA.")
    results = _read(tmp_path, tmp_path / "missing.txt")
    messages = [str(r) for r in results if isinstance(r, InputError)]
    assert messages == [
        f"{tmp_path / '1-empty.txt'}: empty file: nothing to read",
        f"{tmp_path / '2-binary.txt'}: binary file, not text: give .txt, .md, .jsonl or .html documents",
        f"{tmp_path / '3-latin1.txt'}:2: not UTF-8 (byte 0xe9 at offset 14): re-save it as UTF-8",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert [r.id for r in results if isinstance(r, RawDocument)] == ["4-good"]
    assert all("\n" not in m for m in messages)


def test_jsonl_malformed_lines_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "n1", "text": "Egypt condemned the attack.", "published": "2020-01-02"}\n'
        '{"id": "n2", "text": \n'
        '["not", "an", "object"]\n'
        '{"id": "n4", "text": "Russia denied it.", "published": "02/01/2020"}\n'
        '{"id": "n5", "text": "Italy urged talks.", "lang": "en"}\n',
        encoding="utf-8",
    )
    results = _read(path)
    assert [str(r) if isinstance(r, InputError) else r.id for r in results] == [
        "n1",
        f"{path}:2: malformed JSON line: Expecting value",
        f'{path}:3: each line must be a JSON object with a "text" string',
        f"{path}:4: published date '02/01/2020' is not YYYY-MM-DD",
        "n5",
    ]


def test_malformed_sidecar_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("Text.")
    (tmp_path / "d.meta.json").write_text('{\n "id": "d",\n "lang": en\n}')
    [err] = _read(tmp_path / "d.txt")
    assert str(err) == f"{tmp_path / 'd.meta.json'}:3: malformed JSON: Expecting value"


def test_huge_file_is_refused(tmp_path: Path, monkeypatch) -> None:
    import loaders.readers as readers

    monkeypatch.setattr(readers, "MAX_BYTES", 10)
    (tmp_path / "big.txt").write_text("x" * 11)
    [err] = _read(tmp_path / "big.txt")
    assert str(err) == f"{tmp_path / 'big.txt'}: file too large (11 bytes; the limit is 10): split it"
