"""Word shapes for matching cue words: attached conjunctions, prepositions, articles and pronouns,
as each language's grammar.toml lists them (a word of another script is left as it is)."""

from __future__ import annotations

from loaders.grammar import every_affix


def bare(word: str) -> str:
    # A word without the conjunction written onto it ("ونفى" is "نفى", "ولم" is "لم").
    return word[1:] if len(word) >= 3 and word[0] in every_affix("conjunctions") else word


def unsuffix(word: str) -> str:
    # A word without an attached pronoun ("رفضه" is "رفض").
    for suffix in every_affix("object_suffixes"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stem(word: str) -> str:
    # A word without its proclitics and article, for matching nouns ("بالتدخل", "لحماية").
    for prefix in every_affix("noun_prefixes"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word
