"""The graph as the CSV files `neo4j-admin database import full` reads: a first load too big for transactions.

Written from a store's pages (any store), one file per node label and relationship type, with the
importer's typed headers; the summary relationships are counted while the events go by. Then, with
the Neo4j server stopped:

    neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true \\
        --array-delimiter='|' --nodes=actors.csv --nodes=documents.csv --nodes=events.csv \\
        --relationships=source.csv --relationships=target.csv --relationships=reported_in.csv \\
        --relationships=summaries.csv

(`python tools/neo4j/server.py import --state-dir .neo4j DIR` runs it for the local server), and the
first `ckg --store neo4j` adds the id constraints.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from graph.schema import REPORTED_IN, SOURCE, TARGET
from graph.store import actor_label, relationship_type
from graph.tallies import ORIGINS, SUMMARY_MODALITY
from ontology.errors import ExportError

ARRAY_DELIMITER = "|"
NODE_FILES = ("actors.csv", "documents.csv", "events.csv")
RELATIONSHIP_FILES = ("source.csv", "target.csv", "reported_in.csv", "summaries.csv")
# The import's arguments, one a line, for tools/neo4j/server.py import.
ARGS_FILE = "import.args"

_ACTOR_HEADER = ("id:ID(Actor)", "type", "name", "name_ar", "aliases:string[]", "wikidata", "cameo", "known:boolean",
                 ":LABEL")
_DOCUMENT_HEADER = ("id:ID(Document)", "title", "lang", "published", "url", "sha256", "records_sha256", ":LABEL")
_EVENT_HEADER = ("id:ID(Event)", "predicate", "modality", "date", "cameo", "plover", "confidence:double", "sentence",
                 "start:long", "end:long", "origin", "provenance", "fatalities:long", "location", "latitude:double",
                 "longitude:double", ":LABEL")


def import_arguments(directory: Path) -> list[str]:
    """The arguments of `neo4j-admin database import full` that load the files written to directory."""
    args = ["--overwrite-destination", "--multiline-fields=true", f"--array-delimiter={ARRAY_DELIMITER}"]
    directory = Path(directory).resolve()
    args += [f"--nodes={directory / name}" for name in NODE_FILES]
    args += [f"--relationships={directory / name}" for name in RELATIONSHIP_FILES]
    return args


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise ExportError(f"the list {items!r} holds {ARRAY_DELIMITER!r}, the import's array delimiter")
        return ARRAY_DELIMITER.join(items)
    return str(value)


def write_neo4j_csv(actors: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]],
                    events: Iterable[Mapping[str, Any]], directory: Path) -> int:
    """Write the import files into directory (made if missing); returns the number of nodes written."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handles = {name: open(directory / name, "w", encoding="utf-8", newline="")  # noqa: SIM115
                   for name in (*NODE_FILES, *RELATIONSHIP_FILES)}
    except OSError as exc:
        raise ExportError(f"cannot write into {directory}: {exc.strerror}; choose a writable directory") from exc
    try:
        out = {name: csv.writer(handle) for name, handle in handles.items()}
        out["actors.csv"].writerow(_ACTOR_HEADER)
        out["documents.csv"].writerow(_DOCUMENT_HEADER)
        out["events.csv"].writerow(_EVENT_HEADER)
        for name, end in (("source.csv", "Actor"), ("target.csv", "Actor"), ("reported_in.csv", "Document")):
            out[name].writerow((":START_ID(Event)", f":END_ID({end})", ":TYPE"))
        out["summaries.csv"].writerow((":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "events:long", "first", "last",
                                       "origins:string[]", "days:string[]"))
        nodes = 0
        for actor in actors:
            label = f"Actor{ARRAY_DELIMITER}{actor_label(actor['type'])}"  # labels split like arrays
            out["actors.csv"].writerow([_cell(actor.get(c.split(":")[0])) for c in _ACTOR_HEADER[:-1]] + [label])
            nodes += 1
        published: dict[str, str | None] = {}  # an event without a date of its own takes its document's
        for doc in documents:
            published[doc["id"]] = doc.get("published")
            row = [_cell(doc.get(c.split(":")[0])) for c in _DOCUMENT_HEADER[:-1]]
            out["documents.csv"].writerow([*row, "Document"])
            nodes += 1
        # (source, type, target) -> [events, first, last, origins, days]: memory grows with actor pairs and the
        # days of their asserted events (each date string held once)
        summaries: dict[tuple[str, str, str], list[Any]] = {}
        day_strings: dict[str, str] = {}
        for ev in events:
            out["events.csv"].writerow([_cell(ev.get(c.split(":")[0])) for c in _EVENT_HEADER[:-1]] + ["Event"])
            out["source.csv"].writerow((ev["id"], ev["source"], SOURCE))
            out["target.csv"].writerow((ev["id"], ev["target"], TARGET))
            out["reported_in.csv"].writerow((ev["id"], ev["document"], REPORTED_IN))
            if ev["modality"] == SUMMARY_MODALITY:
                key = (ev["source"], relationship_type(ev["predicate"]), ev["target"])
                total = summaries.setdefault(key, [0, None, None, set(), []])
                total[0] += 1
                total[3].add(ev.get("origin") or "text")
                date = ev.get("date")
                day = date or published.get(ev["document"])
                if day:
                    total[4].append(day_strings.setdefault(day, day))
                if date:  # first and last over the dated events, as summary_of counts them
                    total[1] = date if total[1] is None or date < total[1] else total[1]
                    total[2] = date if total[2] is None or date > total[2] else total[2]
            nodes += 1
        for (source, predicate, target), (count, first, last, found, days) in sorted(summaries.items()):
            origins = [o for o in ORIGINS if o in found]
            out["summaries.csv"].writerow((source, target, predicate, count, _cell(first), _cell(last), _cell(origins),
                                           _cell(sorted(days))))
        (directory / ARGS_FILE).write_text("\n".join(import_arguments(directory)) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write into {directory}: {exc.strerror}; choose a writable directory") from exc
    finally:
        for handle in handles.values():
            handle.close()
    return nodes
