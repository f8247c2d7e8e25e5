"""From a read document to its records: normalise, find actors, read relations sentence by sentence."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from loaders.actors import ActorRecognizer, Mention, conflict_parties, resolve_references
from loaders.dates import find_date
from loaders.normalize import Normalized, normalize
from loaders.readers import RawDocument, read_documents
from loaders.relations import FoundRelation, SentenceReader
from loaders.sentences import split_sentences
from ontology.errors import InputError
from ontology.gazetteer import Gazetteer
from ontology.records import ActorRecord, DocumentRecord, Evidence, RelationRecord
from ontology.records import Mention as MentionRecord


class Extractor:
    """Turns documents into records; build one per gazetteer and reuse it for every document."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.recognizer = recognizer_for(self.gazetteer)

    def extract(self, doc: RawDocument) -> DocumentRecord:
        text = doc.text
        norm = normalize(text)
        sentences = split_sentences(text)
        spans = [_folded_span(norm, s.start, s.end) for s in sentences]
        found_mentions = self.recognizer.find(norm, text)
        # the gazetteer of this document: the loaded one plus the agents and unknown actors found in it
        gazetteer = self.gazetteer.with_actors(self.recognizer.found_actors(found_mentions))
        parties = conflict_parties(found_mentions, gazetteer)
        mentions = resolve_references(norm.text, found_mentions, gazetteer, spans, parties)
        found_by_sentence = self._read(doc.lang, gazetteer, spans, mentions, parties, norm)
        fights = _fights(found_by_sentence, spans, gazetteer)
        attackers = _attackers(found_by_sentence, spans)
        if fights or attackers:
            # "the two sides", and who a host mediates between, are the forces the article has just shown
            # fighting (Libya Dawn and Zintan in 2014; the Tebu and the Tuareg in Ubari); "the strikes" are
            # those of whoever was last shown attacking
            mentions = resolve_references(norm.text, found_mentions, gazetteer, spans, parties, fights, attackers)
            found_by_sentence = self._read(doc.lang, gazetteer, spans, mentions, parties, norm, fights)
        relations: list[RelationRecord] = []
        for sentence, (start, end), found in zip(sentences, spans, found_by_sentence, strict=True):
            if not found:
                continue
            date = find_date(norm.text[start:end], doc.lang, doc.published)
            evidence = Evidence(sentence.text, sentence.start, sentence.end)
            for rel in sorted(found, key=lambda r: r.trigger_start):
                relations.append(RelationRecord(
                    source=rel.source, predicate=rel.predicate, target=rel.target, modality=rel.modality,
                    date=date, cameo=rel.cameo, plover=rel.plover, confidence=round(rel.confidence, 2),
                    evidence=evidence,
                ))
        return DocumentRecord(
            id=doc.id, lang=doc.lang, published=doc.published, title=doc.title, url=doc.url,
            sha256=doc.sha256, path=doc.path, actors=_actors(gazetteer, norm, text, mentions, relations, doc.published),
            relations=relations,
        )

    @staticmethod
    def _read(lang: str, gazetteer: Gazetteer, spans: list[tuple[int, int]], mentions: list[Mention],
              parties: tuple[str, ...], norm: Normalized,
              fights: list[tuple[int, tuple[str, str]]] = ()) -> list[list[FoundRelation]]:
        reader = SentenceReader(lang, gazetteer, parties, fights)
        return [reader.read(norm.text, start, end, mentions) for start, end in spans]


def _actors(gazetteer: Gazetteer, norm: Normalized, text: str, mentions: list[Mention],
            relations: list[RelationRecord], published: str | None) -> list[ActorRecord]:
    seen: dict[str, list[MentionRecord]] = {}
    for mention in mentions:
        if mention.is_reference:
            continue
        start, end = norm.to_original(*mention.shown) if mention.shown else \
            norm.to_original(mention.start + len(mention.clitic), mention.end)
        for actor_id in mention.actors:
            seen.setdefault(actor_id, []).append(MentionRecord(text[start:end], start, end))
    for rel in relations:
        seen.setdefault(rel.source, [])
        seen.setdefault(rel.target, [])
    records = []
    for actor_id, found in seen.items():
        actor = gazetteer.get(actor_id)
        aliases = [a for a in (actor.name_ar, *actor.aliases, *actor.aliases_ar) if a]
        records.append(ActorRecord(
            id=actor.id, name=actor.name, type=actor.type, aliases=list(dict.fromkeys(aliases)),
            wikidata=actor.wikidata, mentions=found, name_ar=actor.name_ar,
            cameo=gazetteer.cameo_of(actor.id, published), known=actor.known,
        ))
    return sorted(records, key=lambda a: a.id)


def _fights(found: list[list[FoundRelation]], spans: list[tuple[int, int]],
            gazetteer: Gazetteer) -> list[tuple[int, tuple[str, str]]]:
    """Where the article shows two forces attacking or fighting each other: (position, pair)."""
    out = []
    for (start, _), sentence in zip(spans, found, strict=True):
        for rel in sentence:
            ends = (gazetteer.actors[rel.source], gazetteer.actors[rel.target])
            if rel.predicate in ("ATTACKS", "FIGHTS") and rel.modality == "asserted" \
                    and all(a.type in ("Government", "ArmedGroup") for a in ends):
                out.append((start, (rel.source, rel.target)))
    return out


def _attackers(found: list[list[FoundRelation]], spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Where the article shows an actor attacking: (position, attacker)."""
    return [(start, rel.source) for (start, _), sentence in zip(spans, found, strict=True) for rel in sentence
            if rel.predicate == "ATTACKS" and rel.modality == "asserted"]


@cache
def recognizer_for(gazetteer: Gazetteer) -> ActorRecognizer:
    """One automaton per gazetteer: building it costs far more than reading an article."""
    return ActorRecognizer(gazetteer)


def _folded_span(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    """The folded-text span of an original span."""
    return bisect.bisect_left(norm.offsets, start), bisect.bisect_left(norm.offsets, end)


def extract_paths(paths: Iterable[Path], extractor: Extractor | None = None) -> Iterator[DocumentRecord | InputError]:
    """Records of every document under the paths; unreadable ones yield their InputError instead."""
    extractor = extractor or Extractor()
    for item in read_documents(paths):
        yield item if isinstance(item, InputError) else extractor.extract(item)
