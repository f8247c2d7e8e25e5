"""Export a store's contents as RDF (Turtle, N-Triples, JSON-LD, TriG) in the conflict-kg ontology.

Actors, documents and events become resources under DATA_NAMESPACE; each event keeps its
provenance (prov:wasDerivedFrom its document) and, when asserted, also gives the direct
actor-to-actor triple, e.g. ``<actor/tur> ckg:supports <actor/gna>``.

>>> from graph.model import GraphSnapshot
>>> snap = GraphSnapshot(actors=[{"id": "tur", "type": "State", "name": "Turkey", "wikidata": "Q43"}])
>>> g = snapshot_to_graph(snap)
>>> (actor_iri("tur"), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q43")) in g
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV

from graph.model import GraphSnapshot
from graph.rdf_writers import (  # noqa: F401  (Statement and nt_term are read from here by other modules)
    PREFIXES,
    SCHEMA,
    WIKIDATA,
    Statement,
    bind_prefixes,
    nt_term,
    write_atomically,
    write_jsonld,
    write_nt,
    write_trig,
    write_turtle,
)
from ontology.errors import ExportError
from ontology.vocabulary import ACTOR_TYPES, CKG, DATA_NAMESPACE, MODALITY_INFO, PREDICATES, SHAPES_PATH

# name -> (rdflib serializer, file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "json-ld": ("json-ld", ".jsonld"),
    "trig": ("trig", ".trig"),
}
# Formats that carry named graphs are written from the Dataset, the others from one Graph.
_QUAD_FORMATS = frozenset({"trig"})

# WGS84 latitude and longitude, as linked-data tools read places.
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
EXTRACTION_ACTIVITY = URIRef(DATA_NAMESPACE + "activity/extraction")


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WIKIDATA_ID = re.compile(r"^(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9]\d*)$")


def _data_iri(kind: str, ident: str) -> URIRef:
    # Ids may hold Arabic letters, spaces or slashes: each becomes one safe path segment.
    return URIRef(f"{DATA_NAMESPACE}{kind}/{quote(str(ident), safe='-._~')}")


def actor_iri(actor_id: str) -> URIRef:
    return _data_iri("actor", actor_id)


def event_iri(event_id: str) -> URIRef:
    return _data_iri("event", event_id)


def document_iri(document_id: str) -> URIRef:
    return _data_iri("document", document_id)


def document_graph_iri(document_id: str) -> URIRef:
    """The name of the TriG graph that holds a document's events."""
    return _data_iri("graph", document_id)


def _lang_of(text: str) -> str:
    return "ar" if _ARABIC_SCRIPT.search(text) else "en"


def _present(value: Any) -> bool:
    return value is not None and value != ""


def _date(value: Any, what: str) -> Literal:
    """An xsd:date from 'YYYY-MM-DD' (a datetime's time part is dropped)."""
    text = str(value)
    if not _ISO_DATE.match(text):
        raise ExportError(f"{what}: date {text!r} is not YYYY-MM-DD; fix the record before exporting")
    return Literal(text[:10], datatype=XSD.date)


def _wikidata_iri(value: str, actor_id: str) -> URIRef:
    match = _WIKIDATA_ID.match(value.strip())
    if not match:
        raise ExportError(
            f"actor {actor_id!r}: wikidata {value!r} is not a Wikidata id such as 'Q30'; "
            "correct it in the gazetteer"
        )
    return WIKIDATA[match.group(1)]


def _url_iri(url: str) -> URIRef:
    # Keep every reserved character and existing escapes; escape the rest (spaces, quotes, ...).
    return URIRef(quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~"))


def _add_actor(g: Graph, actor: Mapping[str, Any]) -> None:
    actor_id = actor["id"]
    type_name = actor.get("type")
    if type_name not in ACTOR_TYPES:
        raise ExportError(
            f"actor {actor_id!r}: type {type_name!r} is not one of {', '.join(ACTOR_TYPES)}; "
            "correct it in the gazetteer"
        )
    node = actor_iri(actor_id)
    g.add((node, RDF.type, CKG.Actor))
    g.add((node, RDF.type, URIRef(ACTOR_TYPES[type_name].iri)))
    g.add((node, CKG.actorId, Literal(str(actor_id))))
    labels: set[str] = set()
    for name in (actor.get("name"), actor.get("name_ar")):
        if _present(name) and name not in labels:
            labels.add(name)
            g.add((node, RDFS.label, Literal(name, lang=_lang_of(name))))
    for alias in actor.get("aliases") or ():
        if _present(alias) and alias not in labels:
            g.add((node, SKOS.altLabel, Literal(alias, lang=_lang_of(alias))))
    if _present(actor.get("wikidata")):
        g.add((node, OWL.sameAs, _wikidata_iri(str(actor["wikidata"]), actor_id)))
    if _present(actor.get("cameo")):
        g.add((node, CKG.cameoCode, Literal(str(actor["cameo"]))))


def _add_document(g: Graph, doc: Mapping[str, Any]) -> None:
    doc_id = doc["id"]
    node = document_iri(doc_id)
    lang = doc.get("lang")
    g.add((node, RDF.type, CKG.Document))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, CKG.documentId, Literal(str(doc_id))))
    if _present(lang):
        g.add((node, DCTERMS.language, Literal(lang, datatype=XSD.language)))
    if _present(doc.get("title")):
        g.add((node, DCTERMS.title, Literal(doc["title"], lang=lang or None)))
    if _present(doc.get("published")):
        g.add((node, DCTERMS.issued, _date(doc["published"], f"document {doc_id!r}")))
    if _present(doc.get("sha256")):
        g.add((node, CKG.sha256, Literal(str(doc["sha256"]))))
    if _present(doc.get("url")):
        g.add((node, SCHEMA.url, _url_iri(str(doc["url"]))))


def _add_activity(g: Graph) -> None:
    g.add((EXTRACTION_ACTIVITY, RDF.type, PROV.Activity))
    g.add((EXTRACTION_ACTIVITY, RDFS.label, Literal("conflict-kg relation extraction", lang="en")))


def _add_event(g: Graph, event: Mapping[str, Any], lang: str | None) -> None:
    event_id = event["id"]
    what = f"event {event_id!r}"
    predicate = event.get("predicate")
    if predicate not in PREDICATES:
        raise ExportError(f"{what}: predicate {predicate!r} is not one of {', '.join(PREDICATES)}")
    modality = event.get("modality")
    if modality not in MODALITY_INFO:
        raise ExportError(f"{what}: modality {modality!r} is not one of {', '.join(MODALITY_INFO)}")
    node = event_iri(event_id)
    g.add((node, RDF.type, CKG.Event))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, CKG.eventId, Literal(str(event_id))))
    g.add((node, CKG.predicate, Literal(predicate)))
    g.add((node, CKG.modality, URIRef(MODALITY_INFO[modality].iri)))
    if _present(event.get("source")):
        g.add((node, CKG.source, actor_iri(event["source"])))
    if _present(event.get("target")):
        g.add((node, CKG.target, actor_iri(event["target"])))
    if _present(event.get("date")):
        g.add((node, CKG.date, _date(event["date"], what)))
    if _present(event.get("cameo")):
        g.add((node, CKG.cameoCode, Literal(str(event["cameo"]))))
    if _present(event.get("plover")):
        g.add((node, CKG.ploverCode, Literal(str(event["plover"]))))
    if _present(event.get("confidence")):
        # Through str() so 0.85 stays 0.85, not the float's binary expansion.
        g.add((node, CKG.confidence, Literal(Decimal(str(event["confidence"])), datatype=XSD.decimal)))
    if _present(event.get("sentence")):
        g.add((node, CKG.sentence, Literal(event["sentence"], lang=lang or None)))
    for key, prop in (("start", CKG.start), ("end", CKG.end)):
        if _present(event.get(key)):
            g.add((node, prop, Literal(int(event[key]), datatype=XSD.integer)))
    if _present(event.get("origin")):
        g.add((node, CKG.origin, Literal(str(event["origin"]))))
    if _present(event.get("fatalities")):
        g.add((node, CKG.fatalities, Literal(int(event["fatalities"]), datatype=XSD.integer)))
    if _present(event.get("location")):
        g.add((node, CKG.location, Literal(str(event["location"]))))
    for key, prop in (("latitude", GEO.lat), ("longitude", GEO.long)):
        if _present(event.get(key)):
            g.add((node, prop, Literal(Decimal(str(event[key])), datatype=XSD.decimal)))
    if _present(event.get("document")):
        g.add((node, PROV.wasDerivedFrom, document_iri(event["document"])))
    g.add((node, PROV.wasGeneratedBy, EXTRACTION_ACTIVITY))
    # Only an asserted event states the fact itself. A negated one says it did NOT happen, and
    # intent or conditional ones that it may: those live on the event node alone, never as
    # the direct triple, so a query over direct triples sees facts only.
    if modality == "asserted" and _present(event.get("source")) and _present(event.get("target")):
        g.add((actor_iri(event["source"]), URIRef(PREDICATES[predicate].iri), actor_iri(event["target"])))


def _document_langs(documents: Iterable[Mapping[str, Any]]) -> dict[str, str | None]:
    return {doc["id"]: doc.get("lang") or None for doc in documents}


def _add_actors_and_documents(g: Graph, snap: GraphSnapshot) -> dict[str, str | None]:
    """Actors, documents and the extraction activity; returns each document's language."""
    for actor in snap.actors:
        _add_actor(g, actor)
    for doc in snap.documents:
        _add_document(g, doc)
    _add_activity(g)
    return _document_langs(snap.documents)


def snapshot_to_graph(snap: GraphSnapshot) -> Graph:
    """Everything in one graph: what Turtle, N-Triples and JSON-LD are written from."""
    g = Graph()
    bind_prefixes(g)
    langs = _add_actors_and_documents(g, snap)
    for event in snap.events:
        _add_event(g, event, langs.get(event.get("document")))
    return g


def snapshot_to_dataset(snap: GraphSnapshot) -> Dataset:
    """Actors and documents in the default graph; each document's events in a named graph of
    their own (see document_graph_iri), so a document's claims can be kept, trusted or dropped
    together."""
    ds = Dataset()
    bind_prefixes(ds)
    ds.bind("graph", DATA_NAMESPACE + "graph/", override=True)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    langs = _add_actors_and_documents(default, snap)
    for event in snap.events:
        doc_id = event.get("document") or ""
        named = ds.graph(document_graph_iri(doc_id))
        if doc_id:
            default.add((named.identifier, PROV.wasDerivedFrom, document_iri(doc_id)))
        _add_event(named, event, langs.get(doc_id))
    return ds


def triple_count(graph: Graph | Dataset) -> int:
    """Triples in a graph, or in all graphs of a dataset (the default graph included)."""
    if isinstance(graph, Dataset):
        return sum(len(g) for g in graph.graphs())
    return len(graph)


# Statements are serialised this many at a time by rdflib (Turtle, TriG, JSON-LD).
CHUNK_STATEMENTS = 20000



class _Sink:
    """Takes what the _add_* functions add, as a Graph would, into a list of statements."""

    def __init__(self) -> None:
        self.statements: list[Statement] = []
        self.graph_name: URIRef | None = None

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        self.statements.append((*triple, self.graph_name))

    def take(self) -> list[Statement]:
        taken, self.statements = self.statements, []
        return taken


def statements(actors: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]],
               events: Iterable[Mapping[str, Any]], named_graphs: bool = False,
               chunk: int = CHUNK_STATEMENTS) -> Iterator[list[Statement]]:
    """The export's statements in chunks, each statement once, from rows read as they come: memory
    holds one chunk, the documents' languages and the direct actor-to-actor triples already given.
    With named_graphs, each document's events go to its own graph (see document_graph_iri)."""
    sink = _Sink()
    for actor in actors:
        _add_actor(sink, actor)
        if len(sink.statements) >= chunk:
            yield sink.take()
    langs: dict[str, str | None] = {}
    for doc in documents:
        _add_document(sink, doc)
        langs[doc["id"]] = doc.get("lang") or None
        if len(sink.statements) >= chunk:
            yield sink.take()
    _add_activity(sink)
    direct: set[tuple[Any, Any, Any]] = set()
    linked: set[str] = set()
    for event in events:
        doc_id = event.get("document") or ""
        if named_graphs:
            sink.graph_name = None
            if doc_id and doc_id not in linked:
                linked.add(doc_id)
                sink.add((document_graph_iri(doc_id), PROV.wasDerivedFrom, document_iri(doc_id)))
            sink.graph_name = document_graph_iri(doc_id)
        before = len(sink.statements)
        _add_event(sink, event, langs.get(doc_id))
        # An asserted event's last statement is its direct triple: give each one once per graph.
        last = sink.statements[-1] if len(sink.statements) > before else None
        if last is not None and last[1] in _DIRECT_PREDICATES:
            key = (last[0], last[1], last[2], last[3])
            if key in direct:
                sink.statements.pop()
            else:
                direct.add(key)
        if len(sink.statements) >= chunk:
            yield sink.take()
    sink.graph_name = None
    yield sink.take()


_DIRECT_PREDICATES = frozenset(URIRef(info.iri) for info in PREDICATES.values())


def export(snap: GraphSnapshot, fmt: str, out: Path) -> int:
    """Write a snapshot to `out` in format `fmt` (a FORMATS key); returns the number of triples."""
    return export_rows(snap.actors, snap.documents, snap.events, fmt, out)


def export_rows(actors: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]],
                events: Iterable[Mapping[str, Any]], fmt: str, out: Path) -> int:
    """Write rows as they come (a store's pages) to `out` in format `fmt`; returns the triple count.

    N-Triples are written line by line here; Turtle, TriG and JSON-LD a chunk at a time by rdflib,
    their prefixes (or context) once at the top. The file is written beside `out` and moved into
    place, so readers never see half a file."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown RDF format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    chunks = statements(actors, documents, events, named_graphs=fmt in _QUAD_FORMATS, chunk=CHUNK_STATEMENTS)
    write = {"nt": write_nt, "turtle": write_turtle, "trig": write_trig, "json-ld": write_jsonld}[fmt]
    return write_atomically(Path(out), lambda handle: write(chunks, handle))


def validate(graph: Graph) -> tuple[bool, str]:
    """Check a graph against ontology/shapes.ttl; returns (conforms, pySHACL's report text)."""
    import pyshacl  # slow to import; only validation needs it

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, _report, text = pyshacl.validate(graph, shacl_graph=shapes, advanced=True)
    return bool(conforms), str(text)
