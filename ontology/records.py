"""Typed records that loaders produce and stores consume: the extraction contract of DESIGN.md §3."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
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
    mentions: list[Mention] = field(default_factory=list)
    name_ar: str | None = None
    cameo: str | None = None
    known: bool = True  # False: found by the shape of the text, in no gazetteer

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


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass
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

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = asdict(self.evidence)
        return data


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
