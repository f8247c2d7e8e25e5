# Lists of actor mentions ("Egypt, the UAE and Russia", "مصر والإمارات وروسيا"), joined by the words
# and clitics each language's grammar.toml gives.

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from loaders.grammar import LANGUAGES, load_grammar
from loaders.mentions import Mention


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    words = [load_grammar(lang).words for lang in LANGUAGES]
    conjunctions = _alternatives([c for w in words for c in w.list_conjunctions])
    articles = _alternatives([a for w in words for a in w.list_articles])
    carrier_articles = _alternatives([a for w in words for a in w.carrier_articles])
    carriers = _alternatives([c for w in words for c in w.carrier_nouns])
    # "French jets and an Italian frigate": what carries each member, between them
    carrier = re.compile(rf"^\s*(?:{carriers})\s+(?:{conjunctions})\s+(?:(?:{carrier_articles})\s+)?$")
    joined = re.compile(rf"(?:^|\s)(?:{conjunctions})(?:\s|$)")
    # "X, Y and Z", "Turkey's A, Jordan's B and Kazakhstan's C": a possessor may place each member
    possessive = _alternatives([e for lang in LANGUAGES for e in load_grammar(lang).affixes.possessive_endings])
    connector = re.compile(
        rf"^(?:\s*(?:,|;|{conjunctions})\s*(?:(?:{articles})\s+)?(?:[^\W\d_][\w.-]*(?:{possessive})\s+)?)+$")
    clitics = tuple(c for w in words for c in w.list_clitics)
    return carrier, joined, connector, clitics


def group_lists(text: str, mentions: Sequence[Mention], lists_only: bool = False) -> list[list[int]]:
    """Indexes of mentions that form one list; with `lists_only`, only lists of two or more (a document's
    lone mentions would each hold a list)."""
    carrier, joined_by, connector, clitics = _patterns()
    out: list[list[int]] = []

    def close(group: list[int], ends_with_and: bool) -> None:  # "X, Y" without a conjunction is no list
        if ends_with_and:
            if len(group) >= 2 or not lists_only:
                out.append(group)
        elif not lists_only:
            out.extend([i] for i in group)

    group: list[int] = []
    closed = True  # whether the group's last link is a conjunction
    seen = None
    for i, mention in enumerate(mentions):  # one pass: the mention before is the one seen last
        prev, seen = seen, mention
        if group and i - 1 == group[-1]:
            between = text[prev.end : mention.start]
            joined = (bool(clitics) and mention.clitic.startswith(clitics) and not between.strip(" ,")) or (
                prev.kind == mention.kind == "nisba" and not between.strip())  # "the Russian-Turkish initiative"
            connected = joined or bool(between and (connector.match(between) or carrier.match(between)))
            if connected and not prev.is_reference and not mention.is_reference:
                group.append(i)
                closed = joined or bool(joined_by.search(between))
                continue
        if group:
            close(group, closed)
        group, closed = [i], True
    if group:
        close(group, closed)
    return out
