# Voice: which argument acts when the trigger is passive, adjectival or fused to its agent.
#
# "X was backed by Y", "القوات المدعومة من تركيا", "تلقى دعما من" (the doer after the agent preposition
# acts on the one before), "X loyal to Y" (the words before the adjective act on the one after), and
# "Turkish-backed forces" (the fused actor acts on the next one). Unvocalised Arabic writes the passive
# verb like the active one: a verb of violence followed by a number or an agent phrase reads as passive.

from __future__ import annotations

from dataclasses import replace

from loaders.clauses import clause_end
from loaders.grammar import Grammar
from loaders.lexicon import Cues, Frame
from loaders.matcher import PhraseMatch
from loaders.sentence import Argument, Sentence, group_actors
from loaders.tokens import tokenize
from ontology.gazetteer import Gazetteer
from ontology.vocabulary import PREDICATES

Pairs = tuple[list[tuple[str, str]], float]
# A request's object may be a support noun ("طلبت دعما عسكريا من تركيا"): it does not end the request.
ASKING = frozenset(("APPEALS_TO", "REQUESTS_AID_FROM"))
# Only these act on places; every other predicate's target is an actor.
PLACE_TARGETS = frozenset(("ATTACKS", "DEPLOYS_TO", "SANCTIONS"))
INANIMATE = frozenset(("Location",))


class VoiceReading:
    g: Grammar
    cues: Cues
    gazetteer: Gazetteer
    agent_phrases: tuple[str, ...]

    def _reads_passive(self, frame: Frame, sent: Sentence, trigger: PhraseMatch) -> bool:
        # An unmarked passive: "وقتل ثلاثة مسلحين", or a doer after "من قبل" / "على أيدي".
        if frame.predicate != "ATTACKS" or frame.pos != "verb" or not self.g.unmarked_passive:
            return False
        following = sent.tokens_after(trigger.end)[:1]
        numbered = bool(following) and (following[0].text.isdigit() or following[0].text in self.cues.numerals)
        consecutive = trigger.clitic[:1] in self.g.affixes.consecutive
        if numbered and self._opens_clause(sent, trigger) and not consecutive:
            return True  # "القوات الأميركية قتلت 11 مسلحا", "فقتل خمسة": with a subject before it, active
        if self.casualties.linked_after(sent.text, trigger.end):
            return True  # "ثلاثون متمردا قتلوا في مواجهات مع ...": the victims stand before the verb
        end = clause_end(sent.text, trigger.end, sent.end)
        return any(self._after_agent_phrase(sent, a) for a in sent.args if trigger.end <= a.mention.start < end)

    def _passive_doer(self, sent: Sentence, trigger: PhraseMatch, after: list[Argument],
                      limit: int) -> Argument | None:
        end = clause_end(sent.text, trigger.end, max(limit, sent.end))
        return next((a for a in after if a.mention.start < end and a.mention.actors
                     and self._after_agent_phrase(sent, a)), None)

    def _after_agent_phrase(self, sent: Sentence, arg: Argument) -> bool:
        start = arg.mention.shown[0] if arg.mention.shown else arg.mention.start + len(arg.mention.clitic)
        head = " ".join(sent.text[max(sent.start, start - self.g.windows.agent_phrase_chars) : start].split())
        return any(head.endswith(phrase) for phrase in self.agent_phrases)

    def _as_passive(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, before: list[Argument],
                    after: list[Argument], limit: int, antecedent: tuple[str, ...]) -> Pairs | None:
        """An active frame read as an unmarked passive, or None when the verb reads as active."""
        if frame.voice != "active" or not self._reads_passive(frame, sent, trigger):
            return None
        doer = self._passive_doer(sent, trigger, after, limit)
        if doer is None:
            return [], 0.0  # "قتل أربعة مدنيين في انفجار": killed, by no one named
        return self._passive(replace(frame, voice="passive"), trigger, sent, before, after, limit, antecedent, doer)

    def _passive(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, before: list[Argument],
                 after: list[Argument], limit: int, antecedent: tuple[str, ...],
                 doer: Argument | None = None) -> Pairs:
        # the frame's own last word may govern its agent: "بدعم تركيا", "with the backing of Turkey"
        preps = (*frame.agent_preps, sent.text[trigger.start : trigger.end].split()[-1])
        agent_arg = doer or next((a for a in after if (a.governor or "") in preps
                                  and a.mention.start < limit and a.mention.actors), None)
        if agent_arg is None:
            return [], 0.0
        agents = [x for a in after if a.group == agent_arg.group for x in a.mention.actors]
        if PREDICATES[frame.predicate].symmetric and len(agents) >= 2:
            # "the deal was signed by Gentiloni and Sarraj": the signatories with each other
            return [(x, y) for i, x in enumerate(agents) for y in agents[i + 1 :]], 0.8
        if frame.default_target == "parties":
            return [(s, t) for s in agents for t in self._sides_at(trigger.start) if t not in agents], 0.75
        patient = antecedent or self._patient(frame, trigger, sent, before, after, agent_arg)
        if frame.predicate not in PLACE_TARGETS:
            patient = tuple(p for p in patient if self.gazetteer.actors[p].type not in INANIMATE)
        if not patient:
            return [], 0.0
        return [(s, t) for s in agents for t in patient], 0.8

    def _patient(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, before: list[Argument],
                 after: list[Argument], agent_arg: Argument) -> tuple[str, ...]:
        """Who undergoes a passive: after a clause-opening verb, the clause's subject, or the words before."""
        verb_first = self.g.verb_first and frame.pos == "verb"
        if verb_first and self._opens_clause(sent, trigger):
            subject = next((a for a in after if a.mention.start < agent_arg.mention.start and a.governor is None
                            and a.mention.actors), None)
            if subject is not None:
                return group_actors(subject, sent.args)
        patient: tuple[str, ...] = ()
        if frame.predicate in ASKING:
            # "انعقد اجتماع في مصراتة بطلب من المؤتمر الوطني": the one asked is the clause's subject
            patient = (self._sentence_subject(sent, trigger) if self.g.verb_first else ()) \
                or self._agent_before(sent, trigger, before)
        if not patient and verb_first and not sent.trigger_word(trigger).startswith(self.g.affixes.nominal_prefixes):
            patient = self._sentence_subject(sent, trigger)  # "وتمكنت هذه القوات ... بعد أن تلقت دعما من"
        preceding = sent.words_before(trigger.start)
        if not patient and preceding and preceding[-1] in self.g.words.passive_auxiliaries:
            return self._agent_before(sent, trigger, before, allow_inanimate=True)  # "the LNA ... is supported by"
        if not patient and before:
            # "الميليشيات المدعومة من تركيا": an adjectival passive describes the words right before it
            last = before[-1]
            gap = sent.text[last.mention.end : trigger.start]
            if len(tokenize(gap)) <= self.g.windows.adjectival_gap and last.mention.actors \
                    and not any(c in gap for c in ".;؛"):
                patient = last.mention.actors  # only the words it follows, not the whole list
        return patient

    def _adjectival(self, sent: Sentence, trigger: PhraseMatch, before: list[Argument],
                    after: list[Argument]) -> Pairs:
        # "حرس المنشآت النفطية، الموالي لحكومة الوفاق", "X loyal to Y": the words before are loyal to Y.
        if not before or not after or len(tokenize(sent.text, before[-1].mention.end, trigger.start)) > 1 \
                or (after[0].governor or "") not in self.g.words.adjectival_prepositions:
            return [], 0.0
        if not self._agent_ok(before[-1]):
            return [], 0.0  # "قبائل شرق البلاد الموالية لحفتر": the country is no holder
        holder = group_actors(before[-1], sent.args)
        return [(s, t) for s in holder for t in after[0].mention.actors], 0.75

    def _possessed(self, sent: Sentence, trigger: PhraseMatch, before: list[Argument],
                   after: list[Argument]) -> Pairs:
        # "Haftar's backers, the UAE and Egypt", "الإمارات ومصر، أبرز داعمي حفتر": the possessor of the noun
        # is its target, and the list set beside it by a comma its agents.
        owner = None
        if before and sent.text[before[-1].mention.end : trigger.start].strip() in self.g.affixes.possessive_endings:
            owner = before[-1]  # "Haftar's backers"
        elif after and (not sent.text[trigger.end : after[0].mention.start].strip()
                        or after[0].governor in self.g.words.partitive_prepositions):
            owner = after[0]  # "داعمي حفتر", "the backers of Haftar"
        if owner is None or not self._agent_ok(owner):
            return [], 0.0
        agents: tuple[str, ...] = ()
        targets = group_actors(owner, sent.args)
        listed_on = [a for a in after if a.group == owner.group and a.mention.start >= owner.mention.end]
        if listed_on and self._comma_between(sent, owner.mention.end, listed_on[0].mention.start):
            # "داعمي حفتر، الإمارات ومصر" reads as one list: the possessor ends at the comma
            agents = tuple(dict.fromkeys(x for a in listed_on for x in a.mention.actors))
            targets = owner.mention.actors
        phrase_end = max(owner.mention.end, trigger.end)
        following = [a for a in after if a.mention.start >= phrase_end and a.group != owner.group]
        if not agents and following and self._comma_between(sent, phrase_end, following[0].mention.start):
            agents = group_actors(following[0], sent.args)  # "..., the UAE and Egypt,"
        phrase_start = min(owner.mention.start, trigger.start)
        preceding = [a for a in before if a.mention.end <= phrase_start and a.group != owner.group]
        if not agents and preceding and self._comma_between(sent, preceding[-1].mention.end, phrase_start):
            listed = [preceding[-1]]  # "the UAE and Egypt, Haftar's main backers,"
            for arg in reversed(preceding[:-1]):
                words = [t.text for t in tokenize(sent.text, arg.mention.end, listed[0].mention.start)]
                if any(w not in self.g.words.coordinators and w not in self.cues.determiners for w in words):
                    break
                listed.insert(0, arg)
            agents = tuple(dict.fromkeys(x for a in listed for x in a.mention.actors))
        if not agents:
            return [], 0.0
        return [(s, t) for s in agents for t in targets if s not in targets], 0.75

    def _comma_between(self, sent: Sentence, start: int, end: int) -> bool:
        """Only a comma (and articles) between two positions: an apposition."""
        gap = sent.text[start:end]
        words = [t.text for t in tokenize(gap) if t.text not in self.cues.determiners]
        return ("," in gap or "،" in gap) and not words

    def _compound(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, before: list[Argument],
                  after: list[Argument]) -> Pairs:
        """"Turkish-backed forces": the actor fused to the trigger acts on the next one; "a U.N.-brokered
        agreement": the broker mediates between the sides."""
        fused = bool(before) and not sent.text[before[-1].mention.end : trigger.start].strip(" -")
        if not fused:
            return [], 0.0
        agents = before[-1].mention.actors
        if frame.default_target == "parties":
            return [(s, t) for s in agents for t in self._sides_at(trigger.start) if t != s], 0.7
        if not after:
            return [], 0.0
        return [(s, t) for s in agents for t in after[0].mention.actors], 0.75
