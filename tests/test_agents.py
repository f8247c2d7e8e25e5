"""Agents composed with a nationality and lone agents: each rule of loaders/agents.py on sentences written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckg.api import extract, load_gazetteer
from ontology.records import DocumentRecord
from tests.extracting import extract_text


def _doc(tmp_path: Path, text: str, lang: str, packs: tuple[str, ...] | None = None) -> DocumentRecord:
    return extract_text(tmp_path, text, lang, packs)


def _actors(doc: DocumentRecord) -> list[tuple[str, str | None, str, list[str]]]:
    return [(a.id, a.cameo, a.type, [m.text for m in a.mentions]) for a in doc.actors if not a.known]


def _relations(doc: DocumentRecord) -> list[tuple[str, str, str, str]]:
    return [(r.source, r.predicate, r.target, r.cameo) for r in doc.relations]


def test_an_arabic_agent_takes_the_nisba_after_it(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "واعتقلت الشرطة الكينية أمس ثلاثة رجال، بينما قصفت الطائرات الحربية الروسية مواقع للمتمردين "
                         "قرب الحدود.", "ar")
    assert _actors(doc) == [
        ("kenya/police", "KENCOP", "ArmedGroup", ["الشرطة الكينية"]),
        ("libya/unattributed/rebels", "---REB", "ArmedGroup", ["لمتمردين"]),
        ("russia/military", "RUSMIL", "ArmedGroup", ["الطائرات الحربية الروسية"]),
    ]
    assert _relations(doc) == [("russia/military", "ATTACKS", "libya/unattributed/rebels", "195")]
    russian = next(a for a in doc.actors if a.id == "russia/military")
    assert (russian.name, russian.name_ar, russian.known) == ("Russian military", "الجيش (روسيا)", False)


def test_a_plural_nisba_agrees_with_its_agent(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "وقال مسؤول محلي إن مسلحين مجهولين اغتالوا قاضيا في المدينة، فيما خطف مسلحون من قبيلة محلية "
                         "جنود أميركيين اثنين.", "ar")
    assert [a[0] for a in _actors(doc)] == ["libya/unattributed/gunmen", "united-states/military"]
    assert _actors(doc)[1][3] == ["جنود أميركيين"]


def test_english_agents_take_the_nationality_before_them_or_after_from(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "Pakistani security forces killed four insurgents on Friday, while Greek and Bulgarian "
                         "soldiers patrolled the border and troops from Chad opened fire on protesters.", "en")
    assert _actors(doc) == [
        ("bulgaria/military", "BGRMIL", "ArmedGroup", ["Bulgarian soldiers"]),
        ("chad/military", "TCDMIL", "ArmedGroup", ["troops from Chad"]),
        ("greece/military", "GRCMIL", "ArmedGroup", ["Greek"]),
        ("libya/unattributed/insurgents", "---INS", "ArmedGroup", ["insurgents"]),
        ("libya/unattributed/protesters", "---OPP", "SocialGroup", ["protesters"]),
        ("pakistan/police", "PAKCOP", "ArmedGroup", ["Pakistani security forces"]),
    ]
    assert _relations(doc) == [
        ("pakistan/police", "ATTACKS", "libya/unattributed/insurgents", "1823"),
        ("chad/military", "ATTACKS", "libya/unattributed/protesters", "193"),
    ]


def test_lone_agents_are_scoped_by_the_packs_loaded(tmp_path: Path) -> None:
    text = ("Unidentified gunmen kidnapped two aid workers near the capital, officials said. "
            "Kenya's army was not involved.")
    doc = _doc(tmp_path, text, "en")
    assert _actors(doc) == [
        ("kenya/military", "KENMIL", "ArmedGroup", ["Kenya's army"]),
        ("libya/unattributed/gunmen", "---UAF", "ArmedGroup", ["Unidentified gunmen"]),
        ("libya/unattributed/ngo", "---NGO", "SocialGroup", ["aid workers"]),
    ]
    assert _relations(doc) == [("libya/unattributed/gunmen", "ATTACKS", "libya/unattributed/ngo", "181")]
    alone = _doc(tmp_path, text, "en", ("none",))
    assert [a[0] for a in _actors(alone)] == ["kenya/military", "world/unattributed/gunmen", "world/unattributed/ngo"]


def test_an_agent_beside_a_named_group_or_person_is_theirs(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "Russian businessman Yevgeny Prigozhin funded the fighters, and Islamic State militants "
                         "attacked the town.", "en")
    assert [a.id for a in doc.actors] == ["isis", "prigozhin"]


def test_an_arabic_state_name_after_an_agent_word_is_no_nationality(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "وأكد الرئيس أن وحدة ليبيا خط أحمر.", "ar")
    assert [a.id for a in doc.actors] == ["libya"]


def test_an_actor_never_targets_its_own_forces(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "وهدد الرئيس الإيراني بتدخل الجيش الإيراني إذا هاجمت قوات الوفاق مدينة سرت.", "ar")
    assert ("iran/military" in {a.id for a in doc.actors}) is True
    assert all(r.target != "iran/military" for r in doc.relations)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("أعلنت الشرطة أن مسلحين مجهولين قتلوا ثلاثة مدنيين.", "ar",
     ("libya/unattributed/gunmen", "ATTACKS", "libya/unattributed/civilians", "1823")),
    ("خطفت جماعة مسلحة صحفيين أجانب، ثم اختطف مسلحون ملثمون مدنيين.", "ar",
     ("libya/unattributed/gunmen", "ATTACKS", "libya/unattributed/civilians", "181")),
    ("Masked gunmen assassinated a judge's bodyguards and then opened fire on villagers.", "en",
     ("libya/unattributed/gunmen", "ATTACKS", "libya/unattributed/civilians", "193")),
    ("Two hostages were kidnapped by pirates off the coast.", "en",
     ("libya/unattributed/pirates", "ATTACKS", "libya/unattributed/civilians", "181")),
])
def test_assault_triggers_keep_their_fine_cameo_codes(tmp_path: Path, text: str, lang: str,
                                                      expected: tuple[str, str, str, str]) -> None:
    assert expected in _relations(_doc(tmp_path, text, lang))


def test_an_agent_dictionary_adds_nouns_that_compose(tmp_path: Path) -> None:
    agents = tmp_path / "agents.txt"
    agents.write_text("# written for this test\nHARBOUR_WARDEN {HARBOUR_WARDENS} [~COP]\n", encoding="utf-8")
    path = tmp_path / "doc.en.txt"
    path.write_text("Turkish harbour wardens arrested the crew on Tuesday.\n", encoding="utf-8")
    [plain] = list(extract([path]))
    [read] = list(extract([path], load_gazetteer([agents])))
    assert isinstance(plain, DocumentRecord) and isinstance(read, DocumentRecord)
    assert [a.id for a in plain.actors] == ["turkey"]
    assert [(a.id, a.cameo, [m.text for m in a.mentions]) for a in read.actors] == [
        ("turkey/police", "TURCOP", ["Turkish harbour wardens"])]


def test_composed_and_lone_agents_never_take_a_gazetteer_id(tmp_path: Path) -> None:
    """No false merges: composed ids hold a slash, which no gazetteer id may; the same words in another
    document under another pack are another actor."""
    text = "Unidentified gunmen and Libyan soldiers clashed near the Libyan National Army's positions."
    libya = _doc(tmp_path, text, "en")
    yemen = _doc(tmp_path, text, "en", ("yemen",))
    assert [a.id for a in libya.actors] == ["libya/military", "libya/unattributed/gunmen", "lna"]
    assert [a.id for a in yemen.actors] == ["libya/military", "yemen/unattributed/gunmen"]


def test_a_people_is_its_nationality_in_the_plural(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "British helicopters killed six Iraqis near the border, and Israeli tanks shelled the town.",
               "en")
    assert _relations(doc)[0] == ("united-kingdom/military", "ATTACKS", "iraq", "1823")
    assert [a.id for a in doc.actors if a.id.startswith("israel")] == ["israel/military"]
