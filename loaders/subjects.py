"""Who does it: the agent of a trigger found before it, in a relative clause's head, or at the
sentence's opening, and whether a verb of saying gives the speaker the reported act.
"""

from __future__ import annotations

from loaders.clauses import broken
from loaders.grammar import Grammar
from loaders.lexicon import Cues, Frame
from loaders.matcher import PhraseMatch
from loaders.modality import relative_before
from loaders.sentence import Argument, Sentence, group_actors
from loaders.slots import phrase_start
from loaders.tokens import Token, tokenize
from loaders.words import bare
from ontology.gazetteer import Gazetteer

_COMMAS = (",", "،")
# "the five states" names the addressees of a request far more often than its authors.
GROUP_REFERENCES = ("state_count", "state_group", "state_pair")


class SubjectFinding:
    g: Grammar
    cues: Cues
    gazetteer: Gazetteer
    time_words: frozenset[str]

    def _antecedent(self, sent: Sentence, trigger: PhraseMatch, before: list[Argument]) -> tuple[str, ...]:
        # "Turkey, which backs the GNA", "قوات الوفاق التي تقاتل": the relative clause's head.
        pronoun = self._relative_pronoun(sent, trigger)
        if pronoun is None or any(a.mention.start >= pronoun.end for a in before):
            return ()
        if pronoun.text in self.g.words.pronoun_relatives:
            return self._sentence_subject(sent, trigger)  # "...، وهي تتلقى دعما": the sentence's subject
        heads = [a for a in before if a.mention.end <= pronoun.start and a.mention.actors]
        if not heads or not self._agent_ok(heads[-1]) or self._event_head(sent, pronoun) is not None:
            return ()
        gap = sent.text[heads[-1].mention.end : pronoun.start]
        gap_words = tokenize(gap)
        # "the Wagner Group, a Turkish security firm that": an apposition between
        appositive = gap.lstrip().startswith(",") and bool(gap_words) \
            and gap_words[0].text in self.g.words.appositive_articles \
            and len(gap_words) <= self.g.windows.appositive_words
        if len(gap_words) > 1 and not appositive:
            return ()  # "the attack that Haftar's forces launched": the head is no actor; the subject follows
        actors = group_actors(heads[-1], sent.args)
        if pronoun.text in self.g.words.possessive_relatives and len(actors) == 1 \
                and self.gazetteer.actors[actors[0]].type == "Person":
            states = [p.of for p in self.gazetteer.actors[actors[0]].positions
                      if p.predicate == "LEADS" and self.gazetteer.actors[p.of].type == "State"]
            return tuple(states[:1]) or actors
        return actors

    def _event_head(self, sent: Sentence, pronoun: Token) -> PhraseMatch | None:
        # "القصف الذي استهدف", "the attack that ... launched": a relative clause whose head is an event
        # noun (a trigger right before its pronoun), not the actor named before that noun.
        words = sent.tokens_before(pronoun.start)[-self.g.windows.event_head_words :]
        if not words:
            return None
        return next((t for t in sent.triggers if (t.payload.pos != "verb" or self._noun_use(sent, t))
                     and words[0].start <= t.start and t.end <= pronoun.start), None)

    def _event_relative(self, sent: Sentence, trigger: PhraseMatch) -> Token | None:
        """The pronoun of the event-headed relative clause that holds a verb trigger, if any."""
        pronoun = self._relative_pronoun(sent, trigger)
        return pronoun if pronoun is not None and self._event_head(sent, pronoun) is not None else None

    def _relative_pronoun(self, sent: Sentence, trigger: PhraseMatch) -> Token | None:
        preceding = sent.tokens_before(trigger.start)
        if not relative_before(self.cues, [t.text for t in preceding]):
            return None
        reach = self.g.windows.relative_words
        return next((t for t in reversed(preceding[-reach:]) if t.text in self.cues.relative_pronouns), None)

    def _object_antecedent(self, sent: Sentence, trigger: PhraseMatch) -> tuple[str, ...]:
        """"Ansar al-Sharia, which Paris accuses": with a subject of its own, the clause's head is the object."""
        preceding = sent.tokens_before(trigger.start)[-self.g.windows.object_relative_words :]
        pronoun = next((t for t in reversed(preceding) if t.text in self.cues.relative_pronouns
                        and not broken(sent.text, t.end, trigger.start)), None)
        if pronoun is None:
            return ()
        inside = [a for a in sent.args if pronoun.end <= a.mention.start and a.mention.end <= trigger.start]
        heads = [a for a in sent.args if a.mention.end <= pronoun.start and a.mention.actors]
        if not inside or not heads or len(tokenize(sent.text, heads[-1].mention.end, pronoun.start)) > 1:
            return ()
        return group_actors(heads[-1], sent.args)

    def _agent_before(self, sent: Sentence, trigger: PhraseMatch, before: list[Argument],
                      allow_inanimate: bool = False, speech_ok: bool = False) -> tuple[str, ...]:
        """The nearest ungoverned actor before the trigger in its own clause (SVO)."""
        inside = sent.span_at(trigger.start)
        added = self._members_before(sent, trigger)
        for arg in reversed(before):
            if arg in added:
                continue
            if arg.governor is not None or not arg.mention.actors or arg.mention.kind in GROUP_REFERENCES:
                if added and arg.mention.start < added[0].mention.start:
                    break  # "Western states, including France and Britain, condemned": those named act
                continue
            if not allow_inanimate and not self._agent_ok(arg):
                continue
            span = sent.span_at(arg.mention.start)
            if span is not None and span != inside:
                continue  # a subject inside ", which ...," belongs to that clause's verb
            if not speech_ok and not self._speaks_for_itself(sent, arg, trigger):
                continue
            group = [a for a in before if a.group == arg.group]
            return tuple(dict.fromkeys(x for a in (*group, *added) for x in a.mention.actors))
        return tuple(dict.fromkeys(x for a in added for x in a.mention.actors))

    def _members_before(self, sent: Sentence, trigger: PhraseMatch) -> list[Argument]:
        # "Turkey, along with Qatar and Italy, backs ...": the actors of a parenthetical that opens with a
        # member opener and closes right before the verb are more of its subject.
        head = sent.text[sent.start : trigger.start].rstrip()
        if not head.endswith(_COMMAS):
            return []
        close = sent.start + len(head) - 1
        return self._parenthetical_members(sent, max(sent.text.rfind(c, sent.start, close) for c in _COMMAS), close)

    def _members_after(self, sent: Sentence, start: int) -> list[Argument]:
        # "تدعم تركيا، إلى جانب قطر وإيطاليا، حكومة الوفاق": a parenthetical right after a verb-first subject.
        lead = sent.text[start : sent.end]
        if not lead.lstrip().startswith(_COMMAS):
            return []
        opening = start + len(lead) - len(lead.lstrip())
        close = min((i for c in _COMMAS if (i := sent.text.find(c, opening + 1, sent.end)) >= 0), default=-1)
        return self._parenthetical_members(sent, opening, close)

    def _parenthetical_members(self, sent: Sentence, opening: int, close: int) -> list[Argument]:
        if opening < 0 or close <= opening:
            return []
        inner = sent.text[opening + 1 : close].lstrip()
        if not any(inner.startswith(o + " ") for o in self.g.words.member_openers):
            return []
        return [a for a in sent.args if opening < a.mention.start < close and a.mention.actors]

    def _speaks_for_itself(self, sent: Sentence, arg: Argument, trigger: PhraseMatch) -> bool:
        """"X said the jets would support Y" gives X nothing; "X said it would support Y" does."""
        words = [bare(w) for w in sent.words_between(arg.mention.end, trigger.start)]
        spoken = [i for i, w in enumerate(words) if w in self.cues.speech_verbs]
        if not spoken:
            return True
        said = words[spoken[-1] + 1 :]
        if any(w in self.cues.pronouns for w in said):
            return True
        # "أعلنت قوات فجر ليبيا سيطرتها": in a verb-first language what is announced is the speaker's own
        # act, unless a complementiser or a definite word opens a new subject after the verb of saying
        said = [w for w in said if w not in self.time_words]
        first = said[0] if said else ""
        article = self.g.definite_article
        return self.g.verb_first and first not in self.g.words.complementisers \
            and not (article and first.startswith(article))

    def _speaker_speaks(self, sent: Sentence, trigger: PhraseMatch, before: list[Argument]) -> bool:
        """A verb of saying with no subject of its own, then a pronoun, then no other actor before the trigger."""
        words = sent.tokens_before(trigger.start)
        spoken = [i for i, t in enumerate(words) if bare(t.text) in self.cues.speech_verbs]
        if not spoken:
            return False
        after_speech = words[spoken[-1] + 1 :]
        if not any(t.text in self.cues.pronouns for t in after_speech):
            return False
        return not any(a.mention.start >= words[spoken[-1]].end for a in before)

    def _sentence_subject(self, sent: Sentence, trigger: PhraseMatch) -> tuple[str, ...]:
        """The subject right after the verb that opens a verb-first sentence (or its first clause)."""
        opening = sent.tokens_before(trigger.start)[: self.g.windows.opening_words]
        for arg in sent.args:
            if arg.mention.end > trigger.start or not opening or arg.mention.start > opening[-1].end:
                break
            if arg.governor is None and self._agent_ok(arg) and arg.mention.kind not in GROUP_REFERENCES:
                return group_actors(arg, sent.args)
        return ()

    def _near_subject(self, sent: Sentence, trigger: PhraseMatch, after: list[Argument]) -> bool:
        return bool(after) and after[0].governor is None \
            and self._near(sent.text, trigger.end, after[0], self.g.windows.subject_slot_words)

    def _owns(self, sent: Sentence, arg: Argument, trigger: PhraseMatch) -> bool:
        """"Haftar's offensive", "the LNA offensive on": the noun is the actor's."""
        gap = sent.text[arg.mention.end : trigger.start].strip()
        return (gap == "" or gap in self.g.affixes.possessive_endings) and self._agent_ok(arg)

    def _event_subject(self, frame: Frame, sent: Sentence, trigger: PhraseMatch, before: list[Argument],
                       after: list[Argument]) -> tuple[tuple[str, ...], list[Argument]] | None:
        # "استهدفت ضربة جوية تركية قوات حفتر", "a Turkish drone strike hit the LNA", "غارة أصابت": the verb's
        # subject is an act of the same kind, whose doer (the word right after it, or its possessor before it)
        # acts through the verb; the arguments left are the verb's.
        noun = next((t for t in reversed(sent.triggers) if t.end <= trigger.start), None)
        if noun is None or sent.text[noun.end : trigger.start].strip():
            noun = None
        if noun is None and self.g.verb_first:
            noun = next((t for t in sent.triggers if t.start >= trigger.end), None)
            if noun is not None and sent.text[trigger.end : noun.start].strip():
                noun = None
        if noun is None or noun.payload.pos != "noun" or noun.payload.predicate != frame.predicate:
            return None
        if self.g.possessor_before_noun:
            owner = next((a for a in reversed(before) if a.mention.end <= noun.start), None)
            owned = owner is not None and self._owns(sent, owner, noun)
        else:
            owner = next((a for a in sent.args if a.mention.start >= noun.end), None)
            owned = owner is not None and not sent.text[noun.end : phrase_start(owner.mention)].strip() \
                and (owner.governor or "") in ("", *self.g.affixes.genitive) and self._agent_ok(owner)
        if owner is None or not owned:
            return None
        return group_actors(owner, sent.args), [a for a in after if a.group != owner.group]

    def _verb_subject(self, sent: Sentence, trigger: PhraseMatch, after: list[Argument],
                      args: list[Argument]) -> tuple[tuple[str, ...], list[Argument]]:
        # The subject right after a clause-opening verb, possibly behind its title's genitive
        # ("رفض رئيس المجلس الرئاسي محمد المنفي"); with the arguments left for the target.
        subject = next((a for a in after[:3] if a.governor is None), None)
        w = self.g.windows
        reach = w.subject_reach_adjacent if subject is not None and subject is after[0] else w.subject_reach
        if subject is None or not self._near(sent.text, trigger.end, subject, reach):
            return (), after
        if not self._agent_ok(subject) or subject.mention.kind in GROUP_REFERENCES:
            return (), after
        end = max(a.mention.end for a in args if a.group == subject.group)
        added = self._members_after(sent, end)
        agent = tuple(dict.fromkeys((*group_actors(subject, args), *(x for a in added for x in a.mention.actors))))
        return agent, [a for a in after if a.group != subject.group and a not in added]
