# Lists of actor mentions ("Egypt, the UAE and Russia", "مصر والإمارات وروسيا"), joined by the words
# and clitics each language's grammar.toml gives.

from __future__ import annotations

import re
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


def group_lists(text: str, mentions: list[Mention]) -> list[list[int]]:
    """Indexes of mentions that form one list."""
    carrier, joined_by, connector, clitics = _patterns()
    groups: list[list[int]] = []
    closed: list[bool] = []  # whether a group's last link is a conjunction: "X, Y" alone is no list
    for i, mention in enumerate(mentions):
        if groups and i - 1 == groups[-1][-1]:
            prev = mentions[i - 1]
            between = text[prev.end : mention.start]
            joined = (bool(clitics) and mention.clitic.startswith(clitics) and not between.strip(" ,")) or (
                prev.kind == mention.kind == "nisba" and not between.strip())  # "the Russian-Turkish initiative"
            connected = joined or bool(between and (connector.match(between) or carrier.match(between)))
            if connected and not prev.is_reference and not mention.is_reference:
                groups[-1].append(i)
                closed[-1] = joined or bool(joined_by.search(between))
                continue
        groups.append([i])
        closed.append(True)
    out: list[list[int]] = []
    for group, ends_with_and in zip(groups, closed, strict=True):
        out.extend([group] if ends_with_and else [[i] for i in group])
    return out
