"""The doers of an attack named by their role ("the kidnappers", "الخاطفين") are its attacker, once one is
named. Each sentence is written for its test and read exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extracting import extract_text

ARABIC = ["الخاطفين", "الخاطفون", "المهاجمين", "المهاجمون", "المعتدين", "المعتدون", "منفذي الهجوم", "منفذو الهجوم"]
ENGLISH = ["the kidnappers", "the abductors", "the attackers", "the assailants", "the hostage-takers"]


def _read(tmp_path: Path, text: str) -> list[tuple[str, ...]]:
    doc = extract_text(tmp_path, text)
    return sorted((r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations)


@pytest.mark.parametrize("doers", ARABIC)
def test_arabic_doers_are_the_attacker(tmp_path: Path, doers: str) -> None:
    text = f"اختطف مسلحون من تنظيم داعش مهندسين تونسيين قرب الحدود. ودعت تونس {doers} إلى الإفراج عنهما فورا."
    assert _read(tmp_path, text) == sorted([("isis", "ATTACKS", "tunisia", "asserted", "181"),
                                            ("tunisia", "APPEALS_TO", "isis", "asserted", "020")])


@pytest.mark.parametrize("doers", ENGLISH)
def test_english_doers_are_the_attacker(tmp_path: Path, doers: str) -> None:
    text = f"Gunmen from ISIS kidnapped two Tunisian engineers near the border. Tunisia called on {doers} to free them."
    assert _read(tmp_path, text) == sorted([("isis", "ATTACKS", "tunisia", "asserted", "181"),
                                            ("tunisia", "APPEALS_TO", "isis", "asserted", "020")])


def test_with_no_attack_named_the_doers_are_no_one(tmp_path: Path) -> None:
    assert _read(tmp_path, "Tunisia called on the assailants to surrender.") == []
