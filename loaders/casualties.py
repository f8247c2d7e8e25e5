"""Casualty clauses: the victims named first, the attacker only through the attack ("two civilians were killed
in a U.S. air strike", "15 soldiers killed in an attack launched by rebels"; the Arabic forms in the data file).
The attacker ATTACKS the victims. Data: loaders/lang/<lang>/casualties.json."""

from __future__ import annotations

import bisect
import json
from functools import cache
from pathlib import Path

from loaders.grammar import load_grammar
from loaders.matcher import PhraseMatch, PhraseMatcher
from loaders.mentions import Mention
from loaders.normalize import fold
from loaders.tokens import tokenize

_LANG_DIR = Path(__file__).parent / "lang"


@cache
def load_casualties(lang: str) -> dict:
    return json.loads((_LANG_DIR / lang / "casualties.json").read_text(encoding="utf-8"))


def _span(mention: Mention) -> tuple[int, int]:
    return mention.shown or (mention.start, mention.end)


class CasualtyReader:
    """Finds attacker → victims in one sentence; one instance per language."""

    def __init__(self, lang: str) -> None:
        data = load_casualties(lang)
        self.lang = lang
        self._grammar = load_grammar(lang)
        self._casualties = PhraseMatcher()
        for form, code in data["casualty_nouns"].items():
            self._casualties.add(fold(form), ("noun", code))
        for form, code in data["casualty_verbs"].items():
            self._casualties.add(fold(form), ("verb", code), verb=True)
        self._attacks = PhraseMatcher()
        for form in data["attack_nouns"]:
            self._attacks.add(fold(form), "attack")
            article = data.get("article", "")
            if article and not form.startswith(article):
                self._attacks.add(fold(article + form), "attack")  # with the article as well as without
        self._claims = tuple(fold(w) for w in data["claims"])
        self._agent_phrases = tuple(fold(w) for w in data["agent_phrases"])
        self._linkers = {fold(w) for w in data["linkers"]}
        self._reach = int(data["reach"])
        self._of: list[Mention] | None = None
        self._sorted: list[Mention] = []
        self._starts: list[int] = []

    def _in_document(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions by where they are shown, sorted once for the list given (a document's, or a sentence's)."""
        if mentions is not self._of:
            self._of = mentions
            self._sorted = sorted(mentions, key=lambda m: _span(m)[0])
            self._starts = [_span(m)[0] for m in self._sorted]
        return self._sorted

    def forget(self) -> None:
        """Let the document's mentions go once it is read (the reader is shared by every document)."""
        self._of, self._sorted, self._starts = None, [], []

    def linked_after(self, text: str, position: int) -> bool:
        """Whether a casualty verb ending at `position` goes on with a linker ("killed in", "killed by")."""
        following = tokenize(text, position, min(len(text), position + 30))[:1]
        return bool(following) and following[0].text in self._linkers

    def read(self, text: str, start: int, end: int, mentions: list[Mention]) -> list[tuple[str, str, str, int]]:
        """(attacker, victim, CAMEO code, position) for each casualty clause of the sentence text[start:end]."""
        ordered = self._in_document(mentions)
        here = [m for m in ordered[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]
                if m.actors and not m.is_reference]
        attacks = [PhraseMatch(a.start + start, a.end + start, a.payload, a.clitic)
                   for a in self._attacks.find(text[start:end])]
        out: list[tuple[str, str, str, int]] = []
        for raw in self._casualties.find(text[start:end]):
            casualty = PhraseMatch(raw.start + start, raw.end + start, raw.payload, raw.clitic)
            kind, code = casualty.payload
            victim = self._victim(text, casualty, kind, here)
            if victim is None:
                continue
            attacker = self._attacker(text, victim, attacks, here, end)
            if attacker is None:
                continue
            out += [(a, v, code, casualty.start) for a in attacker.actors for v in victim.actors if a != v]
        return out

    def _victim(self, text: str, casualty: PhraseMatch, kind: str, mentions: list[Mention]) -> Mention | None:
        if kind == "noun":
            after = [m for m in mentions if _span(m)[0] >= casualty.end]
            if after and len(tokenize(text, casualty.end, _span(after[0])[0])) <= 4:
                return after[0]  # "مقتل 15 جنديا تركيا", "قتل أمس سبعة من عناصر الشرطة", "the killing of two ..."
            return None
        if not self.linked_after(text, casualty.end):
            return None  # "قتلوا جنديين": an active verb with its object
        before = [m for m in mentions if _span(m)[1] <= casualty.start]
        if before and len(tokenize(text, _span(before[-1])[1], casualty.start)) <= 6:
            return before[-1]  # "ثمانية أشخاص، بينهم طفلان، قتلوا جراء ..."
        return None

    def _attacker(self, text: str, victim: Mention, attacks: list[PhraseMatch], mentions: list[Mention],
                  end: int) -> Mention | None:
        """The doer of the attack after the victims: its nationality, or who launched or claimed it."""
        origin = _span(victim)[1]
        window = tokenize(text, origin, end)[: self._reach]
        limit = window[-1].end if window else origin
        later = [m for m in mentions if origin <= _span(m)[0] < limit]
        for mention in later:
            head = " ".join(text[max(origin, _span(mention)[0] - 16) : _span(mention)[0]].split())
            if head.endswith(self._agent_phrases):
                return mention  # "على أيدي مسلحين", "by gunmen"
        for attack in (a for a in attacks if origin <= a.start < limit):
            after = [m for m in later if _span(m)[0] >= attack.end]
            if after:
                gap = tokenize(text, attack.end, _span(after[0])[0])
                words = " ".join(t.text for t in gap)
                if len(gap) <= 1 and self._grammar.adjective_after_noun or words.endswith(self._claims):
                    return after[0]  # "ضربة جوية أميركية", "هجوم شنه متمردون", "an attack claimed by X"
            before = [m for m in later if _span(m)[1] <= attack.start]
            modifier_first = not self._grammar.adjective_after_noun
            if modifier_first and before and len(tokenize(text, _span(before[-1])[1], attack.start)) <= 2:
                return before[-1]  # "in a U.S. drone strike": the attacker modifies the attack before it
        return None
