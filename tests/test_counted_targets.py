"""A count before a partitive stands for the whole it is taken from: "قتلت 12 مسلحا من تنظيم داعش",
"killed dozens of the ISIS fighters" hit ISIS. Each sentence is written for its test and read exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extracting import extract_text

HIT = [("tunisia/military", "ATTACKS", "isis", "asserted", "1823")]

ARABIC = [
    "وقتلت القوات التونسية 12 مسلحا من تنظيم داعش قرب الحدود.",  # a number and the noun it counts
    "وقتلت القوات التونسية العشرات من عناصر تنظيم داعش.",  # a numeral with the article, before a transparent noun
    "وأكدت القوات التونسية أنها قتلت نحو 40 متمردا من تنظيم داعش.",  # two numerals in a row
]

ENGLISH_NUMERALS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "scores",
                    "hundreds", "thousands", "several"]


def _read(tmp_path: Path, sentence: str) -> list[tuple[str, ...]]:
    doc = extract_text(tmp_path, sentence)
    return sorted((r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations)


@pytest.mark.parametrize("sentence", ARABIC)
def test_an_arabic_count_stands_for_its_whole(tmp_path: Path, sentence: str) -> None:
    assert _read(tmp_path, sentence) == HIT


@pytest.mark.parametrize("numeral", ENGLISH_NUMERALS)
def test_each_english_numeral_counts(tmp_path: Path, numeral: str) -> None:
    assert _read(tmp_path, f"Tunisian troops killed {numeral} of the ISIS fighters near the border.") == HIT


def test_without_a_count_the_partitive_names_no_target(tmp_path: Path) -> None:
    # "from" after a place is where they came from, not whom they hit
    assert _read(tmp_path, "Tunisian troops killed fighters who came from ISIS camps near the border.") == []
