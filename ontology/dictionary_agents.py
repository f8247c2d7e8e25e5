"""Agent entries of a CAMEO/PETRARCH dictionary: common nouns that add a role to an actor."""

from __future__ import annotations

import re
from pathlib import Path

from ontology.dictionary_lines import MARKER, SUBSTITUTION, Fail, brackets, entry_name, failer, is_arabic

AgentForm = tuple[str, str, str]  # (lang, form, CAMEO agent code)


# ---- agent dictionaries

_AGENT_CODE = re.compile(r"~?([A-Z]{3}(?:[A-Z]{3})*)~?")


def read_agents(path: Path, lines: list[tuple[int, str]]) -> tuple[AgentForm, ...]:
    sets: dict[str, list[str]] = {}
    for number, line in lines:
        if match := SUBSTITUTION.match(line):
            raw = match.group(2)
            items = [i.strip() for i in raw.split(",")] if "," in raw else raw.split()
            if not any(items):
                raise failer(path, number)(f"substitution set !{match.group(1)}! lists no words")
            sets[match.group(1)] = [i for i in items if i]
    forms: dict[AgentForm, None] = {}
    for number, line in lines:
        if SUBSTITUTION.match(line):
            continue
        for form in _agent_line(path, number, line, sets):
            forms.setdefault(form)
    return tuple(forms)


def _agent_line(path: Path, number: int, line: str, sets: dict[str, list[str]]) -> list[AgentForm]:
    fail = failer(path, number)
    head, inners = brackets(path, number, line)
    if len(inners) != 1:
        raise fail(f"{'no' if not inners else 'more than one'} [~CODE] in {line!r}: write NOUN [~CODE]")
    inner = inners[0].strip()
    match = _AGENT_CODE.fullmatch(inner)
    if not match or inner.count("~") != 1:
        raise fail(f"bad agent code [{inners[0]}]: write [~GOV], or [NGO~] for a code that goes first")
    code = match.group(1)
    noun, plural = head, None
    if "{" in head:
        noun, _, rest = head.partition("{")
        plural, closed, after = rest.partition("}")
        if not closed:
            raise fail(f"unclosed '{{' in {line!r}")
        if after.strip():
            raise fail(f"text after the plural in {line!r}: write NOUN {{PLURAL}} [~CODE]")
    nouns = _expand(fail, noun, sets)
    if not nouns or not all(entry_name(n) for n in nouns):
        raise fail(f"no noun before the code in {line!r}")
    arabic = is_arabic(noun)
    phrases = list(nouns)
    if plural is not None:
        phrases += _expand(fail, plural, sets) if plural.strip() else []
    elif not arabic and not MARKER.search(noun):
        # PETRARCH forms the regular English plural itself; substituted words and Arabic nouns get none
        # (the Arabic files list plurals as entries of their own).
        phrases.append(_plural(entry_name(noun)))
    # A set's words decide the language of a noun made only of a marker ('!FORCE! [~MIL]').
    return [("ar", _agent_form(p, True), code) if is_arabic(p) else ("en", _agent_form(p, False), code)
            for p in phrases]


def _expand(fail: Fail, phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """The phrase with each !SET! replaced by every word of its set, in order."""
    match = MARKER.search(phrase)
    if not match:
        return [phrase]
    name = match.group(1)
    if name not in sets:
        raise fail(f"substitution set !{name}! is used but never defined: add a line '!{name}! = WORD, WORD'")
    return [out for word in sets[name]
            for out in _expand(fail, phrase[:match.start()] + word + phrase[match.end():], sets)]


def _plural(noun: str) -> str:
    upper = noun.upper()
    if upper.endswith("Y") and upper[-2:-1] not in ("A", "E", "O", "U", ""):
        return noun[:-1] + ("IES" if noun.isupper() else "ies")
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        return noun + ("ES" if noun.isupper() else "es")
    return noun + ("S" if noun.isupper() else "s")


def _agent_form(phrase: str, arabic: bool) -> str:
    # PETRARCH's '_' (words side by side) and ' ' (words may come between) both become one space:
    # the matcher reads phrases as consecutive words.
    words = entry_name(phrase)
    return words if arabic else words.lower()
