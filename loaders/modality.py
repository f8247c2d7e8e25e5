"""Whether a relation is asserted, denied, intended or conditional, from the cues around its trigger."""

from __future__ import annotations

from collections.abc import Sequence

from loaders.grammar import load_grammar
from loaders.lexicon import Cues
from loaders.matcher import PhraseMatch
from loaders.tokens import Token
from loaders.words import bare, unsuffix

CLAUSE_BREAKS = (",", ";", "،", "؛")


def clause_start(text: str, start: int, position: int) -> int:
    """Where the clause holding `position` begins: after the last comma or semicolon since `start`."""
    return max([text.rfind(c, start, position) for c in CLAUSE_BREAKS] + [start])


def relative_before(cues: Cues, words: Sequence[str]) -> bool:
    """A relative pronoun among the last three words; "said that" is a complementiser, not one."""
    for i in range(max(0, len(words) - 3), len(words)):
        if words[i] in cues.relative_pronouns:
            complementiser = words[i] in load_grammar(cues.lang).words.complementiser_relatives
            if complementiser and any(w in cues.speech_verbs for w in words[max(0, i - 4) : i]):
                continue
            return True
    return False


def negated_clause(cues: Cues, text: str, start: int, tokens: Sequence[Token], triggers: Sequence[PhraseMatch],
                   trigger: PhraseMatch) -> bool:
    # "ولم يعلن مجلس النواب تأييده": a negated verb of saying carries its object with it.
    begin = clause_start(text, start, trigger.start)
    words = [bare(t.text) for t in tokens if begin <= t.start and t.end <= trigger.start]
    for i, word in enumerate(words[:-1]):
        if word in cues.negation and words[i + 1] in cues.speech_verbs:
            return not any(begin <= t.start < trigger.start and t.payload.pos == "verb" for t in triggers)
    return False


def read_modality(cues: Cues, text: str, start: int, tokens: Sequence[Token], triggers: Sequence[PhraseMatch],
                  trigger: PhraseMatch) -> str:
    """negated > conditional > intent > asserted, each from its own window of cue words."""
    grammar = load_grammar(cues.lang)
    before = [bare(t.text) for t in tokens if t.end <= trigger.start]
    near = before[-4:] + [unsuffix(w) for w in before[-4:]]  # "رفضه أي لقاء": the cue with its pronoun
    window = " " + " ".join(before[-6:]) + " " + text[trigger.start : trigger.end] + " "
    if any(w in cues.negation for w in near) or any(f" {p} " in window for p in cues.negation_phrases):
        return "negated"
    begin = clause_start(text, start, trigger.start)
    clause = [bare(t.text) for t in tokens if begin <= t.start and t.end <= trigger.start]
    scope = before[-12:] + clause
    # "rejects the claim and says it supports ...": a new verb of saying makes a claim of its own
    for i in range(len(scope) - 1, 0, -1):
        if scope[i] in cues.speech_verbs and scope[i - 1] in grammar.words.new_claim_joins:
            scope = scope[i:]
            break
    if any(w in cues.denial for w in scope):
        return "negated"  # "ونفى الكرملين أن تكون روسيا قد أرسلت ... للقتال إلى جانب": the whole clause
    if negated_clause(cues, text, start, tokens, triggers, trigger):
        return "negated"
    words = [bare(t.text) for t in tokens]
    joined = " " + " ".join(words) + " "
    # a relative clause inside a conditional sentence states its fact plainly
    if not relative_before(cues, before) and (any(w in cues.conditional for w in words)
                                              or any(f" {p} " in joined for p in cues.conditional_phrases)):
        return "conditional"
    future = grammar.affixes.future_marker
    if (future and future in trigger.clitic) or any(w in cues.intent for w in before[-6:]):
        return "intent"
    if any(f" {p} " in " " + " ".join(before[-6:]) + " " for p in cues.intent_phrases):
        return "intent"
    return "asserted"
