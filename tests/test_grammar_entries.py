"""Each entry of lang/<lang>/grammar.toml that changes output has a sentence written for it: with the
entry the sentence gives exactly the relations listed, and without it (an empty list, an empty string, a
window of 0, a flag turned over) it gives something else."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import loaders.grammar as grammar
from tests.extracting import extract_text

U = "libya/unattributed/"

CASES = [
    ("ar", "verb_first",
     "وانتقدت الجزائر تونس بشدة أمس.",
     [("algeria", "CONDEMNS", "tunisia", "asserted", "111")]),
    ("ar", "unmarked_passive",
     "وقتل 6 مسلحين في غارة نفذتها طائرات جزائرية قرب تونس.",
     []),
    ("ar", "adjective_after_noun",
     "وهاجمت القوات التونسية مسلحين قرب الحدود.",
     [("tunisia/military", "ATTACKS", U + "gunmen", "asserted", "190")]),
    ("ar", "affixes.conjunctions",
     "ونفت مصر أنها دعمت قوات حفتر.",
     [("egypt", "SUPPORTS", "lna", "negated", "050")]),
    ("ar", "affixes.consecutive",
     "وتقدمت قوات حفتر نحو المدينة فقتلت 4 مسلحين.",
     [("lna", "ATTACKS", U + "gunmen", "asserted", "1823")]),
    ("ar", "affixes.prepositions",
     "وأعلن الرئيس التونسي تأييده لحكومة الوفاق.",
     [("tunisia", "SUPPORTS", "gna", "asserted", "050")]),
    ("ar", "affixes.genitive",
     "وشن الجيش الجزائري غارات على مواقع عسكرية لقوات حفتر.",
     [("algeria/military", "ATTACKS", "lna", "asserted", "195")]),
    ("ar", "affixes.verb_suffixes",
     "وتتواصل المعارك منذ هجوم أطلقته قوات حفتر على طرابلس.",
     [("lna", "ATTACKS", "tripoli", "asserted", "190")]),
    ("ar", "affixes.proclitics",
     "وانتقدت تونس مصر.",
     [("tunisia", "CONDEMNS", "egypt", "asserted", "111")]),
    ("ar", "affixes.future_proclitics",
     "وستدعم الجزائر تونس.",
     [("algeria", "OFFERS_SUPPORT", "tunisia", "intent", "030")]),
    ("ar", "affixes.future_marker",
     "وستساند قطر السودان.",
     [("qatar", "OFFERS_SUPPORT", "sudan", "intent", "030")]),
    ("ar", "affixes.article",
     "وقدمت قطر دعما عسكريا للسودان.",
     [("qatar", "SUPPORTS", "sudan", "asserted", "050")]),
    ("ar", "affixes.article_after_lam",
     "وأعلنت تونس دعمها للجزائر.",
     [("tunisia", "SUPPORTS", "algeria", "asserted", "050")]),
    ("ar", "affixes.noun_prefixes",
     "وطالبت تونس الجزائر بالمساعدات.",
     [("tunisia", "REQUESTS_AID_FROM", "algeria", "asserted", "023")]),
    ("ar", "affixes.nominal_prefixes",
     "وأكدت مصر أن المسلحين المدعومين من تركيا هاجموا القرية.",
     [("turkey", "SUPPORTS", U + "gunmen", "asserted", "050")]),
    ("ar", "words.verb_auxiliaries",
     "وساندت قطر حكومة الوفاق ومصر قد ساندت قوات حفتر.",
     [("egypt", "SUPPORTS", "lna", "asserted", "050"), ("qatar", "SUPPORTS", "gna", "asserted", "050")]),
    ("ar", "words.passive_auxiliaries",
     "وقوات حفتر التي تحاصر المدينة منذ أشهر كانت مدعومة من الإمارات.",
     [("united-arab-emirates", "SUPPORTS", "lna", "asserted", "050")]),
    ("ar", "words.characterising_verbs",
     "وانتقدت تركيا ما وصفته بدعم مصر لقوات حفتر.",
     []),
    ("ar", "words.characterising_heads",
     "ورفضت قطر ما سمته بدعم الإمارات لحفتر.",
     []),
    ("ar", "words.pronoun_relatives",
     "وقاتلت قوات حفتر في الجنوب، وهي مدعومة من الإمارات.",
     [("united-arab-emirates", "SUPPORTS", "lna", "asserted", "050")]),
    ("ar", "words.complementisers",
     "وقال الرئيس التونسي إن الجزائر بدأت قصف مواقع المسلحين، مؤكدا أن العمليات لن تشمل نشر قوات في ليبيا.",
     [("algeria", "ATTACKS", U + "gunmen", "asserted", "190")]),
    ("ar", "words.partitive_prepositions",
     "واستهدفت الطائرات الجزائرية مواقع من قوات حفتر.",
     [("algeria", "ATTACKS", "lna", "asserted", "190")]),
    ("ar", "words.alongside",
     "ويقاتل مسلحون تشاديون إلى جانب قوات حفتر.",
     [("chad/gunmen", "SUPPORTS", "lna", "asserted", "051")]),
    ("ar", "words.parenthetical_alongside",
     "وأدانت الجزائر بشدة، إلى جانب تونس، تدخل مصر.",
     [("algeria", "CONDEMNS", "egypt", "asserted", "111")]),
    ("ar", "words.member_openers",
     "وتدعم تركيا، إلى جانب قطر وإيطاليا، حكومة الوفاق.",
     [("italy", "SUPPORTS", "gna", "asserted", "050"), ("qatar", "SUPPORTS", "gna", "asserted", "050"),
      ("turkey", "SUPPORTS", "gna", "asserted", "050")]),
    ("ar", "words.invitation_objects",
     "وحضر الطرفان مؤتمرا دعت إليه إيطاليا في روما.",
     []),
    ("ar", "words.between",
     "واستضافت الجزائر محادثات بين تونس والمغرب.",
     [("algeria", "MEDIATES", "morocco", "asserted", "045"),
      ("algeria", "MEDIATES", "tunisia", "asserted", "045"),
      ("tunisia", "CONSULTS", "morocco", "asserted", "040")]),
    ("ar", "words.adjectival_prepositions",
     "وانسحبت القوات السودانية الموالية لقوات حفتر من الجنوب.",
     [("sudan/military", "SUPPORTS", "lna", "asserted", "050")]),
    ("ar", "words.threat_object_prepositions",
     "وهددت الجزائر بمعاقبة تونس إذا لم تنسحب.",
     [("algeria", "THREATENS", "tunisia", "conditional", "130")]),
    ("ar", "words.list_clitics",
     "وأدانت مصر والسعودية تركيا.",
     [("egypt", "CONDEMNS", "turkey", "asserted", "111"), ("saudi-arabia", "CONDEMNS", "turkey", "asserted", "111")]),
    ("ar", "patterns.participle",
     "وأدان الرئيس المصري الهجوم، داعيا تركيا إلى وقف التصعيد.",
     [("egypt", "APPEALS_TO", "turkey", "asserted", "020")]),
    ("en", "possessor_before_noun",
     "Sudan's offensive on Chad began on Monday.",
     [("sudan", "ATTACKS", "chad", "asserted", "190")]),
    ("en", "adjective_after_noun",
     "Turkish troops attacked gunmen near the border.",
     [("turkey/military", "ATTACKS", U + "gunmen", "asserted", "190")]),
    ("en", "affixes.possessive_endings",
     "Pakistan's army attacked militants in the north.",
     [("pakistan/military", "ATTACKS", U + "militants", "asserted", "190")]),
    ("en", "words.verb_auxiliaries",
     "Turkey backed the GNA and Russia has backed the LNA.",
     [("russia", "SUPPORTS", "lna", "asserted", "050"), ("turkey", "SUPPORTS", "gna", "asserted", "050")]),
    ("en", "words.passive_auxiliaries",
     "The LNA, which controls the east, is backed by the UAE.",
     [("united-arab-emirates", "SUPPORTS", "lna", "asserted", "050")]),
    ("en", "words.characterising_verbs",
     "Turkey denounced what it called Egypt's support for the LNA.",
     [("turkey", "CONDEMNS", "egypt", "asserted", "111")]),
    ("en", "words.characterising_heads",
     "Algeria criticised what it called Qatar's support for the GNA.",
     [("algeria", "CONDEMNS", "qatar", "asserted", "111")]),
    ("en", "words.possessive_relatives",
     "Erdogan, whose country backs the GNA, met Sarraj in Ankara.",
     [("erdogan", "CONSULTS", "sarraj", "asserted", "040"), ("turkey", "SUPPORTS", "gna", "asserted", "050")]),
    ("en", "words.coordinators",
     "Egypt condemned Turkey and accused Qatar of arming militias.",
     [("egypt", "ACCUSES", "qatar", "asserted", "112"), ("egypt", "CONDEMNS", "turkey", "asserted", "111")]),
    ("en", "words.infinitive_markers",
     "Tunisia asked Algeria and Morocco to back the GNA; the "
     "latter went further, becoming the first state to recognise the GNA.",
     [("morocco", "SUPPORTS", "gna", "asserted", "054"),
      ("tunisia", "APPEALS_TO", "algeria", "asserted", "020"),
      ("tunisia", "APPEALS_TO", "morocco", "asserted", "020")]),
    ("en", "words.member_openers",
     "Several states, including France and Britain, condemned the LNA offensive.",
     [("france", "CONDEMNS", "lna", "asserted", "111"), ("united-kingdom", "CONDEMNS", "lna", "asserted", "111")]),
    ("en", "words.partitive_prepositions",
     "Militiamen from the Zintan brigades attacked the GNC headquarters on Monday.",
     [("zintan-brigades", "ATTACKS", "gnc", "asserted", "190")]),
    ("en", "words.between",
     "Algeria hosted talks between Tunisia and Morocco.",
     [("algeria", "MEDIATES", "morocco", "asserted", "045"), ("algeria", "MEDIATES", "tunisia", "asserted", "045")]),
    ("en", "words.adjectival_prepositions",
     "Militias loyal to the GNA attacked the town.",
     [(U + "militia", "SUPPORTS", "gna", "asserted", "050")]),
    ("en", "words.threat_object_prepositions",
     "Egypt threatened Turkey, warning that it would act if Ankara sent troops.",
     [("egypt", "THREATENS", "turkey", "conditional", "130")]),
    ("en", "words.appositive_articles",
     "The jets were sent to the Wagner Group, a company that backs the LNA.",
     [("wagner-group", "SUPPORTS", "lna", "asserted", "050")]),
    ("en", "words.new_claim_joins",
     "Egypt denied the charge and said it backs the LNA.",
     [("egypt", "SUPPORTS", "lna", "asserted", "050")]),
    ("en", "words.list_conjunctions",
     "Egypt and Jordan condemned Turkey.",
     [("egypt", "CONDEMNS", "turkey", "asserted", "111"), ("jordan", "CONDEMNS", "turkey", "asserted", "111")]),
    ("en", "words.list_articles",
     "Haftar is backed by Russia and the UAE.",
     [("russia", "SUPPORTS", "haftar", "asserted", "050"),
      ("united-arab-emirates", "SUPPORTS", "haftar", "asserted", "050")]),
    ("en", "words.carrier_nouns",
     "American warships and a French submarine shelled the rebels.",
     [("france", "ATTACKS", U + "rebels", "asserted", "194"),
      ("united-states/military", "ATTACKS", U + "rebels", "asserted", "194")]),
    ("en", "words.carrier_articles",
     "British jets and the French navy bombed the rebels.",
     [("france/military", "ATTACKS", U + "rebels", "asserted", "190"),
      ("united-kingdom/military", "ATTACKS", U + "rebels", "asserted", "190")]),
    ("en", "patterns.participle",
     "Egypt condemned Turkey, urging Qatar to withdraw.",
     [("egypt", "APPEALS_TO", "qatar", "asserted", "020"), ("egypt", "CONDEMNS", "turkey", "asserted", "111")]),
    ("en", "patterns.participle_clause",
     "Italy, meeting Tunisia in Rome, condemned the LNA.",
     [("italy", "CONDEMNS", "lna", "asserted", "111"), ("italy", "CONSULTS", "tunisia", "asserted", "040")]),
    ("en", "words.noun_articles",
     "Qatar welcomed the support of Turkey for the GNA.",
     [("qatar", "SUPPORTS", "gna", "asserted", "051")]),
    ("en", "words.threat_clauses",
     "Egypt warned that the Turkish army would face a response.",
     []),
]


def _clear_caches() -> None:
    """Everything the loaders derived from the grammar files is read again."""
    for name, module in list(sys.modules.items()):
        if name.startswith("loaders"):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def _without(lang: str, entry: str) -> Callable[[Path], dict[str, Any]]:
    read = grammar.grammar_data

    def data(path: Path) -> dict[str, Any]:
        tables = read(path)
        if path.parent.name != lang:
            return tables
        *outer, key = entry.split(".")
        table = tables
        for name in outer:
            table = table[name]
        value = table[key]
        table[key] = (not value) if isinstance(value, bool) else type(value)()
        return tables

    return data


def _relations(tmp_path: Path, sentence: str, lang: str) -> list[tuple[str, ...]]:
    doc = extract_text(tmp_path, sentence, lang)
    return sorted((r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations)


@pytest.fixture
def fresh_grammar() -> Iterator[None]:
    _clear_caches()
    yield
    _clear_caches()


@pytest.mark.parametrize(("lang", "entry", "sentence", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_entry_reads_its_sentence(tmp_path: Path, lang: str, entry: str, sentence: str,
                                      expected: list[tuple[str, ...]]) -> None:
    assert _relations(tmp_path, sentence, lang) == sorted(expected)


@pytest.mark.parametrize(("lang", "entry", "sentence", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_without_the_entry_the_sentence_reads_otherwise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        fresh_grammar: None, lang: str, entry: str, sentence: str,
                                                        expected: list[tuple[str, ...]]) -> None:
    monkeypatch.setattr(grammar, "grammar_data", _without(lang, entry))
    _clear_caches()
    assert _relations(tmp_path, sentence, lang) != sorted(expected)


def test_every_case_names_an_entry_of_its_grammar() -> None:
    for lang, entry, _, _ in CASES:
        table: Any = grammar.grammar_data(grammar.grammar_path(lang))
        for name in entry.split("."):
            assert name in table, (lang, entry)
            table = table[name]
