"""Relation trigger lexicons and modality cues, read from the data files of each language."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from loaders.grammar import load_grammar
from loaders.matcher import PhraseMatcher
from loaders.normalize import fold
from ontology.errors import GazetteerError
from ontology.vocabulary import PREDICATES, default_cameo

_LANG_DIR = Path(__file__).parent / "lang"


@dataclass(frozen=True)
class Frame:
    """How one trigger phrase finds its arguments."""

    predicate: str
    cameo: str
    pos: str  # "verb" or "noun"
    voice: str  # active, passive (agent after من/by), compound (Turkish-backed X), adjectival (X loyal to Y),
    # possessed (X's backers, Y and Z)
    target_preps: tuple[str, ...] | None  # prepositions allowed before the target ("" = none); None = any
    agent_preps: tuple[str, ...]
    requires: tuple[str, ...]  # one of these must follow the trigger closely ("launched" + "offensive")
    between: str | None  # "pairs" (clashes between X and Y) or "targets" (mediated between X and Y)
    plover: str
    default_target: str | None  # "parties": with no target named, the sides of the conflict
    all_targets: bool  # every actor up to the required word ("summoned the envoys of X, Y and Z to protest")
    negated_as: str | None  # "refused to recognise X" is a rejection of X, not a denied recognition
    finite: bool = False  # forms that are finite verbs only: never written with a noun's clitic (بحث is no ب+حث)
    entry: str = ""  # the data entry it comes from, named by its first form, for `ckg explain`
    reach: int | None = None  # how many words from the trigger a required word may stand, when not the default
    # forms that are another form of the entry plus a possessive or object suffix ("هجومها", "ووقعه")
    possessed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cues:
    negation: frozenset[str]
    negation_phrases: tuple[str, ...]
    denial: frozenset[str]
    intent: frozenset[str]
    intent_phrases: tuple[str, ...]
    conditional: frozenset[str]
    conditional_phrases: tuple[str, ...]
    aid_nouns: tuple[str, ...]
    vso_openers: frozenset[str]
    prepositions: frozenset[str]
    locatives: frozenset[str]
    apposition: frozenset[str]
    determiners: frozenset[str]
    agent_preps: tuple[str, ...]
    speech_verbs: frozenset[str]
    pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    source_markers: tuple[str, ...]
    generic_subjects: tuple[str, ...]
    auxiliaries: frozenset[str]
    truce_words: tuple[str, ...]
    passive_agents: tuple[str, ...]  # "من قبل X", "على أيدي X", "by X": the doer of an unmarked passive verb
    numerals: frozenset[str]  # "قتل ثلاثة مسلحين": a number after a verb of violence makes it passive
    subject_pronouns: frozenset[str]  # "وأنه اجتمع بكل منهما": the verb's subject is the pronoun, one person
    clause_openers: frozenset[str]  # "، بينما ...", ", while ...": a new clause, with subject and object of its own
    lang: str = "en"


def _folded(items: list[str]) -> list[str]:
    return [fold(x) for x in items]


@cache
def load_cues(lang: str) -> Cues:
    data = json.loads((_LANG_DIR / lang / "cues.json").read_text(encoding="utf-8"))
    words = {k: _folded(v) for k, v in data.items()}
    return Cues(
        negation=frozenset(w for w in words["negation"] if " " not in w),
        negation_phrases=tuple(w for w in words["negation"] if " " in w),
        denial=frozenset(words["denial"]),
        intent=frozenset(w for w in words["intent"] if " " not in w),
        intent_phrases=tuple(w for w in words["intent"] if " " in w),
        conditional=frozenset(w for w in words["conditional"] if " " not in w),
        conditional_phrases=tuple(w for w in words["conditional"] if " " in w),
        aid_nouns=tuple(words["aid_nouns"]),
        vso_openers=frozenset(words["vso_openers"]),
        prepositions=frozenset(words["prepositions"]),
        locatives=frozenset(words["locatives"]),
        apposition=frozenset(words["apposition"]),
        determiners=frozenset(words["determiners"]),
        agent_preps=tuple(words["agent_prepositions"]),
        speech_verbs=frozenset(words["speech_verbs"]),
        pronouns=frozenset(words["pronouns"]),
        relative_pronouns=frozenset(words["relative_pronouns"]),
        source_markers=tuple(words["source_markers"]),
        generic_subjects=tuple(words["generic_subjects"]),
        auxiliaries=frozenset(words["auxiliaries"]),
        truce_words=tuple(words["truce_words"]),
        clause_openers=frozenset(words["clause_openers"]),
        subject_pronouns=frozenset(words["subject_pronouns"]),
        passive_agents=tuple(words["passive_agents"]),
        numerals=frozenset(words["numerals"]),
        lang=lang,
    )


def _possessed_forms(forms: list[str], suffixes: tuple[str, ...]) -> frozenset[str]:
    # Folding writes a final ta marbuta as ha, so "ضربة" ends like "هجومه"; only a form whose stem is a form
    # of the same entry carries a possessive suffix.
    folded = {fold(f) for f in forms}
    return frozenset(f for f in folded for s in suffixes if f.endswith(s) and f[: -len(s)] in folded)


def _suffixed_forms(forms: list[str], suffixes: tuple[str, ...]) -> frozenset[str]:
    # A verb's forms with an object pronoun on them ("ووقعه"): the subject then follows the verb.
    return frozenset(fold(f) + s for f in forms for s in suffixes)


@cache
def load_triggers(lang: str) -> PhraseMatcher:
    """A matcher whose payloads are Frames, built from lang/<lang>/triggers.json."""
    path = _LANG_DIR / lang / "triggers.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    cues = load_cues(lang)
    grammar = load_grammar(lang)
    prepositions = cues.prepositions | set(grammar.affixes.prepositions)
    matcher = PhraseMatcher()
    registered: set[str] = set()
    detached: list[tuple[str, Frame]] = []
    for entry in data["frames"]:
        predicate = entry["predicate"]
        if predicate not in PREDICATES:
            raise GazetteerError(f"{path}: unknown predicate {predicate!r} for {entry['forms'][:1]}")
        preps = entry.get("target_preps")
        frame = Frame(
            predicate=predicate,
            cameo=entry.get("cameo") or default_cameo(predicate),
            pos=entry.get("pos", "verb"),
            voice=entry.get("voice", "active"),
            target_preps=tuple(fold(p) if p else "" for p in preps) if preps is not None else None,
            agent_preps=tuple(_folded(entry["agent_preps"])) if "agent_preps" in entry else cues.agent_preps,
            requires=tuple(_folded(entry.get("requires", []))),
            between=entry.get("between"),
            plover=PREDICATES[predicate].plover,
            default_target=entry.get("default_target"),
            all_targets=bool(entry.get("all_targets")),
            negated_as=entry.get("negated_as"),
            finite=bool(entry.get("finite")),
            entry=f"{lang}/triggers.json, the entry of {entry['forms'][0]!r}",
            reach=entry.get("requires_reach"),
            possessed=frozenset(_folded(entry["forms"])) if entry.get("possessed")
            else _possessed_forms(entry["forms"], grammar.affixes.object_suffixes) | (
                _suffixed_forms(entry["forms"], grammar.affixes.verb_suffixes)
                if entry.get("pos", "verb") == "verb" and entry.get("object_suffixes", True) else frozenset()),
        )
        verb = frame.pos == "verb"
        # "object_suffixes": false keeps a verb bare where a suffixed form is a common noun (زاره / وزارة)
        suffixed = verb and entry.get("object_suffixes", True)
        for form in entry["forms"]:
            matcher.add(fold(form), frame, verb=verb, suffixes=grammar.affixes.verb_suffixes if suffixed else ())
            registered.add(fold(form))
            words = fold(form).split()
            if grammar.verb_first and verb and frame.voice == "active" and len(words) == 2 and words[1] in prepositions:
                # "سيطرت على": a verb-first clause puts its subject between the verb and its preposition
                # ("وسيطرت قوات الوفاق على ..."), so the verb also stands alone, its target behind that preposition
                detached.append((words[0], replace(frame, target_preps=(words[1],))))
    for verb_form, frame in detached:
        if verb_form not in registered:
            matcher.add(verb_form, frame, verb=True, suffixes=grammar.affixes.verb_suffixes)
    matcher.build()
    return matcher
