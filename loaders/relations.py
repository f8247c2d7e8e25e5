"""Relations between actor mentions, read sentence by sentence from trigger phrases.

For each trigger the frame says where the agent and the target stand: the agent is the subject
right after an Arabic clause-opening verb (VSO) or the nearest ungoverned actor before the trigger
(SVO), the one after من/by for passives; the target is the next actor (or list, or group reference)
after the trigger, behind the prepositions the frame allows. Modality comes from cues around the
trigger; a denial is kept as `negated`, never as the positive fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.actors import Mention, group_lists
from loaders.lexicon import Cues, Frame, load_cues, load_triggers
from loaders.matcher import PhraseMatch
from loaders.tokens import Token, tokenize
from ontology.gazetteer import Gazetteer

_CLITIC_PREPS = ("ب", "ل", "ك")
_INANIMATE = {"Location"}
# "the five states" names the addressees of a request far more often than its authors.
_GROUP_REFERENCES = ("state_count", "state_group", "state_pair")
INTENT_UPGRADES = {"SUPPORTS": "OFFERS_SUPPORT"}
AID_UPGRADES = {"APPEALS_TO": "REQUESTS_AID_FROM"}


@dataclass(frozen=True)
class Argument:
    """An actor mention in a sentence with what governs it and the list it belongs to."""

    index: int
    mention: Mention
    governor: str | None  # a preposition, "apposition", or None for a subject or direct object
    group: int


@dataclass(frozen=True)
class FoundRelation:
    source: str
    predicate: str
    target: str
    modality: str
    cameo: str
    plover: str
    confidence: float
    trigger_start: int


class SentenceReader:
    """Reads the relations of one sentence; `last_agent` carries the discourse subject forward."""

    def __init__(self, lang: str, gazetteer: Gazetteer) -> None:
        self.lang = lang if lang in ("ar", "en") else "en"
        self.cues: Cues = load_cues(self.lang)
        self.triggers = load_triggers(self.lang)
        self.gazetteer = gazetteer
        self.last_agent: tuple[str, ...] = ()

    # -- arguments ------------------------------------------------------------------------------

    def _arguments(self, text: str, start: int, end: int, mentions: list[Mention]) -> list[Argument]:
        inside = [m for m in mentions if m.start >= start and m.end <= end]
        groups = group_lists(text, inside)
        group_of = {i: g_index for g_index, g in enumerate(groups) for i in g}
        args: list[Argument] = []
        for i, mention in enumerate(inside):
            first = groups[group_of[i]][0]
            governor = args[first].governor if first != i else self._governor(text, start, mention)
            args.append(Argument(i, mention, governor, group_of[i]))
        return args

    def _governor(self, text: str, sentence_start: int, mention: Mention) -> str | None:
        clitic = mention.clitic.lstrip("وف")
        if clitic and clitic[-1] in _CLITIC_PREPS:
            return None if self._speaker_prefixed(text, sentence_start, mention) else clitic[-1]
        before = tokenize(text, sentence_start, mention.start)
        while before and before[-1].text in self.cues.determiners:
            before.pop()
        if not before:
            return None
        word = before[-1].text
        if word in self.cues.apposition:
            return "apposition"
        if word in self.cues.prepositions or word in self.cues.locatives:
            return None if self._speaker_prefixed(text, sentence_start, mention) else word
        return None

    def _speaker_prefixed(self, text: str, sentence_start: int, mention: Mention) -> bool:
        """"المتحدث باسم الحكومة", "a spokesman for the GNA": the actor speaks through someone."""
        from loaders.actors import load_references
        from loaders.normalize import fold

        head = text[max(sentence_start, mention.start - 40) : mention.start + len(mention.clitic)].rstrip()
        for lang in ("ar", "en"):
            for prefix in load_references(lang)["speaker_prefixes"]:
                folded = fold(prefix)
                if head.endswith(folded) or head.endswith(folded + " " + mention.clitic.strip()):
                    return True
                if mention.clitic and head.endswith(folded + " " + mention.clitic):
                    return True
        return False

    def _agent_ok(self, arg: Argument) -> bool:
        if not arg.mention.actors:
            return False
        return not all(self.gazetteer.actors[a].type in _INANIMATE for a in arg.mention.actors)

    # -- one sentence -----------------------------------------------------------------------------

    def read(self, text: str, start: int, end: int, mentions: list[Mention]) -> list[FoundRelation]:
        args = self._arguments(text, start, end, mentions)
        tokens = tokenize(text, start, end)
        triggers = [t for t in self.triggers.find(text[start:end]) if not self._inside_mention(t, start, args)]
        triggers = [PhraseMatch(t.start + start, t.end + start, t.payload, t.clitic) for t in triggers]
        found: list[FoundRelation] = []
        sentence_agent: tuple[str, ...] = ()
        previous_agent: tuple[str, ...] = ()
        for position, trigger in enumerate(triggers):
            frame: Frame = trigger.payload
            if frame.requires and not self._near_words(text, start, end, trigger, frame.requires):
                continue
            next_verb = next((t.start for t in triggers[position + 1 :] if t.payload.pos == "verb"), end)
            shared = previous_agent if self._coordinated(text, start, trigger) else ()
            pairs, confidence = self._arguments_of(frame, trigger, text, start, end, next_verb, args, tokens, shared)
            if not pairs:
                continue
            previous_agent = tuple(dict.fromkeys(s for s, _ in pairs))
            modality = self._modality(text, start, end, trigger, tokens)
            predicate = self._predicate(frame, modality, text, trigger)
            for source, target in pairs:
                if source != target:
                    found.append(FoundRelation(source, predicate, target, modality, frame.cameo, frame.plover,
                                               confidence, trigger.start))
            sentence_agent = sentence_agent or tuple(dict.fromkeys(s for s, _ in pairs))
        if sentence_agent:
            self.last_agent = sentence_agent
        return _dedupe(found)

    @staticmethod
    def _inside_mention(trigger: PhraseMatch, offset: int, args: list[Argument]) -> bool:
        s, e = trigger.start + offset, trigger.end + offset
        return any(a.mention.start < e and s < a.mention.end for a in args)

    @staticmethod
    def _near_words(text: str, start: int, end: int, trigger: PhraseMatch, words: tuple[str, ...]) -> bool:
        """One of the words stands within six words of the trigger ("launched an offensive", "مذكرة ... وقعت")."""
        before = tokenize(text, start, trigger.start)[-6:]
        after = tokenize(text, trigger.end, end)[:6]
        window = " " + " ".join(t.text for t in (*before, *after)) + " "
        return any(w in window for w in words)

    # -- arguments of one trigger ---------------------------------------------------------------

    def _coordinated(self, text: str, start: int, trigger: PhraseMatch) -> bool:
        """"condemned ... and accused", "أدانت ... واتهمت": a second verb that shares the first one's subject."""
        if trigger.clitic[:1] in ("و", "ف") and tokenize(text, start, trigger.start):
            return True
        before = tokenize(text, start, trigger.start)
        return bool(before) and before[-1].text in ("and", "but", "then")

    def _arguments_of(self, frame: Frame, trigger: PhraseMatch, text: str, start: int, end: int, limit: int,
                      args: list[Argument], tokens: list[Token],
                      shared_agent: tuple[str, ...] = ()) -> tuple[list[tuple[str, str]], float]:
        after = [a for a in args if a.mention.start >= trigger.end and a.mention.start < end]
        before = [a for a in args if a.mention.end <= trigger.start]
        if frame.between:
            between = self._between(after, limit)
            if between:
                members = [x for a in between for x in a.mention.actors]
                if frame.between == "pairs":
                    return [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]], 0.8
                agent = self._agent_before(before)
                if agent:
                    return [(x, y) for x in agent for y in members], 0.8
                return [], 0.0
        if frame.voice == "passive":
            return self._passive(frame, trigger, before, after, limit)
        if frame.voice == "compound":
            return self._compound(trigger, text, before, after)
        agent: tuple[str, ...] = ()
        confidence = 0.85
        rest = after
        if shared_agent and frame.pos == "verb":
            agent = shared_agent
        elif frame.pos == "noun":
            genitive = after[0] if after and self._adjacent(text, trigger.end, after[0]) else None
            if genitive and genitive.governor is None and self._agent_ok(genitive):
                agent = self._group_actors(genitive, args)
                rest = [a for a in after if a.group != genitive.group]
            else:
                by = [a for a in after if a.governor in frame.agent_preps and a.mention.start < limit]
                if by and text[trigger.end : by[0].mention.start].count(" ") <= 4:
                    agent = self._group_actors(by[0], args)
                    rest = [a for a in after if a.group != by[0].group]
        elif self.lang == "ar" and self._opens_clause(text, start, trigger, tokens):
            subject = after[0] if after and self._near(text, trigger.end, after[0], 3) else None
            if (subject and subject.governor is None and self._agent_ok(subject)
                    and subject.mention.kind not in _GROUP_REFERENCES):
                agent = self._group_actors(subject, args)
                rest = [a for a in after if a.group != subject.group]
        if not agent and frame.pos == "verb":
            agent = self._agent_before(before)
            if not agent and self.last_agent:
                agent, confidence = self.last_agent, 0.6
        if not agent:
            return [], 0.0
        target = self._target(frame, rest, limit, text[trigger.start : trigger.end].split()[-1])
        if not target:
            return [], 0.0
        if target.mention.is_reference:
            confidence -= 0.1
        targets = self._group_actors(target, args)
        return [(s, t) for s in agent for t in targets], confidence

    def _passive(self, frame: Frame, trigger: PhraseMatch, before: list[Argument], after: list[Argument],
                 limit: int) -> tuple[list[tuple[str, str]], float]:
        agent_arg = next((a for a in after if a.governor in frame.agent_preps and a.mention.start < limit), None)
        if agent_arg is None:
            return [], 0.0
        agents = [x for a in after if a.group == agent_arg.group for x in a.mention.actors]
        patient = self._agent_before(before, allow_inanimate=True)
        if not patient:
            return [], 0.0
        return [(s, t) for s in agents for t in patient], 0.8

    def _compound(self, trigger: PhraseMatch, text: str, before: list[Argument],
                  after: list[Argument]) -> tuple[list[tuple[str, str]], float]:
        """"Turkish-backed forces", "المدعومة تركيا": the actor fused to the trigger acts on the next one."""
        if not before or text[before[-1].mention.end : trigger.start].strip(" -") or not after:
            return [], 0.0
        agents = before[-1].mention.actors
        return [(s, t) for s in agents for t in after[0].mention.actors], 0.75

    def _between(self, after: list[Argument], limit: int) -> list[Argument]:
        first = next((a for a in after if a.governor in ("بين", "between") and a.mention.start < limit), None)
        if first is None:
            return []
        return [a for a in after if a.group == first.group]

    def _agent_before(self, before: list[Argument], allow_inanimate: bool = False) -> tuple[str, ...]:
        for arg in reversed(before):
            if arg.governor is not None or not arg.mention.actors or arg.mention.kind in _GROUP_REFERENCES:
                continue
            if not allow_inanimate and not self._agent_ok(arg):
                continue
            group = [a for a in before if a.group == arg.group]
            return tuple(x for a in group for x in a.mention.actors)
        return ()

    def _target(self, frame: Frame, rest: list[Argument], limit: int, last_word: str) -> Argument | None:
        """The first actor after the trigger behind an allowed preposition ("called on" allows "on")."""
        allowed = (*frame.target_preps, last_word) if frame.target_preps is not None else None
        for arg in rest:
            if arg.mention.start >= limit:
                return None
            if not arg.mention.actors:
                continue
            governor = arg.governor or ""
            if allowed is not None:
                if governor in allowed:
                    return arg
                continue
            if governor in self.cues.locatives or governor == "apposition":
                continue
            return arg
        return None

    @staticmethod
    def _group_actors(arg: Argument, args: list[Argument]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for a in args if a.group == arg.group for x in a.mention.actors))

    @staticmethod
    def _adjacent(text: str, position: int, arg: Argument) -> bool:
        return not text[position : arg.mention.start].strip()

    @staticmethod
    def _near(text: str, position: int, arg: Argument, words: int) -> bool:
        return len(tokenize(text, position, arg.mention.start)) <= words

    def _opens_clause(self, text: str, start: int, trigger: PhraseMatch, tokens: list[Token]) -> bool:
        """An Arabic verb that opens its clause takes its subject after it (ودعت حكومة الوفاق ...)."""
        if trigger.clitic[:1] in ("و", "ف"):
            return True
        before = [t for t in tokens if t.end <= trigger.start]
        if not before:
            return True
        gap = text[before[-1].end : trigger.start]
        if any(p in gap for p in ",;:\"'()"):
            return True
        return before[-1].text in self.cues.vso_openers

    # -- modality and predicate -----------------------------------------------------------------

    def _modality(self, text: str, start: int, end: int, trigger: PhraseMatch, tokens: list[Token]) -> str:
        cues = self.cues
        before = [t.text for t in tokens if t.end <= trigger.start]
        near = before[-4:]
        window = " ".join(before[-6:]) + " " + text[trigger.start : trigger.end]
        if any(w in cues.negation for w in near) or any(p in window for p in cues.negation_phrases):
            return "negated"
        if any(w in cues.denial for w in before[-12:]):
            return "negated"
        sentence_words = [t.text for t in tokens]
        sentence = " ".join(sentence_words)
        if any(w in cues.conditional for w in sentence_words) or any(p in sentence for p in cues.conditional_phrases):
            return "conditional"
        if "س" in trigger.clitic or any(w in cues.intent for w in before[-6:]):
            return "intent"
        if any(p in " ".join(before[-6:]) for p in cues.intent_phrases):
            return "intent"
        return "asserted"

    def _predicate(self, frame: Frame, modality: str, text: str, trigger: PhraseMatch) -> str:
        predicate = frame.predicate
        if modality in ("intent", "conditional") and predicate in INTENT_UPGRADES:
            return INTENT_UPGRADES[predicate]
        if predicate in AID_UPGRADES:
            window = text[trigger.start : trigger.end + 80]
            if any(noun in window for noun in self.cues.aid_nouns):
                return AID_UPGRADES[predicate]
        return predicate


def _dedupe(found: list[FoundRelation]) -> list[FoundRelation]:
    seen: dict[tuple[str, str, str, str], FoundRelation] = {}
    for rel in found:
        key = (rel.source, rel.predicate, rel.target, rel.modality)
        if key not in seen or rel.confidence > seen[key].confidence:
            seen[key] = rel
    return list(seen.values())
