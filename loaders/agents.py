"""Agents composed with a nationality (Turkish forces, Pakistani security forces → `turkey/military`,
`pakistan/police`, and their Arabic forms) and agents standing alone (unidentified gunmen), from the agent
lexicons of loaders/lang/<lang>/agents.json and the CAMEO agent codebook of ontology/agents.json."""

from __future__ import annotations

import bisect
import json
import re
from functools import cache
from pathlib import Path

from loaders.grammar import LANGUAGES, grammar_of, load_grammar
from loaders.matcher import PhraseMatch, PhraseMatcher
from loaders.mentions import Mention, Taken
from loaders.normalize import fold
from loaders.tokens import tokenize
from ontology.agents import AgentType, agent_for_code, agent_types
from ontology.gazetteer import Gazetteer, GazetteerActor

_LANG_DIR = Path(__file__).parent / "lang"
# Who can give an agent its nationality: a state ("Turkish troops") or an international body ("UN peacekeepers").
_NATIONS = frozenset(("State", "InternationalOrganization"))
# "Hungarian, Romanian and Polish officials": nationalities one agent spreads over, at most (bounded time).
_MAX_CHAIN = 50


@cache
def _shapes() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """A possessive between a nation and its agent ("Pakistan's army"), a coordination between nationalities
    ("Hungarian and Romanian officials"), and the articles a linked nation may take ("the army of Sudan")."""
    grammars = [load_grammar(lang) for lang in LANGUAGES]
    endings = "|".join(re.escape(e) for g in grammars for e in g.affixes.possessive_endings) or "(?!)"
    joins = "|".join(re.escape(c) for g in grammars for c in g.words.list_conjunctions) or "(?!)"
    articles = frozenset(a for g in grammars for a in g.words.list_articles)
    return re.compile(rf"^(?:{endings})\s+$"), re.compile(rf"^\s*(?:,|,?\s*(?:{joins}))\s*$"), articles


@cache
def load_agent_lexicon(lang: str) -> dict:
    return json.loads((_LANG_DIR / lang / "agents.json").read_text(encoding="utf-8"))


def nisba_endings() -> tuple[str, ...]:
    """What a nisba takes in agreement with a plural or an accusative noun (data: lang/*/agents.json)."""
    return tuple(e for lang in LANGUAGES for e in load_agent_lexicon(lang).get("nisba_endings", ()))


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
        for lang in LANGUAGES:
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
        # `out` stays sorted and without overlaps, so its neighbours of a position are found by bisection
        out = sorted(mentions, key=_start)
        taken = Taken(out)
        for match in self._compose.iter_find(text):  # one stretch of matches held at a time, not all
            if taken.overlaps(match.start, match.end):
                continue
            if self._compose_one(text, match, out):
                taken.add(match.start, match.end)  # the agent's words join its nationality's span
        for match in self._alone.iter_find(text):
            if taken.overlaps(match.start, match.end) or self._describes(text, match, out):
                continue
            agent = _agent(match.payload)
            lone = Mention(match.start, match.end, (self._unattributed(agent).id,), "agent", match.clitic)
            bisect.insort(out, lone, key=_start)
            taken.add(match.start, match.end)
        return out

    def _compose_one(self, text: str, match: PhraseMatch, mentions: list[Mention]) -> bool:
        """Compose the agent onto its nationality in `mentions` (in place); whether it was."""
        agent = _agent(match.payload)
        if agent.stands_for_state:
            return False
        following = _first_after(mentions, match.end)
        if grammar_of(text[match.start : match.end]).adjective_after_noun:
            # the nationality follows: "القوات الخاصة الأمريكية", "قوات الأمم المتحدة"
            nation = following if following and self._adjacent(text, match.end, following.start, following) else None
            if nation is not None and nation.kind == "name" \
                    and self.gazetteer.actors[nation.actors[0]].type != "InternationalOrganization":
                nation = None  # "وحدة ليبيا" is the unity of Libya; a state follows an agent as its nisba
            if nation is None or self._person_follows(text, nation.end, mentions):
                return False
            # the agent noun comes first and carries the phrase's clitic ("لقوات تركية")
            self._replace(mentions, [nation], match.start + len(match.clitic), nation.end, agent, match.clitic)
            return True
        before = bisect.bisect_right(mentions, match.start, key=_end)  # mentions ending before the agent
        last = mentions[before - 1] if before else None
        if last is not None and self._adjacent(text, last.end, match.start, last) \
                and not self._person_follows(text, match.end, mentions):
            # "Hungarian and Romanian officials": every nationality of the list takes the agent
            chain = [last]
            for earlier in reversed(mentions[max(0, before - 1 - _MAX_CHAIN) : before - 1]):
                if earlier.kind != "nisba" or not _shapes()[1].match(text[earlier.end : chain[0].start]):
                    break
                chain.insert(0, earlier)
            self._replace(mentions, chain, chain[-1].start, match.end, agent)
            return True
        if following is not None and self._linked(text, match.end, following):
            self._replace(mentions, [following], match.start, following.end, agent)
            return True
        return False

    def _describes(self, text: str, match: PhraseMatch, mentions: list[Mention]) -> bool:
        """A lone agent next to a named actor is that actor's ("Islamic State militants", "gunmen from the
        Zintan brigades", "the fighters of the Tuareg"), not one of its own."""
        previous = tokenize(text, max(0, match.start - 12), match.start)[-1:]
        if previous and previous[0].text in self._owners:
            return True  # "offered its troops": the subject's own
        before = bisect.bisect_right(mentions, match.start, key=_end)
        last = mentions[before - 1] if before else None
        if last is not None and last.kind in ("name", "force") and (_shapes()[0].match(text[last.end : match.start])
                                                                  or not text[last.end : match.start].strip()):
            return True  # "Islamic State militants", "Haftar's soldiers"
        following = _first_after(mentions, match.end)
        if following is None or following.kind not in ("name", "force"):
            return False
        words = [t.text for t in tokenize(text, match.end, following.start)]
        gap = text[match.end : following.start]
        return len(words) <= 2 and all(w in self._links or w in _shapes()[2] for w in words) and "," not in gap

    def _person_follows(self, text: str, end: int, mentions: list[Mention]) -> bool:
        """"French businessman Jean Martin", "the French journalist X": the phrase describes the person."""
        following = _first_after(mentions, end)
        if following is None or following.kind != "name" or tokenize(text, end, following.start):
            return False
        actor = self.gazetteer.actors.get(following.actors[0])
        return actor is not None and actor.type == "Person"

    def _adjacent(self, text: str, start: int, stop: int, nation: Mention) -> bool:
        """Whether a nationality and an agent stand together, with at most two words of `between` apart
        ("Pakistani special forces", "the special forces American" in Arabic order) or a possessive ("Pakistan's
        army")."""
        gap = text[start:stop]
        words = [] if _shapes()[0].match(gap) else [t.text for t in tokenize(text, start, stop)]
        if len(words) > 2 or any(w not in self._between for w in words):
            return False
        if not self._is_nation(nation, nisba_only=bool(words)):
            return False
        rest = re.sub(r"[^\W\d_]+", "", gap)
        return not rest.strip() or bool(_shapes()[0].match(gap))

    def _linked(self, text: str, end: int, nation: Mention) -> bool:
        """"troops from Turkey", "the army of Sudan"."""
        words = [t.text for t in tokenize(text, end, nation.start)]
        return bool(words) and words[0] in self._links and (not words[1:] or (
            len(words) == 2 and words[1] in _shapes()[2])) \
            and nation.kind == "name" and self._is_nation(nation, nisba_only=False)

    def _is_nation(self, mention: Mention, nisba_only: bool) -> bool:
        if mention.kind not in ("nisba", "name") or len(mention.actors) != 1:
            return False
        if nisba_only and mention.kind != "nisba":
            return False
        actor = self.gazetteer.actors.get(mention.actors[0])
        return actor is not None and actor.type in _NATIONS

    def _replace(self, mentions: list[Mention], nations: list[Mention], start: int, end: int,
                 agent: AgentType, clitic: str | None = None) -> None:
        """Each nation's mention becomes the composed agent's, over the same span (so `mentions` stays sorted)."""
        for i, nation in enumerate(nations):
            actor = self._composed(self.gazetteer.actors[nation.actors[0]], agent)
            shown = (start, end) if i == len(nations) - 1 else None
            at = bisect.bisect_left(mentions, nation.start, key=_start)
            written = clitic if clitic is not None and shown is not None else nation.clitic
            mentions[at] = Mention(nation.start, nation.end, (actor.id,), "agent", written, shown=shown)

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


def _start(mention: Mention) -> int:
    return mention.start


def _end(mention: Mention) -> int:
    return mention.end


def _first_after(mentions: list[Mention], position: int) -> Mention | None:
    """The first of the sorted mentions that starts at or after `position`."""
    at = bisect.bisect_left(mentions, position, key=_start)
    return mentions[at] if at < len(mentions) else None


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

