"""Argument slots: each actor mention of a sentence with what governs it and the list it belongs to.

A mention's governor is the preposition before it (written apart, or as a clitic on the name), an
apposition word, a title's genitive, or a source ("a source in the GNA"); None marks a subject or an
object. Lists ("Egypt, the UAE and Russia") share one slot, unless a member has a verb of its own.
"""

from __future__ import annotations

import bisect
from functools import cache

from loaders.actors import load_references
from loaders.clauses import broken
from loaders.grammar import LANGUAGES, Grammar
from loaders.lexicon import Cues
from loaders.lists import group_lists
from loaders.matcher import PhraseMatch
from loaders.mentions import Mention
from loaders.modality import clause_start
from loaders.normalize import fold
from loaders.sentence import Argument
from loaders.tokens import Token, tokenize
from ontology.gazetteer import Gazetteer


def mention_start(mention: Mention) -> int:
    return mention.start


def phrase_start(mention: Mention) -> int:
    # Where the mention's phrase begins in the text, its clitic included: a composed agent stands where its
    # nationality does, but "لقوات تركية" is governed by the ل written on its first word.
    return mention.shown[0] - len(mention.clitic) if mention.shown else mention.start


@cache
def speaker_prefixes() -> tuple[str, ...]:
    # "المتحدث باسم", "a spokesman for", in every language: a name after one is spoken for.
    return tuple(fold(p) for lang in LANGUAGES for p in load_references(lang)["speaker_prefixes"])


class ArgumentSlots:
    g: Grammar
    cues: Cues
    gazetteer: Gazetteer
    titles: frozenset[str]
    transparent: frozenset[str]

    def _arguments(self, text: str, start: int, end: int, mentions: list[Mention],
                   triggers: list[PhraseMatch], tokens: list[Token]) -> list[Argument]:
        # mentions are in text order: find the sentence's own by bisection, not by a scan of the document
        first = bisect.bisect_left(mentions, start, key=mention_start)
        inside = [m for m in mentions[first : bisect.bisect_left(mentions, end, key=mention_start)] if m.end <= end]
        groups = self._split_at_subjects(text, inside, group_lists(text, inside), triggers)
        group_of = {i: g_index for g_index, g in enumerate(groups) for i in g}
        ends = [t.end for t in tokens]
        args: list[Argument] = []
        for i, mention in enumerate(inside):
            first = groups[group_of[i]][0]
            governor = args[first].governor if first != i else self._governor(
                text, start, mention, inside, i, tokens[: bisect.bisect_right(ends, phrase_start(mention))])
            args.append(Argument(i, mention, governor, group_of[i]))
        return args

    def _split_at_subjects(self, text: str, mentions: list[Mention], groups: list[list[int]],
                           triggers: list[PhraseMatch]) -> list[list[int]]:
        """"Turkey backed the GNA and Russia backed the LNA": a member followed by its own verb starts a clause."""
        verb_starts = [t.start for t in triggers if t.payload.pos == "verb"]
        reach = self.g.windows.member_verb_chars
        out: list[list[int]] = []
        for group in groups:
            head = mentions[group[0]].start
            begin = clause_start(text, min(verb_starts, default=head), head)
            if not any(begin <= v < head for v in verb_starts):
                out.append(group)  # a list before any verb is the subject: "Egypt and the UAE condemned"
                continue
            current = [group[0]]
            for i in group[1:]:
                after = tokenize(text, mentions[i].end, min(len(text), mentions[i].end + reach))[:2]
                if after and after[0].text in self.g.words.verb_auxiliaries:
                    after = after[1:]
                clause_goes_on = after and not broken(text, mentions[i].end, after[0].start)
                if clause_goes_on and after[0].start in verb_starts:
                    out.append(current)
                    current = [i]
                else:
                    current.append(i)
            out.append(current)
        return out

    def _modifier(self, word: Token) -> bool:
        return word.text in self.cues.determiners or word.text.endswith(self.g.affixes.possessive_endings)

    def _governor(self, text: str, sentence_start: int, mention: Mention, mentions: list[Mention],
                  index: int, before: list[Token]) -> str | None:
        """`before`: the sentence's tokens that end before the mention."""
        w = self.g.windows
        anchor = phrase_start(mention)
        head = text[max(sentence_start, anchor - w.source_marker_chars) : anchor + len(mention.clitic)]
        if any(head.rstrip().endswith(marker) or head.endswith(marker) for marker in self.cues.source_markers):
            return "source"
        if self._role_genitive(text, mention, mentions, index):
            return "genitive"
        clitic = mention.clitic.lstrip("".join(self.g.affixes.conjunctions))
        genitive_clitic = bool(clitic) and clitic.endswith(self.g.affixes.genitive)
        before = list(before)
        edge = anchor
        while before and self._modifier(before[-1]) and not broken(text, before[-1].end, edge):
            edge = before.pop().start
        if before and before[-1].text in self.g.words.partitive_prepositions:
            counted = self._quantity_start(before, len(before) - 1)
            if counted is not None:
                # "قتل 40 متمردا من تنظيم داعش", "killed dozens of the militants": the part counted is the whole's
                ahead = before[counted - 1].text if counted >= 1 else ""
                return ahead if ahead in self.cues.prepositions else None
        nouns = []
        if len(before) >= 2 and (genitive_clitic or before[-1].text in self.g.words.partitive_prepositions):
            nouns.append(len(before) - 2)  # "on positions of the LNA", "لمعسكر تابع لحكومة الوفاق"
        if before and (genitive_clitic or not self.g.possessor_before_noun):
            nouns.append(len(before) - 1)  # "على مواقع لقوات"; "على مواقع قوات حفتر", the possessor unmarked
        for noun in nouns:
            through = self._transparent_governor(before, noun)
            if through is not False:
                return through  # the force takes the positions' place, behind their preposition
        if clitic and clitic[-1] in self.g.affixes.prepositions:
            return None if self._speaker_prefixed(text, sentence_start, mention) else clitic[-1]
        while before and (self._modifier(before[-1]) or before[-1].text in self.titles) \
                and not broken(text, before[-1].end, edge):
            edge = before.pop().start  # "through an aide, Erdogan warned": the comma ends the phrase
        if not before:
            return None
        word = before[-1].text
        if word in self.cues.apposition or self._parenthetical(text, before):
            return "apposition"
        if word in self.cues.prepositions or word in self.cues.locatives:
            return None if self._speaker_prefixed(text, sentence_start, mention) else word
        return None

    def _quantity_start(self, before: list[Token], partitive: int) -> int | None:
        # Where a count ends by the partitive at `partitive` begins ("نحو 40 متمردا من", "dozens of"): its
        # first numeral, with a counted noun after the number; None when no count stands there.
        def numeral(i: int) -> bool:
            word = before[i].text
            article = self.g.definite_article
            return word.isdigit() or word in self.cues.numerals \
                or bool(article) and word.startswith(article) and word[len(article) :] in self.cues.numerals
        first = None
        if partitive >= 1 and numeral(partitive - 1):
            first = partitive - 1
        elif partitive >= 2 and numeral(partitive - 2):
            first = partitive - 2  # a number and the noun it counts
        while first is not None and first >= 1 and numeral(first - 1):
            first -= 1
        return first

    def _transparent_governor(self, before: list[Token], noun: int) -> str | None | bool:
        # The preposition before a transparent noun ("على مواقع", or "لمعسكر" with its own clitic), None when
        # it has none, False when the word is no transparent noun.
        word = before[noun].text
        if word in self.transparent:
            ahead = before[noun - 1].text if noun >= 1 else ""
            counted = self._quantity_start(before, noun - 1) if ahead in self.g.words.partitive_prepositions else None
            if counted is not None:  # "العشرات من عناصر داعش": the count's own place
                ahead = before[counted - 1].text if counted >= 1 else ""
            return ahead if ahead in self.cues.prepositions else None
        bare = word.lstrip("".join(self.g.affixes.conjunctions))
        if bare[:1] in self.g.affixes.prepositions and bare[1:] in self.transparent:
            return bare[0]
        return False

    def _parenthetical(self, text: str, before: list[Token]) -> bool:
        # "قطر، إلى جانب تركيا،": a phrase opened by a comma adds to the subject, not a target.
        for phrase in self.g.words.parenthetical_alongside:
            words = phrase.split()
            if len(before) < len(words) or [t.text for t in before[-len(words) :]] != words:
                continue
            opening = before[-len(words)].start
            lead = text[max(0, opening - self.g.windows.parenthetical_chars) : opening].rstrip()
            if lead.endswith((",", "،")):
                return True
        return False

    def _role_genitive(self, text: str, mention: Mention, mentions: list[Mention], index: int) -> bool:
        # "رئيس المجلس الرئاسي محمد المنفي": the council names the title; the person is the subject.
        if index + 1 >= len(mentions) or self._type(mention) == "Person":
            return False
        following = mentions[index + 1]
        if self._type(following) != "Person" or len(tokenize(text, mention.end, following.start)) > 0:
            return False
        words = tokenize(text, max(0, mention.start - self.g.windows.title_chars), mention.start)
        return bool(words) and (words[-1].text in self.titles
                                or (bool(mention.clitic) and mention.clitic.endswith(self.g.affixes.genitive)))

    def _type(self, mention: Mention) -> str | None:
        return self.gazetteer.actors[mention.actors[0]].type if mention.actors else None

    def _speaker_prefixed(self, text: str, sentence_start: int, mention: Mention) -> bool:
        # "المتحدث باسم الحكومة", "a spokesman for the GNA": the actor speaks through someone.
        reach = self.g.windows.speaker_prefix_chars
        anchor = phrase_start(mention)
        head = text[max(sentence_start, anchor - reach) : anchor + len(mention.clitic)].rstrip()
        return any(head.endswith(prefix) or (mention.clitic and head.endswith(prefix + " " + mention.clitic))
                   for prefix in speaker_prefixes())
