"""Actors of event data sets resolved to the graph's actors: CAMEO actor codes (GDELT), ACLED's actor names
(through ontology/acled_actors.json), Wikidata ids. One actor gets one id whatever source names it, and
no actor is taken for another because they share a name.

A CAMEO code resolves to the one gazetteer actor that holds it; a code several actors hold (LBYGOV: the
GNA, the GNU, the interim government ...) resolves to the agent composed from it (`libya/government`),
never to one of them; a code of a state's government no actor holds (USAGOV) to the state, as "the US
government" is in text; a lone agent code (MIL) to the unattributed agent, as in text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from loaders.agents import agent_scope, composed_actor, unattributed_actor
from ontology.agents import AgentType, agent_types
from ontology.errors import GazetteerError
from ontology.gazetteer import Gazetteer, GazetteerActor
from ontology.records import ActorRecord

ACLED_ACTORS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "acled_actors.json"
_CODE = re.compile(r"(?:[A-Z]{3})+")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
_SLUG = re.compile(r"[^a-z0-9]+")


class UnknownActor(Exception):
    """A code or name that resolves to no actor; the reader turns it into a one-line error."""


@dataclass(frozen=True)
class InterCode:
    """One of ACLED's actor kinds (inter1, inter2): the type and CAMEO agent code of an actor no table names."""

    label: str
    type: str
    agent: str


@dataclass(frozen=True)
class AcledTable:
    aliases: dict[str, str]  # ACLED actor name -> gazetteer id, composed id, Wikidata id or CAMEO code
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # name pattern -> target with {country}
    inter: dict[str, InterCode]  # ACLED inter code, as a number or its label -> the kind


@cache
def acled_table(path: Path = ACLED_ACTORS_FILE) -> AcledTable:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        aliases = {str(k): str(v) for k, v in raw["aliases"].items()}
        patterns = tuple((re.compile(p["pattern"]), str(p["actor"])) for p in raw["patterns"])
        inter: dict[str, InterCode] = {}
        for code, kind in raw["inter"].items():
            entry = InterCode(kind["label"], kind["type"], kind["agent"])
            inter[code] = inter[entry.label.lower()] = entry
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise GazetteerError(f"{path}: cannot read the ACLED actor table ({exc})") from None
    return AcledTable(aliases, patterns, inter)


def _agents_by_code() -> dict[str, AgentType]:
    found: dict[str, AgentType] = {}
    for agent in agent_types().values():
        found.setdefault(agent.code, agent)  # the codebook's first slug of a code
    return found


class ActorResolver:
    """Resolves codes and names against one gazetteer; the actors it makes beyond the gazetteer are kept
    (`made`) so that records list them."""

    def __init__(self, gazetteer: Gazetteer, table: AcledTable | None = None) -> None:
        self.gazetteer = gazetteer
        self.table = table or acled_table()
        self.scope = agent_scope(gazetteer)
        self.agents = _agents_by_code()
        self._holders: dict[str, list[str]] = {}
        self._dated: list[GazetteerActor] = []
        self._wikidata: dict[str, list[str]] = {}
        self._states: dict[str, GazetteerActor] = {}
        self._records: dict[tuple[str, str | None, str, str], ActorRecord] = {}
        for actor in gazetteer:
            if actor.codes:
                self._dated.append(actor)
            elif actor.cameo:
                self._holders.setdefault(actor.cameo, []).append(actor.id)
            if actor.type == "State" and actor.iso3:
                if actor.cameo != actor.iso3:
                    self._holders.setdefault(actor.iso3, []).append(actor.id)
                self._states[actor.iso3] = actor
                self._states.setdefault(actor.name.lower(), actor)
            if actor.wikidata:
                self._wikidata.setdefault(actor.wikidata, []).append(actor.id)

    # -- CAMEO codes -------------------------------------------------------------------------

    def code(self, code: str, on: str | None = None) -> GazetteerActor:
        """The actor a CAMEO actor code stands for on a date; UnknownActor when none does."""
        if not _CODE.fullmatch(code):
            raise UnknownActor(f"actor code {code!r} is no CAMEO actor code (groups of three capital letters)")
        holders = list(self._holders.get(code, ()))
        holders += [a.id for a in self._dated if a.cameo_on(on) == code]
        holders = list(dict.fromkeys(holders))
        if len(holders) == 1:
            return self.gazetteer.actors[holders[0]]
        nation, agent = self._states.get(code[:3]), self.agents.get(code[3:6])
        if nation is not None and agent is not None and agent.stands_for_state and not holders:
            return nation  # USAGOV, when no actor holds it: the state, as "the US government" is in text
        if nation is not None and agent is not None:
            return composed_actor(nation, agent)
        if agent is None and code in self.agents and not holders:
            return unattributed_actor(self.scope, self.agents[code])
        if holders:
            return self._code_actor(code, holders)
        raise UnknownActor(f"unknown actor code {code!r}: no gazetteer actor holds it and it composes no agent")

    def _code_actor(self, code: str, holders: list[str]) -> GazetteerActor:
        """A code several actors hold and nothing composes (IGOUNO: the UN, its Security Council, its
        missions ...): an actor standing for the code itself, typed as its holders are."""
        types = sorted({self.gazetteer.actors[h].type for h in holders})
        first = self.gazetteer.actors[holders[0]].type
        return _plain(f"cameo/{code.lower()}", types[0] if len(types) == 1 else first, f"{code} (CAMEO actor code)",
                      code)

    def record(self, actor: GazetteerActor, on: str | None) -> ActorRecord:
        """The ActorRecord of an actor a row names: a gazetteer actor's CAMEO code on the date, as text gives it.
        Rows name the same actors again and again: one record serves them all (records are not changed)."""
        cameo = self.gazetteer.cameo_of(actor.id, on) if actor.id in self.gazetteer else actor.cameo
        key = (actor.id, cameo, actor.name, actor.type)
        made = self._records.get(key)
        if made is None:
            aliases = [a for a in (actor.name_ar, *actor.aliases, *actor.aliases_ar) if a]
            made = self._records[key] = ActorRecord(
                id=actor.id, name=actor.name, type=actor.type, aliases=list(dict.fromkeys(aliases)),
                wikidata=actor.wikidata, mentions=[], name_ar=actor.name_ar, cameo=cameo, known=actor.known)
        return made

    # -- ACLED names -------------------------------------------------------------------------

    def acled(self, name: str, inter: str, country: str, on: str | None) -> GazetteerActor:
        """An ACLED actor: by the alias table, then its patterns ("Military Forces of Turkey (2016-)"),
        else an ACLED actor of its own, typed by its inter code; UnknownActor for an inter code ACLED
        does not have, or a table entry that points nowhere."""
        target = self.table.aliases.get(name)
        if target is None:
            target = self._pattern(name)
        if target is not None:
            return self._target(target, name, on)
        kind = self.table.inter.get(inter.strip().lower())
        if kind is None:
            raise UnknownActor(f"unknown inter code {inter!r} for actor {name!r}")
        nation = self._states.get(country.strip().lower())
        prefix = (nation.cameo or nation.iso3) if nation is not None else "---"
        slug = _SLUG.sub("-", name.lower()).strip("-") or "unnamed"
        return _plain(f"acled/{slug}", kind.type, name, prefix + kind.agent)

    def _pattern(self, name: str) -> str | None:
        for pattern, target in self.table.patterns:
            match = pattern.fullmatch(name)
            if match is None:
                continue
            country = self._states.get(match.group("country").strip().lower())
            if country is not None:
                return target.replace("{country}", country.id)
        return None

    def _target(self, target: str, name: str, on: str | None) -> GazetteerActor:
        if target in self.gazetteer:
            return self.gazetteer.actors[target]
        if _WIKIDATA.fullmatch(target):
            ids = self._wikidata.get(target, [])
            if len(ids) == 1:
                return self.gazetteer.actors[ids[0]]
        elif _CODE.fullmatch(target):
            return self.code(target, on)
        elif "/" in target:
            nation_id, _, slug = target.partition("/")
            agent = agent_types().get(slug)
            if nation_id in self.gazetteer and agent is not None:
                return composed_actor(self.gazetteer.actors[nation_id], agent)
        raise UnknownActor(f"ACLED actor {name!r} points to {target!r} ({ACLED_ACTORS_FILE.name}), which is no "
                           "actor of the gazetteers loaded")


def _plain(actor_id: str, actor_type: str, name: str, cameo: str) -> GazetteerActor:
    return GazetteerActor(
        id=actor_id, type=actor_type, name=name, name_ar=None, aliases=(), aliases_ar=(), nisba_en=(), nisba_ar=(),
        capital_en=None, capital_ar=None, iso3=None, cameo=cameo, wikidata=None, positions=(), member_of=(),
        start=None, end=None, known=False,
    )

