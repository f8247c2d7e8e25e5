"""An ACLED row as records: one event, its actors resolved, its notes the evidence.

The event and sub-event type give the predicate and CAMEO code (ontology/acled_events.json); actor1 acts on
actor2, and their associated actors (assoc_actor_1, assoc_actor_2, "; "-separated) take part on their side:
each pair is an event, the first keeping ACLED's event_id_cnty as its id, the others that id and their
number (LBY1234#2). ACLED's source is each event's provenance, its location and coordinates the events' own;
its fatalities are the first event's, so that they count once.
"""

from __future__ import annotations

import hashlib

from loaders.codes import ActorResolver, UnknownActor
from loaders.tables import Row, parse_date, parse_number
from ontology.event_codes import acled_events
from ontology.records import DocumentRecord, Evidence, RelationRecord
from ontology.vocabulary import PREDICATES

ORIGIN = "acled"
# ACLED's events are coded by people from their sources.
CONFIDENCE = 1.0
_SIDES = (("actor1", "assoc_actor_1", "inter1"), ("actor2", "assoc_actor_2", "inter2"))


class Skipped(Exception):
    """A well-formed row that makes no relation: a type the graph has no predicate for, or one actor alone."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(";") if name.strip()]


def acled_record(row: Row, resolver: ActorResolver) -> DocumentRecord:
    """The records of one row; InputError (file:line) for a malformed one, Skipped for one that makes no relation."""
    event_id = row.get("event_id_cnty")
    if not event_id:
        raise row.error("no event_id_cnty")
    date = parse_date(row, "event_date")
    event_type, sub_type = row.get("event_type"), row.get("sub_event_type")
    mapped = acled_events().get((event_type, sub_type))
    if mapped is None:
        raise row.error(f"unknown event type {event_type!r} / sub-event type {sub_type!r} (ontology/acled_events.json)")
    fatalities = parse_number(row, "fatalities", int)
    latitude, longitude = parse_number(row, "latitude", float), parse_number(row, "longitude", float)
    if not row.get("actor1"):
        raise row.error("no actor1")
    if mapped.predicate is None:
        raise Skipped(f"{event_type}: {sub_type}")
    if not row.get("actor2"):
        raise Skipped("one actor")
    country = row.get("country")
    try:
        # an associated actor has no inter code of its own: it takes its side's
        sides = [[resolver.acled(name, row.get(inter), country, date)
                  for name in _names(f"{row.get(main)};{row.get(assoc)}")]
                 for main, assoc, inter in _SIDES]
    except UnknownActor as err:
        raise row.error(str(err)) from None
    pairs = list(dict.fromkeys((a.id, b.id) for a in sides[0] for b in sides[1] if a.id != b.id))
    if not pairs:
        raise Skipped("one actor")  # both sides resolve to one actor: it does not act on itself
    notes = row.get("notes") or f"{event_type}: {sub_type}"
    place = ", ".join(dict.fromkeys(p for p in (row.get("location"), row.get("admin1"), country) if p)) or None
    plover = PREDICATES[mapped.predicate].plover
    relations = [
        RelationRecord(
            source=source, predicate=mapped.predicate, target=target, modality="asserted", date=date,
            cameo=mapped.cameo or "", plover=plover, confidence=CONFIDENCE, evidence=Evidence(notes, 0, len(notes)),
            id=f"{ORIGIN}:{event_id}" if n == 1 else f"{ORIGIN}:{event_id}#{n}", origin=ORIGIN,
            provenance=row.get("source") or None, fatalities=fatalities if n == 1 else None, location=place,
            latitude=latitude, longitude=longitude,
        )
        for n, (source, target) in enumerate(pairs, start=1)
    ]
    actors = {a.id: a for side in sides for a in side}
    return DocumentRecord(
        id=f"{ORIGIN}:{event_id}", lang="en", published=date, title=f"ACLED {event_id}: {sub_type}, {place or country}",
        url=None, sha256=hashlib.sha256(row.raw.encode("utf-8")).hexdigest(), path=row.path,
        actors=[resolver.record(a, date) for a in sorted(actors.values(), key=lambda a: a.id)],
        relations=relations,
    )

