"""The records of a gazetteer: actors, their dated positions and codes, and the dates they are asked on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ontology.errors import GazetteerError

POSITION_PREDICATES = ("LEADS", "MEMBER_OF")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
            check_query_date(on)
        return any(p.predicate == predicate and p.of == of and p.active_on(on) for p in self.positions)


Phrases = Mapping[str, Mapping[str, tuple[str, ...]]]  # lang -> reference kind -> phrases
AgentForms = tuple[tuple[str, str, str], ...]  # (lang, form, CAMEO agent code), from agent dictionaries


def check_query_date(on: str) -> None:
    if not valid_date(on):
        raise GazetteerError(f"date {on!r} is not a calendar date: write it as YYYY-MM-DD")


def valid_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
