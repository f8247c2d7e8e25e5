"""Clause segmentation: where a trigger's clause begins and ends, and which clauses hold no subject.

Relative and participle clauses (", which backs the GNA,"), clauses opened by a verb of saying or a
participle after a comma, coordinated verbs that share their subject, subordinate verbs, and the
speaker's characterisations ("what it called") are told apart here, from the language's grammar data.
"""

from __future__ import annotations

from loaders.grammar import Grammar
from loaders.lexicon import Cues
from loaders.matcher import PhraseMatch
from loaders.modality import CLAUSE_BREAKS, clause_start
from loaders.sentence import Argument, Sentence
from loaders.tokens import Token, tokenize
from loaders.words import bare


def clause_end(text: str, position: int, end: int) -> int:
    """The first comma or semicolon after `position`, or the sentence's end."""
    stops = [i for i in (text.find(c, position, end) for c in CLAUSE_BREAKS) if i >= 0]
    return min(stops) if stops else end


def broken(text: str, start: int, end: int) -> bool:
    """Whether a comma or semicolon stands between two positions."""
    return any(c in text[start:end] for c in CLAUSE_BREAKS)


class ClauseReading:
    g: Grammar
    cues: Cues

    def _relative_spans(self, text: str, tokens: list[Token], end: int) -> list[tuple[int, int]]:
        """", which backs the GNA," — clauses whose actors are no subjects for the verbs around them."""
        spans = []
        for i, token in enumerate(tokens):
            opener = token.text in self.cues.relative_pronouns or self.g.opens_participle_clause(token.text)
            if opener and i > 0 and broken(text, tokens[i - 1].end, token.start):
                spans.append((token.start, clause_end(text, token.end, end)))
        return spans

    def _participle(self, text: str, trigger: PhraseMatch) -> bool:
        # "داعيا", "مطالبا", "accusing": a circumstantial form whose subject is the clause's.
        return self.g.is_participle(text[trigger.start + len(trigger.clitic) : trigger.end].split()[0])

    def _noun_use(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        """"the attack", "a strike": a one-word verb form after an article is a noun ("the main backer of"
        is a phrase of its own)."""
        before = sent.tokens_before(trigger.start)[-1:]
        return bool(before) and before[0].text in self.g.words.noun_articles \
            and " " not in sent.text[trigger.start : trigger.end]

    def _object_on_verb(self, sent: Sentence, trigger: PhraseMatch, after: list[Argument]) -> bool:
        """A verb carrying its object pronoun with an actor right after it."""
        return sent.text[trigger.start + len(trigger.clitic) : trigger.end] in trigger.payload.possessed \
            and bool(after) and not sent.text[trigger.end : after[0].mention.start].strip()

    def _conjoined(self, trigger: PhraseMatch) -> bool:
        return trigger.clitic[:1] in self.g.affixes.conjunctions

    def _coordinated(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        # "condemned ... and accused", "أدانت ... واتهمت", ", accusing": a verb sharing the last subject.
        before = sent.tokens_before(trigger.start)
        if not before:
            return False
        if self._conjoined(trigger) or before[-1].text in self.g.words.coordinators:
            return True
        return broken(sent.text, before[-1].end, trigger.start) and self._participle(sent.text, trigger)

    def _infinitive_with_subject(self, sent: Sentence, trigger: PhraseMatch, earlier: list[PhraseMatch]) -> bool:
        """"the latter went furthest, becoming the first to recognise": a subject of its own since the last verb."""
        before = sent.tokens_before(trigger.start)
        if not before or before[-1].text not in self.g.words.infinitive_markers or not earlier:
            return False
        since = earlier[-1].end
        return any(since <= a.mention.start and a.mention.end <= trigger.start and a.governor is None
                   for a in sent.args)

    def _subordinate(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        # "دون أن يوقع": a subordinate verb, unless what a verb of saying reports.
        words = sent.words_before(trigger.start)[-2:]
        if not words or words[-1] not in self.g.words.subordinators:
            return False
        return len(words) < 2 or bare(words[0]) not in self.cues.speech_verbs

    @staticmethod
    def _embedded_elsewhere(sent: Sentence, other: PhraseMatch, trigger: PhraseMatch) -> bool:
        """A verb inside ", which did not back ...," does not end the clause of a verb outside it."""
        span = sent.span_at(other.start)
        return span is not None and not span[0] <= trigger.start < span[1]

    def _characterised(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        # "ما وصفته", "what it called": a characterisation, not the verb "وصفها بالصديقة" itself.
        words = sent.words_before(trigger.start)[-self.g.windows.characterising_words :]
        heads = self.g.words.characterising_heads
        return any(w in self.g.words.characterising_verbs and any(x in heads for x in words[:i])
                   for i, w in enumerate(words))

    def _generic_subject(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        # "لكل من يهدد", "whoever attacks": no one in particular.
        head = " ".join(sent.words_before(trigger.start))[-self.g.windows.generic_subject_chars :]
        tail = head + " " + sent.text[trigger.start : trigger.end]
        return any(tail.endswith(" " + g) or head.endswith(g) for g in self.cues.generic_subjects)

    def _near_words(self, sent: Sentence, trigger: PhraseMatch, words: tuple[str, ...], reach: int) -> bool:
        """One of the words stands within `reach` words of the trigger ("launched an offensive")."""
        before = sent.tokens_before(trigger.start)[-reach:]
        after = sent.tokens_after(trigger.end)[:reach]
        window = " " + " ".join(t.text for t in (*before, *after)) + " " + sent.text[trigger.start : trigger.end] + " "
        return any(w in window for w in words)

    def _next_clause(self, sent: Sentence, position: int) -> int:
        # Where "، واصفا ...", ", saying ..." or ", while ..." starts a clause of its own after `position`.
        for i, token in enumerate(sent.tokens):
            if token.start < position or i == 0 or not broken(sent.text, sent.tokens[i - 1].end, token.start):
                continue
            word = bare(token.text)
            shaped = PhraseMatch(token.start, token.end, None, "")
            if word in self.cues.speech_verbs or self._participle(sent.text, shaped) \
                    or token.text in self.cues.clause_openers or word in self.cues.clause_openers:
                return token.start
        return sent.end

    def _opens_speech(self, sent: Sentence, arg: Argument) -> bool:
        """"..., and Macron said": an actor followed by a verb of saying starts a new clause."""
        following = sent.tokens_after(arg.mention.end)[:1]
        return bool(following) and bare(following[0].text) in self.cues.speech_verbs \
            and not broken(sent.text, arg.mention.end, following[0].start)

    def _opens_clause(self, sent: Sentence, trigger: PhraseMatch) -> bool:
        """A verb that opens its clause takes its subject after it, in a verb-first language."""
        if self._conjoined(trigger):
            return True
        following = [a for a in sent.args if a.mention.start >= trigger.end][:1]
        if sent.text[trigger.start : trigger.end].endswith(self.g.affixes.object_suffixes) and following \
                and not sent.text[trigger.end : following[0].mention.start].strip():
            return True  # with its object on the verb, the subject comes next
        before = sent.tokens_before(trigger.start)
        if not before:
            return True
        gap = sent.text[before[-1].end : trigger.start]
        if any(p in gap for p in ",;:\"'()"):
            return True
        if before[-1].text not in self.cues.vso_openers:
            return False
        if before[-1].text not in self.cues.auxiliaries:
            return True  # "if", "when", "that", "which" open a clause of their own
        # an auxiliary after its subject ("وكانت حكومة الوفاق قد رفضت"): the subject already stood
        begin = clause_start(sent.text, sent.start, trigger.start)
        return not any(a.governor is None and begin <= a.mention.start and a.mention.end <= trigger.start
                       and a.mention.actors and not a.mention.is_reference for a in sent.args)

    def _near(self, text: str, position: int, arg: Argument, words: int) -> bool:
        return len(tokenize(text, position, arg.mention.start)) <= words
