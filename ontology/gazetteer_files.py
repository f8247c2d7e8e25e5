"""Gazetteer files: a gazetteer JSON file, a pack's phrases, or a CAMEO/PETRARCH dictionary, read and checked
(every error names the file and the actor or line to fix)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ontology.actor_model import (
    POSITION_PREDICATES,
    AgentForms,
    GazetteerActor,
    Position,
    valid_date,
)
from ontology.errors import GazetteerError
from ontology.vocabulary import ACTOR_TYPES

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
_ISO3 = re.compile(r"[A-Z]{3}")
_CAMEO = re.compile(r"[A-Z]{3}(?:[A-Z]{3})*")

_STRING_FIELDS = ("name", "name_ar", "capital_en", "capital_ar", "iso3", "cameo", "wikidata", "from", "to")
_LIST_FIELDS = ("aliases", "aliases_ar", "nisba_en", "nisba_ar", "member_of")
_ACTOR_FIELDS = frozenset(("id", "type", "positions") + _STRING_FIELDS + _LIST_FIELDS)
_POSITION_FIELDS = frozenset(("predicate", "of", "title_en", "title_ar", "from", "to"))


def read_phrases(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
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


def read_any(path: Path) -> tuple[list[GazetteerActor], list[tuple[str, str]], str | None, AgentForms]:
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
        if value is not None and not (isinstance(value, str) and valid_date(value)):
            raise fail(f"{where}bad date {field}={value!r}: write it as YYYY-MM-DD")
    if start is not None and end is not None and end < start:
        raise fail(f"{where}'to' ({end}) is before 'from' ({start})")


def check_references(actors: Mapping[str, GazetteerActor], origin: Mapping[str, Path]) -> None:
    for actor in actors.values():
        targets = [("member_of", ref) for ref in actor.member_of]
        targets += [(f"position {p.predicate}", p.of) for p in actor.positions]
        for field, ref in targets:
            if ref not in actors:
                raise GazetteerError(
                    f"{origin[actor.id]}: actor {actor.id!r}: {field} points to unknown actor {ref!r}; "
                    "add that actor or load the file that defines it"
                )
