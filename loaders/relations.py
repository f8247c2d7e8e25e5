"""Relations between actor mentions, read sentence by sentence from trigger phrases.

Each trigger's frame (lang/<lang>/triggers.json) names a predicate, a part of speech and a voice; the
mechanisms composed here find its arguments: clause segmentation (loaders/clauses.py), argument slots
(loaders/slots.py), the agent (loaders/subjects.py), voice (loaders/voice.py), the target
(loaders/targets.py) and the actors' roles (loaders/roles.py), all read from the language's data
(lang/<lang>/grammar.toml, cues.json, references.json). Modality comes from cues around the trigger; a
denial is kept as `negated`, never as the positive fact, and what an accusation alleges is left to the
accusation itself.
"""

from __future__ import annotations

import bisect
from functools import cache

from loaders.actors import Mention, load_references
from loaders.arguments import ATTACK_AUTHOR, ArgumentAssignment
from loaders.casualties import CasualtyReader
from loaders.clauses import ClauseReading, clause_end
from loaders.dates import date_words
from loaders.grammar import load_grammar
from loaders.lexicon import Cues, Frame, load_cues, load_triggers
from loaders.matcher import PhraseMatch
from loaders.modality import read_modality
from loaders.normalize import fold
from loaders.roles import ActorRoles
from loaders.sentence import Argument, FoundRelation, Sentence, Skip, dedupe, frame_rule
from loaders.slots import ArgumentSlots, mention_start
from loaders.subjects import SubjectFinding
from loaders.targets import TargetFinding
from loaders.tokens import tokenize
from loaders.voice import ASKING, INANIMATE, PLACE_TARGETS, VoiceReading
from loaders.words import stem
from ontology.gazetteer import Gazetteer
from ontology.vocabulary import PREDICATES, default_cameo

__all__ = ["Argument", "FoundRelation", "SentenceReader", "Skip", "PLACE_TARGETS"]

# What an appeal asks for ("urged talks between", "called for a ceasefire") has not happened.
_ASKED_FOR = frozenset(("SUPPORTS", "SIGNS_AGREEMENT_WITH", "CONSULTS", "COOPERATES_WITH", "MEDIATES", "DEPLOYS_TO"))
# What a threat threatens ("threatened sanctions", "threatened to cut ties") has not happened; an attack
# threatened keeps its own (intent or conditional) reading.
_THREATENED = _ASKED_FOR | {"SANCTIONS"}
# Talks or a mediation that one rejects or opposes ("opposed to French mediation in talks with Syria") are
# proposals, not facts.
_REJECTED = frozenset(("MEDIATES", "CONSULTS"))
INTENT_UPGRADES = {"SUPPORTS": "OFFERS_SUPPORT"}
AID_UPGRADES = {"APPEALS_TO": "REQUESTS_AID_FROM"}
_ATTACK_PLOVER = PREDICATES["ATTACKS"].plover
# Casualty clauses name their attacker less directly than a verb does.
_CASUALTY_CONFIDENCE = 0.7


@cache
def casualty_reader(lang: str) -> CasualtyReader:
    return CasualtyReader(lang)


def _passive_first(trigger: PhraseMatch) -> tuple[int, bool]:
    return trigger.start, trigger.payload.voice != "passive"


@cache
def _words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Titles, transparent nouns, diplomats' titles, attack nouns and agent phrases, folded once a language."""
    refs = load_references(lang)
    return (frozenset(fold(t) for t in refs["titles"]), frozenset(fold(t) for t in refs["transparent_nouns"]),
            frozenset(fold(t) for t in refs["diplomat_nouns"]), tuple(fold(w) for w in refs["attack_nouns"]),
            tuple(fold(p) for p in load_cues(lang).passive_agents))


class SentenceReader(ArgumentAssignment, ClauseReading, ArgumentSlots, SubjectFinding, VoiceReading,
                     TargetFinding, ActorRoles):
    """Reads the relations of one sentence; `last_agent` carries the discourse subject forward."""

    def __init__(self, lang: str, gazetteer: Gazetteer, parties: tuple[str, ...] = (),
                 fights: list[tuple[int, tuple[str, str]]] = ()) -> None:
        self.g = load_grammar(lang)
        self.lang = self.g.lang
        self.cues: Cues = load_cues(self.lang)
        self.triggers = load_triggers(self.lang)
        self.gazetteer = gazetteer
        self.parties = parties
        self.parties_named = False  # whether the document names one of the parties: set before reading it
        self.fights = list(fights)
        self.titles, self.transparent, self.diplomats, self.attack_nouns, self.agent_phrases = _words(self.lang)
        self.casualties = casualty_reader(self.lang)
        self.trace: list[Skip] | None = None  # set to a list to keep the triggers that gave nothing
        self.time_words = date_words(self.lang)
        self.last_agent: tuple[str, ...] = ()
        self.last_agent_in_sentence: tuple[str, ...] = ()
        self.last_attacker: tuple[str, ...] = ()

    # -- one sentence -----------------------------------------------------------------------------

    def read(self, text: str, start: int, end: int, mentions: list[Mention]) -> list[FoundRelation]:
        """The relations of the sentence text[start:end]; `mentions`, in text order, are at least those that start
        in it or whose shown phrase does (more may be given: the document's)."""
        raw = self.triggers.find(text[start:end])
        triggers = [PhraseMatch(t.start + start, t.end + start, t.payload, t.clitic) for t in raw]
        tokens = tokenize(text, start, end)
        own = self._without_qualifiers(mentions, triggers, start, end)
        args = self._arguments(text, start, end, own, triggers, tokens)
        triggers = [t for t in triggers if not any(a.mention.start < t.end and t.start < a.mention.end for a in args)]
        # of two frames on the same words, the reversed one reads first: "تحظى قوات حفتر بدعم إماراتي" is the
        # Emirates' support, and its active reading is then part of the passive already read
        triggers.sort(key=_passive_first)
        sent = Sentence(text, start, end, tokens, args, triggers, self._relative_spans(text, tokens, end))
        found: list[FoundRelation] = []
        sentence_agent: tuple[str, ...] = ()
        previous_agent: tuple[str, ...] = ()
        self.last_agent_in_sentence = ()
        accusation_from = accusation_until = -1
        covered_until = -1
        passive_read: tuple[int, str] | None = None  # where a passive was read, and of what
        appeal_from = appeal_until = threat_from = threat_until = reject_from = reject_until = -1
        judged: list[tuple] = []  # condemnations of an attack whose author is read once the sentence is
        for position, trigger in enumerate(triggers):
            frame: Frame = trigger.payload
            if accusation_from <= trigger.start < accusation_until:
                self._skip(trigger, "inside what an accusation alleges")
                continue  # what an accusation alleges is the accusation's content, not a fact
            if reject_from <= trigger.start < reject_until and frame.predicate in _REJECTED and frame.voice == "active":
                self._skip(trigger, "inside what a rejection rejects")
                continue  # "rejected a US offer to host a summit": no summit was hosted
            if threat_from <= trigger.start < threat_until and frame.predicate in _THREATENED:
                self._skip(trigger, "inside what a threat threatens")
                continue  # "threatened sanctions against Haftar": no sanction yet
            if appeal_from <= trigger.start < appeal_until and (frame.predicate in _ASKED_FOR or (
                    frame.pos == "verb" and frame.predicate not in ASKING)):
                self._skip(trigger, "inside what an appeal asks for")
                continue  # "called for a ceasefire", "asked the Council to impose ...": a wish, not a fact
            if frame.finite and any(c in trigger.clitic for c in self.g.affixes.nominal_clitics):
                self._skip(trigger, "a finite verb under a noun's clitic")
                continue  # "وبحث" is the verb بحث, not ب + حث
            if frame.pos == "verb" and frame.voice == "active" and self._noun_use(sent, trigger):
                self._skip(trigger, "a verb form used as a noun ('the attack')")
                continue
            if frame.pos == "verb" and self._judged_act(sent, trigger) and any(
                    t.payload.pos == "masdar" and (t.start, t.end) == (trigger.start, trigger.end) for t in triggers):
                self._skip(trigger, "a verbal noun: the act a condemnation or rejection is about")
                continue  # "أدانت تونس خطف مهندسين": the kidnapping condemned, not a verb of its own
            if self._characterised(sent, trigger):
                self._skip(trigger, "the speaker's characterisation ('what it called')")
                continue  # "ضمن ما سمته بدعم أنقرة", "what it called support": the speaker's words, no fact
            # the same words read as another act keep their own reading ("allied with": support and alliance)
            other_act = passive_read is not None and passive_read != (trigger.start, frame.predicate) \
                and passive_read[0] == trigger.start
            if trigger.start < covered_until and not other_act:
                self._skip(trigger, "part of a passive or request already read")
                continue  # "تلقت ... دعما من": the support noun belongs to the passive already read
            reach = self._requires_reach(frame)
            if frame.requires and not self._near_words(sent, trigger, frame.requires, reach):
                if not any(t.payload is not frame and (t.start, t.end) == (trigger.start, trigger.end)
                           for t in triggers):
                    self._skip(trigger, f"none of the words it requires within {reach} words")
                continue  # a finer frame of the same words ("threatened" + "sanctions") leaves it to the others
            next_verb = next((t.start for t in triggers[position + 1 :]
                              if t.start >= trigger.end and t.payload.pos == "verb"
                              and (t.payload.voice == "active" or (t.payload.voice == "passive" and t.payload.requires
                                                                   and frame.voice != "passive"))
                              and t.payload.predicate != frame.predicate
                              and not (frame.predicate in ASKING and t.payload.predicate in _ASKED_FOR)
                              # "threatened sanctions against X": the act threatened leaves X to the threat
                              and not (frame.predicate == "THREATENS" and t.start < clause_end(text, trigger.end, end))
                              and not self._embedded_elsewhere(sent, t, trigger)), end)
            if frame.predicate == "APPEALS_TO" and self._invitation(sent, trigger):
                found.extend(self._truce_call(sent, trigger, frame))
                continue
            if self._generic_subject(sent, trigger):
                self._skip(trigger, "a generic subject ('whoever')")
                continue  # "لكل من يهدد", "whoever attacks": no one in particular
            hyphenated = trigger.start > 0 and text[trigger.start - 1] == "-"
            if hyphenated != (frame.voice == "compound"):
                self._skip(trigger, "hyphenation does not fit the frame")
                continue  # "Turkish-backed" is read by the compound frame alone, and only it needs the hyphen
            shared = previous_agent if self._coordinated(sent, trigger) else ()
            if shared and self._infinitive_with_subject(sent, trigger, triggers[:position]):
                shared = ()  # "...; the latter went furthest, becoming the first country to recognise": its own subject
            pairs, confidence = self._arguments_of(frame, trigger, sent, next_verb, shared)
            if frame.predicate == "ACCUSES":
                # the allegation follows the accused: "اتهمت الحكومة، الأسبوع الماضي، قطر بتمويل ..."
                accused = {t for _, t in pairs}
                after_accused = min((a.mention.end for a in args if a.mention.start >= trigger.end
                                     and accused & set(a.mention.actors)), default=trigger.end)
                accusation_from, accusation_until = after_accused, clause_end(text, after_accused, end)
            if frame.predicate in ASKING:
                appeal_from, appeal_until = trigger.end, clause_end(text, trigger.end, end)
            if frame.predicate == "THREATENS":
                threat_from, threat_until = trigger.end, clause_end(text, trigger.end, end)
            if frame.predicate == "REJECTS":
                reject_from, reject_until = trigger.end, clause_end(text, trigger.end, end)
            if not pairs:
                self._skip(trigger, "no source or no target found")
                continue
            if frame.voice == "passive":
                covered_until = self._agent_end(sent, trigger, frame, next_verb)
                passive_read = (trigger.start, frame.predicate)
            modality = self._modality(sent, trigger)
            predicate = self._predicate(frame, modality, sent, trigger)
            if predicate == "REQUESTS_AID_FROM":
                # "طلبت ... دعما عسكريا من تركيا": the support asked for is no support given
                targets = {t for _, t in pairs}
                covered_until = max(covered_until, max((a.mention.end for a in args if a.mention.start >= trigger.end
                                                        and targets & set(a.mention.actors)), default=-1))
            if not any(s <= trigger.start < e for s, e in sent.relative_spans):
                # an agent inside ", who has received support from X," is no subject for the main clause
                previous_agent = tuple(dict.fromkeys(s for s, _ in pairs))
                self.last_agent_in_sentence = previous_agent
            if modality == "negated" and frame.negated_as:
                predicate, modality = frame.negated_as, "asserted"
            if predicate == "FIGHTS" and self._alongside(sent, trigger):
                predicate = "SUPPORTS"  # "ويحارب الطوارق إلى جانب الكتائب ...": fighting on their side
            if any(t == ATTACK_AUTHOR for _, t in pairs):
                judged.append((trigger, frame, predicate, modality, confidence, self.last_attacker,
                               tuple(dict.fromkeys(self._stand_in(s) for s, _ in pairs))))
                continue
            # a predicate changed by modality or an aid noun takes its own code ("urged ... to send troops": 023)
            code = frame.cameo if predicate == frame.predicate else default_cameo(predicate)
            for source, target in ((self._stand_in(s), self._stand_in(t)) for s, t in pairs):
                if source == target or self._own_part(source, target):
                    continue
                kind = predicate
                if kind == "DEPLOYS_TO" and self.gazetteer.actors[target].type not in ("Location", "State"):
                    kind = "SUPPORTS"  # "shipped tanks and jets to the LNA": arming it
                found.append(FoundRelation(source, kind, target, modality, code, frame.plover,
                                           confidence, trigger.start, trigger.end, frame_rule(frame)))
                if kind in ("ATTACKS", "FIGHTS") and modality == "asserted":
                    self.last_attacker = (source,)
            sentence_agent = sentence_agent or previous_agent
        if sentence_agent:
            self.last_agent = sentence_agent
        found += self._casualty_relations(sent, mentions)
        found += self._judged_attacks(judged, found)
        return dedupe(found)

    @staticmethod
    def _without_qualifiers(mentions: list[Mention], triggers: list[PhraseMatch], start: int,
                            end: int) -> list[Mention]:
        # The sentence's mentions, less agent nouns that qualify a longer trigger phrase ("هجوما انتحاريا",
        # "a suicide attack" name an act, not who did it). Names always win over trigger words.
        own = mentions[bisect.bisect_left(mentions, start, key=mention_start)
                       : bisect.bisect_left(mentions, end, key=mention_start)]
        return [m for m in own if m.kind != "agent" or not any(
            t.start <= m.start and m.end <= t.end and t.end - t.start > m.end - m.start for t in triggers)]

    def _judged_attacks(self, judged: list[tuple], found: list[FoundRelation]) -> list[FoundRelation]:
        # "أدانت مصر الهجوم الذي شنته قوات حفتر": a condemned attack's author is the attacker the sentence
        # names after the condemnation, else the one last reported before it.
        out = []
        for trigger, frame, predicate, modality, confidence, earlier, sources in judged:
            later = tuple(dict.fromkeys(r.source for r in found if r.predicate == "ATTACKS"
                                        and r.modality == "asserted" and r.trigger_start > trigger.start))
            if not (later or earlier):
                self._skip(trigger, "the attack it names has no author named in the sentence or before it")
            for source in sources:
                out.extend(FoundRelation(source, predicate, author, modality, frame.cameo, frame.plover, confidence,
                                         trigger.start, trigger.end, frame_rule(frame, author=True))
                           for author in later or earlier if author != source)
        return out

    def _skip(self, trigger: PhraseMatch, reason: str) -> None:
        if self.trace is not None:
            self.trace.append(Skip(trigger.start, trigger.end, trigger.payload.predicate, reason))

    def _casualty_relations(self, sent: Sentence, mentions: list[Mention]) -> list[FoundRelation]:
        # "مقتل 15 جنديا في هجوم شنه متمردون": the attacker named through the attack hits the victims.
        out = []
        for attacker, victim, code, position in self.casualties.read(sent.text, sent.start, sent.end, mentions):
            attacker, victim = self._stand_in(attacker), self._stand_in(victim)
            if attacker == victim or self._own_part(attacker, victim) \
                    or self.gazetteer.actors[victim].type in INANIMATE:
                continue
            modality = self._modality(sent, PhraseMatch(position, position + 1, None, ""))
            out.append(FoundRelation(attacker, "ATTACKS", victim, modality, code, _ATTACK_PLOVER,
                                     _CASUALTY_CONFIDENCE, position, position,
                                     "casualty clause (lang/*/casualties.json)"))
        return out

    def _agent_end(self, sent: Sentence, trigger: PhraseMatch, frame: Frame, limit: int) -> int:
        agent = next((a for a in sent.args if a.mention.start >= trigger.end and a.mention.start < limit
                      and (a.governor or "") in frame.agent_preps and a.mention.actors), None)
        return agent.mention.end if agent else trigger.end

    def _requires_reach(self, frame: Frame) -> int:
        """How far a frame's required word may stand: a list of targets reaches further, and an attack's
        or an agreement's noun may stand after its object ("launched on Tripoli an offensive")."""
        w = self.g.windows
        if frame.reach is not None:
            return frame.reach
        if frame.all_targets:
            return w.requires_reach_list
        return w.requires_reach_attack if frame.predicate in ("ATTACKS", "SIGNS_AGREEMENT_WITH") else w.requires_reach

    def _modality(self, sent: Sentence, trigger: PhraseMatch) -> str:
        return read_modality(self.cues, sent.text, sent.start, sent.tokens, sent.triggers, trigger)

    def _predicate(self, frame: Frame, modality: str, sent: Sentence, trigger: PhraseMatch) -> str:
        text = sent.text
        predicate = frame.predicate
        if modality in ("intent", "conditional") and predicate in INTENT_UPGRADES:
            return INTENT_UPGRADES[predicate]
        if predicate in AID_UPGRADES:
            stop = min(trigger.end + self.g.windows.aid_noun_chars, clause_end(text, trigger.end, len(text)))
            named = [(a.mention.start, a.mention.end) for a in sent.args]
            # "بعثة الأمم المتحدة للدعم": a word inside a name asks for nothing
            words = [stem(t.text) for t in tokenize(text, trigger.start, stop)
                     if not any(s <= t.start < e for s, e in named)]
            window = " " + " ".join(words) + " "
            if any(" " + " ".join(stem(w) for w in noun.split()) + " " in window for noun in self.cues.aid_nouns):
                return AID_UPGRADES[predicate]
        return predicate
