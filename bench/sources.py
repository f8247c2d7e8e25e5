"""Event data into the stores: ACLED and GDELT rows per second, against a bare batched insert of the same rows.

    python bench/sources.py [--rows 20000] [--stores embedded,neo4j] [--neo4j-uri bolt://...] [--out FILE.json]

For each store and source, in this process: a file of --rows synthetic rows in the source's exact layout
(ACLED's CSV export, GDELT's 61 tab-separated columns) is
- ingested by `ConflictKG.ingest` into an empty store: rows read, actors resolved, records checked, documents
  merged by id with their digests, events created, summaries kept;
- inserted bare into an empty database of the same kind: the file read with the csv module, one actor node
  per distinct actor field, one document and one event node per row with their three relationships, by
  `UNWIND ... CREATE` in batches of 5,000; no resolution, merging, digests or summaries.
The figure is the ratio of the two rates (target: at least 0.5). Without --neo4j-uri a Neo4j server is
started from tools/neo4j/server.py in a temporary directory and stopped at the end.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BULK_BATCH = 5000
ACLED_PAIRS = (
    ("Military Forces of Turkey (2016-)", "8", "Wagner Group", "8", "Explosions/Remote violence", "Air/drone strike"),
    ("LNA: Libyan National Army", "1", "Military Forces of Libya (2014-) Government of National Accord", "1",
     "Battles", "Armed clash"),
    ("Militia (Zintan)", "4", "Civilians (Libya)", "7", "Violence against civilians", "Attack"),
    ("Rioters (Libya)", "5", "Police Forces of Libya (2014-)", "1", "Riots", "Violent demonstration"),
)
GDELT_PAIRS = (("TURMIL", "RUSUAF", "195"), ("LBYGOV", "TUR", "0233"), ("EGY", "USA", "051"),
               ("IGOUNO", "LBY", "042"), ("LBYMIL", "LBYREB", "190"))


def write_acled(path: Path, rows: int) -> None:
    from loaders.tables import ACLED_COLUMNS

    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, restval="")
        writer.writeheader()
        for n in range(rows):
            a1, i1, a2, i2, kind, sub = ACLED_PAIRS[n % len(ACLED_PAIRS)]
            # every 7th row names a militia of its own, so that unknown actors grow with the file
            a1 = f"Militia (Place {n // 7})" if n % 7 == 3 else a1
            writer.writerow({
                "event_id_cnty": f"LBY{n:07d}", "event_date": f"20{10 + n % 12}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                "year": "2020", "event_type": kind, "sub_event_type": sub, "actor1": a1, "inter1": i1,
                "actor2": a2, "inter2": i2, "country": "Libya", "admin1": "Tripoli", "location": f"Place {n % 500}",
                "latitude": "32.1", "longitude": "13.2", "source": "A wire; A paper", "fatalities": str(n % 5),
                "notes": f"On a day of row {n}, forces of one side struck the other near a town.",
                "timestamp": "1580000000",
            })


def write_gdelt(path: Path, rows: int) -> None:
    from loaders.tables import GDELT_COLUMNS

    with path.open("w", encoding="utf-8") as stream:
        for n in range(rows):
            a1, a2, code = GDELT_PAIRS[n % len(GDELT_PAIRS)]
            values = dict.fromkeys(GDELT_COLUMNS, "")
            values.update({"GLOBALEVENTID": str(1_000_000_000 + n), "SQLDATE": f"20{10 + n % 12}0{n % 9 + 1}15",
                           "Actor1Code": a1, "Actor1Name": a1, "Actor2Code": a2, "Actor2Name": a2,
                           "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
                           "ActionGeo_FullName": f"Place {n % 500}, Libya", "ActionGeo_Lat": "32.1",
                           "ActionGeo_Long": "13.2", "SOURCEURL": f"https://news.example.org/{n}"})
            stream.write("\t".join(values[c] for c in GDELT_COLUMNS) + "\n")


# The columns a row's values come from: id, date, actor 1, actor 2, text, provenance, type, place, lat, long.
BARE_FIELDS = {
    "acled": ("event_id_cnty", "event_date", "actor1", "actor2", "notes", "source", "sub_event_type", "location",
              "latitude", "longitude"),
    "gdelt": ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2Code", "SOURCEURL", "SOURCEURL", "EventCode",
              "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long"),
}


def bare_rows(path: Path, source: str) -> tuple[list[dict], list[dict], list[dict]]:
    """Actors, documents and events of a file, read with the csv module alone, with the properties the
    store gives them (values taken as they stand)."""
    actors: dict[str, dict] = {}
    docs, events = [], []
    with path.open(encoding="utf-8", newline="") as stream:
        if source == "acled":
            reader = csv.DictReader(stream)
        else:
            from loaders.tables import GDELT_COLUMNS

            reader = csv.DictReader(stream, fieldnames=GDELT_COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            eid, date, a1, a2, text, provenance, kind, place, lat, long = (row[f] for f in BARE_FIELDS[source])
            for name in (a1, a2):
                actors.setdefault(name, {"id": name, "name": name, "type": "ArmedGroup", "name_ar": None,
                                         "aliases": [], "wikidata": None, "cameo": name, "known": False})
            docs.append({"id": eid, "title": kind, "lang": "en", "published": date, "url": provenance,
                         "sha256": eid, "records_sha256": eid})
            events.append({"id": eid, "predicate": kind, "modality": "asserted", "date": date, "cameo": kind,
                           "plover": kind, "confidence": 1.0, "sentence": text, "start": 0, "end": len(text),
                           "origin": source, "provenance": provenance, "fatalities": 0, "location": place,
                           "latitude": float(lat), "longitude": float(long), "source": a1, "target": a2,
                           "document": eid})
    return list(actors.values()), docs, events


EMBEDDED_BULK = (
    "UNWIND $rows AS r CREATE (:Actor {id: r.id, name: r.name, type: r.type, name_ar: r.name_ar, aliases: r.aliases, "
    "wikidata: r.wikidata, cameo: r.cameo, known: r.known})",
    "UNWIND $rows AS r CREATE (:Document {id: r.id, title: r.title, lang: r.lang, published: r.published, url: r.url, "
    "sha256: r.sha256, records_sha256: r.records_sha256})",
    "UNWIND $rows AS r MATCH (s:Actor {id: r.source}) MATCH (t:Actor {id: r.target}) "
    "MATCH (d:Document {id: r.document}) "
    "CREATE (e:Event {id: r.id, predicate: r.predicate, modality: r.modality, date: r.date, cameo: r.cameo, "
    "plover: r.plover, confidence: r.confidence, sentence: r.sentence, start: r.start, `end`: r.`end`, "
    "origin: r.origin, provenance: r.provenance, fatalities: r.fatalities, location: r.location, "
    "latitude: r.latitude, longitude: r.longitude})-[:SOURCE]->(s), (e)-[:TARGET]->(t), (e)-[:REPORTED_IN]->(d)",
)
NEO4J_BULK = (
    "UNWIND $rows AS r CREATE (a:Actor) SET a = r",
    "UNWIND $rows AS r CREATE (d:Document) SET d = r",
    "UNWIND $rows AS r MATCH (s:Actor {id: r.source}) MATCH (t:Actor {id: r.target}) "
    "MATCH (d:Document {id: r.document}) "
    "CREATE (e:Event) SET e = r {.*, source: null, target: null, document: null} "
    "CREATE (e)-[:SOURCE]->(s) CREATE (e)-[:TARGET]->(t) CREATE (e)-[:REPORTED_IN]->(d)",
)


def bare_embedded(path: Path, source: str, db_path: Path) -> float:
    import ladybug

    from graph.schema import ddl

    db = ladybug.Database(str(db_path))
    conn = ladybug.Connection(db)
    for text in ddl():
        conn.execute(text)
    started = time.perf_counter()
    for statement, rows in zip(EMBEDDED_BULK, bare_rows(path, source), strict=True):
        for start in range(0, len(rows), BULK_BATCH):
            conn.execute(statement, {"rows": rows[start:start + BULK_BATCH]})
    conn.execute("CHECKPOINT")
    elapsed = time.perf_counter() - started
    conn.close()
    db.close()
    return elapsed


def bare_neo4j(path: Path, source: str, uri: str) -> float:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        wipe(driver)
        for label in ("Actor", "Document", "Event"):
            driver.execute_query(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) "
                                 "REQUIRE n.id IS UNIQUE")
        started = time.perf_counter()
        for statement, rows in zip(NEO4J_BULK, bare_rows(path, source), strict=True):
            for start in range(0, len(rows), BULK_BATCH):
                driver.execute_query(statement, rows=rows[start:start + BULK_BATCH])
        elapsed = time.perf_counter() - started
        wipe(driver)
    return elapsed


def wipe(driver: Any) -> None:
    while True:
        records, _, _ = driver.execute_query("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n")
        if records[0]["n"] == 0:
            break
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name")
    for record in records:
        driver.execute_query(f"DROP CONSTRAINT `{record['name']}` IF EXISTS")


def ingest(store_kind: str, path: Path, work: Path, uri: str | None) -> tuple[float, int]:
    from ckg.api import ConflictKG
    from graph.store import open_store

    if store_kind == "neo4j":
        from neo4j import GraphDatabase

        with GraphDatabase.driver(uri, auth=None) as driver:
            wipe(driver)
        store = open_store("neo4j", uri=uri)
    else:
        store = open_store("embedded", path=work / f"ingest-{path.stem}.db")
    started = time.perf_counter()
    with store:
        report = ConflictKG(store).ingest([path])
    elapsed = time.perf_counter() - started
    if report.errors:
        raise SystemExit(f"the bench's own rows were refused: {report.errors[0]}")
    return elapsed, sum(r.events for r in report.results)


def neo4j_server(work: Path) -> tuple[Any, Path]:
    spec = importlib.util.spec_from_file_location("ckg_neo4j_server", REPO / "tools" / "neo4j" / "server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    state = work / "neo4j"
    return module.start(state, heap="1g", page_cache="512m"), state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--neo4j-uri")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="ckg-bench-sources-") as tmp:
        work = Path(tmp)
        files = {"acled": work / "acled.csv", "gdelt": work / "gdelt.export.CSV"}
        write_acled(files["acled"], args.rows)
        write_gdelt(files["gdelt"], args.rows)
        server = None
        uri = args.neo4j_uri
        if "neo4j" in args.stores and not uri:
            server, state = neo4j_server(work)
            uri = server.bolt_uri
        try:
            for store_kind in args.stores.split(","):
                for source, path in files.items():
                    seconds, events = ingest(store_kind, path, work, uri)
                    bare = (bare_embedded(path, source, work / f"bare-{source}.db") if store_kind == "embedded"
                            else bare_neo4j(path, source, uri))
                    result = {"store": store_kind, "source": source, "rows": args.rows, "events": events,
                              "ingest_rows_s": args.rows / seconds, "bare_rows_s": args.rows / bare,
                              "ratio": bare / seconds}
                    results.append(result)
                    print(json.dumps(result), flush=True)
        finally:
            if server is not None:
                sys.modules["ckg_neo4j_server"].stop(state)
    print("\n| store | source | rows | ingest rows/s | bare insert rows/s | ingest ÷ bare |")
    print("|---|---|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['store']} | {r['source']} | {r['rows']:,} | {r['ingest_rows_s']:,.0f} | "
              f"{r['bare_rows_s']:,.0f} | {r['ratio']:.2f} |")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
