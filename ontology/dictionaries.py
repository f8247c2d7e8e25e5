"""CAMEO/PETRARCH actor and agent dictionaries, read as gazetteer data.

The event-data dictionaries (the Phoenix and CAMEO actor files, the agents files, and their Arabic
counterparts) are recognised by their content, whatever the file is called.

Actor dictionaries: one entry per actor, codes on the name line or on lines of their own::

    SOME_GROUP_NAME  [SYRREB]     # a name, words joined by '_' or ' ', and its code
    +ANOTHER_NAME                 # a synonym of the entry above
        [SYRGOV 19950601-19990815]  # a code in force between two dates, both included
        [SYRGOV <950601]            # ... up to a date;  [SYRGOV >990816]: from a date on
        [SYRELI]                    # the code when no dated one applies

Dates are YYYYMMDD or YYMMDD (YY up to 30 is 20YY, as KEDS and TABARI read it).

Agent dictionaries: common nouns that add a role to an actor ("the army" of a state)::

    !PERSON! = MAN, MEN, WOMAN        # a substitution set, used as CONGRESS!PERSON!
    POLICE {} [~COP]                  # {}: no plural; {X}: the plural; none: the regular English one
    HUMAN_RIGHTS_GROUP [NGO~]         # '~' after the code: it goes before the actor's code

Comments: '#', '//' and ';' to the end of the line, and <!-- ... --> (also over several lines).

What the gazetteer cannot hold is skipped, as the comments below say where: PETRARCH's null code [---],
a restriction with no code, a '~' agent code on a named actor, an entry with no code at all, and the
difference between '_' (words side by side) and ' ' (words may come between) in agent phrases.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pycountry

from ontology.errors import GazetteerError
from ontology.gazetteer import DatedCode, GazetteerActor

AgentForm = tuple[str, str, str]  # (lang, form, CAMEO agent code)
Fail = Callable[[str], GazetteerError]  # the error for one line of one file


@dataclass(frozen=True)
class DictionaryContents:
    """What one dictionary file holds: actors (an actor dictionary) or agent forms (an agent dictionary)."""

    kind: str  # "actors" or "agents"
    actors: tuple[GazetteerActor, ...] = ()
    agent_forms: tuple[AgentForm, ...] = ()


def read_dictionary(path: Path) -> DictionaryContents:
    """Read a CAMEO/PETRARCH actor or agent dictionary; GazetteerError (file:line) on a malformed line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    lines = _content_lines(text)
    kind = _kind(lines)
    if kind is None:
        raise GazetteerError(
            f"{path}: neither a gazetteer JSON file nor a CAMEO/PETRARCH dictionary "
            "(actor lines 'NAME [CODE]', or agent lines 'NOUN [~CODE]')"
        )
    if kind == "agents":
        return DictionaryContents("agents", agent_forms=_read_agents(path, lines))
    return DictionaryContents("actors", actors=_read_actors(path, lines))


# ---- lines and comments

_LINE_COMMENT = re.compile(r"#|//|;")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of every line that holds more than comments and blanks."""
    out: list[tuple[int, str]] = []
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3:], False
        while (start := line.find("<!--")) >= 0:
            end = line.find("-->", start + 4)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + " " + line[end + 3:]
        line = _LINE_COMMENT.split(line, maxsplit=1)[0].strip()
        if line:
            out.append((number, line))
    return out


_SUBSTITUTION = re.compile(r"!([^!\s=]+)!\s*=(.*)")
_MARKER = re.compile(r"!([^!\s=]+)!")
_CODE_LIKE = re.compile(r"\??[A-Z]{3}[A-Z?]*")


def _kind(lines: list[tuple[int, str]]) -> str | None:
    """'agents' when most codes carry a '~' (or sets are defined), 'actors' when most do not; None: neither."""
    agent = actor = 0
    for _, line in lines:
        if _SUBSTITUTION.match(line):
            agent += 1
            continue
        actor += line.startswith("+")
        for inner in re.findall(r"\[([^\[\]]*)(?:\]|$)", line):  # unclosed ones too: reported later
            first = (inner.split() or [""])[0]
            if "~" in first:
                agent += 1
            elif _CODE_LIKE.fullmatch(first):
                actor += 1
    if not agent and not actor:
        return None
    return "agents" if agent > actor else "actors"


def _brackets(path: Path, number: int, line: str) -> tuple[str, list[str]]:
    """The text before the first '[' and the contents of each [...] on the line."""
    fail = _failer(path, number)
    head_end = line.find("[")
    stray = line.find("]")
    if stray >= 0 and (head_end < 0 or stray < head_end):
        raise fail(f"']' with no '[' before it in {line!r}")
    if head_end < 0:
        return line, []
    inners: list[str] = []
    pos = head_end
    while pos < len(line):
        if line[pos].isspace():
            pos += 1
            continue
        if line[pos] != "[":
            raise fail(f"text after the code in {line!r}: one entry a line, codes in [...] last")
        close = line.find("]", pos)
        nested = line.find("[", pos + 1)
        if close < 0 or 0 <= nested < close:
            raise fail(f"unclosed '[' in {line!r}")
        inners.append(line[pos + 1:close])
        pos = close + 1
    return line[:head_end], inners


def _failer(path: Path, number: int) -> Fail:
    def fail(reason: str) -> GazetteerError:
        return GazetteerError(f"{path}:{number}: {reason}")

    return fail


# ---- actor dictionaries


@dataclass
class _Entry:
    names: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    dated: list[DatedCode] = field(default_factory=list)


def _read_actors(path: Path, lines: list[tuple[int, str]]) -> tuple[GazetteerActor, ...]:
    entries: list[_Entry] = []
    for number, line in lines:
        fail = _failer(path, number)
        synonym = line.startswith("+")
        head, inners = _brackets(path, number, line[1:] if synonym else line)
        name = _name(head)
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


def _name(head: str) -> str:
    """A dictionary phrase as words: underscores and runs of blanks become one space."""
    return " ".join(head.replace("_", " ").split())


def _is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def _entry_id(entry: _Entry) -> str:
    english = [n for n in entry.names if not _is_arabic(n)]
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
    english = _unique(_news_case(n) for n in entry.names if not _is_arabic(n))
    arabic = _unique(n for n in entry.names if _is_arabic(n))
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


# ---- agent dictionaries

_AGENT_CODE = re.compile(r"~?([A-Z]{3}(?:[A-Z]{3})*)~?")


def _read_agents(path: Path, lines: list[tuple[int, str]]) -> tuple[AgentForm, ...]:
    sets: dict[str, list[str]] = {}
    for number, line in lines:
        if match := _SUBSTITUTION.match(line):
            raw = match.group(2)
            items = [i.strip() for i in raw.split(",")] if "," in raw else raw.split()
            if not any(items):
                raise _failer(path, number)(f"substitution set !{match.group(1)}! lists no words")
            sets[match.group(1)] = [i for i in items if i]
    forms: dict[AgentForm, None] = {}
    for number, line in lines:
        if _SUBSTITUTION.match(line):
            continue
        for form in _agent_line(path, number, line, sets):
            forms.setdefault(form)
    return tuple(forms)


def _agent_line(path: Path, number: int, line: str, sets: dict[str, list[str]]) -> list[AgentForm]:
    fail = _failer(path, number)
    head, inners = _brackets(path, number, line)
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
    if not nouns or not all(_name(n) for n in nouns):
        raise fail(f"no noun before the code in {line!r}")
    arabic = _is_arabic(noun)
    phrases = list(nouns)
    if plural is not None:
        phrases += _expand(fail, plural, sets) if plural.strip() else []
    elif not arabic and not _MARKER.search(noun):
        # PETRARCH forms the regular English plural itself; substituted words and Arabic nouns get none
        # (the Arabic files list plurals as entries of their own).
        phrases.append(_plural(_name(noun)))
    # A set's words decide the language of a noun made only of a marker ('!FORCE! [~MIL]').
    return [("ar", _agent_form(p, True), code) if _is_arabic(p) else ("en", _agent_form(p, False), code)
            for p in phrases]


def _expand(fail: Fail, phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """The phrase with each !SET! replaced by every word of its set, in order."""
    match = _MARKER.search(phrase)
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
    words = _name(phrase)
    return words if arabic else words.lower()
