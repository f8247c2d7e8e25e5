"""Casualty clauses (loaders/casualties.py): victims named first, the attacker through the attack."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckg.api import extract
from ontology.records import DocumentRecord
from tests.extracting import extract_text

U = "libya/unattributed/"


def _relations(tmp_path: Path, text: str) -> list[tuple[str, str, str, str]]:
    doc = extract_text(tmp_path, text)
    return [(r.source, r.predicate, r.target, r.cameo) for r in doc.relations]


@pytest.mark.parametrize(("text", "expected"), [
    # a casualty noun, its victims, then the attack with the attacker's nationality
    ("وأعلن مسؤول محلي مقتل 12 جنديا صوماليا في غارة جوية كينية على البلدة.",
     [("kenya", "ATTACKS", "somalia/military", "1823")]),
    # a passive casualty verb after its victims, then the attack and who launched it
    ("وقال المتحدث إن عشرة قرويين قتلوا جراء هجوم شنه متمردون على القرية.",
     [(U + "rebels", "ATTACKS", U + "civilians", "1823")]),
    # clashes with: the victims fought the force named after "مع"
    ("وذكر الجيش أن عشرين متمردا قتلوا في مواجهات مع القوات النيجرية قرب الحدود.",
     [("niger/military", "ATTACKS", U + "rebels", "1823"), (U + "rebels", "FIGHTS", "niger/military", "190")]),
    # English: victims, a passive verb, and an attack by someone
    ("Six Malian soldiers were killed in an attack claimed by rebels on Sunday.",
     [(U + "rebels", "ATTACKS", "mali/military", "1823")]),
    # English: the attacker's nationality before the attack
    ("Four civilians were killed in a Turkish drone strike near the border.",
     [("turkey", "ATTACKS", U + "civilians", "1823")]),
])
def test_casualty_clauses(tmp_path: Path, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _relations(tmp_path, text) == expected


def test_an_active_verb_with_its_object_is_no_casualty_clause(tmp_path: Path) -> None:
    # "قتلوا" followed by its object: the fighters killed; the attack noun after it names no one else
    assert _relations(tmp_path, "وقال شهود إن مسلحين قتلوا جنديين تشاديين في هجوم ليلي.") == [
        (U + "gunmen", "ATTACKS", "chad/military", "1823")]


def test_a_verb_after_fa_continues_its_subject(tmp_path: Path) -> None:
    # "فقتل خمسة": the bomber of the clause before killed them; the number makes no passive here
    assert (U + "gunmen", "ATTACKS", "chad/military", "1823") in _relations(
        tmp_path, "واقتحم مسلحون مقرا للشرطة الكينية فقتلوا خمسة جنود تشاديين.")


def test_a_lone_agent_after_a_possessive_is_its_owners(tmp_path: Path) -> None:
    path = tmp_path / "s.en.txt"
    path.write_text("Chad offered its soldiers to Niger, and Sudan's soldiers stayed home.\n", encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    assert sorted(a.id for a in doc.actors) == ["chad", "niger", "sudan/military"]


@pytest.mark.parametrize(("text", "expected"), [
    # "the attack" after an attack is its attacker's
    ("The Chadian army attacked Sudanese rebels near the border on Monday. Niger condemned the attack on Tuesday.",
     [("chad/military", "ATTACKS", "sudan/rebels", "190"), ("niger", "CONDEMNS", "chad/military", "111")]),
    ("وهاجم الجيش التشادي متمردين سودانيين قرب الحدود. ونددت النيجر بالهجوم.",
     [("chad/military", "ATTACKS", "sudan/rebels", "190"), ("niger", "CONDEMNS", "chad/military", "111")]),
    # an attack that names its own attacker is no reference
    ("The Chadian army attacked Sudanese rebels near the border. Niger condemned the Russian strikes.",
     [("chad/military", "ATTACKS", "sudan/rebels", "190"), ("niger", "CONDEMNS", "russia", "111")]),
    # nor is it anyone's subject
    ("The Chadian army attacked Sudanese rebels. Sudan called the attack a crime and accused Chad.",
     [("chad/military", "ATTACKS", "sudan/rebels", "190"), ("sudan", "ACCUSES", "chad", "112")]),
])
def test_the_attack_named_again_is_its_attackers(tmp_path: Path, text: str,
                                                  expected: list[tuple[str, str, str, str]]) -> None:
    assert _relations(tmp_path, text) == expected


def test_its_jets_are_the_body_named_before_them(tmp_path: Path) -> None:
    assert _relations(tmp_path, "وقال الاتحاد الأفريقي إن طائراته قصفت مواقع المتمردين قرب الحدود.") == [
        ("african-union", "ATTACKS", U + "rebels", "195")]


def test_victims_after_a_time_word_and_a_number(tmp_path: Path) -> None:
    assert _relations(tmp_path, "قتل أمس سبعة من عناصر الشرطة الكينية إثر هجوم تبنته حركة الشباب.") == [
        ("al-shabaab", "ATTACKS", "kenya/police", "1823")]
