"""Subjects named with others between commas, and support stated in reverse ("تحظى ... بدعم").
Each sentence is written for its test and read exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extracting import extract_text

CASES = [
    # more of the subject between commas, before the verb and after a verb-first subject
    ("Turkey, along with Qatar and Italy, supports the GNA.",
     [("italy", "SUPPORTS", "gna", "asserted", "050"), ("qatar", "SUPPORTS", "gna", "asserted", "050"),
      ("turkey", "SUPPORTS", "gna", "asserted", "050")]),
    ("وتدعم تركيا، إلى جانب قطر وإيطاليا، حكومة الوفاق.",
     [("italy", "SUPPORTS", "gna", "asserted", "050"), ("qatar", "SUPPORTS", "gna", "asserted", "050"),
      ("turkey", "SUPPORTS", "gna", "asserted", "050")]),
    # a verb carrying its object pronoun has its own subject after it, not the last clause's
    ("ودعمت قطر حكومة الوفاق ودعمها السودان أيضا.",
     [("qatar", "SUPPORTS", "gna", "asserted", "050")]),
    # of two readings of one support noun, the reversed one wins
    ("وتحظى قوات حفتر بدعم عسكري إماراتي.",
     [("united-arab-emirates", "SUPPORTS", "lna", "asserted", "050")]),
    # the support noun governs its own agent
    ("وتحظى حكومة الوفاق بدعم تركيا.",
     [("turkey", "SUPPORTS", "gna", "asserted", "050")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_who_acts_and_on_whom(tmp_path: Path, sentence: str, expected: list[tuple[str, ...]]) -> None:
    doc = extract_text(tmp_path, sentence)
    assert sorted((r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations) == sorted(expected)


def test_one_of_several_agents_may_be_the_others_target(tmp_path: Path) -> None:
    doc = extract_text(tmp_path, "Turkey and Egypt condemned Turkey.")
    assert [(r.source, r.predicate, r.target) for r in doc.relations] == [("egypt", "CONDEMNS", "turkey")]


def test_the_two_sides_are_not_each_others_target(tmp_path: Path) -> None:
    # the sides named together by a reference ("الطرفين") reject nothing of each other
    text = ("وتقاتلت قوات المجلس الانتقالي الجنوبي مع قوات الحكومة الشرعية في عدن. ودعت السعودية الطرفين إلى الحوار، "
            "مؤكدة رفضها أي مساس بالحكومة الشرعية.")
    doc = extract_text(tmp_path, text, packs=["yemen"])
    assert sorted((r.source, r.predicate, r.target) for r in doc.relations) == [
        ("saudi-arabia", "APPEALS_TO", "stc"), ("saudi-arabia", "APPEALS_TO", "yemen-government")]
