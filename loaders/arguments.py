"""Agent and target of one trigger: the frame's voice and part of speech pick the mechanism.

A "between" frame reads the list after its preposition; passive, adjectival and compound frames
go to voice; a verb takes a relative clause's head, a shared subject, the subject after it (verb-first
clauses) or before it; a verbal noun takes the clause's subject; a noun its possessor or the agent
after its preposition. The target is then the first actor behind the frame's prepositions.
"""

from __future__ import annotations

from loaders.clauses import clause_end
from loaders.lexicon import Frame
from loaders.matcher import PhraseMatch
from loaders.modality import clause_start
from loaders.sentence import Argument, Sentence, group_actors
from loaders.subjects import GROUP_REFERENCES
from loaders.targets import Targets
from loaders.voice import Pairs
from ontology.vocabulary import PREDICATES

# Accusations, condemnations and rejections may point at the attack last reported and so at its author.
JUDGING = frozenset(("CONDEMNS", "REJECTS", "ACCUSES"))
# How sure each way of finding an agent is: named right at the verb, the last clause's subject.
CONFIDENT = 0.85
FROM_LAST_CLAUSE = 0.6
UNTARGETED = 0.7
# Stands for the author of the attack a condemnation names, until the sentence has been read.
ATTACK_AUTHOR = "\x00attack-author"


class ArgumentAssignment:
    last_agent: tuple[str, ...]
    last_agent_in_sentence: tuple[str, ...]
    last_attacker: tuple[str, ...]

    def _arguments_of(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, limit: int,
                      shared_agent: tuple[str, ...]) -> Pairs:
        after = [a for a in sent.args if a.mention.start >= trigger.end]
        before = [a for a in sent.args if a.mention.end <= trigger.start]
        antecedent = self._antecedent(sent, trigger, before)
        if frame.between:
            between = self._between_pairs(frame, trigger, sent, before, after, limit, antecedent)
            if between is not None:
                return between
        passive = self._as_passive(frame, trigger, sent, before, after, limit, antecedent)
        if passive is not None:
            return passive
        if frame.voice == "passive":
            return self._passive(frame, trigger, sent, before, after, limit, antecedent)
        if frame.voice == "adjectival":
            return self._adjectival(sent, trigger, before, after)
        if frame.voice == "compound":
            return self._compound(frame, trigger, sent, before, after)
        if frame.voice == "possessed":
            return self._possessed(sent, trigger, before, after)
        agent, rest = self._agent(frame, trigger, sent, before, after, limit, antecedent, shared_agent)
        confidence = CONFIDENT
        if not agent and frame.pos == "verb" and self.last_agent and not before \
                and not (after and self._near(sent.text, trigger.end, after[0], self.g.windows.subject_slot_words)):
            # a clause that names no subject continues the last one ("and reaffirmed its rejection ...")
            agent, confidence = self.last_agent, FROM_LAST_CLAUSE
        if not agent:
            return [], 0.0
        return self._aimed(frame, trigger, sent, agent, rest, limit, confidence)

    def _between_pairs(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, before: list[Argument],
                       after: list[Argument], limit: int, antecedent: tuple[str, ...]) -> Pairs | None:
        """"clashes between X and Y" (pairs), "mediated between X and Y" (the agent with each)."""
        previous = sent.words_before(trigger.start)[-1:]
        if frame.between == "pairs" and previous and previous[0] in self.cues.subject_pronouns:
            return [], 0.0  # "she met each of them": they did not meet each other
        between = self._between(after, limit)
        if not between:
            return None
        members = [x for a in between for x in a.mention.actors]
        if frame.between == "pairs":
            return [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]], 0.8
        agent = antecedent or self._agent_before(sent, trigger, before)
        if not agent and self.g.verb_first and frame.pos == "verb" and self._opens_clause(sent, trigger):
            # "استضافت المغرب محادثات بين ...": the host stands right after its verb
            ahead = [a for a in after if a.mention.end <= between[0].mention.start]
            agent, _ = self._verb_subject(sent, trigger, ahead, sent.args)
        if set(members) & set(agent):
            # "Russia and Turkey hosted talks between the two sides": the hosts are not the sides
            members = [m for m in self._sides_at(trigger.start) if m not in agent]
        return ([(x, y) for x in agent for y in members], 0.8) if agent else ([], 0.0)

    def _agent(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, before: list[Argument],
               after: list[Argument], limit: int, antecedent: tuple[str, ...],
               shared_agent: tuple[str, ...]) -> tuple[tuple[str, ...], list[Argument]]:
        """The agent by the trigger's part of speech, and the arguments left for the target."""
        verb = frame.pos == "verb"
        if verb and shared_agent and not antecedent and self._object_on_verb(sent, trigger, after):
            # "ووقعه السراج": with its object on the verb, the word after it is its own subject
            own, rest = self._verb_subject(sent, trigger, after, sent.args)
            if own:
                return own, rest
        if verb and (antecedent or shared_agent):
            return antecedent or shared_agent, after
        pronoun = self._event_relative(sent, trigger) if verb else None
        if pronoun is not None:
            # "الهجوم الذي شنته قوات حفتر", "the shelling that hit the port": the doer is named inside the
            # clause or not at all, never the one who speaks of the event outside it
            if self.g.verb_first:
                return self._verb_subject(sent, trigger, after, sent.args)
            inside = [a for a in before if a.mention.start >= pronoun.end]
            return self._agent_before(sent, trigger, inside), after
        if frame.pos == "masdar":
            # "طرد التنظيم من المدينة": after a verbal noun a bare preposition is its object's, so only an agent
            # phrase ("على يد", "by") names its doer
            by = self._by_phrase(frame, trigger, sent, after, limit, phrase_only=True)
            if by is not None:
                return group_actors(by, sent.args), [a for a in after if a.group != by.group]
            if self._judged_act(sent, trigger):
                return (), after  # "condemned the assassination of X": no act of the one who condemns
            # "after the expulsion of the guards": the verbal noun's object follows; its doer is the clause's
            return (self.last_agent_in_sentence or self._sentence_subject(sent, trigger)
                    or self._agent_before(sent, trigger, before)), after
        if frame.pos == "noun":
            return self._noun_agent(frame, trigger, sent, before, after, limit)
        event = self._event_subject(frame, sent, trigger, before, after)
        if event is not None:
            return event
        agent: tuple[str, ...] = ()
        rest = after
        if self.g.verb_first and not self._participle(sent.text, trigger) and self._opens_clause(sent, trigger) \
                and not self._coordinated(sent, trigger):
            agent, rest = self._verb_subject(sent, trigger, after, sent.args)
        if not agent and self.g.verb_first and self._subordinate(sent, trigger) \
                and not self._near_subject(sent, trigger, after):
            agent = self._sentence_subject(sent, trigger)  # "left Moscow without signing": the leaver did not sign
        if not agent and self.g.verb_first and self._speaker_speaks(sent, trigger, before):
            agent = self._sentence_subject(sent, trigger)  # "said that his government would ask": the speaker's
        if not agent and self.g.verb_first and self._coordinated(sent, trigger):
            agent, rest = self._sentence_subject(sent, trigger), after  # a second verb shares the first's subject
        if not agent:
            # "Salame said ..., and urged the two sides": a coordinated verb shares the speaker's subject
            agent = self._agent_before(sent, trigger, before, speech_ok=self._coordinated(sent, trigger))
        return agent, rest

    def _noun_agent(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, before: list[Argument],
                    after: list[Argument], limit: int) -> tuple[tuple[str, ...], list[Argument]]:
        """A noun's doer: its possessive pronoun, a possessor before it, its genitive, or "by X"."""
        if sent.text[trigger.start + len(trigger.clitic) : trigger.end] in frame.possessed:
            # "during its offensive on Tripoli": the attack is the subject's own
            return self._sentence_subject(sent, trigger) or self.last_agent_in_sentence, after
        if self.g.possessor_before_noun and before and self._owns(sent, before[-1], trigger):
            return group_actors(before[-1], sent.args), after
        genitive = after[0] if after and not sent.text[trigger.end : after[0].mention.start].strip() else None
        if genitive and genitive.governor is None and self._agent_ok(genitive):
            return group_actors(genitive, sent.args), [a for a in after if a.group != genitive.group]
        by = self._by_phrase(frame, trigger, sent, after, limit)
        if by is not None:
            return group_actors(by, sent.args), [a for a in after if a.group != by.group]
        if frame.target_preps and frame.predicate == "FIGHTS":
            # "after battles with the Zintan brigades", "clashes with the LNA": the clause's subject fought
            return self._agent_before(sent, trigger, before), after
        return self._light_verb_agent(frame, trigger, sent, limit), after

    def _attack_author(self, sent: Sentence, trigger: PhraseMatch, rest: list[Argument]) -> Targets:
        # "condemned the bombing of an army post by ISIS": the author named in the clause, else the one the
        # sentence names attacking after the condemnation, or the last one reported
        author = self._passive_doer(sent, trigger, rest, sent.end)
        return (group_actors(author, sent.args), False) if author is not None else ((ATTACK_AUTHOR,), True)

    def _by_phrase(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, after: list[Argument],
                   limit: int, phrase_only: bool = False) -> Argument | None:
        # "attacks by the LNA", "اغتيال ... على يد تنظيم داعش": the doer behind an agent phrase or preposition,
        # close by
        by = [a for a in after if a.mention.start < limit
              and ((a.governor in frame.agent_preps and not phrase_only) or self._after_agent_phrase(sent, a))]
        if by and sent.text[trigger.end : by[0].mention.start].count(" ") <= self.g.windows.agent_preposition_gap:
            return by[0]
        return None

    def _judged_act(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        """The act is what a condemnation, rejection or accusation earlier in its clause is about."""
        return any(t.payload.predicate in JUDGING for t in self._earlier_in_clause(sent, trigger))

    @staticmethod
    def _earlier_in_clause(sent: Sentence, trigger: PhraseMatch) -> list[PhraseMatch]:
        opening = clause_start(sent.text, sent.start, trigger.start)
        return [t for t in sent.triggers if opening <= t.start and t.end <= trigger.start]

    def _light_verb_agent(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, limit: int) -> tuple[str, ...]:
        # "بدأت فرنسا في مارس ضربات جوية على", "France began air strikes on": a verb of the same kind earlier in
        # the clause carries the noun; its subject is the noun's doer.
        verb = next((t for t in reversed(self._earlier_in_clause(sent, trigger))
                     if t.payload.pos == "verb" and t.payload.voice == "active"
                     and t.payload.predicate == frame.predicate and not self._noun_use(sent, t)), None)
        if verb is None or len(sent.words_between(verb.end, trigger.start)) >= self._requires_reach(verb.payload):
            return ()  # too far to be its object: "struck ... to stop what it called incitement to attacks"
        after = [a for a in sent.args if a.mention.start >= verb.end]
        before = [a for a in sent.args if a.mention.end <= verb.start]
        antecedent = self._antecedent(sent, verb, before)
        return antecedent or self._agent(verb.payload, verb, sent, before, after, limit, antecedent, ())[0]

    def _aimed(self, frame: Frame, trigger: PhraseMatch, sent: Sentence, agent: tuple[str, ...],
               rest: list[Argument], limit: int, confidence: float) -> Pairs:
        """The agent's pairs with the target found among the arguments left."""
        # the agents with the bodies they lead or serve: "Putin and Erdogan ... the two sides" = Russia, Turkey
        agents_and_theirs = set(agent) | {p.of for a in agent for p in self.gazetteer.actors[a].positions}
        sides = next((a for a in rest if a.mention.kind in ("dual", "parties") and a.mention.start < limit
                      and agents_and_theirs & set(a.mention.actors)), None)
        if sides is not None and PREDICATES[frame.predicate].symmetric:
            # "Ankara cooperates with the GNA ... which the two sides signed": the two sides are the agents
            members = sides.mention.actors
            return [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]], 0.75
        if sides is not None and agents_and_theirs >= set(sides.mention.actors):
            # "Putin and Erdogan called on both sides": the two callers are not the sides they address
            conflict = [t for t in self._sides_at(trigger.start) if t not in agent]
            return [(s, t) for s in agent for t in conflict], 0.7
        own = set(map(self._stand_in, agent))
        # the agents named again are no target of theirs; one of several agents may be the others' target
        # ("Turkey and Egypt condemned Turkey" is Egypt's condemnation)
        listed = len(own) > 1 and not any(a.mention.is_reference and set(a.mention.actors) == set(agent)
                                          for a in sent.args)  # named one by one, not "the two sides"
        rest = [a for a in rest if set(map(self._stand_in, a.mention.actors)) != own
                and not ((not listed or a.mention.is_reference) and set(map(self._stand_in, a.mention.actors)) <= own)
                and not self._affiliated(a.mention.actors, agent)]
        # "condemned the attack on X": what is condemned is the attack, whose author is its target; X is its victim
        names_attack = frame.predicate in JUDGING and self._names_the_attack(sent, trigger, agent)
        targets = self._attack_author(sent, trigger, rest) if names_attack \
            else self._targets(frame, trigger, sent, rest, limit)
        if targets is None and (head := self._object_antecedent(sent, trigger)):
            targets = (head, False)
        if targets is None and frame.predicate in JUDGING:
            # "rejected the memorandum between Turkey and the GNA": the parties to what is rejected
            between = self._between(rest, clause_end(sent.text, trigger.end, sent.end))
            if between:
                targets = (tuple(x for a in between for x in a.mention.actors), False)
        if targets is None:
            return self._untargeted(frame, agent, sent, trigger), UNTARGETED
        group, from_reference = targets
        if from_reference:
            confidence -= 0.1
        return [(s, t) for s in agent for t in group], confidence


__all__ = ["ATTACK_AUTHOR", "ArgumentAssignment", "GROUP_REFERENCES", "JUDGING"]
