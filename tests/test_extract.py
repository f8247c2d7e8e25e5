"""Extraction end to end: the seed article against its reference annotation, and the patterns of English."""

from __future__ import annotations

import json
from pathlib import Path

from ckg.api import extract
from ontology.records import DocumentRecord
from tests.paths import SEED, SEED_GOLD, scorer

DATA = Path(__file__).parent / "data"

SEED_RELATIONS = [
    ('gna', 'REQUESTS_AID_FROM', 'united-states', 'asserted', None),
    ('gna', 'REQUESTS_AID_FROM', 'united-kingdom', 'asserted', None),
    ('gna', 'REQUESTS_AID_FROM', 'italy', 'asserted', None),
    ('gna', 'REQUESTS_AID_FROM', 'algeria', 'asserted', None),
    ('gna', 'REQUESTS_AID_FROM', 'turkey', 'asserted', None),
    ('sarraj', 'REQUESTS_AID_FROM', 'united-states', 'asserted', '2019-12-20'),
    ('sarraj', 'REQUESTS_AID_FROM', 'united-kingdom', 'asserted', '2019-12-20'),
    ('sarraj', 'REQUESTS_AID_FROM', 'italy', 'asserted', '2019-12-20'),
    ('sarraj', 'REQUESTS_AID_FROM', 'algeria', 'asserted', '2019-12-20'),
    ('sarraj', 'REQUESTS_AID_FROM', 'turkey', 'asserted', '2019-12-20'),
    ('lna', 'ATTACKS', 'tripoli', 'asserted', '2019-12-20'),
    ('sarraj', 'REQUESTS_AID_FROM', 'united-states', 'asserted', None),
    ('sarraj', 'REQUESTS_AID_FROM', 'united-kingdom', 'asserted', None),
    ('sarraj', 'REQUESTS_AID_FROM', 'italy', 'asserted', None),
    ('sarraj', 'REQUESTS_AID_FROM', 'algeria', 'asserted', None),
    ('sarraj', 'REQUESTS_AID_FROM', 'turkey', 'asserted', None),
    ('gna', 'APPEALS_TO', 'united-states', 'asserted', None),
    ('gna', 'APPEALS_TO', 'united-kingdom', 'asserted', None),
    ('gna', 'APPEALS_TO', 'italy', 'asserted', None),
    ('gna', 'APPEALS_TO', 'algeria', 'asserted', None),
    ('gna', 'APPEALS_TO', 'turkey', 'asserted', None),
    ('gna', 'SIGNS_AGREEMENT_WITH', 'turkey', 'asserted', None),
    ('turkey', 'DEPLOYS_TO', 'libya', 'conditional', '2019-12-10'),
    ('turkey', 'OFFERS_SUPPORT', 'gna', 'conditional', '2019-12-10'),
    ('egypt', 'SUPPORTS', 'lna', 'asserted', None),
    ('united-arab-emirates', 'SUPPORTS', 'lna', 'asserted', None),
    ('unsmil', 'CONDEMNS', 'gna', 'asserted', None),
    ('unsmil', 'CONDEMNS', 'lna', 'asserted', None),
    ('lna', 'ATTACKS', 'tripoli', 'asserted', '2019-04-04'),
]

PATTERN_RELATIONS = [
    ('turkey', 'DEPLOYS_TO', 'libya', 'conditional', '2020-01-07'),
    ('russia', 'DEPLOYS_TO', 'libya', 'negated', None),
    ('united-arab-emirates', 'SUPPORTS', 'lna', 'asserted', '2020-01-06'),
    ('lna', 'ATTACKS', 'tripoli', 'asserted', '2020-01-06'),
    ('egypt', 'CONDEMNS', 'turkey', 'asserted', None),
    ('united-arab-emirates', 'CONDEMNS', 'turkey', 'asserted', None),
    ('egypt', 'ACCUSES', 'turkey', 'asserted', None),
    ('united-arab-emirates', 'ACCUSES', 'turkey', 'asserted', None),
    ('russia', 'SUPPORTS', 'lna', 'asserted', None),
    ('lna', 'FIGHTS', 'gna', 'asserted', None),
    ('eu', 'SANCTIONS', 'wagner-group', 'asserted', None),
    ('un', 'APPEALS_TO', 'lna', 'asserted', None),
    ('un', 'APPEALS_TO', 'gna', 'asserted', None),
    ('germany', 'MEDIATES', 'gna', 'asserted', None),
    ('germany', 'MEDIATES', 'lna', 'asserted', None),
    ('gna', 'ATTACKS', 'sirte', 'negated', None),
]


def _only(path: Path) -> DocumentRecord:
    [doc] = list(extract([path]))
    assert isinstance(doc, DocumentRecord), doc
    return doc


def _rows(doc: DocumentRecord) -> list[tuple]:
    return [(r.source, r.predicate, r.target, r.modality, r.date) for r in doc.relations]


def test_seed_relations_are_exact() -> None:
    doc = _only(SEED)
    assert (doc.id, doc.lang, doc.published) == ("gna-aid-request", "ar", "2019-12-20")
    assert _rows(doc) == SEED_RELATIONS


def test_seed_scores_full_marks_against_its_annotation() -> None:
    doc = _only(SEED)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    result = scorer().score_gold(gold, {"documents": [doc.to_json()]})
    assert (result["precision"], result["recall"]) == (1.0, 1.0)
    assert (result["required_found"], result["required"], result["false_positives"]) == (12, 12, 0)
    assert result["denials_as_facts"] == 0
    assert result["actors_found"] == 16


def test_offsets_index_the_original_text() -> None:
    doc = _only(SEED)
    text = SEED.read_text(encoding="utf-8")
    for actor in doc.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    for rel in doc.relations:
        assert text[rel.evidence.start : rel.evidence.end] == rel.evidence.sentence
    lna = next(a for a in doc.actors if a.id == "lna")
    assert [m.text for m in lna.mentions] == [
        "القوات الموالية للمشير خليفة حفتر", "قوات المشير حفتر", "القوات الموالية للمشير حفتر",
    ]


def test_json_contract_fields() -> None:
    data = _only(SEED).to_json()
    assert list(data) == ["id", "lang", "published", "title", "actors", "relations"]
    assert list(data["actors"][0]) == ["id", "name", "type", "cameo", "known", "aliases", "wikidata", "mentions"]
    rel = data["relations"][0]
    assert list(rel) == ["source", "predicate", "target", "modality", "date", "cameo", "plover", "confidence",
                         "evidence"]
    assert (rel["cameo"], rel["plover"]) == ("023", "REQUEST")
    assert list(rel["evidence"]) == ["sentence", "start", "end"]


def test_english_patterns() -> None:
    """Conditional, denial, Turkish-backed, lists, relative-clause passives, the two sides, between."""
    assert _rows(_only(DATA / "patterns.en.txt")) == PATTERN_RELATIONS
