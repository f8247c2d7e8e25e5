"""Typed records that loaders produce and stores consume: the extraction contract of DESIGN.md §3."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ontology.mention_list import MentionList


# slots: a large document has tens of thousands of mentions and relations
@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass
class ActorRecord:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    mentions: list[Mention] | MentionList = field(default_factory=list)  # extraction gives a MentionList
    name_ar: str | None = None
    cameo: str | None = None
    known: bool = True  # False: found by the shape of the text, in no gazetteer

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ActorRecord:
        fields = {k: v for k, v in data.items() if k != "mentions"}
        return cls(**fields, mentions=[Mention(**m) for m in data.get("mentions", [])])

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "cameo": self.cameo,
            "known": self.known,
            "aliases": list(self.aliases),
            "wikidata": self.wikidata,
            "mentions": [asdict(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class RelationRecord:
    source: str
    predicate: str
    target: str
    modality: str
    date: str | None
    cameo: str
    plover: str
    confidence: float
    evidence: Evidence
    # A row of an event data set carries its own id and provenance; text leaves these at their defaults.
    id: str | None = None
    origin: str = "text"  # text, acled or gdelt
    provenance: str | None = None  # ACLED's source, GDELT's SOURCEURL
    fatalities: int | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = asdict(self.evidence)
        # the fields of event data appear only where they were given, so text records print as before
        for name in EVENT_DATA_FIELDS:
            if data[name] == _DEFAULTS[name]:
                del data[name]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RelationRecord:
        fields = {k: v for k, v in data.items() if k != "evidence"}
        return cls(**fields, evidence=Evidence(**data["evidence"]))


EVENT_DATA_FIELDS = ("id", "origin", "provenance", "fatalities", "location", "latitude", "longitude")
_DEFAULTS: dict[str, Any] = {"id": None, "origin": "text", "provenance": None, "fatalities": None, "location": None,
                             "latitude": None, "longitude": None}


@dataclass
class DocumentRecord:
    id: str
    lang: str
    published: str | None
    title: str | None
    url: str | None = None
    sha256: str | None = None
    path: str | None = None
    actors: list[ActorRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what was cut or dropped while reading; not stored

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "published": self.published,
            "title": self.title,
            "actors": [a.to_json() for a in self.actors],
            "relations": [r.to_json() for r in self.relations],
        }

    def to_shard_json(self) -> dict[str, Any]:
        """to_json and what a store keeps beyond it (url, sha256): a shard line that from_json reads back
        into the record an ingest of the document itself would store."""
        data = {**self.to_json(), "url": self.url, "sha256": self.sha256}
        for actor, record in zip(data["actors"], self.actors, strict=True):
            actor["name_ar"] = record.name_ar
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentRecord:
        """A record as to_json wrote it (a shard line, say)."""
        return cls(
            id=data["id"], lang=data["lang"], published=data.get("published"), title=data.get("title"),
            url=data.get("url"), sha256=data.get("sha256"),
            actors=[ActorRecord.from_json(a) for a in data.get("actors", [])],
            relations=[RelationRecord.from_json(r) for r in data.get("relations", [])],
        )
