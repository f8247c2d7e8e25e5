"""The embedded database's schema, generated from the ontology (ontology/conflict.ttl) and the graph model.

Node tables are the ontology's classes that are neither actor types nor the modality enumeration
(Actor, Document, Event); an actor's type is its ``type`` property, as the embedded database gives each
node one table. Event columns take their type from the range of the ontology property of that name.
Relationship tables: SOURCE and TARGET (the ontology's ckg:source and ckg:target), REPORTED_IN
(prov:wasDerivedFrom) and one summary table per predicate. The store's own Month table and IN_MONTH
relationships index events by the month of their effective date; its Upkeep table marks summaries that
wait to be counted again.

>>> [s[31:] for s in ddl() if s.startswith("CREATE REL TABLE IF NOT EXISTS SUPPORTS(")]
['SUPPORTS(FROM Actor TO Actor, events INT64, first STRING, last STRING, origins STRING[], days STRING[])']
"""

from __future__ import annotations

from functools import cache

from rdflib import OWL, RDF, RDFS, XSD, URIRef

from graph.model import ACTOR_FIELDS, DOCUMENT_FIELDS, EVENT_FIELDS
from ontology.vocabulary import ACTOR_TYPES, NAMESPACE, PREDICATES, ontology_graph

SOURCE, TARGET, REPORTED_IN = "SOURCE", "TARGET", "REPORTED_IN"
# What a document's events are, kept on it when it is written: where they were read (text, acled, gdelt) and
# how many, so that questions by kind of source count documents, not events (the store's own columns).
DOCUMENT_TALLIES = (("origin", "STRING"), ("events", "INT64"))
# The months of events' effective dates, each event linked to its own: questions by month read a month's
# events through its relationships instead of every event of the graph (the store's own table).
MONTH, IN_MONTH = "Month", "IN_MONTH"
MONTH_LENGTH = len("YYYY-MM")
# The embedded store's own marks of upkeep: the row SUMMARIES_BEHIND is there while the summary relationships
# wait to be counted again from the events (graph/embedded_recount.py).
UPKEEP, SUMMARIES_BEHIND = "Upkeep", "summaries"
# A summary's days are the effective dates of its events, for questions about when a relation turned.
SUMMARY_COLUMNS = (("events", "INT64"), ("first", "STRING"), ("last", "STRING"), ("origins", "STRING[]"),
                   ("days", "STRING[]"))
# An event's date, else its document's publication date, kept on the event when it is written so that
# questions by date need no join with documents (the store's own column: no field of the graph model).
EFFECTIVE_DATE = "effective_date"
# The ids of an event's target and document, kept on it beside its relationships so that a question over
# many events sorts and filters them without following a relationship of each (the store's own columns).
TARGET_ID, DOCUMENT_ID = "target_id", "document_id"
# The store's own Event columns, and the relationship whose far end gives each id.
KEY_COLUMNS = {TARGET_ID: "target", DOCUMENT_ID: "document"}
# Columns added since the first schema, added to an older database when it is opened for writing, with the
# value its rows take (events stored before origins were kept were read from text).
ADDED_EVENT_COLUMNS = ("origin", "provenance", "fatalities", "location", "latitude", "longitude", EFFECTIVE_DATE,
                       TARGET_ID, DOCUMENT_ID)
_ADDED_DEFAULTS = {"origin": "'text'"}

# Model fields whose ontology property has another local name.
_ONTOLOGY_NAME = {"id": "eventId", "cameo": "cameoCode", "plover": "ploverCode"}
_XSD_TYPES = {XSD.integer: "INT64", XSD.decimal: "DOUBLE", XSD.boolean: "BOOLEAN"}
# Actor columns that are no datatype property of the ontology (names live in rdfs:label, aliases in
# skos:altLabel): lists and flags typed here.
_ACTOR_TYPES = {"aliases": "STRING[]", "known": "BOOLEAN"}
# Words of the database's Cypher that must be quoted as names.
_RESERVED = frozenset({"end"})


def quoted(name: str) -> str:
    return f"`{name}`" if name.lower() in _RESERVED else name


@cache
def node_tables() -> tuple[str, ...]:
    """Actor, Document, Event: the ontology's classes other than actor types and Modality."""
    graph = ontology_graph()
    names = []
    for cls in graph.subjects(RDF.type, OWL.Class):
        if not isinstance(cls, URIRef) or not str(cls).startswith(NAMESPACE):
            continue
        name = str(cls).removeprefix(NAMESPACE)
        if name in ACTOR_TYPES or _is_enumeration(cls):
            continue
        names.append(name)
    return tuple(sorted(names))


def _is_enumeration(cls: URIRef) -> bool:
    equivalent = ontology_graph().value(cls, OWL.equivalentClass)
    return equivalent is not None and ontology_graph().value(equivalent, OWL.oneOf) is not None


def _event_column_type(field: str) -> str:
    prop = URIRef(NAMESPACE + _ONTOLOGY_NAME.get(field, field))
    value = ontology_graph().value(prop, RDFS.range)
    return _XSD_TYPES.get(value, "STRING") if isinstance(value, URIRef) else "STRING"


def columns(table: str) -> tuple[tuple[str, str], ...]:
    """(name, database type) of a node table's columns, the id first."""
    if table == "Actor":
        return tuple((f, _ACTOR_TYPES.get(f, "STRING")) for f in ACTOR_FIELDS)
    if table == "Document":
        return (*((f, "STRING") for f in DOCUMENT_FIELDS), *DOCUMENT_TALLIES)
    if table in (MONTH, UPKEEP):
        return (("id", "STRING"),)
    if table == "Event":
        own = [f for f in EVENT_FIELDS if f not in ("source", "target", "document")]
        return (*((f, _event_column_type(f)) for f in own), (EFFECTIVE_DATE, "STRING"),
                *((name, "STRING") for name in KEY_COLUMNS))
    raise KeyError(f"no columns known for node table {table!r}; describe it in graph/schema.py")


def relationship_tables() -> tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...]:
    """(name, from table, to table, columns) of every relationship table."""
    structural = ((SOURCE, "Event", "Actor", ()), (TARGET, "Event", "Actor", ()),
                  (REPORTED_IN, "Event", "Document", ()), (IN_MONTH, "Event", MONTH, ()))
    summaries = tuple((name, "Actor", "Actor", SUMMARY_COLUMNS) for name in PREDICATES)
    return structural + summaries


@cache
def ddl() -> tuple[str, ...]:
    """The statements that create the schema; each may run again on an existing database."""
    statements = []
    for table in (*node_tables(), MONTH, UPKEEP):
        cols = columns(table)
        spec = ", ".join(f"{quoted(name)} {kind}" for name, kind in cols)
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {table}({spec}, PRIMARY KEY (id))")
    for name, source, target, cols in relationship_tables():
        spec = "".join(f", {quoted(c)} {kind}" for c, kind in cols)
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {name}(FROM {source} TO {target}{spec})")
    types = dict(columns("Event"))
    for name in ADDED_EVENT_COLUMNS:
        default = f" DEFAULT {_ADDED_DEFAULTS[name]}" if name in _ADDED_DEFAULTS else ""
        statements.append(f"ALTER TABLE Event ADD IF NOT EXISTS {quoted(name)} {types[name]}{default}")
    for name, kind in DOCUMENT_TALLIES:
        statements.append(f"ALTER TABLE Document ADD IF NOT EXISTS {name} {kind}")
    for name, source, _target, _cols in relationship_tables():
        if source == "Actor":
            statements.append(f"ALTER TABLE {name} ADD IF NOT EXISTS origins STRING[]")
            statements.append(f"ALTER TABLE {name} ADD IF NOT EXISTS days STRING[]")
    return tuple(statements)
