"""Actor entries of a CAMEO/PETRARCH dictionary as gazetteer actors, typed from their codes and names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pycountry

from ontology.dictionary_lines import Fail, brackets, entry_name, failer, is_arabic
from ontology.gazetteer import DatedCode, GazetteerActor

# ---- actor dictionaries


@dataclass
class _Entry:
    names: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    dated: list[DatedCode] = field(default_factory=list)


def read_actors(path: Path, lines: list[tuple[int, str]]) -> tuple[GazetteerActor, ...]:
    entries: list[_Entry] = []
    for number, line in lines:
        fail = failer(path, number)
        synonym = line.startswith("+")
        head, inners = brackets(path, number, line[1:] if synonym else line)
        name = entry_name(head)
        if synonym or not name:
            if not entries:
                what = "synonym '+'" if synonym else "code line"
                raise fail(f"{what} with no entry before it: start with a name line, e.g. 'SOME_NAME [SYR]'")
            if synonym and not name:
                raise fail("'+' with no name after it")
            entry = entries[-1]
        else:
            entry = _Entry()
            entries.append(entry)
        if name:
            entry.names.append(name)
        for inner in inners:
            code = _actor_code(fail, inner)
            if code is None:
                continue
            if code.start is None and code.end is None:
                entry.undated.append(code.code)
            else:
                entry.dated.append(code)
    merged: dict[str, _Entry] = {}
    for entry in entries:
        if not entry.undated and not entry.dated:
            continue  # a null code, as PETRARCH reads it: the dictionary does not code this actor
        actor_id = _entry_id(entry)
        if actor_id in merged:
            # The published files repeat names with further codes (the Arabic ones often): one actor.
            known = merged[actor_id]
            known.names += entry.names
            known.undated += entry.undated
            known.dated += [c for c in entry.dated if c not in known.dated]
        else:
            merged[actor_id] = entry
    return tuple(_actor(actor_id, entry) for actor_id, entry in merged.items())


_CAMEO = re.compile(r"[A-Z]{3}(?:[A-Z]{3})*")
_DIGITS = re.compile(r"\d+")


def _actor_code(fail: Fail, inner: str) -> DatedCode | None:
    """One [...] of an actor dictionary: a code and its date restriction; None for what carries no code."""
    shown = f"[{inner}]"
    parts = inner.split(None, 1)
    if not parts:
        raise fail("empty [] where a code belongs, e.g. [SYRGOV]")
    code, restriction = parts[0], (parts[1] if len(parts) > 1 else "")
    if code[0] in "<>" or code[0].isdigit():
        # Some published files give a restriction with no code ([ >20000101]): it codes nothing.
        code, restriction = "", inner
    restriction = "".join(restriction.split())  # the Arabic files write '> 19931101'
    start = end = None
    if restriction.startswith("<"):
        end = _date(fail, restriction[1:], shown)
    elif restriction.startswith(">"):
        start = _date(fail, restriction[1:], shown)
    elif "-" in restriction:
        first, _, last = restriction.partition("-")
        start, end = _date(fail, first, shown), _date(fail, last, shown)
    elif restriction:
        _date(fail, restriction, shown)
        raise fail(f"date restriction {restriction!r} in {shown}: write <DATE, >DATE or DATE-DATE")
    # A range that ends before it starts (the Arabic files end some at 18000101) is kept: never in force.
    # '?' marks a guessed code in the Arabic files: the guess is kept. PETRARCH's null code '---' and a
    # '~' agent code (agents belong in an agent dictionary, not on a named actor) code nothing here.
    code = code.replace("?", "")
    if not code or code == "---" or "~" in code:
        return None
    if not _CAMEO.fullmatch(code):
        raise fail(f"bad code {code!r} in {shown}: a CAMEO actor code is upper-case letters in threes, e.g. SYRGOV")
    return DatedCode(code, start, end)


def _date(fail: Fail, text: str, shown: str) -> str:
    """YYYYMMDD or YYMMDD as an ISO date."""
    if _DIGITS.fullmatch(text) and len(text) in (6, 8):
        if len(text) == 6:
            year = int(text[:2])
            text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
        except ValueError:
            pass
    raise fail(f"bad date {text!r} in {shown}: write YYMMDD or YYYYMMDD")


def _entry_id(entry: _Entry) -> str:
    english = [n for n in entry.names if not is_arabic(n)]
    slug = _slug(english[0]) if english else ""
    if slug:
        return slug
    # No ascii name to spell an id with: the code's first three letters and a short hash of the name.
    primary = (entry.undated or [c.code for c in entry.dated])[0]
    digest = hashlib.sha1(unicodedata.normalize("NFC", entry.names[0]).encode("utf-8")).hexdigest()[:8]
    return f"{primary[:3].lower()}-{digest}"


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name))


def _actor(actor_id: str, entry: _Entry) -> GazetteerActor:
    english = _unique(_news_case(n) for n in entry.names if not is_arabic(n))
    arabic = _unique(n for n in entry.names if is_arabic(n))
    cameo = entry.undated[0] if entry.undated else None
    actor_type = _actor_type(entry, english + arabic)
    iso3 = cameo if actor_type == "State" and cameo and _is_country(cameo) else None
    return GazetteerActor(
        id=actor_id,
        type=actor_type,
        # An entry named only in Arabic has no English name to give; its Arabic name stands in.
        name=english[0] if english else arabic[0],
        name_ar=arabic[0] if arabic else None,
        aliases=tuple(english[1:]),
        aliases_ar=tuple(arabic[1:]),
        nisba_en=(), nisba_ar=(), capital_en=None, capital_ar=None,
        iso3=iso3,
        cameo=cameo,
        wikidata=None, positions=(), member_of=(), start=None, end=None,
        codes=tuple(entry.dated),
    )


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Name particles news text writes in lower case inside a name ("Ministry of Interior", "Khalifa al-Haftar").
_PARTICLES = _word_set("of the and for in on at to by de du des del la le el al da di van von der bin ibn")
_VOWELS = frozenset("AEIOUY")


def _news_case(name: str) -> str:
    """An all-capitals dictionary name as news text writes it; a name already in mixed case stays."""
    if name != name.upper():
        return name
    words = []
    for index, word in enumerate(name.split()):
        parts = word.split("-")
        words.append("-".join(_case_part(part, index == 0 and n == 0) for n, part in enumerate(parts)))
    return " ".join(words)


def _case_part(part: str, first: bool) -> str:
    letters = [ch for ch in part if ch.isalpha()]
    if not letters:
        return part
    bare = "".join(letters)
    acronym = ("." in part or part.startswith("(")
               or (len(bare) <= 2 and bare.lower() not in _PARTICLES)
               or (len(bare) >= 2 and not set(bare) & _VOWELS))
    if acronym:
        return part
    if bare.lower() in _PARTICLES and not first:
        return part.lower()
    return part[:1].upper() + part[1:].lower()


# ---- actor types from CAMEO codes

# The role (the three letters after the country) that decides what kind of actor a code names.
_ARMED_ROLES = frozenset({"MIL", "REB", "INS", "UAF", "COP"})
_GOVERNMENT_ROLES = frozenset({"GOV", "SPY"})
_ROLES = _word_set(
    "GOV MIL REB INS UAF COP SPY JUD LEG PTY OPP ELI CVL BUS MED EDU REL HLH REF AGR LAB ENV HRI CRM DEV RAD "
    "MUS CHR JEW BUD HIN SET MOD CON"
)
# Words that name an organisation rather than a person, in English and in Arabic (without the article).
_ORGANISATION_WORDS = _word_set(
    "army armies force forces movement party ministry council government organization organisation front "
    "brigade brigades battalion battalions union league group committee commission agency authority bank "
    "court fund office police mission nations association federation assembly parliament administration "
    "department corps guard coalition alliance embassy company corporation university tribunal secretariat "
    "حركة حزب جيش قوة قوات وزارة مجلس منظمة جبهة حكومة اتحاد جماعة كتيبة هيئة سلطة شرطة محكمة بنك صندوق "
    "جامعة سفارة إدارة مؤسسة وكالة لجنة تحالف ائتلاف"
)


@cache
def _is_country(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def _triples(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def _actor_type(entry: _Entry, names: list[str]) -> str:
    codes = entry.undated + [c.code for c in entry.dated]
    if any("ELI" in _triples(code) for code in codes):
        return "Person"  # CAMEO's elites are people
    states = all(_is_country(code) for code in codes)
    if entry.dated and not states and not _organisation_name(names):
        return "Person"  # a name whose codes change with the dates of its offices
    return _type_of_code(codes[0])


def _organisation_name(names: list[str]) -> bool:
    words = {w.lower().removeprefix("al-").removeprefix("ال") for name in names for w in name.split()}
    return bool(words & _ORGANISATION_WORDS)


def _type_of_code(code: str) -> str:
    """*GOV a government, *MIL/*REB/*INS/*UAF an armed group, IGO* an international organisation, ..."""
    triples = _triples(code)
    head = triples[0]
    if head == "IGO":
        return "InternationalOrganization"
    if head == "IMG":  # international militarised groups
        return "ArmedGroup"
    role = head if head in _ROLES else (triples[1] if len(triples) > 1 else None)
    if role is None:
        return "State" if _is_country(head) else "Location"  # CAMEO's regions: WST, MEA, AFR, ...
    if role in _ARMED_ROLES:
        return "ArmedGroup"
    if role in _GOVERNMENT_ROLES:
        return "Government"
    # Parties, parliaments, courts, the opposition, and any other named body: the gazetteer's catch-all.
    return "PoliticalBody"
