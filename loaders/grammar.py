"""A language's grammar facts for the relation engine, read from lang/<lang>/grammar.toml.

The engine's mechanisms (clauses, argument slots, voice, subjects, targets) hold no word of any
language: every function word, clitic, pattern and window size they use comes from here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from loaders.normalize import fold
from ontology.errors import GazetteerError

LANG_DIR = Path(__file__).parent / "lang"
LANGUAGES = tuple(sorted(p.name for p in LANG_DIR.iterdir() if (p / "grammar.toml").is_file()))


@dataclass(frozen=True)
class Affixes:
    conjunctions: tuple[str, ...]
    consecutive: tuple[str, ...]
    prepositions: tuple[str, ...]
    genitive: tuple[str, ...]
    object_suffixes: tuple[str, ...]
    verb_suffixes: tuple[str, ...]
    proclitics: tuple[str, ...]
    future_proclitics: tuple[str, ...]
    article: str
    article_after_lam: tuple[tuple[str, str], ...]
    future_marker: str
    noun_prefixes: tuple[str, ...]
    nominal_prefixes: tuple[str, ...]
    possessive_endings: tuple[str, ...]
    nominal_clitics: tuple[str, ...]


@dataclass(frozen=True)
class Words:
    verb_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    characterising_verbs: frozenset[str]
    characterising_heads: frozenset[str]
    pronoun_relatives: frozenset[str]
    possessive_relatives: frozenset[str]
    complementisers: frozenset[str]
    subordinators: frozenset[str]
    coordinators: frozenset[str]
    infinitive_markers: frozenset[str]
    partitive_prepositions: frozenset[str]
    alongside: tuple[str, ...]
    parenthetical_alongside: tuple[str, ...]
    member_openers: tuple[str, ...]
    invitation_objects: frozenset[str]
    between: frozenset[str]
    adjectival_prepositions: frozenset[str]
    threat_object_prepositions: frozenset[str]
    accreditation_prepositions: frozenset[str]
    appositive_articles: frozenset[str]
    new_claim_joins: frozenset[str]
    complementiser_relatives: frozenset[str]
    list_conjunctions: tuple[str, ...]
    list_articles: tuple[str, ...]
    list_clitics: tuple[str, ...]
    carrier_nouns: tuple[str, ...]
    carrier_articles: tuple[str, ...]
    noun_articles: frozenset[str]
    threat_clauses: frozenset[str]


@dataclass(frozen=True)
class Windows:
    requires_reach: int
    requires_reach_attack: int
    requires_reach_list: int
    source_marker_chars: int
    speaker_prefix_chars: int
    title_chars: int
    alongside_chars: int
    truce_chars: int
    attack_noun_chars: int
    generic_subject_chars: int
    agent_phrase_chars: int
    member_verb_chars: int
    aid_noun_chars: int
    parenthetical_chars: int
    subject_reach: int
    subject_reach_adjacent: int
    opening_words: int
    subject_slot_words: int
    characterising_words: int
    relative_words: int
    object_relative_words: int
    event_head_words: int
    agent_preposition_gap: int
    adjectival_gap: int
    appositive_words: int


@dataclass(frozen=True)
class Grammar:
    lang: str
    script: re.Pattern[str]
    verb_first: bool
    unmarked_passive: bool
    possessor_before_noun: bool
    adjective_after_noun: bool
    definite_article: str
    affixes: Affixes
    words: Words
    participle: re.Pattern[str] | None
    participle_clause: re.Pattern[str] | None
    windows: Windows

    def is_participle(self, word: str) -> bool:
        return bool(self.participle and self.participle.search(word))

    def opens_participle_clause(self, word: str) -> bool:
        return bool(self.participle_clause and self.participle_clause.search(word))


def _table(path: Path, data: dict[str, Any], key: str, kind: type) -> Any:
    section = data.get(key)
    if not isinstance(section, dict):
        raise GazetteerError(f"{path}: missing table [{key}]")
    names = set(kind.__dataclass_fields__)
    if missing := sorted(names - set(section)):
        raise GazetteerError(f"{path}: [{key}] lacks {', '.join(missing)}")
    values: dict[str, Any] = {}
    for name in names:
        value = section[name]
        hint = str(kind.__dataclass_fields__[name].type)
        if hint == "int":
            values[name] = int(value)
        elif hint == "str":
            values[name] = fold(value)
        elif hint.startswith("frozenset"):
            values[name] = frozenset(fold(w) for w in value)
        elif "tuple[str, str]" in hint:
            values[name] = tuple((fold(a), fold(b)) for a, b in value)
        else:
            values[name] = tuple(fold(w) for w in value)
    return kind(**values)


def _pattern(text: str) -> re.Pattern[str] | None:
    return re.compile(fold(text)) if text else None


def grammar_path(lang: str) -> Path:
    return LANG_DIR / (lang if lang in LANGUAGES else "en") / "grammar.toml"


def grammar_data(path: Path) -> dict[str, Any]:
    """The raw tables of a grammar.toml."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise GazetteerError(f"{path}: {error}") from None


@cache
def load_grammar(lang: str) -> Grammar:
    """The grammar of `lang`; a language without a folder reads as English, the wire services' default."""
    path = grammar_path(lang)
    data = grammar_data(path)
    flags = ("script", "verb_first", "unmarked_passive", "possessor_before_noun", "adjective_after_noun",
             "definite_article")
    if missing := [key for key in flags if key not in data]:
        raise GazetteerError(f"{path}: lacks {', '.join(missing)}")
    patterns = data.get("patterns", {})
    return Grammar(
        lang=path.parent.name,
        script=re.compile(data["script"]),
        verb_first=bool(data["verb_first"]),
        unmarked_passive=bool(data["unmarked_passive"]),
        possessor_before_noun=bool(data["possessor_before_noun"]),
        adjective_after_noun=bool(data["adjective_after_noun"]),
        definite_article=fold(data["definite_article"]),
        affixes=_table(path, data, "affixes", Affixes),
        words=_table(path, data, "words", Words),
        participle=_pattern(patterns.get("participle", "")),
        participle_clause=_pattern(patterns.get("participle_clause", "")),
        windows=_table(path, data, "windows", Windows),
    )


@cache
def all_affixes() -> tuple[Affixes, ...]:
    """Every language's affixes, for word-shape helpers called without a language."""
    return tuple(load_grammar(lang).affixes for lang in LANGUAGES)


@cache
def every_affix(kind: str) -> tuple[str, ...]:
    """The affixes of one kind (an Affixes field) of every language, for helpers called without a language."""
    return tuple(affix for affixes in all_affixes() for affix in getattr(affixes, kind))


def grammar_of(phrase: str) -> Grammar:
    """The grammar of the language whose script the phrase is written in (the first such language)."""
    for lang in LANGUAGES:
        grammar = load_grammar(lang)
        if grammar.script.search(phrase):
            return grammar
    return load_grammar("en")


def affixes_of(phrase: str) -> Affixes:
    return grammar_of(phrase).affixes
