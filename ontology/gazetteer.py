"""Actor gazetteers: the actors of a conflict and of the world, read from data files.

The world's states and international bodies (``gazetteers/``) always load; a conflict pack (``packs/NAME/``: its
``gazetteer.json`` and the conflict's own reference phrases in ``phrases.json``) loads by choice; a
later file overrides an earlier one actor by actor, so researchers extend or correct them without code.

>>> gaz = Gazetteer.default()
>>> gaz.get("gna").name
'Government of National Accord'
>>> [p.id for p in gaz.holders("LEADS", "turkey", "2019-12-10")]
['erdogan']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ontology.errors import GazetteerError
from ontology.vocabulary import ACTOR_TYPES

GAZETTEER_DIR = Path(__file__).with_name("gazetteers")
PACK_DIR = Path(__file__).with_name("packs")
# Always loaded, whatever the packs: the world's states, then the international bodies every conflict meets.
WORLD_FILES = (GAZETTEER_DIR / "world.json", GAZETTEER_DIR / "international.json")
DEFAULT_PACKS = ("libya",)

POSITION_PREDICATES = ("LEADS", "MEMBER_OF")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
_ISO3 = re.compile(r"[A-Z]{3}")
_CAMEO = re.compile(r"[A-Z]{3}(?:[A-Z]{3})*")

_STRING_FIELDS = ("name", "name_ar", "capital_en", "capital_ar", "iso3", "cameo", "wikidata", "from", "to")
_LIST_FIELDS = ("aliases", "aliases_ar", "nisba_en", "nisba_ar", "member_of")
_ACTOR_FIELDS = frozenset(("id", "type", "positions") + _STRING_FIELDS + _LIST_FIELDS)
_POSITION_FIELDS = frozenset(("predicate", "of", "title_en", "title_ar", "from", "to"))


@dataclass(frozen=True)
class Position:
    """A role a person holds in another actor, active from `start` to `end` inclusive (None = open)."""

    predicate: str
    of: str
    title_en: str | None
    title_ar: str | None
    start: str | None
    end: str | None

    def active_on(self, on: str | None) -> bool:
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class DatedCode:
    """A CAMEO actor code that holds from `start` to `end` inclusive (None = open), as dictionaries date them."""

    code: str
    start: str | None = None
    end: str | None = None

    def active_on(self, on: str | None) -> bool:
        return on is None or ((self.start is None or self.start <= on) and (self.end is None or on <= self.end))


@dataclass(frozen=True)
class GazetteerActor:
    id: str
    type: str
    name: str
    name_ar: str | None
    aliases: tuple[str, ...]
    aliases_ar: tuple[str, ...]
    nisba_en: tuple[str, ...]
    nisba_ar: tuple[str, ...]
    capital_en: str | None
    capital_ar: str | None
    iso3: str | None
    cameo: str | None
    wikidata: str | None
    positions: tuple[Position, ...]
    member_of: tuple[str, ...]
    start: str | None
    end: str | None
    codes: tuple[DatedCode, ...] = ()  # date-restricted codes (CAMEO dictionaries); `cameo` when none applies
    known: bool = True  # False: composed or found by the shape of the text, in no gazetteer

    def cameo_on(self, on: str | None) -> str | None:
        """The actor's CAMEO code on the ISO date `on`: the dated code in force then, else its plain code."""
        dated = [c.code for c in self.codes if on is not None and c.active_on(on)]
        return dated[0] if dated else self.cameo

    def holds(self, predicate: str, of: str, on: str | None) -> bool:
        """Whether this actor holds a `predicate` position in `of` on the ISO date `on` (None = ever)."""
        if on is not None:
            _check_query_date(on)
        return any(p.predicate == predicate and p.of == of and p.active_on(on) for p in self.positions)


Phrases = Mapping[str, Mapping[str, tuple[str, ...]]]  # lang -> reference kind -> phrases
AgentForms = tuple[tuple[str, str, str], ...]  # (lang, form, CAMEO agent code), from agent dictionaries


class Gazetteer:
    """Actors by id, merged from one or more gazetteer files and checked as a whole.

    One picklable object: worker processes receive it whole, packs, phrases, agent forms and all."""

    def __init__(self, actors: Mapping[str, GazetteerActor], sides: Sequence[tuple[str, str]] = (),
                 home: str | None = None, phrases: Phrases | None = None, packs: Sequence[str] = (),
                 agent_forms: Sequence[tuple[str, str, str]] = ()) -> None:
        # Read-only: the default gazetteer is shared by every caller in the process.
        self.actors: Mapping[str, GazetteerActor] = MappingProxyType(dict(actors))
        self.sides: tuple[tuple[str, str], ...] = tuple(sides)
        self.home = home  # the conflict's country: what "البلاد" / "the country" means
        self.phrases: Phrases = {lang: dict(kinds) for lang, kinds in (phrases or {}).items()}
        self.packs: tuple[str, ...] = tuple(packs)
        self.agent_forms: AgentForms = tuple(agent_forms)

    def __reduce__(self) -> tuple:
        return (Gazetteer, (dict(self.actors), self.sides, self.home, self.phrases, self.packs, self.agent_forms))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Gazetteer) and self.__reduce__()[1] == other.__reduce__()[1]

    def __hash__(self) -> int:
        return hash((tuple(self.actors), self.sides, self.home, self.packs))

    @classmethod
    def for_packs(cls, packs: Sequence[str] = DEFAULT_PACKS, extra: Sequence[Path] = ()) -> Gazetteer:
        """The world's states, the named conflict packs in order, then the researcher's own files."""
        if tuple(packs) == DEFAULT_PACKS and not extra:
            return _default()
        return _for_packs(tuple(packs), tuple(Path(p) for p in extra))

    def with_actors(self, extra: Mapping[str, GazetteerActor]) -> Gazetteer:
        """This gazetteer plus actors found in one document (composed agents, unknown named actors)."""
        if not extra:
            return self
        view = Gazetteer.__new__(Gazetteer)
        view.actors = MappingProxyType({**self.actors, **extra})
        view.sides, view.home, view.phrases, view.packs = self.sides, self.home, self.phrases, self.packs
        view.agent_forms = self.agent_forms
        return view

    @classmethod
    def load(cls, paths: Sequence[Path], packs: Sequence[str] = ()) -> Gazetteer:
        """Read the files in order; an actor in a later file replaces the one with the same id.

        A pack's phrases.json beside its gazetteer.json brings the conflict's own reference phrases;
        an agent dictionary brings agent forms (the army, the police) rather than actors."""
        merged: dict[str, GazetteerActor] = {}
        origin: dict[str, Path] = {}
        sides: list[tuple[str, str]] = []
        home: str | None = None
        phrases: dict[str, dict[str, tuple[str, ...]]] = {}
        agent_forms: dict[tuple[str, str, str], None] = {}
        for path in paths:
            actors, file_sides, file_home, file_forms = _read_any(Path(path))
            agent_forms.update(dict.fromkeys(file_forms))
            home = file_home or home
            for lang, kinds in _read_phrases(Path(path).with_name("phrases.json")).items():
                for kind, found in kinds.items():
                    known = phrases.setdefault(lang, {}).get(kind, ())
                    phrases[lang][kind] = tuple(dict.fromkeys(known + found))
            for actor in actors:
                merged[actor.id] = actor
                origin[actor.id] = Path(path)
            sides += [pair for pair in file_sides if pair not in sides]
        _check_references(merged, origin)
        for pair in sides:
            unknown = [x for x in pair if x not in merged]
            if unknown:
                raise GazetteerError(f"sides {list(pair)}: unknown actor id {unknown[0]!r}; add it to a gazetteer file")
        if home is not None and home not in merged:
            raise GazetteerError(f"home {home!r}: unknown actor id; add it to a gazetteer file")
        return cls(merged, sides, home, phrases, packs, tuple(agent_forms))

    @classmethod
    def default(cls) -> Gazetteer:
        """The world's states and the default packs; read once per process."""
        return _default()

    def get(self, actor_id: str) -> GazetteerActor:
        try:
            return self.actors[actor_id]
        except KeyError:
            raise GazetteerError(
                f"unknown actor id {actor_id!r}: add it to a gazetteer file or check its spelling"
            ) from None

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[GazetteerActor]:
        return iter(self.actors.values())

    def cameo_of(self, actor_id: str, on: str | None = None) -> str:
        """A CAMEO actor code for every actor: its own (dated ones first), else composed from what it is.

        A state's is its ISO code; a person's that of the body they lead or serve on that date (a head of
        state: ISO + GOV); a body's that of what it belongs to; otherwise the home country's code (``---`` when
        there is none) joined to the agent code of its type."""
        return _cameo_of(self, actor_id, on, 0)

    def holders(self, predicate: str, of: str, on: str | None) -> list[GazetteerActor]:
        """Actors holding a `predicate` position in `of` on the date `on`, in file order."""
        return [actor for actor in self.actors.values() if actor.holds(predicate, of, on)]


# The CAMEO agent code an actor of each type takes when nothing more is known of it.
_TYPE_AGENT = {"Government": "GOV", "ArmedGroup": "REB", "PoliticalBody": "LEG", "Person": "ELI",
               "SocialGroup": "CVL", "Location": "", "State": "", "InternationalOrganization": ""}


def _cameo_of(gazetteer: Gazetteer, actor_id: str, on: str | None, depth: int) -> str:
    actor = gazetteer.actors[actor_id]
    own = actor.cameo_on(on)
    if own:
        return own
    if actor.type == "State" and actor.iso3:
        return actor.iso3
    if actor.type == "InternationalOrganization":
        return "IGO"
    if depth < 3:
        ties = [p.of for p in actor.positions if p.active_on(on)] + list(actor.member_of)
        for tie in ties:
            if tie in gazetteer.actors:
                code = _cameo_of(gazetteer, tie, on, depth + 1)
                led = gazetteer.actors[tie]
                return code + "GOV" if led.type == "State" and actor.type == "Person" else code
    home = gazetteer.actors.get(gazetteer.home) if gazetteer.home else None
    prefix = (home.cameo or home.iso3 or "---") if home is not None else "---"
    return prefix + _TYPE_AGENT.get(actor.type, "")


def available_packs() -> list[str]:
    """The conflict packs shipped in ontology/packs/."""
    return sorted(p.name for p in PACK_DIR.iterdir() if (p / "gazetteer.json").is_file())


NO_PACK = "none"  # --pack none: the world's states alone


def pack_file(name: str) -> Path:
    path = PACK_DIR / name / "gazetteer.json"
    if not path.is_file():
        raise GazetteerError(f"unknown pack {name!r}; use one of {', '.join(available_packs())}, or {NO_PACK!r}")
    return path


@cache
def _for_packs(packs: tuple[str, ...], extra: tuple[Path, ...]) -> Gazetteer:
    packs = tuple(name for name in packs if name != NO_PACK)
    return Gazetteer.load([*WORLD_FILES, *(pack_file(name) for name in packs), *extra], packs)


@cache
def _default() -> Gazetteer:
    return _for_packs(DEFAULT_PACKS, ())


def _read_phrases(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """A pack's own reference phrases: {"ar": {"parties": [...], ...}, "en": {...}}."""
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path}: cannot read phrases ({exc})") from exc
    ok = isinstance(raw, dict) and all(
        isinstance(kinds, dict)
        and all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in kinds.values())
        for kinds in raw.values())
    if not ok:
        raise GazetteerError(f'{path}: expected {{"ar": {{"parties": ["..."]}}, "en": {{...}}}}')
    return {lang: {kind: tuple(v) for kind, v in kinds.items()} for lang, kinds in raw.items()}


def _read_any(path: Path) -> tuple[list[GazetteerActor], list[tuple[str, str]], str | None, AgentForms]:
    """A gazetteer JSON file, or a CAMEO/PETRARCH actor or agent dictionary, recognised by its content."""
    if _looks_like_json(path):
        return (*_read_document(path), ())
    from ontology.dictionaries import read_dictionary  # late: that module builds on this one's records

    contents = read_dictionary(path)
    return list(contents.actors), [], None, contents.agent_forms


def _looks_like_json(path: Path) -> bool:
    """A JSON document opens with '{' or '['; a dictionary with a name, a comment or a blank line."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as stream:
            head = stream.read(4096).lstrip()
    except OSError:
        return True  # the JSON reader reports the file that cannot be read
    return bool(_JSON_START.match(head))


_JSON_START = re.compile(r'\{|\[\s*(?:[\[\]{"]|$)')  # '{', or a list: a dictionary may open with [CODE]


def _check_query_date(on: str) -> None:
    if not _valid_date(on):
        raise GazetteerError(f"date {on!r} is not a calendar date: write it as YYYY-MM-DD")


def _valid_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _read_sides(path: Path, document: dict[str, Any]) -> list[tuple[str, str]]:
    """The conflict's opposing pairs ("sides": [["gna", "lna"], ...]): who "the two sides" are by default."""
    raw = document.get("sides", [])
    if not isinstance(raw, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair) for pair in raw
    ):
        raise GazetteerError(f'{path}: "sides" must be a list of pairs of actor ids, e.g. [["gna", "lna"]]')
    return [(a, b) for a, b in raw]


def _read_file(path: Path) -> list[GazetteerActor]:
    return _read_document(path)[0]


def _read_document(path: Path) -> tuple[list[GazetteerActor], list[tuple[str, str]], str | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file ({exc.strerror})") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"{path}:{exc.lineno}: malformed JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("actors"), list):
        raise GazetteerError(f'{path}: expected an object {{"name": ..., "actors": [...]}} at the top level')
    actors: list[GazetteerActor] = []
    seen: set[str] = set()
    for index, raw in enumerate(document["actors"]):
        actor = _parse_actor(path, index, raw)
        if actor.id in seen:
            raise GazetteerError(f"{path}: actor {actor.id!r}: duplicate id in this file; merge the two entries")
        seen.add(actor.id)
        actors.append(actor)
    home = document.get("home")
    if home is not None and not isinstance(home, str):
        raise GazetteerError(f'{path}: "home" must be an actor id, e.g. "libya"')
    return actors, _read_sides(path, document), home


def _parse_actor(path: Path, index: int, raw: Any) -> GazetteerActor:
    if not isinstance(raw, dict):
        raise GazetteerError(f"{path}: actor #{index}: expected a JSON object")
    actor_id = raw.get("id")
    if not isinstance(actor_id, str) or not _ID.fullmatch(actor_id):
        raise GazetteerError(
            f"{path}: actor #{index}: bad id {actor_id!r}: use a lowercase ascii slug like 'wagner-group'"
        )

    def fail(reason: str) -> GazetteerError:
        return GazetteerError(f"{path}: actor {actor_id!r}: {reason}")

    unknown = sorted(set(raw) - _ACTOR_FIELDS)
    if unknown:
        raise fail(f"unknown field(s) {', '.join(unknown)}; known fields: {', '.join(sorted(_ACTOR_FIELDS))}")
    actor_type = raw.get("type")
    if actor_type not in ACTOR_TYPES:
        raise fail(f"unknown type {actor_type!r}; use one of {', '.join(ACTOR_TYPES)}")
    for field in _STRING_FIELDS:
        if field in raw and not (isinstance(raw[field], str) and raw[field].strip()) and raw[field] is not None:
            raise fail(f"{field} must be a non-empty string or null")
    for field in _LIST_FIELDS:
        value = raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"{field} must be a list of non-empty strings")
    if not raw.get("name"):
        raise fail("missing name: give the English canonical name")
    wikidata = raw.get("wikidata")
    if wikidata is not None and not _WIKIDATA.fullmatch(wikidata):
        raise fail(f"wikidata {wikidata!r} is not a Q-id like 'Q30'; leave it out when unsure")
    iso3 = raw.get("iso3")
    if iso3 is not None and not _ISO3.fullmatch(iso3):
        raise fail(f"iso3 {iso3!r} is not an ISO 3166-1 alpha-3 code like 'TUR'")
    cameo = raw.get("cameo")
    if cameo is not None and not _CAMEO.fullmatch(cameo):
        raise fail(f"cameo {cameo!r} is not a CAMEO actor code (upper-case groups of three letters)")
    start, end = raw.get("from"), raw.get("to")
    _check_span(fail, "", start, end)

    positions_raw = raw.get("positions", [])
    if not isinstance(positions_raw, list):
        raise fail("positions must be a list")
    if positions_raw and actor_type != "Person":
        raise fail("only persons hold positions; give organisations member_of instead")
    if raw.get("member_of") and actor_type == "Person":
        raise fail("persons belong to actors through positions with predicate MEMBER_OF, not member_of")
    positions = tuple(_parse_position(fail, n, p) for n, p in enumerate(positions_raw))

    return GazetteerActor(
        id=actor_id,
        type=actor_type,
        name=raw["name"],
        name_ar=raw.get("name_ar"),
        aliases=tuple(raw.get("aliases", ())),
        aliases_ar=tuple(raw.get("aliases_ar", ())),
        nisba_en=tuple(raw.get("nisba_en", ())),
        nisba_ar=tuple(raw.get("nisba_ar", ())),
        capital_en=raw.get("capital_en"),
        capital_ar=raw.get("capital_ar"),
        iso3=iso3,
        cameo=cameo,
        wikidata=wikidata,
        positions=positions,
        member_of=tuple(raw.get("member_of", ())),
        start=start,
        end=end,
    )


def _parse_position(fail: Any, index: int, raw: Any) -> Position:
    where = f"position #{index}"
    if not isinstance(raw, dict):
        raise fail(f"{where}: expected a JSON object")
    unknown = sorted(set(raw) - _POSITION_FIELDS)
    if unknown:
        raise fail(f"{where}: unknown field(s) {', '.join(unknown)}")
    predicate = raw.get("predicate")
    if predicate not in POSITION_PREDICATES:
        raise fail(f"{where}: predicate {predicate!r} must be one of {', '.join(POSITION_PREDICATES)}")
    of = raw.get("of")
    if not isinstance(of, str) or not _ID.fullmatch(of):
        raise fail(f"{where}: 'of' must be an actor id, got {of!r}")
    for field in ("title_en", "title_ar"):
        if raw.get(field) is not None and not isinstance(raw[field], str):
            raise fail(f"{where}: {field} must be a string or null")
    start, end = raw.get("from"), raw.get("to")
    _check_span(fail, f"{where}: ", start, end)
    return Position(predicate, of, raw.get("title_en"), raw.get("title_ar"), start, end)


def _check_span(fail: Any, where: str, start: str | None, end: str | None) -> None:
    for field, value in (("from", start), ("to", end)):
        if value is not None and not (isinstance(value, str) and _valid_date(value)):
            raise fail(f"{where}bad date {field}={value!r}: write it as YYYY-MM-DD")
    if start is not None and end is not None and end < start:
        raise fail(f"{where}'to' ({end}) is before 'from' ({start})")


def _check_references(actors: Mapping[str, GazetteerActor], origin: Mapping[str, Path]) -> None:
    for actor in actors.values():
        targets = [("member_of", ref) for ref in actor.member_of]
        targets += [(f"position {p.predicate}", p.of) for p in actor.positions]
        for field, ref in targets:
            if ref not in actors:
                raise GazetteerError(
                    f"{origin[actor.id]}: actor {actor.id!r}: {field} points to unknown actor {ref!r}; "
                    "add that actor or load the file that defines it"
                )
