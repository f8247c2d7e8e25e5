"""Named actors that no gazetteer knows, found by the shape of the text: an organisation's head noun and the
name after it (harakat X, kata'ib X), a person after a rank or role ('al-amid' X Y, General X), a capitalised
English name that ends in an organisation word or is followed by its acronym (the X Brigade, Y Front (YF)).
Data: loaders/lang/<lang>/names.json. Such actors are `known: false`; one name is one actor in a document."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from loaders.grammar import every_affix
from loaders.matcher import PhraseMatcher
from loaders.mentions import Mention, Taken
from loaders.normalize import Normalized, fold
from loaders.tokens import Token, tokenize
from ontology.gazetteer import Gazetteer, GazetteerActor

_LANG_DIR = Path(__file__).parent / "lang"
_TYPE_AGENT = {"ArmedGroup": "REB", "PoliticalBody": "LEG", "Government": "GOV", "Person": "ELI"}
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*\.?")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9-]{1,7})\)")


@cache
def load_names(lang: str) -> dict:
    return json.loads((_LANG_DIR / lang / "names.json").read_text(encoding="utf-8"))


class NameFinder:
    """Finds unknown named actors beside the known mentions; one instance serves every document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        ar, en = load_names("ar"), load_names("en")
        self._heads = PhraseMatcher()
        for head, actor_type in ar["org_heads"].items():
            self._heads.add(fold(head), ("org", actor_type))
        for title in ar["person_titles"]:
            self._heads.add(fold(title), ("person", "Person"))
        self._stop = {fold(w) for w in ar["stop_words"]}
        self._generic = {fold(w) for w in ar["generic"]}
        self._particles = {fold(w) for w in ar["name_particles"]}
        self._article = tuple(fold(w) for w in ar["article_prefixes"])
        self._preposition_clitics = tuple(fold(w) for w in ar["preposition_clitics"])
        self._adjective_endings = tuple(fold(w) for w in ar["adjective_endings"])
        self._ar_max, self._ar_min_person = ar["max_words"], ar["min_person_words"]
        self._en_heads: dict[str, str] = en["org_heads"]
        self._en_titles = sorted(en["person_titles"], key=len, reverse=True)
        self._connectors = set(en["connectors"])
        self._not_names = set(en["not_names"])
        self._en_max = en["max_words"]
        self._scope = "+".join(gazetteer.packs) or "world"
        self._made: dict[str, GazetteerActor] = {}

    def actor(self, actor_id: str) -> GazetteerActor | None:
        return self._made.get(actor_id)

    def apply(self, norm: Normalized, original: str, mentions: list[Mention]) -> list[Mention]:
        found = self._arabic(norm.text, mentions) + self._english(norm, original, mentions)
        return sorted([*mentions, *found], key=lambda m: m.start)

    # -- Arabic: a head noun or title, then the words of the name ---------------------------------------

    def _arabic(self, text: str, mentions: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        starts = sorted(mentions, key=_start)  # no tuple a mention: a document has tens of thousands
        taken = Taken(mentions)
        for match in self._heads.iter_find(text):  # one stretch of matches held at a time, not all
            if taken.overlaps(match.start, match.end):
                continue
            kind, actor_type = match.payload
            words = self._name_words(text, match.end, starts)
            first = words[0].text if words else ""
            if not words or first in self._generic or (not first.startswith(self._article) and (
                    first.endswith(self._adjective_endings) or first.startswith(self._preposition_clitics))):
                continue  # a description ("a military force", "foreign forces"), or "forces to support ...": no name
            if kind == "person" and len(words) < self._ar_min_person:
                continue
            end = words[-1].end
            head = text[match.start + len(match.clitic) : match.end]
            name = head + text[match.end : end] if kind == "org" else text[words[0].start : end]
            actor = self._named(name, actor_type)
            out.append(Mention(match.start if kind == "org" else words[0].start, end, (actor.id,), "unknown",
                               match.clitic if kind == "org" else ""))
            taken.add(out[-1].start, out[-1].end)
        return out

    def _name_words(self, text: str, start: int, starts: list[Mention]) -> list[Token]:
        words: list[Token] = []
        edge = start
        at = bisect.bisect_left(starts, start, key=_start)
        next_mention = starts[at].start if at < len(starts) else len(text)
        for token in tokenize(text, start, min(len(text), start + 120)):
            if token.start >= next_mention or text[edge : token.start].strip() or token.text in self._stop \
                    or token.text.isdigit() or len(words) >= self._ar_max:
                break
            if words and (token.text in self._generic or not (
                    token.text.startswith(self._article) or token.text in self._particles
                    or words[-1].text in self._particles)):
                break
            words.append(token)
            edge = token.end
        return words

    # -- English: capitalised names ----------------------------------------------------------------------

    def _english(self, norm: Normalized, original: str, mentions: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        taken = Taken(mentions)
        earlier = _Shortenings(norm.text, mentions)
        acronyms: set[str] = set()
        for start, end, actor_type, acronym in self._english_names(original):
            f_start, f_end = _folded(norm, start), _folded(norm, end)
            if taken.overlaps(f_start, f_end):
                continue
            name = " ".join(original[start:end].split())
            known = earlier.of(fold(name), f_start)
            if known is not None:
                out.append(Mention(f_start, f_end, known.actors, known.kind))
                earlier.add(out[-1])
                taken.add(f_start, f_end)
                continue  # "the Shura Council" after "the Benghazi Revolutionaries Shura Council"
            actor = self._named(name, actor_type, acronym)
            out.append(Mention(f_start, f_end, (actor.id,), "unknown"))
            earlier.add(out[-1])
            taken.add(f_start, f_end)
            if acronym and acronym not in acronyms:
                # every later use of an acronym is already taken by its first owner: one search a document
                acronyms.add(acronym)
                for again in re.finditer(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", original):
                    a_start, a_end = _folded(norm, again.start()), _folded(norm, again.end())
                    if not taken.overlaps(a_start, a_end):
                        out.append(Mention(a_start, a_end, (actor.id,), "unknown"))
                        earlier.add(out[-1])
                        taken.add(a_start, a_end)
        return out

    def _english_names(self, original: str) -> Iterator[tuple[int, int, str, str | None]]:
        """(start, end, type, acronym) of every capitalised name with an organisation head, a title or an acronym,
        in the order of the text and as they come (a document's runs are never all held at once)."""
        for words in (piece for run in self._capitalised_runs(original) for piece in self._split(run, original)):
            title = None
            while words and (words[0][2] in self._not_names or words[0][2].lower() in self._connectors):
                words = words[1:]
            for size in (2, 1):  # "General X", "Prime Minister X" inside the run
                lead = " ".join(w[2] for w in words[:size])
                if len(words) > size and lead in self._en_titles:
                    title, words = lead, words[size:]
                    break
            while words and (words[0][2] in self._not_names or words[0][2].lower() in self._connectors):
                words = words[1:]
            if not words:
                continue
            title = title or self._title_before(original, words[0][0])
            acronym_match = _ACRONYM.match(original, words[-1][1])
            acronym = acronym_match.group(1) if acronym_match else None
            head_type = self._en_heads.get(words[-1][2].rstrip("."))
            head_of = next((self._en_heads[w[2]] for w in words[:-1] if w[2] in self._en_heads
                            and original[w[1] : w[1] + 4] == " of "), None)
            capitals = [w for w in words if w[2][0].isupper()]
            if title and not head_type and len(capitals) <= 3:
                yield (words[0][0], words[-1][1], "Person", None)
            elif (head_type or head_of) and len(capitals) >= 2:
                yield (words[0][0], words[-1][1], head_type or head_of or "ArmedGroup", acronym)
            elif acronym and len(capitals) >= 2:
                yield (words[0][0], words[-1][1], "PoliticalBody", acronym)

    def _capitalised_runs(self, original: str) -> Iterator[list[tuple[int, int, str]]]:
        """Runs of capitalised words, with connectors inside them ("Front for the Liberation of X"); any
        punctuation ends a run."""
        current: list[tuple[int, int, str]] = []
        pending: list[tuple[int, int, str]] = []
        previous_end = 0
        for token in re.finditer(r"[\w'’-]+\.?", original):
            word, start = token.group(), token.start()
            closes = word.endswith(".") and len(word) > 4  # a sentence's last word, not "Gen."
            word = word.rstrip(".") if closes else word
            if fold(word).endswith(every_affix("possessive_endings")):
                # "Turkey's Avrasya Shipping": the possessor places the name, it is no part of it
                if current:
                    yield current
                current, pending = [], []
                previous_end = start + len(word)
                continue
            if original[previous_end:start].strip() or not (_CAPITALISED.fullmatch(word) or word in self._connectors):
                if current:
                    yield current
                current, pending = [], []
            if _CAPITALISED.fullmatch(word) and len(current) < self._en_max:
                current += [*pending, (start, start + len(word), word)]
                pending = []
            elif current and word in self._connectors:
                pending.append((start, start + len(word), word))
            previous_end = start + len(word)
            if closes and current:
                yield current
                current, pending = [], []
        if current:
            yield current

    def _split(self, run: list[tuple[int, int, str]], original: str) -> list[list[tuple[int, int, str]]]:
        """"General X of the Y Brigade" is two names; "Army of Free Men" one: a connector joins only after a
        head word."""
        pieces: list[list[tuple[int, int, str]]] = [[]]
        for i, word in enumerate(run):
            joined_by = word[2] in self._connectors and pieces[-1] and pieces[-1][-1][2] not in self._connectors
            if joined_by and pieces[-1][-1][2] not in self._en_heads and i + 1 < len(run):
                pieces.append([])
                continue
            pieces[-1].append(word)
        return [p for p in pieces if p]

    def _title_before(self, original: str, start: int) -> str | None:
        head = original[max(0, start - 30) : start]
        return next((t for t in self._en_titles if head.endswith(t + " ")), None)

    # -- the actors --------------------------------------------------------------------------------------

    def _named(self, name: str, actor_type: str, acronym: str | None = None) -> GazetteerActor:
        slug = "-".join(re.sub(r"[^\w\s-]", "", fold(name)).split())
        actor_id = f"{self._scope}/named/{slug}"
        if actor_id not in self._made:
            arabic = bool(re.search(r"[\u0600-\u06ff]", name))
            self._made[actor_id] = GazetteerActor(
                id=actor_id, type=actor_type, name=name, name_ar=name if arabic else None,
                aliases=(acronym,) if acronym else (), aliases_ar=(), nisba_en=(), nisba_ar=(), capital_en=None,
                capital_ar=None, iso3=None, cameo="---" + _TYPE_AGENT.get(actor_type, ""), wikidata=None,
                positions=(), member_of=(), start=None, end=None, known=False,
            )
        return self._made[actor_id]



class _Shortenings:
    """Earlier names by their last words: "the Shura Council" after "the Benghazi Revolutionaries Shura
    Council" is the same actor named short. The document's known mentions are indexed as the reading passes
    them, the names found on the way as they are found; a known mention wins over a found one."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self._text = text
        self._known = sorted(mentions, key=lambda m: m.end)  # no overlaps: in the order of their starts too
        self._next = 0
        self._by_tail: tuple[dict[str, Mention], dict[str, Mention]] = ({}, {})

    def _index(self, mention: Mention, table: dict[str, Mention]) -> None:
        if mention.kind not in ("name", "unknown") or len(mention.actors) != 1:
            return
        words = self._text[mention.start + len(mention.clitic) : mention.end].split(" ")
        for i in range(1, len(words)):
            table.setdefault(" ".join(words[i:]), mention)

    def add(self, mention: Mention) -> None:
        self._index(mention, self._by_tail[1])

    def of(self, name: str, start: int) -> Mention | None:
        while self._next < len(self._known) and self._known[self._next].end <= start:
            self._index(self._known[self._next], self._by_tail[0])
            self._next += 1
        return self._by_tail[0].get(name) or self._by_tail[1].get(name)


def _start(mention: Mention) -> int:
    return mention.start


def _folded(norm: Normalized, original_offset: int) -> int:
    """The folded offset of an original offset (the first folded character at or after it)."""
    return norm.folded(original_offset)
