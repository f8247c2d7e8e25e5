"""The graph model both stores hold (DESIGN.md §4), as plain rows: one conversion from records, shared."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ontology.records import DocumentRecord, RelationRecord

ACTOR_FIELDS = ("id", "type", "name", "name_ar", "aliases", "wikidata", "cameo", "known")
DOCUMENT_FIELDS = ("id", "title", "lang", "published", "url", "sha256", "records_sha256")
EVENT_FIELDS = (
    "id", "predicate", "modality", "date", "cameo", "plover", "confidence",
    "sentence", "start", "end", "origin", "provenance", "fatalities", "location", "latitude", "longitude",
    "source", "target", "document",
)


def event_id(document_id: str, rel: RelationRecord) -> str:
    """A stable id: the same relation read from the same sentence of the same document is one event; a row
    of an event data set keeps the id it has there."""
    if rel.id:
        return rel.id
    key = "\x1f".join(
        [document_id, rel.source, rel.predicate, rel.target, rel.modality,
         str(rel.evidence.start), str(rel.evidence.end)]
    )
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class DocumentRows:
    """One document ready to be written: its node, the actors it mentions, its events."""

    document: dict[str, Any]
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]]


def document_rows(doc: DocumentRecord) -> DocumentRows:
    document = {
        "id": doc.id, "title": doc.title, "lang": doc.lang, "published": doc.published,
        "url": doc.url, "sha256": doc.sha256,
    }
    actors = [
        {"id": a.id, "type": a.type, "name": a.name, "name_ar": a.name_ar,
         "aliases": list(a.aliases), "wikidata": a.wikidata, "cameo": a.cameo,
         # Records of older extractors have no flag: an actor without one came from a gazetteer.
         "known": bool(getattr(a, "known", True))}
        for a in doc.actors
    ]
    events: dict[str, dict[str, Any]] = {}
    for rel in doc.relations:
        eid = event_id(doc.id, rel)
        events[eid] = {
            "id": eid, "predicate": rel.predicate, "modality": rel.modality, "date": rel.date,
            "cameo": rel.cameo, "plover": rel.plover, "confidence": rel.confidence,
            "sentence": rel.evidence.sentence, "start": rel.evidence.start, "end": rel.evidence.end,
            # records of older extractors have none of the fields of event data
            "origin": getattr(rel, "origin", "text"), "provenance": getattr(rel, "provenance", None),
            "fatalities": getattr(rel, "fatalities", None), "location": getattr(rel, "location", None),
            "latitude": getattr(rel, "latitude", None), "longitude": getattr(rel, "longitude", None),
            "source": rel.source, "target": rel.target, "document": doc.id,
        }
    return DocumentRows(document=document, actors=actors, events=list(events.values()))


@dataclass
class GraphSnapshot:
    """Everything a store holds, sorted by id: what exports and cross-store comparisons read."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
