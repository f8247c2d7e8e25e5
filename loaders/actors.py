"""Actor mentions: gazetteer names and aliases, nisba adjectives, capitals, forces named after their
leader, and references (the latter, the five states, the two sides) resolved within the document."""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping
from functools import cache, lru_cache
from itertools import groupby
from pathlib import Path

from loaders.agents import AgentFinder, load_agent_lexicon
from loaders.grammar import LANGUAGES, every_affix, grammar_of
from loaders.lexicon import load_cues
from loaders.matcher import PhraseMatch, PhraseMatcher
from loaders.mentions import Mention
from loaders.names import NameFinder
from loaders.normalize import Normalized, fold
from loaders.tokens import tokenize
from ontology.errors import GazetteerError
from ontology.gazetteer import Gazetteer, GazetteerActor

_LANG_DIR = Path(__file__).parent / "lang"
# A span that is both a name and a capital or nisba is read as the name.
_PRIORITY = {"name": 0, "force": 0, "nisba": 1, "capital": 2}
LEADABLE = {"ArmedGroup", "Government"}
# Characters between a force phrase and its leader's name: two words ("الكتائب الموالية لحفتر").
_FORCE_GAP = 200


@lru_cache(maxsize=4096)
def _one(actor_id: str) -> tuple[str]:
    """The one-actor tuple of an actor, shared by all its mentions."""
    return (actor_id,)


def _span(match: PhraseMatch) -> tuple[int, int]:
    return match.start, match.end


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
    # A nisba stem with the endings and article its language gives it (lang/<lang>/agents.json): تركي →
    # تركي, تركية, التركي, التركية (folded); Iraqi → Iraqi, Iraqis.
    stem = fold(stem)
    grammar = grammar_of(stem)
    lexicon = load_agent_lexicon(grammar.lang)
    endings = ["", *(fold(e) for e in lexicon.get("nisba_feminine", ())), *lexicon.get("nisba_endings", ())]
    plural = lexicon.get("nisba_plural", "")
    if plural and not stem.endswith(plural):
        endings.append(plural)
    forms = [stem + ending for ending in dict.fromkeys(endings)]
    article = grammar.affixes.article
    return forms + ([article + form for form in forms] if article else [])


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
        self._title_places: set[str] = set()
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
        for lang in LANGUAGES:
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
        force = led_by(self.gazetteer, LEADABLE).get(actor.id) or led_by(self.gazetteer, {"State"}).get(actor.id)
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
        for phrase in refs.get("doer_references", ()):
            self._refs.add(fold(phrase), ("doer_reference", 0))  # "the kidnappers": who did the last attack
        for phrase, head in refs["head_nouns"].items():
            self._refs.add(fold(phrase), ("head_noun", fold(head)))
        self._titles |= {fold(t) for t in refs["titles"]}
        self._describers |= {fold(t) for t in refs["description_articles"]}
        self._attribute_nouns |= {fold(t) for t in refs["attribute_nouns"]}
        self._based += [fold(t) for t in refs["based_markers"]]
        numbers = {fold(k): v for k, v in refs["numbers"].items()} | {str(n): n for n in range(2, 11)}
        for word, count in numbers.items():
            for pattern in refs["count_patterns"]:
                nouns = refs["state_nouns_definite"] if "{definite}" in pattern else refs["state_nouns"]
                for noun in nouns:
                    phrase = pattern.format(number=word, noun=noun, definite=noun)
                    self._refs.add(fold(phrase), ("state_count", count))
        for phrase in refs["force_nouns"]:
            self._forces.add(fold(phrase), "force")
        self._force_suffixes += [fold(s) for s in refs.get("force_suffixes", [])]
        self._origin += [fold(s) for s in refs["origin_markers"]]
        self._title_places |= {fold(t) for t in refs["title_place_prepositions"]}

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
        # matches come in the order of their spans, which do not overlap: those of one span are neighbours
        for (start, end), matches in groupby(self._names.iter_find(text), key=_span):
            usable = [m for m in matches if self._case_ok(m.payload[2], norm, original, start, end, m.clitic)]
            if not usable:
                continue
            best = min(usable, key=lambda m: (_PRIORITY[m.payload[0]], -self._order(m.payload[1])))
            kind, actor_id, _ = best.payload
            if kind in ("nisba", "name") and self._is_origin(text, end):
                continue  # "U.S.-made missiles", "Russian-built jets": origin, no actor
            mentions.append(Mention(start, end, _one(actor_id), kind, best.clitic))
        mentions = self.agents.apply(text, mentions)
        mentions = self.names.apply(norm, original, mentions)
        mentions = self._forces_of_leaders(text, mentions)
        mentions = self._drop_modifiers(text, mentions)
        references = self._refs.find(text)
        # "الأطراف الليبية", "the Libyan parties": the reference, not the nisba inside it
        reference_starts = [r.start for r in references]  # non-overlapping, so their ends are in order too
        mentions = [m for m in mentions if m.kind != "nisba" or not _inside(references, reference_starts, m)]
        # "the kidnappers" after a kidnapping are its doers, not kidnappers no one names
        doers = [r for r in references if r.payload[0] == "doer_reference"]
        if doers:
            doer_starts = [r.start for r in doers]
            mentions = [m for m in mentions if m.kind != "agent" or not _inside(doers, doer_starts, m)]
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
                article = grammar_of(following[0].text).definite_article if following else ""
                adjective = following and article and following[0].text.startswith(article) \
                    and not text[match.end : following[0].start].strip() \
                    and following[0].text not in _relative_pronouns()
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
        # Mentions that only modify another: "(GNA)" repeating its name, "Tripoli-based", the nisba in
        # "Turkish President Erdogan" or "الرئيس التونسي قيس سعيد", and "a Russian company".
        kept: list[Mention] = []
        for i, mention in enumerate(mentions):
            tail = text[mention.end : mention.end + 12]
            if any(tail.startswith(marker) for marker in self._based):
                continue
            if kept and text[kept[-1].end : mention.start].strip() == "(" and kept[-1].actors == mention.actors:
                continue
            following = mentions[i + 1] if i + 1 < len(mentions) else None
            between = text[mention.end : following.start] if following is not None else ""
            if between.endswith(" ") and between[:-1] in every_affix("possessive_endings"):
                continue  # "Libya's GNA": the possessor only places the actor
            if mention.kind == "nisba" and self._titles_person(text, mentions, i):
                continue  # "المبعوث الأممي إلى اليمن مارتن غريفيث", "U.N. envoy to Libya Ghassan Salame"
            if mention.kind == "nisba":
                words_before = tokenize(text, max(0, mention.start - 30), mention.start)
                if words_before and words_before[-1].text in self._describers \
                        and text[max(0, words_before[-1].start - 80) : words_before[-1].start].rstrip() \
                        .endswith((",", "،")):
                    continue  # ", a Turkish security firm": the apposition describes, it does not act
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
        if not lead_in or lead_in[-1] not in self._title_places:
            return False
        return all(w in self._titles for w in lead_in[:-1]) and not tokenize(text, place.end, person.start)

    def _forces_of_leaders(self, text: str, mentions: list[Mention]) -> list[Mention]:
        # "الكتائب الموالية لحفتر", "forces loyal to Haftar", "Haftar's forces" → the force he leads.
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


def led_by(gazetteer: Gazetteer, types: set[str]) -> dict[str, str]:
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


@cache
def _ambiguous_names() -> frozenset[str]:
    """Names that are common words first: never matched alone (data: lang/*/references.json)."""
    return frozenset(fold(n) for lang in LANGUAGES for n in load_references(lang).get("ambiguous_names", []))


@cache
def _relative_pronouns() -> frozenset[str]:
    return frozenset(w for lang in LANGUAGES for w in load_cues(lang).relative_pronouns)



def _inside(spans: list, starts: list[int], mention: Mention) -> bool:
    """Whether a mention lies inside one of the sorted, non-overlapping spans."""
    at = bisect.bisect_right(starts, mention.start) - 1
    return at >= 0 and mention.end <= spans[at].end
