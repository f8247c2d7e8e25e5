"""Agents composed with a nationality (Turkish forces, Pakistani security forces → `turkey/military`,
`pakistan/police`, and their Arabic forms) and agents standing alone (unidentified gunmen), from the agent
lexicons of loaders/lang/<lang>/agents.json and the CAMEO agent codebook of ontology/agents.json."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from loaders.matcher import PhraseMatch, PhraseMatcher
from loaders.mentions import Mention, Taken
from loaders.normalize import fold
from loaders.tokens import is_arabic, tokenize
from ontology.agents import AgentType, agent_for_code, agent_types
from ontology.gazetteer import Gazetteer, GazetteerActor

_LANG_DIR = Path(__file__).parent / "lang"
# Who can give an agent its nationality: a state ("Turkish troops") or an international body ("UN peacekeepers").
_NATIONS = frozenset(("State", "InternationalOrganization"))
_POSSESSIVE = re.compile(r"^'s?\s+$")  # "Pakistan's army"
_COORDINATION = re.compile(r"^\s*(?:,|,?\s*and)\s*$")  # "Hungarian and Romanian officials"


@cache
def load_agent_lexicon(lang: str) -> dict:
    return json.loads((_LANG_DIR / lang / "agents.json").read_text(encoding="utf-8"))


def nisba_endings() -> tuple[str, ...]:
    """What an Arabic nisba takes in agreement with a plural or an accusative noun (data: lang/ar/agents.json)."""
    return tuple(load_agent_lexicon("ar").get("nisba_endings", ()))


class AgentFinder:
    """Turns agent nouns next to a nationality into composed actors, and lone agent nouns into unattributed
    ones; one instance serves every document of a gazetteer, and the actors it makes depend only on their ids."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._compose = PhraseMatcher()
        self._alone = PhraseMatcher()
        self._between: set[str] = set()
        self._links: set[str] = set()
        self._owners: set[str] = set()
        types = agent_types()
        for lang in ("ar", "en"):
            lexicon = load_agent_lexicon(lang)
            for matcher, key in ((self._compose, "compose"), (self._alone, "standalone")):
                for slug, forms in lexicon[key].items():
                    for form in forms:
                        matcher.add(fold(form), types[slug].slug)
            self._between |= {fold(w) for w in lexicon.get("between", ())}
            self._links |= {fold(w) for w in lexicon.get("links", ())}
            self._owners |= {fold(w) for w in lexicon.get("owners", ())}
        # agent dictionaries (CAMEO/PETRARCH) given as gazetteers add forms with their codes
        for _lang, form, code in getattr(gazetteer, "agent_forms", ()):
            agent = agent_for_code(code)
            self._compose.add(fold(form), agent.slug)
        self._scope = agent_scope(gazetteer)
        self._made: dict[str, GazetteerActor] = {}

    def actor(self, actor_id: str) -> GazetteerActor | None:
        """A composed or unattributed actor this finder has made."""
        return self._made.get(actor_id)

    def apply(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """`mentions` (names, nisbas, capitals, sorted) with agents composed onto their nationality and lone
        agents added."""
        out = sorted(mentions, key=lambda m: m.start)
        taken = Taken(out)
        for match in self._compose.find(text):
            if taken.overlaps(match.start, match.end):
                continue
            composed = self._compose_one(text, match, out)
            if composed is not out:
                taken.add(match.start, match.end)  # the agent's words join its nationality's span
            out = composed
        for match in self._alone.find(text):
            if taken.overlaps(match.start, match.end) or self._describes(text, match, out):
                continue
            agent = _agent(match.payload)
            out.append(Mention(match.start, match.end, (self._unattributed(agent).id,), "agent", match.clitic))
            taken.add(match.start, match.end)
        return sorted(out, key=lambda m: m.start)

    def _compose_one(self, text: str, match: PhraseMatch, mentions: list[Mention]) -> list[Mention]:
        agent = _agent(match.payload)
        if agent.stands_for_state:
            return mentions
        if is_arabic(text[match.start : match.end]):
            # the nationality follows: "القوات الخاصة الأمريكية", "قوات الأمم المتحدة"
            after = [m for m in mentions if m.start >= match.end]
            nation = after[0] if after and self._adjacent(text, match.end, after[0].start, after[0]) else None
            if nation is not None and nation.kind == "name" \
                    and self.gazetteer.actors[nation.actors[0]].type != "InternationalOrganization":
                nation = None  # "وحدة ليبيا" is the unity of Libya; a state follows an agent as its nisba
            if nation is None or self._person_follows(text, nation.end, mentions):
                return mentions
            return self._replace(mentions, [nation], match.start + len(match.clitic), nation.end, agent)
        before = [m for m in mentions if m.end <= match.start]
        if before and self._adjacent(text, before[-1].end, match.start, before[-1]) \
                and not self._person_follows(text, match.end, mentions):
            # "Hungarian and Romanian officials": every nationality of the list takes the agent
            chain = [before[-1]]
            for earlier in reversed(before[:-1]):
                if earlier.kind != "nisba" or not _COORDINATION.match(text[earlier.end : chain[0].start]):
                    break
                chain.insert(0, earlier)
            return self._replace(mentions, chain, chain[-1].start, match.end, agent)
        after = [m for m in mentions if m.start >= match.end]
        if after and self._linked(text, match.end, after[0]):
            return self._replace(mentions, [after[0]], match.start, after[0].end, agent)
        return mentions

    def _describes(self, text: str, match: PhraseMatch, mentions: list[Mention]) -> bool:
        """A lone agent next to a named actor is that actor's ("Islamic State militants", "gunmen from the
        Zintan brigades", "the fighters of the Tuareg"), not one of its own."""
        previous = tokenize(text, max(0, match.start - 12), match.start)[-1:]
        if previous and previous[0].text in self._owners:
            return True  # "offered its troops": the subject's own
        before = [m for m in mentions if m.end <= match.start]
        if before and before[-1].kind in ("name", "force") and (_POSSESSIVE.match(text[before[-1].end : match.start])
                                                              or not text[before[-1].end : match.start].strip()):
            return True  # "Islamic State militants", "Haftar's soldiers"
        after = [m for m in mentions if m.start >= match.end]
        if not after or after[0].kind not in ("name", "force"):
            return False
        words = [t.text for t in tokenize(text, match.end, after[0].start)]
        gap = text[match.end : after[0].start]
        return len(words) <= 2 and all(w in self._links or w == "the" for w in words) and "," not in gap

    def _person_follows(self, text: str, end: int, mentions: list[Mention]) -> bool:
        """"Russian businessman Yevgeny Prigozhin", "the French journalist X": the phrase describes the person."""
        after = [m for m in mentions if m.start >= end]
        if not after or after[0].kind != "name" or tokenize(text, end, after[0].start):
            return False
        actor = self.gazetteer.actors.get(after[0].actors[0])
        return actor is not None and actor.type == "Person"

    def _adjacent(self, text: str, start: int, stop: int, nation: Mention) -> bool:
        """Whether a nationality and an agent stand together, with at most two words of `between` apart
        ("Pakistani special forces", "the special forces American" in Arabic order) or a possessive ("Pakistan's
        army")."""
        gap = text[start:stop]
        words = [] if _POSSESSIVE.match(gap) else [t.text for t in tokenize(text, start, stop)]
        if len(words) > 2 or any(w not in self._between for w in words):
            return False
        if not self._is_nation(nation, nisba_only=bool(words)):
            return False
        rest = re.sub(r"[^\W\d_]+", "", gap)
        return not rest.strip() or bool(_POSSESSIVE.match(gap))

    def _linked(self, text: str, end: int, nation: Mention) -> bool:
        """"troops from Turkey", "the army of Sudan"."""
        words = [t.text for t in tokenize(text, end, nation.start)]
        return bool(words) and words[0] in self._links and words[1:] in ([], ["the"]) \
            and nation.kind == "name" and self._is_nation(nation, nisba_only=False)

    def _is_nation(self, mention: Mention, nisba_only: bool) -> bool:
        if mention.kind not in ("nisba", "name") or len(mention.actors) != 1:
            return False
        if nisba_only and mention.kind != "nisba":
            return False
        actor = self.gazetteer.actors.get(mention.actors[0])
        return actor is not None and actor.type in _NATIONS

    def _replace(self, mentions: list[Mention], nations: list[Mention], start: int, end: int,
                 agent: AgentType) -> list[Mention]:
        kept = [m for m in mentions if m not in nations]
        made = []
        for i, nation in enumerate(nations):
            actor = self._composed(self.gazetteer.actors[nation.actors[0]], agent)
            shown = (start, end) if i == len(nations) - 1 else None
            made.append(Mention(nation.start, nation.end, (actor.id,), "agent", nation.clitic, shown=shown))
        return sorted([*kept, *made], key=lambda m: m.start)

    def _composed(self, nation: GazetteerActor, agent: AgentType) -> GazetteerActor:
        actor_id = f"{nation.id}/{agent.slug}"
        if actor_id not in self._made:
            self._made[actor_id] = composed_actor(nation, agent)
        return self._made[actor_id]

    def _unattributed(self, agent: AgentType) -> GazetteerActor:
        actor_id = f"{self._scope}/unattributed/{agent.slug}"
        if actor_id not in self._made:
            self._made[actor_id] = unattributed_actor(self._scope, agent)
        return self._made[actor_id]


def unattributed_actor(scope: str, agent: AgentType) -> GazetteerActor:
    """An agent no one is named for (`libya/unattributed/gunmen`, CAMEO ---UAF), scoped by the packs loaded."""
    return _make(f"{scope}/unattributed/{agent.slug}", agent, f"{agent.name_en} (unattributed)".capitalize(),
                 agent.name_ar, f"---{agent.code}", ())


def agent_scope(gazetteer: Gazetteer) -> str:
    """The scope of unattributed agents: the packs loaded, or the world."""
    return "+".join(gazetteer.packs) or "world"


def composed_actor(nation: GazetteerActor, agent: AgentType) -> GazetteerActor:
    """An agent of a nation (`turkey/military`, CAMEO TURMIL): the same actor whatever source names it."""
    adjective = nation.nisba_en[0] if nation.nisba_en else nation.name
    return _make(f"{nation.id}/{agent.slug}", agent, f"{adjective} {agent.name_en}",
                 f"{agent.name_ar} ({nation.name_ar})" if nation.name_ar else None,
                 f"{nation.cameo or nation.iso3 or '---'}{agent.code}", (nation.id,))


def _make(actor_id: str, agent: AgentType, name: str, name_ar: str | None, cameo: str,
          member_of: tuple[str, ...]) -> GazetteerActor:
    return GazetteerActor(
        id=actor_id, type=agent.type, name=name, name_ar=name_ar, aliases=(), aliases_ar=(), nisba_en=(),
        nisba_ar=(), capital_en=None, capital_ar=None, iso3=None, cameo=cameo, wikidata=None, positions=(),
        member_of=member_of, start=None, end=None, known=False,
    )


def _agent(slug: str) -> AgentType:
    return agent_types()[slug]

