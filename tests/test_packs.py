"""Conflict packs: the user chooses the conflict; only its actors come out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.api import extract, load_gazetteer
from ckg.cli import cli
from ontology.errors import GazetteerError
from ontology.gazetteer import PACK_DIR, available_packs
from ontology.records import DocumentRecord
from tests.extracting import extract_text
from tests.paths import scorer

YEMEN = Path(__file__).parent / "packs" / "yemen"


def _ids(path: Path) -> set[str]:
    return {a["id"] for a in json.loads(path.read_text(encoding="utf-8"))["actors"]}


LIBYA_IDS = _ids(PACK_DIR / "libya" / "gazetteer.json")
YEMEN_IDS = _ids(PACK_DIR / "yemen" / "gazetteer.json")


def test_shipped_packs() -> None:
    assert available_packs() == ["libya", "yemen"]
    assert len(YEMEN_IDS) >= 60
    with pytest.raises(GazetteerError, match="unknown pack 'sudan'; use one of libya, yemen, or 'none'"):
        load_gazetteer([], ["sudan"])


@pytest.mark.parametrize("article", sorted(YEMEN.glob("*.txt")), ids=lambda p: p.stem)
def test_with_the_yemen_pack_only_its_actors_come_out(article: Path) -> None:
    [doc] = list(extract([article], load_gazetteer([], ["yemen"])))
    assert isinstance(doc, DocumentRecord)
    ids = {a.id for a in doc.actors}
    assert ids & YEMEN_IDS
    assert not ids & LIBYA_IDS
    gold = json.loads(article.with_name(article.name.split(".")[0] + ".gold.json").read_text(encoding="utf-8"))
    assert scorer().score_gold(gold, {"documents": [doc.to_json()]})["precision"] >= 0.9


def test_the_default_pack_reads_yemeni_news_as_libyan() -> None:
    article = YEMEN / "yemen-plc-handover.ar.txt"
    [doc] = list(extract([article], load_gazetteer()))
    assert isinstance(doc, DocumentRecord)
    assert {a.id for a in doc.actors} & LIBYA_IDS


def test_pack_phrases_load_with_their_pack() -> None:
    yemen = load_gazetteer([], ["yemen"])
    libya = load_gazetteer([], ["libya"])
    assert "the libyan parties" in libya.phrases["en"]["parties"]
    assert "the libyan parties" not in yemen.phrases.get("en", {}).get("parties", ())
    assert yemen.home == "yemen" and libya.home == "libya"


def test_cli_help_names_the_packs_and_the_default() -> None:
    out = CliRunner().invoke(cli, ["--help"]).output
    assert "--pack NAME" in out
    assert "libya, yemen [default: libya]" in " ".join(out.split())


def test_every_actor_has_a_cameo_code() -> None:
    for packs in (["libya"], ["yemen"], ["none"]):
        gazetteer = load_gazetteer([], packs)
        codes = {a.id: gazetteer.cameo_of(a.id, "2020-01-01") for a in gazetteer}
        assert all(re.fullmatch(r"(?:---|[A-Z]{3})(?:[A-Z]{3})*", code) for code in codes.values()), codes
    libya = load_gazetteer([], ["libya"])
    assert [libya.cameo_of(i, "2019-12-10") for i in ("erdogan", "tripoli", "lna", "gna", "un", "turkey")] == [
        "TURGOV", "LBY", "LBYREB", "LBYGOV", "IGOUNO", "TUR"]
    assert load_gazetteer([], ["none"]).cameo_of("guterres", "2019-12-10") == "IGOUNO"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Gaddafi's troops shelled Zawiya again on Sunday.", "en", ("gaddafi-forces", "ATTACKS", "zawiya")),
    ("وقصفت كتائب القذافي مدينة الزاوية فجر الأحد.", "ar", ("gaddafi-forces", "ATTACKS", "zawiya")),
    ("وهاجم الثوار مواقع لقوات القذافي قرب البريقة.", "ar", ("libyan-rebels", "ATTACKS", "gaddafi-forces")),
])
def test_the_2011_sides_of_the_libya_pack(tmp_path: Path, text: str, lang: str,
                                          expected: tuple[str, str, str]) -> None:
    doc = extract_text(tmp_path, text, lang)
    assert [(r.source, r.predicate, r.target) for r in doc.relations] == [expected]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Taliban fighters attacked a police post in Kandahar province.", "en", "taliban"),
    ("وهاجمت حركة الشباب قاعدة عسكرية في جنوب الصومال.", "ar", "al-shabaab"),
    ("Boko Haram militants kidnapped dozens of villagers in Borno.", "en", "boko-haram"),
    ("وأطلقت حماس صواريخ على بلدات إسرائيلية.", "ar", "hamas"),
    ("وقصف حزب الله مواقع إسرائيلية على الحدود.", "ar", "hezbollah"),
    ("PKK fighters ambushed a Turkish army convoy on Monday.", "en", "pkk"),
])
def test_transnational_armed_groups_load_with_every_pack(tmp_path: Path, text: str, lang: str,
                                                         expected: str) -> None:
    for packs in (["libya"], ["none"]):
        doc = extract_text(tmp_path, text, lang, packs)
        assert expected in {a.id for a in doc.actors}
