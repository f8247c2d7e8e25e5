"""Actor mentions: gazetteer names and aliases, nisba adjectives, capitals, forces named after their
leader, and references (the latter, the five states, the two sides) resolved within the document."""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

from loaders.agents import AgentFinder, load_agent_lexicon, nisba_endings
from loaders.matcher import PhraseMatcher
from loaders.mentions import Mention
from loaders.modality import clause_start
from loaders.names import NameFinder
from loaders.normalize import Normalized, fold
from loaders.tokens import is_arabic, tokenize
from ontology.errors import GazetteerError
from ontology.gazetteer import Gazetteer, GazetteerActor

_LANG_DIR = Path(__file__).parent / "lang"
# A span that is both a name and a capital or nisba is read as the name.
_PRIORITY = {"name": 0, "force": 0, "nisba": 1, "capital": 2}
# "U.S. warships and a British submarine": what carries each member, between them
_CARRIERS = re.compile(r"^\s*(?:warships|warplanes|jets|aircraft|drones|troops|forces|submarines?|navy|fighters)"
                       r"\s+(?:and|و)\s+(?:a\s+|an\s+|the\s+)?$")
_AND = re.compile(r"(?:^|\s)(?:و|and|or|as well as|او)(?:\s|$)")
# "X, Y and Z", "Turkey's A, Jordan's B and Kazakhstan's C": a possessor may place each member
_CONNECTOR = re.compile(r"^(?:\s*(?:,|;|و|and|or|as well as|او)\s*(?:the\s+)?(?:[^\W\d_][\w.-]*'s?\s+)?)+$")
_LEADABLE = {"ArmedGroup", "Government"}
# Who can be one of "the two sides" a sentence has just named: states and forces, not persons or towns.
_SIDE_TYPES = {"State", "Government", "ArmedGroup", "PoliticalBody", "InternationalOrganization"}
_HEAD_NOUN_REACH = 1500  # characters: "العملية" points back a sentence or two, not across the article
_UNMENTIONED = 1 << 62  # sorts a side counted only through its leader after the named ones
# Characters between a force phrase and its leader's name: two words ("القوات الموالية للمشير حفتر").
_FORCE_GAP = 200
# Mentions a reference looks back over ("the latter", "him", "the city").
_LOOKBACK = 500
_RELATIVES = frozenset(("الذي", "التي", "الذين", "اللذين", "اللتين"))


@cache
def load_references(lang: str) -> dict:
    return json.loads((_LANG_DIR / lang / "references.json").read_text(encoding="utf-8"))


def next_mention(mentions: list[Mention], starts: list[int], position: int) -> Mention | None:
    """The first of `mentions` (sorted by start; `starts` their starts) that starts at or after `position`."""
    i = bisect.bisect_left(starts, position)
    return mentions[i] if i < len(mentions) else None


def with_pack_phrases(refs: dict, phrases: Mapping[str, tuple[str, ...]]) -> dict:
    """The language's reference phrases plus the loaded conflict packs' own ("the Libyan parties")."""
    merged = dict(refs)
    for kind, found in phrases.items():
        if kind not in refs or not isinstance(refs[kind], list):
            kinds = ", ".join(k for k, v in refs.items() if isinstance(v, list))
            raise GazetteerError(f"pack phrases: unknown reference kind {kind!r}; use one of {kinds}")
        merged[kind] = [*refs[kind], *found]
    return merged


def nisba_forms(stem: str) -> list[str]:
    """Arabic nisba stem تركي → تركي, تركية, التركي, التركية (folded); English forms stand as given."""
    stem = fold(stem)
    if not is_arabic(stem):
        plural = load_agent_lexicon("en").get("nisba_plural", "")
        return [stem, stem + plural] if plural and not stem.endswith(plural) else [stem]  # "Iraqis"
    forms = [stem + ending for ending in ("", "ه", *nisba_endings())]
    return forms + ["ال" + form for form in forms]


class ActorRecognizer:
    """Finds actor mentions in folded text; one instance serves every document of a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._names = PhraseMatcher()
        self._refs = PhraseMatcher()
        self._forces = PhraseMatcher()
        self._origin: list[str] = []
        self._based: list[str] = []
        self._titles: set[str] = set()
        self._describers: set[str] = set()
        self._attribute_nouns: set[str] = set()
        self._force_suffixes: list[str] = []
        self._leads: dict[str, str] = {}
        # Later gazetteers (the conflict's own) win ties over earlier ones (the world's states).
        self._rank = {actor_id: i for i, actor_id in enumerate(gazetteer.actors)}
        for actor in gazetteer:
            self._add_actor(actor)
        self.agents = AgentFinder(gazetteer)
        self.names = NameFinder(gazetteer)
        for lang in ("ar", "en"):
            self._add_references(with_pack_phrases(load_references(lang), gazetteer.phrases.get(lang, {})))

    def _add_actor(self, actor: GazetteerActor) -> None:
        names = [actor.name, *(actor.aliases)]
        if actor.name_ar:
            names.append(actor.name_ar)
        names += list(actor.aliases_ar)
        for name in names:
            if fold(name) in _ambiguous_names():
                continue  # "مالي" is far more often "financial" than Mali
            exact = name if name.isupper() and len(name) <= 6 else ""
            self._names.add(fold(name), ("name", actor.id, exact))
        for stem in (*actor.nisba_ar, *actor.nisba_en):
            for form in nisba_forms(stem):
                self._names.add(form, ("nisba", actor.id, ""))
        for capital in (actor.capital_ar, actor.capital_en):
            if capital:
                for form in {capital, capital.split(",")[0]}:
                    self._names.add(fold(form), ("capital", actor.id, ""))
        # "Haftar's forces" are the LNA he leads; "Gaddafi's forces", with no force of his own, his state's
        force = _led(self.gazetteer, _LEADABLE).get(actor.id) or _led(self.gazetteer, {"State"}).get(actor.id)
        if force:
            self._leads[actor.id] = force

    def _add_references(self, refs: dict) -> None:
        dual = {fold(p) for p in refs["dual"]}
        for kind in ("latter", "parties", "dual", "pronoun_person", "person_pair", "force_reference", "the_country",
                     "the_city", "the_capital", "his_forces", "state_pair", "state_group"):
            for phrase in refs[kind]:
                folded = fold(phrase)
                if kind == "parties" and folded in dual:
                    continue
                self._refs.add(folded, (kind, 0))
        for phrase in refs.get("attack_references", ()):
            self._refs.add(fold(phrase), ("attack_reference", 0))
        for phrase, head in refs["head_nouns"].items():
            self._refs.add(fold(phrase), ("head_noun", fold(head)))
        self._titles |= {fold(t) for t in refs["titles"]}
        self._describers |= {fold(t) for t in refs["description_articles"]}
        self._attribute_nouns |= {fold(t) for t in refs["attribute_nouns"]}
        self._based += [fold(t) for t in refs["based_markers"]]
        numbers = {fold(k): v for k, v in refs["numbers"].items()} | {str(n): n for n in range(2, 11)}
        for word, count in numbers.items():
            for noun in refs["state_nouns"]:
                self._refs.add(fold(f"{word} {noun}"), ("state_count", count))
                if not is_arabic(noun):
                    self._refs.add(fold(f"the {word} {noun}"), ("state_count", count))
            for noun in refs["state_nouns_definite"]:
                if is_arabic(noun):
                    self._refs.add(fold(f"{noun} ال{word}"), ("state_count", count))
        for phrase in refs["force_nouns"]:
            self._forces.add(fold(phrase), "force")
        self._force_suffixes += [fold(s) for s in refs.get("force_suffixes", [])]
        self._origin += [fold(s) for s in refs["origin_markers"]]

    def found_actors(self, mentions: list[Mention]) -> dict[str, GazetteerActor]:
        """The actors of these mentions that no gazetteer holds: composed agents and unknown named actors."""
        out: dict[str, GazetteerActor] = {}
        for mention in mentions:
            for actor_id in mention.actors:
                made = None if actor_id in self.gazetteer.actors else \
                    self.agents.actor(actor_id) or self.names.actor(actor_id)
                if made is not None:
                    out[actor_id] = made
        return out

    # -- finding -------------------------------------------------------------------------------

    def find(self, norm: Normalized, original: str) -> list[Mention]:
        text = norm.text
        mentions: list[Mention] = []
        by_span: dict[tuple[int, int], list] = {}
        for match in self._names.find(text):
            by_span.setdefault((match.start, match.end), []).append(match)
        for (start, end), matches in sorted(by_span.items()):
            usable = [m for m in matches if self._case_ok(m.payload[2], norm, original, start, end, m.clitic)]
            if not usable:
                continue
            best = min(usable, key=lambda m: (_PRIORITY[m.payload[0]], -self._order(m.payload[1])))
            kind, actor_id, _ = best.payload
            if kind in ("nisba", "name") and self._is_origin(text, end):
                continue  # "U.S.-made missiles", "Russian-built jets": origin, no actor
            mentions.append(Mention(start, end, (actor_id,), kind, best.clitic))
        mentions = self.agents.apply(text, mentions)
        mentions = self.names.apply(norm, original, mentions)
        mentions = self._forces_of_leaders(text, mentions)
        mentions = self._drop_modifiers(text, mentions)
        references = self._refs.find(text)
        # "الأطراف الليبية", "the Libyan parties": the reference, not the nisba inside it
        reference_starts = [r.start for r in references]  # non-overlapping, so their ends are in order too
        mentions = [m for m in mentions if m.kind != "nisba" or not _inside(references, reference_starts, m)]
        taken_starts = [m.start for m in mentions]  # mentions do not overlap: ends are in order too
        for match in references:
            at = bisect.bisect_left(taken_starts, match.end) - 1
            if at >= 0 and match.start < mentions[at].end:
                continue
            kind, count = match.payload
            if kind == "attack_reference":
                following = next_mention(mentions, taken_starts, match.end)
                if following is not None and len(tokenize(text, match.end, following.start)) <= 1:
                    continue  # "الغارات الأميركية", "the strikes by Russia": the attack names its own attacker
            if kind == "head_noun":
                following = tokenize(text, match.end, min(len(text), match.end + 20))[:1]
                adjective = following and following[0].text.startswith("ال") \
                    and not text[match.end : following[0].start].strip() and following[0].text not in _RELATIVES
                if adjective:
                    continue  # "العملية السياسية" is a new phrase, not "the operation" named before
                # "العملية" → the nearest operation named before it, found when references are resolved
                mentions.append(Mention(match.start, match.end, (count,), kind, match.clitic))
                continue
            mentions.append(Mention(match.start, match.end, (), kind, match.clitic, count or None))
        return sorted(mentions, key=lambda m: m.start)

    def _order(self, actor_id: str) -> int:
        return self._rank[actor_id]

    @staticmethod
    def _case_ok(exact: str, norm: Normalized, original: str, start: int, end: int, clitic: str) -> bool:
        if not exact:
            return True
        o_start, o_end = norm.to_original(start + len(clitic), end)
        return original[o_start:o_end].replace(".", "") == exact

    def _is_origin(self, text: str, end: int) -> bool:
        tail = text[end : end + 16]
        return any(tail.startswith(marker) or tail.lstrip().startswith(marker) for marker in self._origin)

    def _drop_modifiers(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Mentions that only modify another: "(GNA)" repeating its name, "Tripoli-based", the nisba in
        "Turkish President Erdogan" or "الرئيس المصري عبد الفتاح السيسي", and "a Russian company"."""
        kept: list[Mention] = []
        for i, mention in enumerate(mentions):
            tail = text[mention.end : mention.end + 12]
            if any(tail.startswith(marker) for marker in self._based):
                continue
            if kept and text[kept[-1].end : mention.start].strip() == "(" and kept[-1].actors == mention.actors:
                continue
            following = mentions[i + 1] if i + 1 < len(mentions) else None
            if following is not None and text[mention.end : following.start] in ("'s ", "' "):
                continue  # "Libya's GNA": the possessor only places the actor
            if mention.kind == "nisba" and self._titles_person(text, mentions, i):
                continue  # "المبعوث الأممي إلى ليبيا غسان سلامة", "U.N. envoy to Libya Ghassan Salame"
            if mention.kind == "nisba":
                words_before = tokenize(text, max(0, mention.start - 30), mention.start)
                if words_before and words_before[-1].text in self._describers \
                        and text[max(0, words_before[-1].start - 80) : words_before[-1].start].rstrip() \
                        .endswith((",", "،")):
                    continue  # ", a Russian private military company": the apposition describes, it does not act
                # "two Russian nationals", "رجل الأعمال الروسي", "سفينة الشحن التركية": origin, not the state acting
                words_after = tokenize(text, mention.end, min(len(text), mention.end + 30))[:2]
                if any(w.text in self._attribute_nouns for w in (*words_before[-2:], *words_after[:1])):
                    continue
                following = mentions[i + 1] if i + 1 < len(mentions) else None
                if following is not None and following.kind != "nisba":
                    between = tokenize(text, mention.end, following.start)
                    if len(between) <= 3 and all(t.text in self._titles for t in between) \
                            and not text[mention.end : following.start].strip(" ").startswith(("-", ",")):
                        continue
            kept.append(mention)
        return kept

    def _titles_person(self, text: str, mentions: list[Mention], i: int) -> bool:
        if i + 2 >= len(mentions):
            return False
        place, person = mentions[i + 1], mentions[i + 2]
        if person.kind != "name" or self.gazetteer.actors[person.actors[0]].type != "Person":
            return False
        lead_in = [t.text for t in tokenize(text, mentions[i].end, place.start)]
        if not lead_in or lead_in[-1] not in ("الي", "to", "in", "في"):
            return False
        return all(w in self._titles for w in lead_in[:-1]) and not tokenize(text, place.end, person.start)

    def _forces_of_leaders(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"القوات الموالية للمشير حفتر", "forces loyal to Haftar", "Haftar's forces" → the force he leads."""
        if not self._leads:
            return mentions
        forces = self._forces.find(text)
        force_ends = [f.end for f in forces]  # non-overlapping, so in order
        out: list[Mention] = []
        for mention in mentions:
            led = self._leads.get(mention.actors[0]) if mention.kind == "name" else None
            if led is None:
                out.append(mention)
                continue
            # The force phrase ending nearest before the name: farther ones have at least as many words between.
            nearest = bisect.bisect_right(force_ends, mention.start) - 1
            force = forces[nearest] if nearest >= 0 else None
            if force is not None and mention.start - force.end <= _FORCE_GAP \
                    and len(tokenize(text, force.end, mention.start)) <= 2:
                start = force.start
                while out and out[-1].end > start:
                    out.pop()
                out.append(Mention(start, mention.end, (led,), "force", force.clitic))
                continue
            tail = text[mention.end : mention.end + 16]
            suffix = next((s for s in self._force_suffixes if tail.startswith(s) or tail.startswith(" " + s)), None)
            if suffix:
                end = mention.end + tail.index(suffix) + len(suffix)
                out.append(Mention(mention.start, end, (led,), "force", mention.clitic))
                continue
            out.append(mention)
        return out


def _inside(spans: list, starts: list[int], mention: Mention) -> bool:
    """Whether a mention lies inside one of the sorted, non-overlapping spans."""
    at = bisect.bisect_right(starts, mention.start) - 1
    return at >= 0 and mention.end <= spans[at].end


# -- lists and references ----------------------------------------------------------------------


def group_lists(text: str, mentions: list[Mention]) -> list[list[int]]:
    """Indexes of mentions that form one list ("مصر والإمارات", "Egypt, the UAE and Russia")."""
    groups: list[list[int]] = []
    closed: list[bool] = []  # whether a group's last link is "and"/"و": "X، Y" alone is no list
    for i, mention in enumerate(mentions):
        if groups and i - 1 == groups[-1][-1]:
            prev = mentions[i - 1]
            between = text[prev.end : mention.start]
            joined = (mention.clitic.startswith("و") and not between.strip(" ,")) or (
                prev.kind == mention.kind == "nisba" and not between.strip())  # "المبادرة الروسية التركية"
            connected = joined or bool(between and (_CONNECTOR.match(between) or _CARRIERS.match(between)))
            if connected and not prev.is_reference and not mention.is_reference:
                groups[-1].append(i)
                closed[-1] = joined or bool(_AND.search(between))
                continue
        groups.append([i])
        closed.append(True)
    out: list[list[int]] = []
    for group, ends_with_and in zip(groups, closed, strict=True):
        out.extend([group] if ends_with_and else [[i] for i in group])
    return out


def conflict_parties(mentions: list[Mention], gazetteer: Gazetteer) -> tuple[str, ...]:
    """The two sides a document speaks of: the gazetteer's declared pair it names most, else its most
    named government and armed group."""
    counts: Counter[str] = Counter()
    forces = _led(gazetteer, _LEADABLE)
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
    pool = [a for a in ranked if gazetteer.actors[a].type in _LEADABLE]
    if len(pool) >= 2:
        return tuple(pool[:2])
    return gazetteer.sides[0] if gazetteer.sides else ()  # the conflict's main sides, named or not


def _first(mentions: list[Mention], actor_id: str) -> int:
    return next((m.start for m in mentions if actor_id in m.actors), _UNMENTIONED)


def resolve_references(text: str, mentions: list[Mention], gazetteer: Gazetteer,
                       sentences: list[tuple[int, int]] = (), parties: tuple[str, ...] | None = None,
                       fights: list[tuple[int, tuple[str, str]]] = (),
                       attackers: list[tuple[int, str]] = ()) -> list[Mention]:
    """Fill in the actors of references from the mentions around them; unresolved ones are dropped.

    `attackers` (position, actor) are who the document has shown attacking: "the strikes" condemned after
    them are theirs."""
    groups = group_lists(text, mentions)
    state_lists = [
        (mentions[g[0]].start, tuple(a for i in g for a in mentions[i].actors))
        for g in groups
        if len(g) >= 2 and all(gazetteer.actors[mentions[i].actors[0]].type == "State" for i in g)
    ]
    parties = conflict_parties(mentions, gazetteer) if parties is None else parties
    leads = _led(gazetteer, _LEADABLE)
    sentence_starts = [s for s, _ in sentences]
    group_starts = [mentions[g[0]].start for g in groups]
    lists_by_size: dict[int | None, list[tuple[int, tuple[str, ...]]]] = {}
    state_counts: Counter[str] = Counter()
    last_state: Mention | None = None
    out: list[Mention] = []
    for mention in mentions:
        if not mention.is_reference:
            out.append(mention)
            if gazetteer.actors[mention.actors[0]].type == "State":
                state_counts[mention.actors[0]] += 1
                last_state = mention
            continue
        # References look back a bounded number of mentions, so resolving them stays linear in the text.
        recent = out[-_LOOKBACK:]
        actors: tuple[str, ...] = ()
        if mention.kind == "latter":
            # "هذا الأخير" points back to an actor, not to the town named last
            span = _sentence_of(sentences, sentence_starts, mention.start)
            # nor is it the subject that opens its own sentence ("وتمكنت هذه القوات من محاصرة هذا الأخير")
            arabic = is_arabic(text[mention.start : mention.end])
            opener = next((m for m in recent if span and m.start >= span[0]), None) if arabic else None
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
        elif mention.kind == "attack_reference":
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
                owners = [m for m in out if not m.is_reference and span[0] <= m.start and m.end <= mention.start
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
                      and gazetteer.actors[m.actors[0]].type in _LEADABLE]
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
    return out


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], position: int) -> tuple[int, int] | None:
    """The sentence span holding a position (spans in order, `starts` their starts)."""
    at = bisect.bisect_right(starts, position) - 1
    return sentences[at] if at >= 0 and position < sentences[at][1] else None


def _two_of_sentence(text: str, mention: Mention, before: list[Mention], span: tuple[int, int] | None,
                     gazetteer: Gazetteer) -> tuple[str, ...]:
    """"وقعها الطرفان" after Ankara and the GNA: the two actors its own sentence names before it."""
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
    """Whether one of the actor's names has the word, as in "عملية إيريني" for "العملية"."""
    return head in _name_words(actor)


@lru_cache(maxsize=8192)
def _name_words(actor: GazetteerActor) -> frozenset[str]:
    names = (actor.name, actor.name_ar or "", *actor.aliases, *actor.aliases_ar)
    return frozenset(word for name in names for word in fold(name).split())


def _last_fight(mention: Mention, fights: list[tuple[int, tuple[str, str]]]) -> tuple[str, ...]:
    """The two forces last shown fighting before the reference (or first after it)."""
    at = bisect.bisect_right(fights, mention.start, key=lambda fight: fight[0])  # fights are in text order
    return fights[at - 1][1] if at else (fights[at][1] if at < len(fights) else ())


def _led(gazetteer: Gazetteer, types: set[str]) -> dict[str, str]:
    """Leader id → the first actor of one of these types he leads."""
    return _led_cached(gazetteer, frozenset(types))


@lru_cache(maxsize=32)
def _led_cached(gazetteer: Gazetteer, types: frozenset[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for actor in gazetteer:
        for position in actor.positions:
            led = gazetteer.actors.get(position.of)
            if position.predicate == "LEADS" and led is not None and led.type in types:
                out.setdefault(actor.id, led.id)
    return out


@lru_cache(maxsize=8)
def _home_capital(gazetteer: Gazetteer) -> tuple[str, ...]:
    """"العاصمة", "the capital": the town that is the home country's capital, as a place."""
    home = gazetteer.actors.get(gazetteer.home) if gazetteer.home else None
    if home is None or not home.capital_en:
        return ()
    return tuple(a.id for a in gazetteer if a.type == "Location" and a.name == home.capital_en)[:1]


@cache
def _ambiguous_names() -> frozenset[str]:
    """Names that are common words first: never matched alone (data: lang/*/references.json)."""
    return frozenset(fold(n) for lang in ("ar", "en") for n in load_references(lang).get("ambiguous_names", []))


def _side_of(actor_id: str, gazetteer: Gazetteer) -> str | None:
    """A leader counts as the side he leads ("أكد أردوغان ... الطرفين": Turkey is one of them)."""
    actor = gazetteer.actors[actor_id]
    if actor.type != "Person":
        return actor_id
    led = [p.of for p in actor.positions if p.predicate == "LEADS"
           and gazetteer.actors[p.of].type in ("State", "Government", "ArmedGroup")]
    return led[0] if len(set(led)) == 1 else None
