"""From a read document to its records: normalise, find actors, read relations sentence by sentence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from loaders.actors import ActorRecognizer, Mention
from loaders.coreference import conflict_parties, resolve_references
from loaders.dates import find_date
from loaders.events import EventReader
from loaders.limits import Limits, OverBudget, time_budget
from loaders.lists import group_lists
from loaders.mention_table import MentionTable
from loaders.mentions import ATTACK_REFERENCES
from loaders.normalize import Normalized, normalize
from loaders.readers import RawDocument, read_documents
from loaders.relations import FoundRelation, SentenceReader, Skip
from loaders.sentences import Sentences, split_sentences
from loaders.spans import Spans
from loaders.tables import Notice
from ontology.errors import CkgError, InputError, InternalError
from ontology.gazetteer import Gazetteer
from ontology.mention_list import MentionList
from ontology.records import ActorRecord, DocumentRecord, Evidence, RelationRecord

_NOTHING: tuple[FoundRelation, ...] = ()


@dataclass
class Reading:
    """What extraction saw in one document: the records come from it, and so does `ckg explain`."""

    doc: RawDocument
    norm: Normalized
    sentences: Sentences
    spans: Spans  # each sentence's span in the folded text
    found_mentions: Sequence[Mention]  # as recognised, references unresolved
    mentions: Sequence[Mention]  # references resolved; unresolved ones dropped
    gazetteer: Gazetteer
    found: list[Sequence[FoundRelation]]  # by sentence
    skipped: list[Skip]  # triggers that gave no relation, when traced
    warnings: list[str]  # limits met while reading (lists cut short, sentences cut)


class Extractor:
    """Turns documents into records; build one per gazetteer and reuse it for every document."""

    def __init__(self, gazetteer: Gazetteer | None = None, limits: Limits | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.limits = limits or Limits()

    @property
    def recognizer(self) -> ActorRecognizer:
        """Built when a text is first read: event data files need none."""
        return recognizer_for(self.gazetteer)

    def extract(self, doc: RawDocument) -> DocumentRecord:
        reading = self.read(doc)
        # Each part of the reading is let go once its records are made, so that the two are never all held at
        # once: the mentions, then each sentence's relations found.
        mentions = _mention_records(reading.norm, doc.text, reading.mentions)
        reading.found_mentions = reading.mentions = ()
        relations, warnings = self._relations(reading, consume=True)
        gazetteer = reading.gazetteer
        del reading
        return _document(doc, _actors(gazetteer, mentions, relations, doc.published), relations, warnings)

    def read(self, doc: RawDocument, trace: bool = False) -> Reading:
        """Everything extraction sees in a document; with `trace`, also the triggers that gave nothing, and why."""
        text = doc.text
        warnings = list(doc.warnings)
        norm = normalize(text)
        sentences = split_sentences(text)
        spans = Spans(map(norm.folded, sentences.spans.starts), map(norm.folded, sentences.spans.ends))
        recognised = self.recognizer.find(norm, text)
        # the gazetteer of this document: the loaded one plus the agents and unknown actors found in it
        gazetteer = self.gazetteer.with_actors(self.recognizer.found_actors(recognised))
        parties = conflict_parties(recognised, gazetteer)
        # from here on the mentions are kept in columns, not as objects, which cost more than the text
        found_mentions = MentionTable(recognised)
        del recognised
        mentions, bounded = self._resolved(doc, norm, found_mentions, gazetteer, spans, parties, warnings)
        # only a document that names an attack or its doers again ("the strikes", "the kidnappers") is read a
        # second time for its attackers
        named_again = found_mentions.has_kind(ATTACK_REFERENCES)
        found_by_sentence, skipped = self._read(doc.lang, gazetteer, spans, bounded, parties, norm, trace=trace)
        fights = _fights(found_by_sentence, spans, gazetteer)
        attackers = _attackers(found_by_sentence, spans) if named_again else []
        if fights or attackers:
            del mentions, bounded, found_by_sentence, skipped  # the first reading goes before the second
            # "the two sides", and who a host mediates between, are the forces the article has just shown
            # fighting (Libya Dawn and Zintan in 2014; the Tebu and the Tuareg in Ubari); "the strikes" are
            # those of whoever was last shown attacking
            mentions, bounded = self._resolved(doc, norm, found_mentions, gazetteer, spans, parties, [],
                                               fights, attackers)
            found_by_sentence, skipped = self._read(doc.lang, gazetteer, spans, bounded, parties, norm, fights,
                                                    trace=trace)
        return Reading(doc, norm, sentences, spans, found_mentions, mentions, gazetteer, found_by_sentence, skipped,
                       warnings)

    def records(self, reading: Reading) -> DocumentRecord:
        mentions = _mention_records(reading.norm, reading.doc.text, reading.mentions)
        relations, warnings = self._relations(reading)
        actors = _actors(reading.gazetteer, mentions, relations, reading.doc.published)
        return _document(reading.doc, actors, relations, warnings)

    def _relations(self, reading: Reading, consume: bool = False) -> tuple[list[RelationRecord], list[str]]:
        """The relation records; with `consume`, each sentence's relations found are let go once recorded."""
        doc, norm, warnings = reading.doc, reading.norm, list(reading.warnings)
        relations: list[RelationRecord] = []
        for sentence, (start, end), found in zip(reading.sentences, reading.spans, reading.found, strict=True):
            if not found:
                continue
            if consume:
                reading.found[sentence.index] = _NOTHING
            if len(found) > self.limits.max_relations:
                warnings.append(f"{doc.path}: sentence {sentence.index + 1} (characters {sentence.start}-"
                                f"{sentence.end}) gives {len(found)} relations: kept the first "
                                f"{self.limits.max_relations}")
                found = sorted(found, key=lambda r: r.trigger_start)[: self.limits.max_relations]
            date = find_date(norm.text[start:end], doc.lang, doc.published)
            evidence = Evidence(sentence.text, sentence.start, sentence.end)
            for rel in sorted(found, key=lambda r: r.trigger_start):
                relations.append(RelationRecord(
                    source=rel.source, predicate=rel.predicate, target=rel.target, modality=rel.modality,
                    date=date, cameo=rel.cameo, plover=rel.plover, confidence=_rounded(rel.confidence),
                    evidence=evidence,
                ))
        return relations, warnings

    def _resolved(self, doc: RawDocument, norm: Normalized, found: MentionTable, gazetteer: Gazetteer,
                  spans: Spans, parties: tuple[str, ...], warnings: list[str],
                  fights: list[tuple[int, tuple[str, str]]] = (),
                  attackers: list[tuple[int, str]] = ()) -> tuple[MentionTable, MentionTable]:
        """The mentions with references resolved, and those bounded for reading (most often the same table)."""
        mentions = resolve_references(norm.text, found, gazetteer, spans, parties, fights, attackers)
        bounded = self._bounded(doc, norm, mentions, warnings)
        return mentions, bounded if isinstance(bounded, MentionTable) else MentionTable(bounded)

    def _bounded(self, doc: RawDocument, norm: Normalized, mentions: MentionTable,
                 warnings: list[str]) -> MentionTable | list[Mention]:
        """Lists expanded only up to the limit: 97 states condemning 98 others would otherwise give one
        relation per pair. Members past the limit keep their place in the sentence (its syntax reads the
        same) but stand for the list's first actor, which adds no one new."""
        limit = self.limits.max_list
        bounded = mentions  # copied only when a mention is changed: most documents have no list so long
        for group in group_lists(norm.text, mentions, lists_only=limit >= 1):
            if len(group) > limit:
                if bounded is mentions:
                    bounded = list(mentions)
                first, last = mentions[group[0]], mentions[group[-1]]
                start, end = norm.to_original(first.start, last.end)
                warnings.append(f"{doc.path}: a list of {len(group)} actors (characters {start}-{end}): only the "
                                f"first {limit} read")
                for i in group[limit:]:
                    bounded[i] = replace(mentions[i], actors=first.actors[:1])
        # the mentions are gone over only when one stands for too many
        too_many = any(len(actors) > limit for actors in mentions.actor_tuples())
        for i, mention in enumerate(bounded if too_many else ()):
            if len(mention.actors) > limit:  # "the 98 states" after such a list
                start, end = norm.to_original(mention.start, mention.end)
                warnings.append(f"{doc.path}: a reference to {len(mention.actors)} actors (characters {start}-"
                                f"{end}): only the first {limit} read")
                if bounded is mentions:
                    bounded = list(mentions)
                bounded[i] = replace(mention, actors=mention.actors[:limit])
        return bounded

    @staticmethod
    def _read(lang: str, gazetteer: Gazetteer, spans: list[tuple[int, int]], mentions: MentionTable,
              parties: tuple[str, ...], norm: Normalized, fights: list[tuple[int, tuple[str, str]]] = (),
              trace: bool = False) -> tuple[list[Sequence[FoundRelation]], list[Skip]]:
        reader = SentenceReader(lang, gazetteer, parties, fights)
        reader.trace = [] if trace else None
        reader.parties_named = any(set(actors) & set(parties) for actors in mentions.actor_tuples())
        # most sentences relate no one: they share one empty tuple rather than hold a list each; the others keep
        # a tuple, smaller than the list it comes from. Each sentence is given its own mentions alone, made as
        # it is read.
        found = [tuple(reader.read(norm.text, start, end, mentions.within(start, end))) or _NOTHING
                 for start, end in spans]
        reader.casualties.forget()
        return found, reader.trace or []


def _document(doc: RawDocument, actors: list[ActorRecord], relations: list[RelationRecord],
              warnings: list[str]) -> DocumentRecord:
    return DocumentRecord(
        id=doc.id, lang=doc.lang, published=doc.published, title=doc.title, url=doc.url,
        sha256=doc.sha256, path=doc.path, actors=actors, relations=relations, warnings=warnings,
    )


def _mention_records(norm: Normalized, text: str, mentions: Sequence[Mention]) -> dict[str, MentionList]:
    """Each actor's mentions as records, by actor."""
    seen: dict[str, MentionList] = {}
    shown: dict[str, str] = {}  # an actor is named the same way again and again: one string for each way
    for mention in reversed(mentions):
        if mention.is_reference:
            continue
        start, end = norm.to_original(*mention.shown) if mention.shown else \
            norm.to_original(mention.start + len(mention.clitic), mention.end)
        name = text[start:end]
        name = shown.setdefault(name, name)
        for actor_id in mention.actors:
            found = seen.get(actor_id)
            if found is None:
                found = seen[actor_id] = MentionList()
            found.add(name, start, end)
    for found in seen.values():
        found.reverse()
    return seen


def _actors(gazetteer: Gazetteer, seen: dict[str, MentionList], relations: list[RelationRecord],
            published: str | None) -> list[ActorRecord]:
    """The actors of the mentions and of the relations."""
    for rel in relations:
        seen.setdefault(rel.source, MentionList())
        seen.setdefault(rel.target, MentionList())
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


@lru_cache(maxsize=1024)
def _rounded(confidence: float) -> float:
    """A confidence to two places; the few values there are are shared rather than made anew for each relation."""
    return round(confidence, 2)


def _fights(found: list[Sequence[FoundRelation]], spans: list[tuple[int, int]],
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


def _attackers(found: list[Sequence[FoundRelation]], spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Where the article shows an actor attacking: (position, attacker)."""
    return [(start, rel.source) for (start, _), sentence in zip(spans, found, strict=True) for rel in sentence
            if rel.predicate == "ATTACKS" and rel.modality == "asserted"]


@cache
def recognizer_for(gazetteer: Gazetteer) -> ActorRecognizer:
    """One automaton per gazetteer: building it costs far more than reading an article."""
    return ActorRecognizer(gazetteer)


def extract_one(extractor: Extractor, doc: RawDocument) -> DocumentRecord | InputError:
    """The document's records, or the error that stands in for them: over its time budget, refused, or
    an unexpected failure (reported as an internal error; the run goes on)."""
    seconds = extractor.limits.max_seconds
    try:
        with time_budget(seconds):
            return extractor.extract(doc)
    except OverBudget:
        return InputError(doc.path, f"extraction took more than {seconds:g} s: skipped (see --max-seconds)")
    except InputError as err:
        return err
    except CkgError as err:
        return InputError(doc.path, str(err))
    except Exception as exc:
        return InternalError.of(doc.path, exc)


Extracted = DocumentRecord | InputError | Notice


def extract_paths(paths: Iterable[Path], extractor: Extractor | None = None, fmt: str = "auto") -> Iterator[Extracted]:
    """Records of every document under the paths; unreadable ones yield their InputError instead. Rows of
    event data files (`fmt`: auto, text, acled, gdelt) come as their records, with a Notice of those left out."""
    extractor = extractor or Extractor()
    for item in read_documents(paths, fmt, EventReader(extractor.gazetteer)):
        yield extract_one(extractor, item) if isinstance(item, RawDocument) else item
