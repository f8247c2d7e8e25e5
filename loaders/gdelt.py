"""A GDELT 2.0 event row as records: Actor1 acts on Actor2 as its CAMEO EventCode says.

The event code maps onto a predicate through the codes conflict.ttl gives each predicate
(ontology/event_codes.py); the actor codes resolve through the gazetteer's CAMEO codes (loaders/codes.py).
GLOBALEVENTID is the event's id, SOURCEURL its provenance (and its document's url), ActionGeo its place.
GDELT has no sentence: the evidence is a line saying what the row codes.
"""

from __future__ import annotations

import hashlib

from loaders.acled import Skipped
from loaders.codes import ActorResolver, UnknownActor
from loaders.tables import Row, parse_date, parse_number
from loaders.validate import FieldCheck
from ontology.event_codes import is_event_code, predicate_for_code
from ontology.records import DocumentRecord, Evidence, RelationRecord
from ontology.vocabulary import PREDICATES

ORIGIN = "gdelt"
# Machine-coded from news by pattern matching: less sure than a person's coding.
CONFIDENCE = 0.5


def gdelt_record(row: Row, resolver: ActorResolver) -> DocumentRecord:
    """The records of one row; InputError (file:line) for a malformed one, Skipped for one that makes no relation."""
    event_id = row.get("GLOBALEVENTID")
    if not event_id.isdigit():
        raise row.error(f"GLOBALEVENTID {event_id[:40]!r} is not a number")
    date = parse_date(row, "SQLDATE")
    code = row.get("EventCode")
    if not is_event_code(code):
        raise row.error(f"unknown CAMEO event code {code[:20]!r}")
    latitude, longitude = parse_number(row, "ActionGeo_Lat", float), parse_number(row, "ActionGeo_Long", float)
    predicate = predicate_for_code(code)
    if predicate is None:
        raise Skipped(f"CAMEO {code[:2]}")
    codes = (row.get("Actor1Code"), row.get("Actor2Code"))
    if not all(codes):
        raise Skipped("one actor")
    try:
        source, target = (resolver.code(c, date) for c in codes)
    except UnknownActor as err:
        raise row.error(str(err)) from None
    if source.id == target.id:
        raise Skipped("one actor")
    check = FieldCheck(row.path, row.line)
    url = check.url(row.get("SOURCEURL"))
    names = [row.get(f"Actor{n}Name") or c for n, c in ((1, codes[0]), (2, codes[1]))]
    sentence = f"{names[0]} {PREDICATES[predicate].label_en} {names[1]} (GDELT event {event_id}, CAMEO {code})"
    relation = RelationRecord(
        source=source.id, predicate=predicate, target=target.id, modality="asserted", date=date, cameo=code,
        plover=PREDICATES[predicate].plover, confidence=CONFIDENCE, evidence=Evidence(sentence, 0, len(sentence)),
        id=f"{ORIGIN}:{event_id}", origin=ORIGIN, provenance=row.get("SOURCEURL") or None, fatalities=None,
        location=row.get("ActionGeo_FullName") or None, latitude=latitude, longitude=longitude,
    )
    actors = {a.id: a for a in (source, target)}
    return DocumentRecord(
        id=f"{ORIGIN}:{event_id}", lang="en", published=date, title=f"GDELT {event_id}: {sentence.split(' (')[0]}",
        url=url, sha256=hashlib.sha256(row.raw.encode("utf-8")).hexdigest(), path=row.path,
        actors=[resolver.record(a, date) for a in sorted(actors.values(), key=lambda a: a.id)],
        relations=[relation], warnings=list(check.warnings),
    )
