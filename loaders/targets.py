"""Whom it is done to: the target after a trigger behind the prepositions its frame allows, the sides
of the conflict when none is named, and the sponsors of a truce.
"""

from __future__ import annotations

import bisect

from loaders.grammar import Grammar
from loaders.lexicon import Cues, Frame
from loaders.matcher import PhraseMatch
from loaders.sentence import Argument, FoundRelation, Sentence, group_actors
from loaders.slots import phrase_start
from loaders.voice import INANIMATE, PLACE_TARGETS
from ontology.gazetteer import Gazetteer
from ontology.vocabulary import PREDICATES

Targets = tuple[tuple[str, ...], bool]
# What one rejects or condemns may be a thing, whose author is then the target.
_AUTHORED = frozenset(("REJECTS", "CONDEMNS"))


def _fight_start(fight: tuple[int, tuple[str, str]]) -> int:
    return fight[0]


class TargetFinding:
    g: Grammar
    cues: Cues
    gazetteer: Gazetteer
    fights: list[tuple[int, tuple[str, str]]]
    parties: tuple[str, ...]
    parties_named: bool
    diplomats: frozenset[str]
    attack_nouns: tuple[str, ...]

    def _targets(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, rest: list[Argument],
                 limit: int) -> Targets | None:
        """The target group after the trigger, and whether it came from a reference; None when there is none."""
        if frame.predicate == "THREATENS":
            following = sent.tokens_after(trigger.end)[:1]
            said = bool(following) and following[0].text in self.g.words.threat_clauses
            condition = next((t for t in sent.tokens_after(trigger.end) if t.text in self.cues.conditional), None)
            if said and condition is None:
                return None  # "warned that police will not tolerate ...": a clause follows, not whom it threatens
            # "threatened to teach Haftar a lesson if ...": a named object first; else whoever the condition names
            named = [a for a in rest if a.mention.end <= condition.start and a.mention.actors and not said
                     and (a.governor or "") in self.g.words.threat_object_prepositions] if condition else []
            if condition is not None and not named:
                rest = [a for a in rest if a.mention.start > condition.end]
                limit = sent.end
        target = self._target(frame, sent, rest, limit, trigger)
        if target is None:
            return None
        group = group_actors(target, sent.args)
        if frame.all_targets:
            # "summoned the envoys of X, Y and Z to protest": every actor up to the required word
            stop = self._requires_position(sent, trigger, frame.requires)
            excluded = self.g.words.accreditation_prepositions
            later = [a for a in rest if target.mention.end <= a.mention.start < stop and a.mention.actors
                     and (a.governor or "") not in self.cues.locatives and a.governor != "source"
                     and a.governor not in excluded]
            group = tuple(dict.fromkeys((*group, *(x for a in later for x in a.mention.actors))))
        return group, target.mention.is_reference

    @staticmethod
    def _requires_position(sent: Sentence, trigger: PhraseMatch, words: tuple[str, ...]) -> int:
        return next((t.start for t in sent.tokens_after(trigger.end) if any(w in t.text for w in words)), sent.end)

    def _target(self, frame: Frame, sent: Sentence, rest: list[Argument], limit: int,
                trigger: PhraseMatch) -> Argument | None:
        """The first actor after the trigger behind an allowed preposition ("called on" allows "on")."""
        last_word = sent.text[trigger.start : trigger.end].split()[-1]
        allowed = (*frame.target_preps, last_word) if frame.target_preps is not None else None
        own = sent.span_at(trigger.start)
        limit = min(limit, self._next_clause(sent, trigger.end))
        for arg in rest:
            span = sent.span_at(arg.mention.start)
            if span is not None and span != own:
                continue  # an actor inside ", which did not back the GNA," is not the main verb's target
            if arg.mention.start >= limit or self._opens_speech(sent, arg):
                return None
            if not arg.mention.actors or arg.governor in ("source", "genitive"):
                continue
            if frame.predicate in ("ATTACKS", "FIGHTS") and self._diplomatic(sent, arg):
                continue  # expelling an ambassador attacks no one
            if frame.predicate not in PLACE_TARGETS and (self._type(arg.mention) in INANIMATE
                                                          or self._home_place(arg)):
                continue  # one fights, condemns or meets a force, not a town or "the country"
            governor = arg.governor or ""
            if allowed is not None:
                if governor in allowed:
                    return arg
                if frame.predicate in _AUTHORED and governor in self.cues.agent_preps and not any(
                        trigger.end <= t.start < arg.mention.start for t in sent.triggers):
                    # "rejected the road map proposed by the Arab League": its author, unless an act between
                    # claims the agent ("a truce brokered by Egypt" is Egypt's mediation)
                    return arg
                continue
            if governor in self.cues.locatives or governor == "apposition":
                continue
            return arg
        return None

    def _diplomatic(self, sent: Sentence, arg: Argument) -> bool:
        return any(w in self.diplomats for w in sent.words_before(arg.mention.start)[-2:])

    def _between(self, after: list[Argument], limit: int) -> list[Argument]:
        first = next((a for a in after if a.governor in self.g.words.between and a.mention.start < limit), None)
        if first is None:
            return []
        return [a for a in after if a.group == first.group]

    def _sides_at(self, position: int) -> tuple[str, ...]:
        """The two sides at a point of the article: the forces last shown fighting, else the conflict's, when
        the article names either (a pack's sides are no one's addressees in news of another conflict)."""
        at = bisect.bisect_right(self.fights, position, key=_fight_start)  # fights are in text order
        if at:
            return self.fights[at - 1][1]
        return self.parties if self.parties_named else ()

    def _untargeted(self, frame: Frame, agent: tuple[str, ...], sent: Sentence,
                    trigger: PhraseMatch) -> list[tuple[str, str]]:
        """No target named: a symmetric act among the agents ("the two sides signed"), or the conflict's sides:
        a host mediates between them, and a truce refused is refused to the other side."""
        if PREDICATES[frame.predicate].symmetric and len(agent) >= 2:
            return [(x, y) for i, x in enumerate(agent) for y in agent[i + 1 :]]
        truce = any(word in sent.text[sent.start : sent.end] for word in self.cues.truce_words)
        refused = truce and self._modality(sent, trigger) != "asserted"
        if frame.default_target == "parties" and (frame.predicate == "MEDIATES" or refused):
            led = {p.of for a in agent for p in self.gazetteer.actors[a].positions if p.predicate == "LEADS"}
            parties = self._sides_at(trigger.start)
            sides = [p for p in parties if p not in agent and p not in led]
            if PREDICATES[frame.predicate].symmetric and len(sides) == len(parties):
                return []  # an agreement between outsiders and both sides is no agreement with either
            return [(s, t) for s in agent for t in sides]
        return []

    def _invitation(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        # "مؤتمر ... دعت إليه ميركل الطرفين": whom one invites is no one one appeals to.
        following = [t.text for t in sent.tokens_after(trigger.end)][:1]
        return bool(following) and following[0] in self.g.words.invitation_objects

    def _truce_call(self, sent: Sentence, trigger: PhraseMatch, frame: Frame) -> list[FoundRelation]:
        # "هدنة دعا إليها الزعيمان": who called for a truce appealed to the sides.
        lead = sent.text[max(sent.start, trigger.start - self.g.windows.truce_chars) : trigger.start]
        if not any(w in lead for w in self.cues.truce_words):
            return []
        after = [a for a in sent.args if a.mention.start >= trigger.end and a.governor is None]
        if not after:
            return []
        callers = group_actors(after[0], sent.args)
        return [FoundRelation(self._stand_in(s), "APPEALS_TO", t, "asserted", frame.cameo, frame.plover, 0.7,
                              trigger.start, trigger.end, "truce called for by its sponsors (cues truce_words)")
                for s in callers for t in self._sides_at(trigger.start) if t != s]

    def _names_the_attack(self, sent: Sentence, trigger: PhraseMatch, agent: tuple[str, ...]) -> bool:
        # "condemned the attack", "أدانت مصر الهجوم": the condemnation names an attack (after the subject, when
        # the subject follows its verb).
        start = trigger.end
        subject = next((a for a in sent.args if a.mention.start >= trigger.end), None)
        if subject is not None and set(subject.mention.actors) <= set(agent) \
                and not sent.text[trigger.end : phrase_start(subject.mention)].strip():
            start = max(a.mention.end for a in sent.args if a.group == subject.group)
        following = " ".join(t.text for t in sent.tokens_after(start))[: self.g.windows.attack_noun_chars]
        return any(following.startswith(noun) for noun in self.attack_nouns)

    def _alongside(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        """"fought alongside the GNA": fighting on someone's side."""
        following = " ".join(t.text for t in sent.tokens_after(trigger.end))[: self.g.windows.alongside_chars]
        return any(f" {w} " in f" {following} " for w in self.g.words.alongside)
