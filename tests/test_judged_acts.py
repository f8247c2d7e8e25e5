"""What a condemnation or a rejection is about: an act named by a noun has an author, who is condemned, and
its doer is never the one who condemns; a thing rejected has an author, who is rejected. Each sentence is
written for its test and read exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import relations
from loaders.normalize import fold
from tests.extracting import extract_text

CONDEMNED_ISIS = ("tunisia", "CONDEMNS", "isis", "asserted", "111")

CASES = [
    # an attack noun of each kind, its author behind an agent phrase
    ("وأدانت تونس اغتيال الصحفي الجزائري على يد تنظيم داعش.", [CONDEMNED_ISIS]),
    ("وأدانت تونس اختطاف مهندسين جزائريين من قبل تنظيم داعش.",
     [("isis", "ATTACKS", "algeria", "asserted", "181"), CONDEMNED_ISIS]),
    ("وأدانت تونس خطف مهندسين جزائريين من قبل تنظيم داعش.",  # a verb form read as the noun condemned
     [("isis", "ATTACKS", "algeria", "asserted", "181"), CONDEMNED_ISIS]),
    ("وأدانت تونس تفجير مقر للجيش الجزائري من قبل تنظيم داعش.", [CONDEMNED_ISIS]),
    ("وأدانت تونس التفجير الذي نفذه تنظيم داعش ضد الجيش الجزائري.",
     [("isis", "ATTACKS", "algeria/military", "asserted", "183"), CONDEMNED_ISIS]),
    ("Tunisia condemned the killings of Algerian civilians by ISIS.", [CONDEMNED_ISIS]),
    ("Tunisia condemned the bombing of an Algerian army post by ISIS.", [CONDEMNED_ISIS]),
    ("Tunisia condemned the kidnapping of Algerian engineers by ISIS.",
     [("isis", "ATTACKS", "algeria", "asserted", "181"), CONDEMNED_ISIS]),
    ("Tunisia condemned the abduction of Algerian engineers by ISIS.",
     [("isis", "ATTACKS", "algeria", "asserted", "181"), CONDEMNED_ISIS]),
    ("Tunisia condemned the assassination of an Algerian general by ISIS.",
     [("isis", "ATTACKS", "algeria", "asserted", "186"), CONDEMNED_ISIS]),
    # a part counted is no doer, and no act of the condemner
    ("وأدانت تونس اغتيال عدد من قادة الجيش الجزائري.", []),
    # the author of a thing rejected or condemned
    ("The GNA rejected the road map proposed by the Arab League.",
     [("gna", "REJECTS", "arab-league", "asserted", "120")]),
    ("Algeria condemned the decision taken by the Arab League.",
     [("algeria", "CONDEMNS", "arab-league", "asserted", "111")]),
    ("ورفض المجلس الرئاسي المبادرة المقدمة من قبل الجامعة العربية.",
     [("presidential-council", "REJECTS", "arab-league", "asserted", "120")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_what_is_judged(tmp_path: Path, sentence: str, expected: list[tuple[str, ...]]) -> None:
    doc = extract_text(tmp_path, sentence)
    assert sorted((r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations) == sorted(expected)


ATTACK_NOUNS = [
    ("en", "the killing"), ("en", "the kidnapping"), ("en", "the abduction"), ("en", "the assassination"),
    ("ar", "اغتيال"), ("ar", "اختطاف"), ("ar", "خطف"), ("ar", "تفجير"),
]
EARLIER = {
    "en": "ISIS fighters attacked an Algerian army post near the border. Tunisia condemned {} of the soldiers.",
    "ar": "وهاجم مسلحو تنظيم داعش موقعا للجيش الجزائري قرب الحدود. وأدانت تونس {} الجنود.",
}


@pytest.mark.parametrize(("lang", "noun"), ATTACK_NOUNS, ids=[n for _, n in ATTACK_NOUNS])
def test_an_attack_noun_names_the_attack_reported_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         lang: str, noun: str) -> None:
    text = EARLIER[lang].format(noun)
    expected = sorted([("isis", "ATTACKS", "algeria/military", "asserted", "190"), CONDEMNED_ISIS])
    assert _read(tmp_path, text) == expected
    _without_attack_noun(monkeypatch, noun)
    assert _read(tmp_path, text) != expected


def _read(tmp_path: Path, text: str) -> list[tuple[str, ...]]:
    doc = extract_text(tmp_path, text)
    return sorted((r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations)


NAMED_BY_THEIR_AUTHOR = [
    ("the bombing", "Tunisia condemned the bombing of an Algerian army post by ISIS.", [CONDEMNED_ISIS]),
    ("التفجير", "وأدانت تونس التفجير الذي نفذه تنظيم داعش ضد الجيش الجزائري.",
     [("isis", "ATTACKS", "algeria/military", "asserted", "183"), CONDEMNED_ISIS]),
]


@pytest.mark.parametrize(("noun", "sentence", "expected"), NAMED_BY_THEIR_AUTHOR,
                         ids=[n for n, _, _ in NAMED_BY_THEIR_AUTHOR])
def test_an_attack_noun_names_the_attack_its_sentence_attributes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, noun: str, sentence: str,
        expected: list[tuple[str, ...]]) -> None:
    assert _read(tmp_path, sentence) == sorted(expected)
    _without_attack_noun(monkeypatch, noun)
    assert _read(tmp_path, sentence) != sorted(expected)


def _without_attack_noun(monkeypatch: pytest.MonkeyPatch, noun: str) -> None:
    words = relations._words

    def without(language: str) -> tuple:
        titles, transparent, diplomats, attack_nouns, agent_phrases = words(language)
        return titles, transparent, diplomats, tuple(n for n in attack_nouns if n != fold(noun)), agent_phrases

    monkeypatch.setattr(relations, "_words", without)
