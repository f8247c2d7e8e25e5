"""Modality: denials, refusals, intentions and conditions read from the words around a trigger."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckg.api import extract
from loaders.words import bare, stem, unsuffix
from ontology.records import DocumentRecord


def _relations(tmp_path: Path, text: str, lang: str) -> list[tuple[str, str, str, str]]:
    path = tmp_path / f"doc.{lang}.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    return [(r.source, r.predicate, r.target, r.modality) for r in doc.relations]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Russia denied sending fighter jets to Libya.", "en",
     [("russia", "DEPLOYS_TO", "libya", "negated")]),
    ("Egypt will send troops to Libya if the GNA advances on Sirte.", "en",
     [("egypt", "DEPLOYS_TO", "libya", "conditional")]),
    ("Turkey is ready to support the GNA.", "en",
     [("turkey", "OFFERS_SUPPORT", "gna", "intent")]),
    ("Haftar refused to recognise the GNA.", "en",
     [("haftar", "REJECTS", "gna", "asserted")]),
    ("ونفت موسكو إرسال مرتزقة إلى ليبيا.", "ar",
     [("russia", "DEPLOYS_TO", "libya", "negated")]),
    ("ولم يعلن مجلس النواب تأييده لحفتر.", "ar",
     [("hor", "SUPPORTS", "haftar", "negated")]),
    ("وأكدت أنقرة أنها ستقوم بإرسال قوات إلى ليبيا.", "ar",
     [("turkey", "DEPLOYS_TO", "libya", "intent")]),
])
def test_modality_of_a_sentence(tmp_path: Path, text: str, lang: str, expected: list) -> None:
    assert _relations(tmp_path, text, lang) == expected


def test_accusations_keep_their_content_out(tmp_path: Path) -> None:
    text = "The GNA accused the UAE of carrying out drone strikes on Tripoli."
    assert _relations(tmp_path, text, "en") == [("gna", "ACCUSES", "united-arab-emirates", "asserted")]


def test_word_shapes() -> None:
    assert (bare("ونفى"), bare("ولم"), bare("لم")) == ("نفى", "لم", "لم")
    assert (unsuffix("رفضه"), unsuffix("دعمها"), unsuffix("هم")) == ("رفض", "دعم", "هم")
    assert (stem("بالتدخل"), stem("لحماية"), stem("الدعم")) == ("تدخل", "حماية", "دعم")
