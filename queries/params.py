"""Catalog parameters as researchers type them, resolved to the values the queries bind.

One resolver serves `ckg query` and `ckg sparql`. What a parameter is follows from its name:
actor, source and target take an actor id, or an English or Arabic name or alias of an actor of the store
or of the gazetteer; predicate a predicate name in any case ('condemns', 'requests aid from'); date a
calendar date YYYY-MM-DD; led yes or no. A value that names nothing is an error listing the closest
matches, never an empty answer. Derived values come from the resolved ones and the gazetteer, which
holds what the graph does not store: who leads what, who belongs to what, and since when.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from graph.guard import masked
from graph.store import Store
from ontology.errors import QueryError
from ontology.gazetteer import Gazetteer
from ontology.vocabulary import PREDICATES

if TYPE_CHECKING:
    from queries.catalog import CatalogQuery

ACTOR_PARAMS = frozenset({"actor", "source", "target"})
ANY = "any"  # the default of an optional actor: no narrowing, bound as ""
YES, NO = ("yes", "true", "1", "y"), ("no", "false", "0", "n")
GROUP_SUFFIX = "_group"
MATCHES_SHOWN = 5

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_USED = re.compile(r"\$([A-Za-z_]\w*)")


def fold(text: str) -> str:
    """A name as compared: case, Unicode forms, Arabic diacritics, tatweel and letter variants set aside.

    >>> fold("Haftar") == fold("HAFTAR"), fold("خليفة حفتر") == fold("خليفةُ حَفتر"), fold("أنقرة") == fold("انقره")
    (True, True, True)
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ALEF)
    return " ".join(_DIACRITICS.sub("", text).split())


def used_names(text: str) -> set[str]:
    """The $names a query's text uses outside strings and comments."""
    body = "\n".join(line for line in masked(text).splitlines() if not line.lstrip().startswith(("//", "#")))
    return set(_USED.findall(body))


def closest(value: str, candidates: Mapping[str, str]) -> list[str]:
    """The labels of the candidates (folded key -> label) nearest to value, best first."""
    keys = difflib.get_close_matches(fold(value), list(candidates), n=MATCHES_SHOWN * 3, cutoff=0.6)
    return list(dict.fromkeys(candidates[k] for k in keys))[:MATCHES_SHOWN]


def predicate_name(value: str) -> str:
    """A predicate in the ontology's spelling, from any case and spaces or hyphens for underscores."""
    name = re.sub(r"[\s\-]+", "_", value.strip()).upper()
    if name in PREDICATES:
        return name
    near = difflib.get_close_matches(name, list(PREDICATES), n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(near)}" if near else ""
    raise QueryError(f"no predicate {value!r}{hint} (the ontology has: {', '.join(PREDICATES)})")


def calendar_date(value: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise QueryError(f"date {value!r} is no calendar date; write YYYY-MM-DD, e.g. 2019-12-20") from None


def yes_no(value: str, name: str) -> bool:
    if value.strip().lower() in YES:
        return True
    if value.strip().lower() in NO:
        return False
    raise QueryError(f"parameter {name} takes yes or no, not {value!r}")


class Resolver:
    """Resolves one query's parameters against a store and a gazetteer (the default one when None)."""

    def __init__(self, store: Store, gazetteer: Gazetteer | None = None) -> None:
        self.store = store
        self._gazetteer = gazetteer

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer if self._gazetteer is not None else Gazetteer.default()

    def values(self, query: CatalogQuery, given: Mapping[str, str]) -> dict[str, Any]:
        """Every parameter and derived value of the query, resolved (defaults filled in)."""
        raw = {**query.defaults, **given}
        values: dict[str, Any] = {}
        for name, value in raw.items():
            try:
                values[name] = self.value(name, value)
            except QueryError as err:
                raise QueryError(f"query {query.name!r}, -p {name}: {err}") from None
        led = values.get("led", True)
        for name in query.derived:
            values[name] = self.derived(name, values, led)
        return values

    def bind(self, query: CatalogQuery, given: Mapping[str, str]) -> dict[str, Any]:
        """The values a query's text uses, by name."""
        used = used_names(query.text)
        return {name: value for name, value in self.values(query, given).items() if name in used}

    def value(self, name: str, value: str) -> Any:
        if name in ACTOR_PARAMS:
            return "" if value == ANY else self.actor(value)
        if name == "predicate":
            return predicate_name(value)
        if name == "date":
            return calendar_date(value)
        if name == "led":
            return yes_no(value, name)
        return value

    def derived(self, name: str, values: Mapping[str, Any], led: bool) -> Any:
        if name.endswith(GROUP_SUFFIX) and name.removesuffix(GROUP_SUFFIX) in values:
            return self.group(values[name.removesuffix(GROUP_SUFFIX)], led)
        if name == "home":
            return self.gazetteer.home or ""
        if name == "roles":
            return self.roles()
        raise QueryError(f"no way to derive ${name}; the runner derives $roles, $home and $<actor>_group")

    # -- actors ------------------------------------------------------------------------------------

    def actor(self, value: str) -> str:
        """The id of the actor value names: the store's by id, name or alias, else the gazetteer's."""
        if self.store.run_query("MATCH (a:Actor {id: $id}) RETURN a.id AS id", {"id": value}):
            return value  # an id: looked up by key, without reading every actor's names
        found = self.store.actor(value)
        if found is not None:
            return str(found["id"])
        key = fold(value)
        for index in (self._store_names, self._gazetteer_names):
            if key in index:
                return index[key][0]
        labels = {k: f"{ids[1]} ({ids[0]})" for index in (self._gazetteer_names, self._store_names)
                  for k, ids in index.items()}
        near = closest(value, labels)
        hint = f"; closest: {'; '.join(near)}" if near else ""
        raise QueryError(f"no actor {value!r} in the graph or the gazetteer{hint}")

    @cached_property
    def _store_names(self) -> dict[str, tuple[str, str]]:
        return _name_index((a["id"], a.get("name"), [a.get("name_ar"), *(a.get("aliases") or [])])
                           for a in self.store.iter_actors())

    @cached_property
    def _gazetteer_names(self) -> dict[str, tuple[str, str]]:
        return _name_index((a.id, a.name, [a.name_ar, *a.aliases, *a.aliases_ar]) for a in self.gazetteer)

    def group(self, actor_id: str, led: bool) -> list[str]:
        """The actor and, with led, what it leads or holds as members, at any date, then what those lead
        or hold, and the forces composed from any of them (id 'turkey/military' for 'turkey')."""
        if not actor_id:
            return []
        members = {actor_id}
        frontier = [actor_id] if led else []
        while frontier:
            for member in self._below[frontier.pop()]:
                if member not in members:
                    members.add(member)
                    frontier.append(member)
        if led:  # forces composed from a member: their ids start with the member's and a slash
            rows = self.store.run_query('MATCH (a:Actor) WHERE a.id CONTAINS "/" RETURN a.id AS id', {})
            members |= {r["id"] for r in rows if r["id"].split("/", 1)[0] in members}
        return sorted(members)

    @cached_property
    def _below(self) -> defaultdict[str, set[str]]:
        """For each actor, those it leads, the organisations that belong to it and the persons serving it."""
        below: defaultdict[str, set[str]] = defaultdict(set)
        for actor in self.gazetteer:
            for position in actor.positions:
                if position.predicate == "LEADS":
                    below[actor.id].add(position.of)
                else:
                    below[position.of].add(actor.id)
            for owner in actor.member_of:
                below[owner].add(actor.id)
        return below

    def roles(self) -> list[dict[str, Any]]:
        """Every dated position of the gazetteer, as the role-holders query reads them."""
        rows = []
        for actor in self.gazetteer:
            for p in actor.positions:
                rows.append({"holder": actor.id, "holder_label": actor.name, "role": p.predicate,
                             "organisation": p.of, "title": p.title_en, "since": p.start, "until": p.end})
        return rows


def _name_index(actors: Iterable[tuple[str, Any, list[Any]]]) -> dict[str, tuple[str, str]]:
    """folded name -> (id, display name); ids and names win over aliases, earlier actors over later."""
    index: dict[str, tuple[str, str]] = {}
    rows = list(actors)
    for first in (True, False):
        for actor_id, name, others in rows:
            for label in (actor_id, name) if first else others:
                if isinstance(label, str) and label and fold(label) not in index:
                    index[fold(label)] = (actor_id, name or actor_id)
    return index
