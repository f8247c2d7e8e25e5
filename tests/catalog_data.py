"""A third story and a small gazetteer for the catalog's questions, beside factories.both_documents().

The story gives Egypt's support of Turkey before its condemnation (a change of sign), a condemnation by an
international organisation, an aid request that is only intended and a force composed from a state; the
gazetteer gives dated roles, a force that belongs to a government and names in both languages.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from factories import both_documents, egypt, haftar_forces, rel, turkey

from ontology.gazetteer import Gazetteer
from ontology.records import ActorRecord, DocumentRecord

S_CAIRO_BACKING = "At the start of December Cairo still backed Ankara's offer to host the talks."
S_UN_CONDEMN = "The United Nations condemned the shelling of the capital's suburbs by Haftar's forces."
S_LNA_REQUEST = "The eastern command said it would ask Cairo for more air defence batteries."
S_TROOPS = "A first company of Turkish soldiers reached a base south of the capital on Sunday."


def un() -> ActorRecord:
    return ActorRecord("un", "United Nations", "InternationalOrganization", name_ar="الأمم المتحدة", wikidata="Q1065")


def turkish_military() -> ActorRecord:
    return ActorRecord("turkey/military", "Turkish military", "ArmedGroup", name_ar="الجيش (تركيا)", known=False)


def cairo_turn() -> DocumentRecord:
    """Three days after the second story (English)."""
    from factories import gna

    return DocumentRecord(
        id="cairo-turn",
        lang="en",
        published="2019-12-30",
        title="Cairo turns on Ankara as troops land",
        url=None,
        sha256=hashlib.sha256(b"cairo-turn v1").hexdigest(),
        actors=[egypt(), turkey(), un(), haftar_forces(), turkish_military(), gna()],
        relations=[
            rel("egypt", "SUPPORTS", "turkey", "asserted", "2019-12-02", "051", "SUPPORT", S_CAIRO_BACKING, 0),
            rel("un", "CONDEMNS", "haftar_forces", "asserted", "2019-12-29", "111", "ACCUSE", S_UN_CONDEMN, 80),
            rel("haftar_forces", "REQUESTS_AID_FROM", "egypt", "intent", None, "0231", "REQUEST", S_LNA_REQUEST, 170),
            rel("turkey/military", "DEPLOYS_TO", "gna", "asserted", "2019-12-29", "150", "MOBILIZE", S_TROOPS, 245),
        ],
    )


def three_documents() -> list[DocumentRecord]:
    return [*both_documents(), cairo_turn()]


GAZETTEER = {
    "name": "catalog-test",
    "home": "libya",
    "actors": [
        {"id": "libya", "type": "State", "name": "Libya", "name_ar": "ليبيا"},
        {"id": "turkey", "type": "State", "name": "Turkey", "name_ar": "تركيا", "aliases": ["Türkiye"]},
        {"id": "egypt", "type": "State", "name": "Egypt", "name_ar": "مصر"},
        {"id": "gna", "type": "Government", "name": "Government of National Accord", "aliases": ["GNA"],
         "name_ar": "حكومة الوفاق الوطني", "aliases_ar": ["حكومة الوفاق"]},
        {"id": "presidential-guard", "type": "ArmedGroup", "name": "Presidential Guard", "member_of": ["gna"]},
        {"id": "sarraj", "type": "Person", "name": "Fayez al-Sarraj", "aliases": ["Sarraj"], "aliases_ar": ["السراج"],
         "positions": [{"predicate": "LEADS", "of": "gna", "title_en": "Chairman of the Presidential Council",
                        "from": "2016-03-30", "to": "2021-03-15"}]},
        {"id": "erdogan", "type": "Person", "name": "Recep Tayyip Erdoğan", "aliases": ["Erdogan"],
         "positions": [{"predicate": "LEADS", "of": "turkey", "title_en": "President", "from": "2014-08-28"}]},
        {"id": "cavusoglu", "type": "Person", "name": "Mevlüt Çavuşoğlu",
         "positions": [{"predicate": "MEMBER_OF", "of": "turkey", "title_en": "Minister of Foreign Affairs",
                        "from": "2015-11-24", "to": "2023-06-04"}]},
        {"id": "khalifa-haftar", "type": "Person", "name": "Khalifa Haftar", "aliases": ["Haftar"],
         "name_ar": "خليفة حفتر", "aliases_ar": ["حفتر"]},
    ],
}


def gazetteer(directory: Path) -> Gazetteer:
    path = directory / "catalog-test.json"
    path.write_text(json.dumps(GAZETTEER, ensure_ascii=False), encoding="utf-8")
    return Gazetteer.load([path])


# Each catalog query with parameters that give rows on the seed and examples/ (support-and-condemn gives none
# there): names and aliases in both languages, predicates in lower case.
EXAMPLE_CASES: list[tuple[str, dict[str, str]]] = [
    ("actor-timeline", {"actor": "مصر"}),
    ("actors-by-type", {}),
    ("aid-requests", {}),
    ("condemnations-by-organisations", {}),
    ("denials", {}),
    ("denials-and-claims", {}),
    ("edge-evidence", {"source": "Turkey", "predicate": "supports", "target": "GNA"}),
    ("events-by-predicate", {"predicate": "attacks"}),
    ("events-by-source", {}),
    ("foreign-states", {}),
    ("most-active-by-month", {}),
    ("relations-of-actor", {"actor": "turkey"}),
    ("role-holders", {"date": "2019-12-20"}),
    ("sign-changes", {}),
    ("summary-relations", {}),
    ("support-and-condemn", {}),
    ("supporters-of", {"actor": "Haftar"}),
    ("supporters-of-enemies", {"actor": "حكومة الوفاق"}),
    ("who-attacks-whom", {}),
]
EMPTY_ON_EXAMPLES = {"support-and-condemn"}
