"""Coreference within a document: the two sides it speaks of, and the actors that references ("the
latter", "the two sides", "the five states", "his forces", "the operation", "the capital") stand for."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from loaders.actors import LEADABLE, led_by
from loaders.grammar import grammar_of
from loaders.lists import group_lists
from loaders.mention_table import MentionTable, TableWriter
from loaders.mentions import ATTACK_REFERENCES, Mention
from loaders.modality import clause_start
from loaders.normalize import fold
from loaders.spans import Spans
from ontology.gazetteer import Gazetteer, GazetteerActor

# Who can be one of "the two sides" a sentence has just named: states and forces, not persons or towns.
_SIDE_TYPES = {"State", "Government", "ArmedGroup", "PoliticalBody", "InternationalOrganization"}
_HEAD_NOUN_REACH = 1500  # characters: "العملية" points back a sentence or two, not across the article
_UNMENTIONED = 1 << 62  # sorts a side counted only through its leader after the named ones
# Mentions a reference looks back over ("the latter", "him", "the city").
_LOOKBACK = 500


def conflict_parties(mentions: Sequence[Mention], gazetteer: Gazetteer) -> tuple[str, ...]:
    """The two sides a document speaks of: the gazetteer's declared pair it names most, else its most
    named government and armed group."""
    counts: Counter[str] = Counter()
    forces = led_by(gazetteer, LEADABLE)
    for mention in mentions:
        if mention.is_reference:
            continue
        for actor_id in mention.actors:
            counts[actor_id] += 1
            # A leader's name counts for the side he leads: "Haftar" speaks of the LNA's war.
            if actor_id in forces:
                counts[forces[actor_id]] += 1
    both = [pair for pair in gazetteer.sides if all(counts[a] for a in pair)]
    one = [pair for pair in gazetteer.sides
           if any(counts[a] and gazetteer.actors[a].type != "State" for a in pair)]
    declared = both or one
    if declared:
        return max(declared, key=lambda pair: sum(counts[a] for a in pair))
    ranked = sorted(counts, key=lambda a: (-counts[a], _first(mentions, a)))
    governments = [a for a in ranked if gazetteer.actors[a].type == "Government"]
    groups = [a for a in ranked if gazetteer.actors[a].type == "ArmedGroup"]
    if governments and groups:
        return governments[0], groups[0]
    pool = [a for a in ranked if gazetteer.actors[a].type in LEADABLE]
    if len(pool) >= 2:
        return tuple(pool[:2])
    return gazetteer.sides[0] if gazetteer.sides else ()  # the conflict's main sides, named or not


def _first(mentions: Sequence[Mention], actor_id: str) -> int:
    return next((m.start for m in mentions if actor_id in m.actors), _UNMENTIONED)


def resolve_references(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer,
                       sentences: list[tuple[int, int]] = (), parties: tuple[str, ...] | None = None,
                       fights: list[tuple[int, tuple[str, str]]] = (),
                       attackers: list[tuple[int, str]] = ()) -> MentionTable:
    """Fill in the actors of references from the mentions around them; unresolved ones are dropped.

    `attackers` (position, actor) are who the document has shown attacking: "the strikes" condemned after
    them are theirs."""
    groups = group_lists(text, mentions, lists_only=True)  # every use below wants two or more
    state_lists = [
        (mentions[g[0]].start, tuple(a for i in g for a in mentions[i].actors))
        for g in groups
        if len(g) >= 2 and all(gazetteer.actors[mentions[i].actors[0]].type == "State" for i in g)
    ]
    parties = conflict_parties(mentions, gazetteer) if parties is None else parties
    leads = led_by(gazetteer, LEADABLE)
    sentence_starts = sentences.starts if isinstance(sentences, Spans) else [s for s, _ in sentences]
    group_starts = [mentions[g[0]].start for g in groups]
    lists_by_size: dict[int | None, list[tuple[int, tuple[str, ...]]]] = {}
    state_counts: Counter[str] = Counter()
    last_state: Mention | None = None
    # what is resolved is kept in columns as it is written: a document's mentions as objects cost more than it
    out = TableWriter(keep=_LOOKBACK)
    for mention in mentions:
        if not mention.is_reference:
            out.append(mention)
            if gazetteer.actors[mention.actors[0]].type == "State":
                state_counts[mention.actors[0]] += 1
                last_state = mention
            continue
        # References look back a bounded number of mentions, so resolving them stays linear in the text.
        recent = out.last(_LOOKBACK)
        actors: tuple[str, ...] = ()
        if mention.kind == "latter":
            # "هذا الأخير" points back to an actor, not to the town named last
            span = _sentence_of(sentences, sentence_starts, mention.start)
            # nor, in a verb-first language, the subject that opens its own sentence
            # ("ونجحت تلك القوات في تطويق هذا الأخير")
            verb_first = grammar_of(text[mention.start : mention.end]).verb_first
            opener = next((m for m in recent if span and m.start >= span[0]), None) if verb_first else None
            prev = [m for m in recent if m.end <= mention.start and len(m.actors) == 1 and m is not opener
                    and gazetteer.actors[m.actors[0]].type != "Location"]
            actors = prev[-1].actors[-1:] if prev else ()
            first = bisect.bisect_left(group_starts, span[0]) if span else 0
            pairs = [g for g in groups[first : bisect.bisect_right(group_starts, mention.start)]
                     if len(g) >= 2 and mentions[g[-1]].end <= mention.start
                     and (span is None or mentions[g[0]].start >= span[0])]
            if pairs:
                actors = mentions[pairs[-1][-1]].actors[-1:]  # "Washington and Paris ...; the latter": Paris
        elif mention.kind == "parties":
            actors = _last_fight(mention, fights) or parties
        elif mention.kind in ATTACK_REFERENCES:
            earlier = [a for position, a in attackers if position < mention.start
                       and mention.start - position <= _HEAD_NOUN_REACH]
            actors = earlier[-1:]
        elif mention.kind == "dual":
            actors = (_two_of_sentence(text, mention, recent, _sentence_of(sentences, sentence_starts, mention.start),
                                       gazetteer) or _last_fight(mention, fights)
                      or parties)
        elif mention.kind == "head_noun":
            head = mention.actors[0]
            named = [m for m in recent if not m.is_reference and m.end <= mention.start
                     and mention.start - m.end <= _HEAD_NOUN_REACH and _has_head(gazetteer.actors[m.actors[0]], head)]
            actors = named[-1].actors[:1] if named else ()
        elif mention.kind == "the_country":
            # "البلاد": the conflict's own country, else the state the article names most, else the last one
            if gazetteer.home:
                actors = (gazetteer.home,)
            else:
                actors = (state_counts.most_common(1)[0][0],) if state_counts else (
                    last_state.actors[:1] if last_state else ())
        elif mention.kind == "the_capital":
            actors = _home_capital(gazetteer)
        elif mention.kind == "his_forces":
            # "ودعت قواته", "his forces": the force the last-named leader commands
            leaders = [m.actors[0] for m in recent if not m.is_reference and m.end <= mention.start
                       and m.actors[0] in leads]
            actors = (leads[leaders[-1]],) if leaders else ()
            if not actors:
                # "قال حلف شمال الأطلسي إن طائراته شنت ...", "its jets": the body named before it in its sentence
                span = next(((s, e) for s, e in sentences if s <= mention.start < e), (0, mention.start))
                owners = [m for m in out.since(span[0]) if not m.is_reference and m.end <= mention.start
                          and len(m.actors) == 1 and gazetteer.actors[m.actors[0]].type in _SIDE_TYPES]
                actors = owners[-1].actors if owners else ()
        elif mention.kind == "the_city":
            places = [m for m in recent if not m.is_reference and m.end <= mention.start
                      and mention.start - m.end <= _HEAD_NOUN_REACH
                      and gazetteer.actors[m.actors[0]].type == "Location"]
            actors = places[-1].actors[:1] if places else ()
        elif mention.kind == "force_reference":
            forces = [m for m in recent if not m.is_reference and m.end <= mention.start
                      and mention.start - m.end <= _HEAD_NOUN_REACH
                      and gazetteer.actors[m.actors[0]].type in LEADABLE]
            actors = forces[-1].actors[:1] if forces else ()
        elif mention.kind == "person_pair":
            people = [m.actors[0] for m in recent if not m.is_reference and m.end <= mention.start
                      and gazetteer.actors[m.actors[0]].type == "Person"]
            distinct = list(dict.fromkeys(reversed(people)))[:2]
            actors = tuple(reversed(distinct)) if len(distinct) == 2 else ()
        elif mention.kind == "pronoun_person":
            people = [m for m in recent if not m.is_reference and m.end <= mention.start
                      and gazetteer.actors[m.actors[0]].type == "Person"]
            actors = people[-1].actors if people else ()
        elif mention.kind in ("state_count", "state_pair", "state_group"):
            want = 2 if mention.kind == "state_pair" else mention.count
            if want not in lists_by_size:
                lists_by_size[want] = [s for s in state_lists if want is None or len(s[1]) == want]
            fits = lists_by_size[want]
            at = bisect.bisect_left(fits, mention.start, key=lambda s: s[0])
            after = bisect.bisect_right(fits, mention.start, key=lambda s: s[0])
            chosen = fits[at - 1] if at else (fits[after] if after < len(fits) else None)
            if chosen is None and mention.kind == "state_pair":
                states = [m.actors[0] for m in recent if not m.is_reference and m.end <= mention.start
                          and gazetteer.actors[m.actors[0]].type == "State"]
                distinct = list(dict.fromkeys(reversed(states)))[:2]
                chosen = (0, tuple(reversed(distinct))) if len(distinct) == 2 else None
            actors = chosen[1] if chosen else ()
        if actors:
            out.append(replace(mention, actors=actors))
    return out.close()


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], position: int) -> tuple[int, int] | None:
    """The sentence span holding a position (spans in order, `starts` their starts)."""
    at = bisect.bisect_right(starts, position) - 1
    return sentences[at] if at >= 0 and position < sentences[at][1] else None


def _two_of_sentence(text: str, mention: Mention, before: list[Mention], span: tuple[int, int] | None,
                     gazetteer: Gazetteer) -> tuple[str, ...]:
    # "وقعها الطرفان" after Ankara and the GNA: the two actors its own sentence names before it.
    if span is None:
        return ()
    # the clause first ("... في حين تساند تركيا حكومة الوفاق ... وقعها الطرفان"), then the sentence
    clause = clause_start(text, span[0], mention.start)
    for start in (clause, span[0]):
        named = [_side_of(a, gazetteer) for m in before if not m.is_reference and m.start >= start
                 and m.end <= mention.start for a in m.actors]
        named = [a for a in named if a and gazetteer.actors[a].type in _SIDE_TYPES and a != gazetteer.home]
        distinct = tuple(dict.fromkeys(named))
        if len(distinct) == 2:
            break
    if len(distinct) != 2:
        return ()
    first, second = (gazetteer.actors[a] for a in distinct)
    if any(p.of == second.id for p in first.positions) or any(p.of == first.id for p in second.positions):
        return ()  # "Guterres" and "the UN" are one side, not two
    return distinct


def _has_head(actor: GazetteerActor, head: str) -> bool:
    # Whether one of the actor's names has the word, as in "عملية إيريني" for "العملية".
    return head in _name_words(actor)


@lru_cache(maxsize=8192)
def _name_words(actor: GazetteerActor) -> frozenset[str]:
    names = (actor.name, actor.name_ar or "", *actor.aliases, *actor.aliases_ar)
    return frozenset(word for name in names for word in fold(name).split())


def _last_fight(mention: Mention, fights: list[tuple[int, tuple[str, str]]]) -> tuple[str, ...]:
    """The two forces last shown fighting before the reference (or first after it)."""
    at = bisect.bisect_right(fights, mention.start, key=lambda fight: fight[0])  # fights are in text order
    return fights[at - 1][1] if at else (fights[at][1] if at < len(fights) else ())


@lru_cache(maxsize=8)
def _home_capital(gazetteer: Gazetteer) -> tuple[str, ...]:
    # "العاصمة", "the capital": the town that is the home country's capital, as a place.
    home = gazetteer.actors.get(gazetteer.home) if gazetteer.home else None
    if home is None or not home.capital_en:
        return ()
    return tuple(a.id for a in gazetteer if a.type == "Location" and a.name == home.capital_en)[:1]


def _side_of(actor_id: str, gazetteer: Gazetteer) -> str | None:
    # A leader counts as the side he leads ("أكد أردوغان ... الطرفين": Turkey is one of them).
    actor = gazetteer.actors[actor_id]
    if actor.type != "Person":
        return actor_id
    led = [p.of for p in actor.positions if p.predicate == "LEADS"
           and gazetteer.actors[p.of].type in ("State", "Government", "ArmedGroup")]
    return led[0] if len(set(led)) == 1 else None
