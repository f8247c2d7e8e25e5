"""Acts named by a noun: who did them (a nisba or a lam after the noun, the subject of a verb of the same
kind that carries the noun, the subject that claims an attack),
what they hit (a transparent noun with its owner after it), and what a condemnation of them condemns.
Each sentence is written for its test and read exactly."""

from __future__ import annotations

import bisect
from pathlib import Path

import pytest

from loaders import relations
from loaders.normalize import fold
from loaders.slots import mention_start
from tests.extracting import extract_text

U = "libya/unattributed/"

CASES = [
    # the nisba after the noun is its doer; folding writes "ضربة" like a noun with the pronoun "ه" on it
    ("وذكرت الجزائر أن ضربة جوية تونسية على قوات حفتر دمرت مخزنا للذخيرة.",
     [("tunisia", "ATTACKS", "lna", "asserted", "195")]),
    # an act as the subject of a verb of the same kind: its doer acts, the verb's object is hit
    ("واستهدفت غارة جوية للطيران التونسي مسلحين قرب الحدود.",
     [("tunisia/military", "ATTACKS", U + "gunmen", "asserted", "190")]),
    # a verb of the same kind carries the noun: its subject did the raids
    ("وكانت الجزائر قد بدأت في الربيع غارات على قوات حفتر.",
     [("algeria", "ATTACKS", "lna", "asserted", "190")]),
    # a transparent noun in the construct state: the positions of Haftar's forces are his forces
    ("وشن الجيش الجزائري هجوما على مواقع قوات حفتر قرب غات.",
     [("algeria/military", "ATTACKS", "lna", "asserted", "190")]),
    # a transparent noun carrying its own preposition, its owner behind "تابع ل"
    ("ووجهت الطائرات الجزائرية ضربة جوية لمعسكر تابع لقوات حفتر.",
     [("algeria", "ATTACKS", "lna", "asserted", "195")]),
    # tanks and vehicles stand for their owner
    ("ودمرت القوات التونسية دبابات لقوات حفتر قرب الحدود.",
     [("tunisia/military", "ATTACKS", "lna", "asserted", "1712")]),
    ("Tunisian jets destroyed armoured vehicles of the LNA near the border.",
     [("tunisia/military", "ATTACKS", "lna", "asserted", "1712")]),
    # a condemned attack: its author is condemned, never its victim
    ("وأدانت تونس الهجوم الانتحاري على معسكر للجيش الجزائري.",
     []),
    ("وأدانت تونس الهجوم الذي شنه تنظيم داعش على معسكر للجيش الجزائري.",
     [("tunisia", "CONDEMNS", "isis", "asserted", "111"),
      ("isis", "ATTACKS", "algeria/military", "asserted", "190")]),
    # a resolution adopted is no attack claimed: the claim's attack noun follows its subject closely
    ("وتبنى مجلس الأمن قرارا يدين الهجوم على قوات الجيش التونسي.",
     []),
    # after a verbal noun a bare preposition is where from, not who did it
    ("وتوعد الجيش التونسي بطرد تنظيم داعش من سرت خلال أيام.",
     [("tunisia/military", "THREATENS", "isis", "asserted", "130"),
      ("tunisia/military", "ATTACKS", "isis", "intent", "190")]),
    # the subject that claims an attack carried it out
    ("وأعلن تنظيم داعش مسؤوليته عن الهجوم على قوات الجيش التونسي.",
     [("isis", "ATTACKS", "tunisia/military", "asserted", "190")]),
]


def _read(tmp_path: Path, sentence: str) -> list[tuple[str, ...]]:
    doc = extract_text(tmp_path, sentence)
    return sorted((r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_the_act_named_by_a_noun(tmp_path: Path, sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert _read(tmp_path, sentence) == sorted(expected)


def _keep_every_mention(mentions: list, triggers: list, start: int, end: int) -> list:
    return mentions[bisect.bisect_left(mentions, start, key=mention_start)
                    : bisect.bisect_left(mentions, end, key=mention_start)]


def test_an_agent_noun_inside_an_act_qualifies_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "وأسفر هجوم انتحاري من قبل تنظيم داعش على قوات الجيش التونسي عن مقتل جنديين."
    assert _read(tmp_path, sentence) == [("isis", "ATTACKS", "tunisia/military", "asserted", "1831")]
    # read as a suicide bomber of its own, the qualifier takes the attack's words and the attack is lost
    monkeypatch.setattr(relations.SentenceReader, "_without_qualifiers", staticmethod(_keep_every_mention))
    assert _read(tmp_path, sentence) == []


TRANSPARENT = [
    ("ودمرت القوات التونسية دبابات لقوات حفتر قرب الحدود.", "دبابات"),
    ("ودمرت القوات التونسية مدرعات لقوات حفتر قرب الحدود.", "مدرعات"),
    ("ودمرت القوات التونسية عربات لقوات حفتر قرب الحدود.", "عربات"),
]


def _without_transparent(monkeypatch: pytest.MonkeyPatch, noun: str) -> None:
    words = relations._words

    def without(lang: str) -> tuple:
        titles, transparent, *rest = words(lang)
        return (titles, transparent - {fold(noun)}, *rest)

    monkeypatch.setattr(relations, "_words", without)


@pytest.mark.parametrize(("sentence", "noun"), TRANSPARENT, ids=[n for _, n in TRANSPARENT])
def test_what_a_force_owns_stands_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentence: str,
                                         noun: str) -> None:
    hit = [("tunisia/military", "ATTACKS", "lna", "asserted", "1712")]
    assert _read(tmp_path, sentence) == hit
    _without_transparent(monkeypatch, noun)
    assert _read(tmp_path, sentence) != hit


PLACES = [
    ("وشن تنظيم داعش هجمات على بلدة ترهونة.", "بلدة", [("isis", "ATTACKS", "tarhuna", "asserted", "190")]),
    ("وشنت قوات حفتر هجوما على مدينة مصراتة.", "مدينة", [("lna", "ATTACKS", "misrata", "asserted", "190")]),
]


@pytest.mark.parametrize(("sentence", "noun", "expected"), PLACES, ids=[n for _, n, _ in PLACES])
def test_a_place_named_with_its_kind_is_hit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentence: str,
                                            noun: str, expected: list[tuple[str, ...]]) -> None:
    assert _read(tmp_path, sentence) == expected
    _without_transparent(monkeypatch, noun)
    assert _read(tmp_path, sentence) != expected


def test_a_city_named_as_such_is_no_locative(tmp_path: Path) -> None:
    # "مدينة" and "بلدة" name a place, which a verb of violence hits; "في" before them makes it where
    assert _read(tmp_path, "وقصفت قوات حفتر مدينة مصراتة.") == [("lna", "ATTACKS", "misrata", "asserted", "190")]
    assert _read(tmp_path, "وقصفت قوات حفتر بلدة ترهونة.") == [("lna", "ATTACKS", "tarhuna", "asserted", "190")]


def test_in_a_city_is_where_not_whom(tmp_path: Path) -> None:
    assert _read(tmp_path, "وقاتلت قوات حفتر في مدينة مصراتة.") == []
