"""The import files of `ckg export --format neo4j-csv`, exactly, from the hand-built documents."""

from __future__ import annotations

import csv
from pathlib import Path

from factories import both_documents

from graph.embedded import EmbeddedStore
from graph.neo4j_csv import ARGS_FILE, NODE_FILES, RELATIONSHIP_FILES, write_neo4j_csv


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_the_files_hold_every_node_relationship_and_summary(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "g.db") as store:
        store.ingest_many(both_documents())
        snap = store.snapshot()
        summaries = store.run_query("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS s, b.id AS o, type(r) AS t, "
                                    "r.events AS n, r.first AS first, r.last AS last, r.origins AS origins, "
                                    "r.days AS days "
                                    "ORDER BY s, t, o", {})
        out = tmp_path / "import"
        assert write_neo4j_csv(store.iter_actors(), store.iter_documents(), store.iter_events(), out) == 7 + 2 + 14
    actors = rows(out / "actors.csv")
    assert actors[0] == ["id:ID(Actor)", "type", "name", "name_ar", "aliases:string[]", "wikidata", "cameo",
                         "known:boolean", ":LABEL"]
    assert ["turkey", "State", "Turkey", "تركيا", "Türkiye", "Q43", "TUR", "true", "Actor|State"] in actors
    assert ["gna", "Government", "Government of National Accord", "حكومة الوفاق الوطني", "GNA|حكومة الوفاق", "",
            "LBYGOV", "true", "Actor|Government"] in actors
    events = rows(out / "events.csv")
    assert [r[0] for r in events[1:]] == [e["id"] for e in snap.events]
    assert rows(out / "source.csv")[1:] == [[e["id"], e["source"], "SOURCE"] for e in snap.events]
    assert rows(out / "reported_in.csv")[1:] == [[e["id"], e["document"], "REPORTED_IN"] for e in snap.events]
    assert rows(out / "summaries.csv")[1:] == [
        [s["s"], s["o"], s["t"], str(s["n"]), s["first"] or "", s["last"] or "", "|".join(s["origins"]),
         "|".join(s["days"])] for s in summaries]
    assert all(s["days"] for s in summaries)  # every summary of these documents has dated events
    assert {tuple(s["origins"]) for s in summaries} == {("text",)}
    args = (out / ARGS_FILE).read_text(encoding="utf-8").splitlines()
    assert args[:3] == ["--overwrite-destination", "--multiline-fields=true", "--array-delimiter=|"]
    assert args[3:] == [f"--nodes={out.resolve() / n}" for n in NODE_FILES] + [
        f"--relationships={out.resolve() / n}" for n in RELATIONSHIP_FILES]
