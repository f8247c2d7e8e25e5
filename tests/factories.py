"""Hand-built DocumentRecords for store and query tests.

Two documents share actors (gna, turkey, haftar_forces, usa); they hold asserted, negated, intent
and conditional events, a relation with no date, and Arabic names. aid_request_revised() is the
first document with other content under the same id.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ontology.records import ActorRecord, DocumentRecord, Evidence, RelationRecord


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def gna() -> ActorRecord:
    return ActorRecord(
        "gna",
        "Government of National Accord",
        "Government",
        aliases=["GNA", "حكومة الوفاق"],
        name_ar="حكومة الوفاق الوطني",
        cameo="LBYGOV",
    )


def sarraj() -> ActorRecord:
    return ActorRecord("sarraj", "Fayez al-Sarraj", "Person", aliases=["Sarraj", "السراج"], name_ar="فايز السراج")


def turkey() -> ActorRecord:
    return ActorRecord("turkey", "Turkey", "State", aliases=["Türkiye"], wikidata="Q43", name_ar="تركيا", cameo="TUR")


def usa() -> ActorRecord:
    return ActorRecord(
        "usa", "United States", "State", aliases=["USA"], wikidata="Q30", name_ar="الولايات المتحدة", cameo="USA"
    )


def algeria() -> ActorRecord:
    return ActorRecord("algeria", "Algeria", "State", wikidata="Q262", name_ar="الجزائر", cameo="DZA")


def egypt() -> ActorRecord:
    return ActorRecord("egypt", "Egypt", "State", wikidata="Q79", name_ar="مصر", cameo="EGY")


def haftar_forces() -> ActorRecord:
    return ActorRecord(
        "haftar_forces",
        "Libyan National Army",
        "ArmedGroup",
        aliases=["LNA", "قوات حفتر"],
        name_ar="الجيش الوطني الليبي",
        cameo="LBYMIL",
    )


def rel(
    source: str,
    predicate: str,
    target: str,
    modality: str,
    date: str | None,
    cameo: str,
    plover: str,
    sentence: str,
    start: int,
) -> RelationRecord:
    return RelationRecord(
        source, predicate, target, modality, date, cameo, plover, 0.9, Evidence(sentence, start, start + len(sentence))
    )


S_REQUEST = "طلبت حكومة الوفاق الوطني رسميا من تركيا والولايات المتحدة تفعيل اتفاقيات التعاون الأمني."
S_OFFER = "وأعلن الرئيس التركي أن بلاده مستعدة لدعم حكومة الوفاق."
S_DENIAL = "ونفت الجزائر أن تكون قد قدمت أي دعم لقوات حفتر."
S_ATTACK = "وشنت قوات حفتر هجوما على مواقع حكومة الوفاق جنوب طرابلس."
S_BACKING = "وكانت تركيا قد دعمت حكومة الوفاق بطائرات مسيرة."
S_APPEAL = "ودعا السراج الولايات المتحدة إلى التدخل لوقف الهجوم."
S_APPEAL_V2 = "ودعت الولايات المتحدة قوات حفتر إلى وقف الهجوم على طرابلس."


def aid_request() -> DocumentRecord:
    """The seed story (Arabic): the GNA asks Turkey and the United States for aid."""
    return DocumentRecord(
        id="gna-aid-request",
        lang="ar",
        published="2019-12-26",
        title="حكومة الوفاق تطلب دعما عسكريا من خمس دول",
        url="https://example.org/news/gna-aid-request",
        sha256=_sha("gna-aid-request v1"),
        actors=[gna(), sarraj(), turkey(), usa(), algeria(), haftar_forces()],
        relations=[
            rel("gna", "REQUESTS_AID_FROM", "turkey", "asserted", "2019-12-26", "0234", "REQUEST", S_REQUEST, 0),
            rel("gna", "REQUESTS_AID_FROM", "usa", "asserted", "2019-12-26", "0234", "REQUEST", S_REQUEST, 0),
            rel("turkey", "OFFERS_SUPPORT", "gna", "intent", "2019-12-26", "0334", "AGREE", S_OFFER, 92),
            rel("algeria", "SUPPORTS", "haftar_forces", "negated", None, "051", "SUPPORT", S_DENIAL, 148),
            rel("haftar_forces", "ATTACKS", "gna", "asserted", "2019-12-12", "190", "ASSAULT", S_ATTACK, 196),
            rel("turkey", "SUPPORTS", "gna", "asserted", "2019-12-10", "071", "AID", S_BACKING, 256),
            rel("sarraj", "APPEALS_TO", "usa", "asserted", "2019-12-26", "020", "REQUEST", S_APPEAL, 304),
        ],
    )


S_CLASH = "Haftar's forces clashed with GNA fighters near Tripoli airport on Friday."
S_EGYPT = "Egypt has backed the Libyan National Army with weapons and air cover."
S_TURKEY = "Turkey delivered armoured vehicles to the GNA on Saturday."
S_US_DENIAL = "Washington said it does not support the GNA militarily."
S_CONDEMN = "Cairo condemned Turkey's interference in Libya."
S_DEPLOY = "Ankara will send troops if the GNA asks for them."
S_US_OFFER = "Washington offered the GNA diplomatic support."


def tripoli_clashes() -> DocumentRecord:
    """A second story (English) about the same actors, two days later."""
    return DocumentRecord(
        id="tripoli-clashes",
        lang="en",
        published="2019-12-28",
        title="Clashes near Tripoli as foreign backers line up",
        url=None,
        sha256=_sha("tripoli-clashes v1"),
        actors=[gna(), haftar_forces(), turkey(), usa(), egypt()],
        relations=[
            rel("haftar_forces", "FIGHTS", "gna", "asserted", "2019-12-27", "190", "ASSAULT", S_CLASH, 0),
            rel("egypt", "SUPPORTS", "haftar_forces", "asserted", "2019-12-28", "072", "AID", S_EGYPT, 74),
            rel("turkey", "SUPPORTS", "gna", "asserted", "2019-12-28", "071", "AID", S_TURKEY, 144),
            rel("usa", "SUPPORTS", "gna", "negated", "2019-12-28", "051", "SUPPORT", S_US_DENIAL, 203),
            rel("egypt", "CONDEMNS", "turkey", "asserted", None, "111", "ACCUSE", S_CONDEMN, 259),
            rel("turkey", "DEPLOYS_TO", "gna", "conditional", "2019-12-28", "150", "MOBILIZE", S_DEPLOY, 307),
            rel("usa", "OFFERS_SUPPORT", "gna", "asserted", "2019-12-28", "0332", "AGREE", S_US_OFFER, 357),
        ],
    )


def aid_request_revised() -> DocumentRecord:
    """The seed story read again: Turkey's earlier backing is gone, a US appeal is new."""
    doc = aid_request()
    relations = [r for r in doc.relations if r.evidence.sentence != S_BACKING]
    relations.append(
        rel("usa", "APPEALS_TO", "haftar_forces", "asserted", "2019-12-27", "020", "REQUEST", S_APPEAL_V2, 400)
    )
    return replace(doc, sha256=_sha("gna-aid-request v2"), relations=relations)


def both_documents() -> list[DocumentRecord]:
    return [aid_request(), tripoli_clashes()]


# -- what a store holds after both_documents() (and after aid_request_revised()), worked out by hand

STATS_BOTH = {
    "actors": {"ArmedGroup": 1, "Government": 1, "Person": 1, "State": 4},
    "actors_total": 7,
    "documents": 2,
    "events": {"APPEALS_TO": 1, "ATTACKS": 1, "CONDEMNS": 1, "DEPLOYS_TO": 1, "FIGHTS": 1,
               "OFFERS_SUPPORT": 2, "REQUESTS_AID_FROM": 2, "SUPPORTS": 5},
    "events_total": 14,
    "modalities": {"asserted": 10, "conditional": 1, "intent": 1, "negated": 2},
    "origins": {"text": 14},
}

# The revision drops Turkey's backing of 10 December and adds a US appeal.
STATS_REVISED = {
    **STATS_BOTH,
    "events": {**STATS_BOTH["events"], "APPEALS_TO": 2, "SUPPORTS": 4},
}

SUMMARY_QUERY = (
    "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS source, type(r) AS predicate, b.id AS target, "
    "r.events AS events, r.first AS first, r.last AS last ORDER BY source, predicate, target"
)


def summary(source: str, predicate: str, target: str, events: int, first: str | None,
            last: str | None) -> dict:
    return {"source": source, "predicate": predicate, "target": target, "events": events,
            "first": first, "last": last}


# Asserted events only: Turkey's offer (intent), Algeria's and the US's denials (negated) and
# Turkey's deployment (conditional) have none.
SUMMARIES_BOTH = [
    summary("egypt", "CONDEMNS", "turkey", 1, None, None),
    summary("egypt", "SUPPORTS", "haftar_forces", 1, "2019-12-28", "2019-12-28"),
    summary("gna", "REQUESTS_AID_FROM", "turkey", 1, "2019-12-26", "2019-12-26"),
    summary("gna", "REQUESTS_AID_FROM", "usa", 1, "2019-12-26", "2019-12-26"),
    summary("haftar_forces", "ATTACKS", "gna", 1, "2019-12-12", "2019-12-12"),
    summary("haftar_forces", "FIGHTS", "gna", 1, "2019-12-27", "2019-12-27"),
    summary("sarraj", "APPEALS_TO", "usa", 1, "2019-12-26", "2019-12-26"),
    summary("turkey", "SUPPORTS", "gna", 2, "2019-12-10", "2019-12-28"),
    summary("usa", "OFFERS_SUPPORT", "gna", 1, "2019-12-28", "2019-12-28"),
]

SUMMARIES_REVISED = [
    s for s in SUMMARIES_BOTH if (s["source"], s["predicate"]) != ("turkey", "SUPPORTS")
] + [
    summary("turkey", "SUPPORTS", "gna", 1, "2019-12-28", "2019-12-28"),
    summary("usa", "APPEALS_TO", "haftar_forces", 1, "2019-12-27", "2019-12-27"),
]
SUMMARIES_REVISED.sort(key=lambda s: (s["source"], s["predicate"], s["target"]))


# Summary relationships as stored, and as counted again from the events: the same rows on a sound store.
STORED_SUMMARIES = ("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS s, type(r) AS p, b.id AS t, r.events AS n, "
                    "r.first AS first, r.last AS last ORDER BY s, p, t")
COUNTED_SUMMARIES = ("MATCH (a:Actor)<-[:SOURCE]-(e:Event)-[:TARGET]->(b:Actor) WHERE e.modality = 'asserted' "
                     "RETURN a.id AS s, e.predicate AS p, b.id AS t, count(e) AS n, min(e.date) AS first, "
                     "max(e.date) AS last ORDER BY s, p, t")
