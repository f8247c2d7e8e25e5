"""Event codes of event data sets mapped onto the ontology's predicates.

CAMEO event codes (GDELT's EventCode) map through the codes each predicate lists in conflict.ttl, the
most specific entry winning; ACLED's event and sub-event types map through the table in acled_events.json.

>>> predicate_for_code("0231"), predicate_for_code("045"), predicate_for_code("193"), predicate_for_code("010")
('REQUESTS_AID_FROM', 'MEDIATES', 'FIGHTS', None)
>>> predicate_for_code("190"), predicate_for_code("1951")
('FIGHTS', 'ATTACKS')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ontology.errors import GazetteerError
from ontology.vocabulary import PREDICATES

ACLED_EVENTS_FILE = Path(__file__).with_name("acled_events.json")
# CAMEO's twenty root families (01-20) and their two-, three- and four-digit codes.
_EVENT_CODE = re.compile(r"(?:0[1-9]|1\d|20)\d{0,2}")


def is_event_code(code: str) -> bool:
    """Whether `code` has the shape of a CAMEO event code (root 01-20, at most four digits)."""
    return bool(_EVENT_CODE.fullmatch(code))


def _matches(entry: str, code: str) -> tuple[int, int] | None:
    """How specifically a table entry covers a code: (kind, length), higher is more specific; None if not.
    "0231" covers itself exactly, "026-028" covers 026 to 028 and their sub-codes, "023x" the family 023*."""
    if entry.endswith("x"):
        stem = entry[:-1]
        return (0, len(stem)) if code.startswith(stem) else None
    if "-" in entry:
        low, high = entry.split("-")
        head = code[: len(low)]
        return (1, len(low)) if len(code) >= len(low) and low <= head <= high else None
    if code == entry:
        return (3, len(entry))
    return (2, len(entry)) if code.startswith(entry) else None


@cache
def predicate_for_code(code: str) -> str | None:
    """The predicate whose CAMEO codes cover an event code most specifically (an exact code over a range, a
    range over a family, a longer family over a shorter); where two predicates list the same entry, the
    one whose default code it is. None when no predicate covers it (CAMEO's statements, say)."""
    best: tuple[tuple[int, int, int], str] | None = None
    for name, info in PREDICATES.items():
        for entry in info.cameo:
            found = _matches(entry, code)
            if found is None:
                continue
            rank = (*found, 1 if info.default_cameo == code else 0)
            if best is None or rank > best[0]:
                best = (rank, name)
    return best[1] if best else None


@dataclass(frozen=True)
class AcledEvent:
    """What an ACLED event and sub-event type become: a predicate and a CAMEO code, or nothing (None)."""

    predicate: str | None
    cameo: str | None


@cache
def acled_events() -> dict[tuple[str, str], AcledEvent]:
    """(event_type, sub_event_type) -> AcledEvent, from acled_events.json; checked against the ontology."""
    raw = json.loads(ACLED_EVENTS_FILE.read_text(encoding="utf-8"))
    table: dict[tuple[str, str], AcledEvent] = {}
    for event_type, subs in raw["event_types"].items():
        for sub_type, mapped in subs.items():
            predicate, cameo = (mapped or {}).get("predicate"), (mapped or {}).get("cameo")
            where = f"{ACLED_EVENTS_FILE}: {event_type} / {sub_type}"
            if predicate is not None and predicate not in PREDICATES:
                raise GazetteerError(f"{where}: unknown predicate {predicate!r}")
            if predicate is not None and (cameo is None or predicate_for_code(cameo) != predicate):
                raise GazetteerError(f"{where}: CAMEO code {cameo!r} is not one of {predicate}'s (conflict.ttl)")
            table[(event_type, sub_type)] = AcledEvent(predicate, cameo)
    return table
