"""Named actors no gazetteer knows, found by the shape of the text (loaders/names.py), on sentences written for it."""

from __future__ import annotations

from pathlib import Path

from ckg.api import extract
from ontology.records import DocumentRecord
from tests.extracting import extract_text


def _unknown(tmp_path: Path, text: str, lang: str) -> list[tuple[str, str, str | None, list[str]]]:
    doc = extract_text(tmp_path, text, lang)
    return [(a.id, a.type, a.cameo, [m.text for m in a.mentions]) for a in doc.actors if "/named/" in a.id]


def test_arabic_organisations_run_from_their_head_noun_while_words_carry_the_article(tmp_path: Path) -> None:
    found = _unknown(tmp_path, "وقال العميد أحمد الحسيني إن حركة الفجر وجبهة النصرة هاجمتا مواقع، فيما أعلن حزب "
                               "العدالة الوطني رفضه، وقالت قوة عسكرية إن كتائب عز الدين القسام أطلقت صواريخ.", "ar")
    assert found == [
        ("libya/named/احمد-الحسيني", "Person", "---ELI", ["أحمد الحسيني"]),
        ("libya/named/جبهه-النصره", "ArmedGroup", "---REB", ["جبهة النصرة"]),
        ("libya/named/حركه-الفجر", "ArmedGroup", "---REB", ["حركة الفجر"]),
        ("libya/named/حزب-العداله-الوطني", "PoliticalBody", "---LEG", ["حزب العدالة الوطني"]),
        ("libya/named/كتايب-عز-الدين-القسام", "ArmedGroup", "---REB", ["كتائب عز الدين القسام"]),
    ]


def test_a_head_noun_before_a_reference_names_no_one(tmp_path: Path) -> None:
    assert _unknown(tmp_path, "وأعلن المتحدث أن قوات الجماعة ومجلس الوزراء وقوة أمنية دخلت المدينة.", "ar") == []


def test_english_names_end_in_an_organisation_word_or_bring_an_acronym(tmp_path: Path) -> None:
    found = _unknown(tmp_path, "The Revolutionary Northern Front (RNF) attacked the town, and the RNF later said "
                               "General Mamadou Tall of the Eastern Brigade had been wounded. The Army of Free Men "
                               "clashed with the Ansar Movement on Friday.", "en")
    assert found == [
        ("libya/named/ansar-movement", "ArmedGroup", "---REB", ["Ansar Movement"]),
        ("libya/named/army-of-free-men", "ArmedGroup", "---REB", ["Army of Free Men"]),
        ("libya/named/eastern-brigade", "ArmedGroup", "---REB", ["Eastern Brigade"]),
        ("libya/named/mamadou-tall", "Person", "---ELI", ["Mamadou Tall"]),
        ("libya/named/revolutionary-northern-front", "ArmedGroup", "---REB", ["Revolutionary Northern Front", "RNF"]),
    ]


def test_capitalised_words_without_a_head_title_or_acronym_are_no_actor(tmp_path: Path) -> None:
    assert _unknown(tmp_path, "On Friday the Northern Highlands saw heavy rain, officials in Green Valley said.",
                    "en") == []


def test_an_unknown_name_never_takes_a_gazetteer_actor(tmp_path: Path) -> None:
    path = tmp_path / "doc.en.txt"
    path.write_text("The Libyan National Army and the Tripoli Protection Force met the Misrata Brigade.\n",
                    encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    ids = sorted(a.id for a in doc.actors)
    assert "lna" in ids and all(a.known or "/" in a.id for a in doc.actors)


def test_an_indefinite_adjective_after_a_head_noun_is_a_description(tmp_path: Path) -> None:
    assert _unknown(tmp_path, "وطالب المجلس بإرسال قوات أجنبية، فيما أعلنت حركة إسلامية دعمها.", "ar") == []


def test_a_preposition_after_a_head_noun_opens_a_phrase(tmp_path: Path) -> None:
    assert _unknown(tmp_path, "وأرسلت الحكومة قوات لدعم الشرطة في المدينة.", "ar") == []


def test_a_known_name_cut_short_is_the_same_actor(tmp_path: Path) -> None:
    path = tmp_path / "doc.en.txt"
    path.write_text("The Western Mountains Revolutionary Council took the town. Later the Revolutionary Council "
                    "withdrew.\n", encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    assert [(a.id, [m.text for m in a.mentions]) for a in doc.actors] == [
        ("libya/named/western-mountains-revolutionary-council",
         ["Western Mountains Revolutionary Council", "Revolutionary Council"])]


def test_companies_behind_their_countries_make_a_list(tmp_path: Path) -> None:
    path = tmp_path / "doc.en.txt"
    path.write_text("Canada imposed sanctions on Peru's Andes Shipping, Chile's Pacifico Airlines and Ghana's "
                    "Volta Company.\n", encoding="utf-8")
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord)
    assert [(r.source, r.predicate, r.target) for r in doc.relations] == [
        ("canada", "SANCTIONS", "libya/named/andes-shipping"),
        ("canada", "SANCTIONS", "libya/named/pacifico-airlines"),
        ("canada", "SANCTIONS", "libya/named/volta-company"),
    ]


def test_a_person_after_a_lower_case_role(tmp_path: Path) -> None:
    found = _unknown(tmp_path, "Militia commander Omar Bakar said his men would not leave the port.", "en")
    assert found == [("libya/named/omar-bakar", "Person", "---ELI", ["Omar Bakar"])]
