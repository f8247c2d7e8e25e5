"""Extraction of one sentence written for a test: the text in a file of its own, read as a user's would be."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ckg.api import extract, load_gazetteer
from ontology.records import DocumentRecord


def extract_text(tmp_path: Path, text: str, lang: str | None = None,
                 packs: Sequence[str] | None = None) -> DocumentRecord:
    """The record of `text` (its language told by its letters unless given), read with `packs`."""
    lang = lang or ("ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en")
    path = tmp_path / f"doc.{lang}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    [doc] = list(extract([path], load_gazetteer([], packs)))
    assert isinstance(doc, DocumentRecord), doc
    return doc
