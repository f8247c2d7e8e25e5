"""Each CAMEO trigger family reaches its predicate, in both languages, on a sentence written for it; the relation
keeps the CAMEO code of the trigger that found it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckg.api import extract
from ontology.records import DocumentRecord
from tests.extracting import extract_text

U = "libya/unattributed/"  # lone agents in a document read with the default pack

CASES = [
    # 03 offers and intent
    ("en", "Canada will provide wheat to Malawi next month.", ("canada", "OFFERS_SUPPORT", "malawi", "intent", "030")),
    ("ar", "وتعهدت اليابان بتقديم مساعدات للسودان.", ("japan", "OFFERS_SUPPORT", "sudan", "asserted", "030")),
    # 04 consultation, visits, mediation
    ("en", "The Kenyan president will visit Uganda in March.", ("kenya", "CONSULTS", "uganda", "intent", "042")),
    ("en", "Ghana's president launched a mediation effort between Togo and Benin.",
     ("ghana", "MEDIATES", "togo", "asserted", "045")),
    ("ar", "والتقى وزير الخارجية الأردني نظيره العراقي في عمان.", ("jordan", "CONSULTS", "iraq", "asserted", "040")),
    # 05 praise
    ("en", "Portugal praised Angola for its election reforms.", ("portugal", "SUPPORTS", "angola", "asserted", "051")),
    ("ar", "وأشادت قطر بالموقف التركي من الأزمة.", ("qatar", "SUPPORTS", "turkey", "asserted", "051")),
    # 06 material cooperation between two
    ("en", "Chile and Peru held joint military exercises along their border.",
     ("chile", "COOPERATES_WITH", "peru", "asserted", "061")),
    ("en", "Norway and Sweden reached a consensus on fishing quotas.",
     ("norway", "COOPERATES_WITH", "sweden", "asserted", "061")),
    # 07 aid
    ("en", "Japan is providing medical equipment to Ecuador, officials said.",
     ("japan", "SUPPORTS", "ecuador", "asserted", "070")),
    # 10 demands
    ("en", "Mali demanded an apology from France.", ("mali", "APPEALS_TO", "france", "asserted", "100")),
    # 11 protest
    ("en", "Spain protested against Morocco over the border fence.",
     ("spain", "CONDEMNS", "morocco", "asserted", "111")),
    # 17 coercion
    ("en", "Zambian police arrested twelve protesters on Monday.",
     ("zambia/police", "ATTACKS", U + "protesters", "asserted", "173")),
    ("en", "Rebels blew up a Somali army truck near the border.",
     (U + "rebels", "ATTACKS", "somalia/military", "asserted", "1712")),
    ("en", "Riot police fired tear gas at protesters in Caracas.",
     (U + "police", "ATTACKS", U + "protesters", "asserted", "175")),
    ("en", "Uganda deported forty Rwandan nationals last week.",
     ("uganda", "SANCTIONS", "rwanda/civilians", "asserted", "174")),
    ("ar", "واعتقلت الشرطة التونسية عشرة متظاهرين في العاصمة.",
     ("tunisia/police", "ATTACKS", U + "protesters", "asserted", "173")),
    ("ar", "وأحرق مستوطنون منازل فلسطينية في القرية.", (U + "settlers", "ATTACKS", "palestine", "asserted", "171")),
    # 18 assault
    ("en", "Sudanese soldiers tortured villagers, a report said.",
     ("sudan/military", "ATTACKS", U + "civilians", "asserted", "1822")),
    ("ar", "وعذب جنود سوريون معتقلين لبنانيين، بحسب تقرير حقوقي.",
     ("syria/military", "ATTACKS", "lebanon", "asserted", "1822")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES,
                         ids=[f"{c[0]}-{c[2][4]}-{i}" for i, c in enumerate(CASES)])
def test_trigger_family(tmp_path: Path, lang: str, text: str, expected: tuple[str, str, str, str, str]) -> None:
    doc = extract_text(tmp_path, text, lang)
    found = [(r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations]
    assert found[0] == expected, found


def test_a_ministry_is_no_visit(tmp_path: Path) -> None:
    """"وزارة" reads as و + زار + ه: Arabic visits are not triggers, so a ministry never visits anyone."""
    path = tmp_path / "s.ar.txt"
    path.write_text("وأصدرت وزارة الخارجية المغربية بيانا حول الجزائر.\n", encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    assert [r.predicate for r in doc.relations] == []


def test_a_clause_opened_by_while_keeps_its_own_objects(tmp_path: Path) -> None:
    path = tmp_path / "s.ar.txt"
    path.write_text("واعتقلت الشرطة الكينية أمس ثلاثة رجال، بينما قصفت الطائرات الحربية الروسية مواقع للمتمردين.\n",
                    encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    assert [(r.source, r.target) for r in doc.relations] == [("russia/military", U + "rebels")]


@pytest.mark.parametrize(("text", "expected"), [
    # a number after a verb that opens its clause: the unvocalised passive, with its doer after "من قبل"
    ("وقتل خمسة جنود نيجيريين من قبل مسلحين مجهولين قرب الحدود.",
     [(U + "gunmen", "ATTACKS", "nigeria/military")]),
    # the same number with no doer named: no one is said to have attacked
    ("قتل أربعة مدنيين في انفجار قرب السوق.", []),
    # the subject before the verb: active, number or not
    ("وقالت الشرطة إن القوات التشادية قتلت 9 مسلحين قرب الحدود.", [("chad/military", "ATTACKS", U + "gunmen")]),
    ("وخطف عشرة قرويين على أيدي قراصنة صوماليين.", [("somalia/pirates", "ATTACKS", U + "civilians")]),
])
def test_unmarked_passives_take_their_doer_from_the_agent_phrase(tmp_path: Path, text: str,
                                                                 expected: list[tuple[str, str, str]]) -> None:
    doc = extract_text(tmp_path, text)
    assert [(r.source, r.predicate, r.target) for r in doc.relations] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chadian fighters fight for the Sudanese army, officials say.",
     ("chad/fighters", "SUPPORTS", "sudan/military", "074")),
    ("The Malian army drove out Tuareg rebels from the town.", ("mali/military", "ATTACKS", U + "rebels", "190")),
])
def test_fighting_for_and_driving_out(tmp_path: Path, text: str, expected: tuple[str, str, str, str]) -> None:
    doc = extract_text(tmp_path, text, "en")
    assert [(r.source, r.predicate, r.target, r.cameo) for r in doc.relations] == [expected]


def test_one_who_met_each_side_brings_no_two_together(tmp_path: Path) -> None:
    path = tmp_path / "s.ar.txt"
    path.write_text("وقال المبعوث إن عقيلة صالح وخالد المشري، اللذين وصلا إلى الرباط، لم يجلسا إلى طاولة واحدة، وأنه "
                    "التقى كلا منهما على حدة.\n", encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    assert not [r for r in doc.relations if r.predicate == "CONSULTS"]
