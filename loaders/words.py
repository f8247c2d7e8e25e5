"""Arabic word shapes for matching cue words: attached conjunctions, prepositions, articles, pronouns."""

from __future__ import annotations


def bare(word: str) -> str:
    """A word without the conjunction و/ف written onto it ("ونفى" is "نفى", "ولم" is "لم")."""
    return word[1:] if len(word) >= 3 and word[0] in "وف" else word


def unsuffix(word: str) -> str:
    """A word without an attached pronoun ("رفضه" is "رفض")."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stem(word: str) -> str:
    """A word without its proclitics and article, for matching nouns ("بالتدخل", "لحماية")."""
    for prefix in ("وبال", "وال", "بال", "فال", "لل", "ال", "وب", "ول", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word
