"""One graph from three sources: a news article, an ACLED row and a GDELT row about the same actors meet in
one node per actor and one summary per actor pair and predicate, on both stores; each event keeps its own
provenance, and actors that only share a name stay apart."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal, Namespace

from ckg.api import ConflictKG
from graph.embedded import EmbeddedStore
from graph.model import event_id
from graph.neo4j_store import Neo4jStore
from graph.rdf import event_iri, validate
from graph.store import Store
from loaders.codes import ActorResolver, acled_table
from loaders.pipeline import extract_paths
from loaders.tables import ACLED_COLUMNS, GDELT_COLUMNS
from ontology.gazetteer import Gazetteer
from ontology.vocabulary import CKG

PAIR = ("MATCH (a:Actor {id: 'turkey/military'})-[r:ATTACKS]->(b:Actor {id: 'wagner-group'}) "
        "RETURN r.events AS events, r.first AS first, r.last AS last, r.origins AS origins")
EVENTS = ("MATCH (a:Actor {id: 'turkey/military'})<-[:SOURCE]-(e:Event)-[:TARGET]->(:Actor {id: 'wagner-group'}) "
          "MATCH (e)-[:REPORTED_IN]->(d:Document) "
          "RETURN e.id AS id, e.origin AS origin, e.provenance AS provenance, e.fatalities AS fatalities, "
          "e.location AS location, d.id AS document, d.url AS url ORDER BY origin")


def write_sources(folder: Path) -> list[Path]:
    article = folder / "sirte-drones.md"
    article.write_text("---\nid: sirte-drones\nlang: en\npublished: 2020-01-08\nurl: https://news.example.org/sirte\n"
                       "---\nTurkish troops attacked the Wagner Group near Sirte on Tuesday. "
                       "Tebu forces clashed with the Wagner Group in Ubari on Monday.\n", encoding="utf-8")
    acled = folder / "acled.csv"
    rows = [
        {"event_id_cnty": "LBY2001", "event_date": "2020-01-05", "event_type": "Explosions/Remote violence",
         "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Turkey (2016-)", "inter1": "8",
         "actor2": "Wagner Group", "inter2": "8", "country": "Libya", "admin1": "Sirte", "location": "Sirte",
         "latitude": "31.2089", "longitude": "16.5887", "source": "Anadolu Agency", "fatalities": "2",
         "notes": "A drone struck a convoy of Russian contractors west of Sirte."},
        # a name a gazetteer actor also has, in no alias of the table: an ACLED actor of its own
        {"event_id_cnty": "LBY2002", "event_date": "2020-01-06", "event_type": "Battles",
         "sub_event_type": "Armed clash", "actor1": "Tebu forces", "inter1": "4", "actor2": "Wagner Group",
         "inter2": "8", "country": "Libya", "location": "Ubari", "source": "Fezzan Libya", "fatalities": "0",
         "notes": "Local fighters exchanged fire with foreign contractors at an oil field."},
    ]
    with acled.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(rows)
    gdelt = folder / "20200106.export.CSV"
    values = dict.fromkeys(GDELT_COLUMNS, "")
    values.update({"GLOBALEVENTID": "1040000001", "SQLDATE": "20200106", "Actor1Code": "TURMIL",
                   "Actor1Name": "TURKISH MILITARY", "Actor2Code": "RUSUAF", "Actor2Name": "WAGNER",
                   "EventCode": "195", "EventBaseCode": "195", "EventRootCode": "19", "QuadClass": "4",
                   "ActionGeo_FullName": "Sirte, Surt, Libya", "SOURCEURL": "https://wire.example.com/sirte-raid"})
    gdelt.write_text("\t".join(values[c] for c in GDELT_COLUMNS) + "\n", encoding="utf-8")
    return [article, acled, gdelt]


def load(store: Store, folder: Path) -> ConflictKG:
    kg = ConflictKG(store)
    report = kg.ingest(write_sources(folder))
    assert (report.errors, [r.status for r in report.results]) == ([], ["added"] * 4)
    return kg


def check_fused(store: Store, folder: Path) -> None:
    [article] = extract_paths([folder / "sirte-drones.md"])
    text_event = article.relations[0]
    assert store.run_query(PAIR, {}) == [
        {"events": 3, "first": "2020-01-05", "last": "2020-01-07", "origins": ["acled", "gdelt", "text"]}]
    assert store.run_query(EVENTS, {}) == [
        {"id": "acled:LBY2001", "origin": "acled", "provenance": "Anadolu Agency", "fatalities": 2,
         "location": "Sirte, Libya", "document": "acled:LBY2001", "url": None},
        {"id": "gdelt:1040000001", "origin": "gdelt", "provenance": "https://wire.example.com/sirte-raid",
         "fatalities": None, "location": "Sirte, Surt, Libya", "document": "gdelt:1040000001",
         "url": "https://wire.example.com/sirte-raid"},
        {"id": event_id("sirte-drones", text_event), "origin": "text",
         "provenance": None, "fatalities": None, "location": None, "document": "sirte-drones",
         "url": "https://news.example.org/sirte"},
    ]
    # one node for the military whichever source named it, two for the two actors called "Tebu forces"
    named = store.run_query("MATCH (a:Actor) WHERE a.name IN ['Turkish military', 'Tebu forces'] "
                            "RETURN a.id AS id, a.known AS known ORDER BY id", {})
    assert named == [{"id": "acled/tebu-forces", "known": False}, {"id": "tebu-forces", "known": True},
                     {"id": "turkey/military", "known": False}]
    stats = store.stats()
    assert (stats["origins"], stats["documents"], stats["events"]) == (
        {"acled": 2, "gdelt": 1, "text": 2}, 4, {"ATTACKS": 3, "FIGHTS": 2})
    # the catalog counts documents and events by where they were read, in Cypher and in its SPARQL twin
    by_source = [
        {"kind": "acled", "lang": "en", "documents": 2, "events": 2, "first": "2020-01-05", "last": "2020-01-06"},
        {"kind": "gdelt", "lang": "en", "documents": 1, "events": 1, "first": "2020-01-06", "last": "2020-01-06"},
        {"kind": "text", "lang": "en", "documents": 1, "events": 2, "first": "2020-01-08", "last": "2020-01-08"}]
    kg = ConflictKG(store)
    assert kg.query("events-by-source", {}) == by_source
    assert kg.sparql("events-by-source", {}, cache=False) == by_source
    # the two "Tebu forces" fight the same contractors: two summaries, one for each
    assert store.run_query("MATCH (a:Actor)-[r:FIGHTS]->(:Actor {id: 'wagner-group'}) "
                           "RETURN a.id AS id, r.events AS events, r.origins AS origins ORDER BY id", {}) == [
        {"id": "acled/tebu-forces", "events": 1, "origins": ["acled"]},
        {"id": "tebu-forces", "events": 1, "origins": ["text"]}]


def test_three_sources_fuse_in_the_embedded_store(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "g.db") as store:
        load(store, tmp_path)
        check_fused(store, tmp_path)


@pytest.mark.neo4j
def test_both_stores_give_the_same_fused_graph(tmp_path: Path, neo4j_clean: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with EmbeddedStore(tmp_path / "g.db") as embedded, Neo4jStore(neo4j_clean) as neo:
        load(embedded, tmp_path / "a")
        load(neo, tmp_path / "b")
        check_fused(neo, tmp_path / "b")
        assert neo.snapshot() == embedded.snapshot()
        assert neo.stats() == embedded.stats()


def test_a_wikidata_id_or_a_code_in_the_alias_table_finds_the_same_actor() -> None:
    table = acled_table()
    aliases = {**table.aliases, "United Nations Security Council": "Q37470", "Turkish Armed Forces": "TURMIL",
               "Russian contractors": "RUSUAF"}
    resolver = ActorResolver(Gazetteer.default(), type(table)(aliases, table.patterns, table.inter))
    found = [resolver.acled(name, "8", "Libya", "2020-01-05").id
             for name in ("United Nations Security Council", "Turkish Armed Forces", "Russian contractors",
                          "Military Forces of Turkey (2016-)", "Wagner Group")]
    assert found == ["unsc", "turkey/military", "wagner-group", "turkey/military", "wagner-group"]


def test_the_same_document_twice_in_one_group(tmp_path: Path) -> None:
    from factories import aid_request, aid_request_revised

    with EmbeddedStore(tmp_path / "twice.db") as twice, EmbeddedStore(tmp_path / "once.db") as once:
        assert [r.status for r in twice.ingest_many([aid_request(), aid_request_revised()])] == ["added", "replaced"]
        once.ingest(aid_request_revised())
        assert twice.snapshot() == once.snapshot()


@pytest.mark.neo4j
def test_the_same_document_twice_in_one_group_on_neo4j(tmp_path: Path, neo4j_clean: str) -> None:
    from factories import aid_request, aid_request_revised

    with Neo4jStore(neo4j_clean) as neo, EmbeddedStore(tmp_path / "once.db") as once:
        assert [r.status for r in neo.ingest_many([aid_request(), aid_request_revised()])] == ["added", "replaced"]
        once.ingest(aid_request_revised())
        assert neo.snapshot() == once.snapshot()


def test_the_rdf_export_keeps_each_events_origin_and_place(tmp_path: Path) -> None:
    geo = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    with EmbeddedStore(tmp_path / "g.db") as store:
        load(store, tmp_path).export("turtle", tmp_path / "fused.ttl")
    graph = Graph().parse(tmp_path / "fused.ttl")
    assert validate(graph)[0]
    event = event_iri("acled:LBY2001")
    wanted = (CKG.origin, CKG.fatalities, CKG.location, geo.lat, geo.long)
    assert {(p, o) for p, o in graph.predicate_objects(event) if p in wanted} == {
        (CKG.origin, Literal("acled")), (CKG.fatalities, Literal(2, datatype=XSD.integer)),
        (CKG.location, Literal("Sirte, Libya")), (geo.lat, Literal("31.2089", datatype=XSD.decimal)),
        (geo.long, Literal("16.5887", datatype=XSD.decimal))}
