"""The one facade over conflict-kg: extract, ingest, inspect, query and export. The CLI mirrors it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import analysis
from graph.exports import NETWORK_FORMATS, write_csv_tables, write_graph_file
from graph.html import write_html_rows
from graph.neo4j_csv import write_neo4j_csv
from graph.rdf import FORMATS as RDF_FORMATS
from graph.rdf import export_rows
from graph.store import QUERY_TIMEOUT_SECONDS, DeleteResult, IngestResult, Store, open_store
from loaders.explain import Explanation
from loaders.explain import explain as explain_reading
from loaders.limits import Limits
from loaders.parallel import extract_parallel
from loaders.pipeline import Extractor
from loaders.readers import RawDocument, read_documents
from loaders.tables import Notice
from ontology.errors import CkgError, ExportError, InputError, StoreError
from ontology.gazetteer import DEFAULT_PACKS, Gazetteer
from ontology.records import DocumentRecord
from queries import catalog

DEFAULT_GRAPH = "conflict-kg.db"
EXPORT_FORMATS = (*RDF_FORMATS, "html", "neo4j-csv", *NETWORK_FORMATS)
INGEST_BATCH = 1000


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def load_gazetteer(extra: Sequence[Path] = (), packs: Sequence[str] | None = None) -> Gazetteer:
    """The world's states, the conflict packs (default: DEFAULT_PACKS), then the researcher's own files
    (later ones win by id)."""
    return Gazetteer.for_packs(DEFAULT_PACKS if packs is None else tuple(packs), tuple(extra))


def extract(paths: Iterable[Path], gazetteer: Gazetteer | None = None, jobs: int = 1, limits: Limits | None = None,
            fmt: str = "auto") -> Iterator[DocumentRecord | InputError | Notice]:
    """Records for every readable document under paths, without storing anything; rows of ACLED and GDELT
    files (recognised, or as `fmt` says: auto, text, acled, gdelt) as their records, with a Notice of the
    rows that made none.

    jobs > 1 extracts in that many processes (0: one per core); the records and their order are the same.
    `limits` bounds each document's time, relations per sentence and list length (Limits() by default)."""
    return extract_parallel(paths, gazetteer, jobs, limits=limits, fmt=fmt)


def explain(paths: Iterable[Path], gazetteer: Gazetteer | None = None) -> Iterator[Explanation | InputError]:
    """How each relation of each document was found, and which triggers gave nothing (`ckg explain`)."""
    extractor = Extractor(gazetteer)
    for item in read_documents(paths):
        if isinstance(item, RawDocument):
            yield explain_reading(extractor.read(item, trace=True))
        elif isinstance(item, InputError):
            yield item


class ConflictKG:
    """A store together with the gazetteer used to fill it."""

    def __init__(self, store: Store, gazetteer: Gazetteer | None = None) -> None:
        self.store = store
        self._gazetteer = gazetteer

    @classmethod
    def open(cls, kind: str = "embedded", *, graph: Path | None = None, uri: str | None = None,
             user: str | None = None, password: str | None = None, database: str | None = None,
             gazetteers: Sequence[Path] = (), packs: Sequence[str] | None = None,
             read_only: bool = False) -> ConflictKG:
        """read_only: only read (stats, queries, exports); the embedded graph must exist then, and
        is read beside a running ingest."""
        if kind == "embedded":
            path = graph or Path(os.environ.get("CKG_GRAPH") or DEFAULT_GRAPH)
            store = open_store("embedded", path=path, read_only=read_only)
        elif kind == "neo4j":
            store = open_store("neo4j", uri=uri or os.environ.get("NEO4J_URI"),
                               user=user or os.environ.get("NEO4J_USER"),
                               password=password or os.environ.get("NEO4J_PASSWORD"), database=database)
        else:
            raise StoreError(f"unknown store {kind!r}: use --store embedded or --store neo4j")
        return cls(store, load_gazetteer(gazetteers, packs) if gazetteers or packs else None)

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> ConflictKG:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Iterable[Path], on_document: Callable[[str], None] | None = None,
               batch_size: int = INGEST_BATCH, jobs: int = 1, limits: Limits | None = None,
               fmt: str = "auto", on_settle: Callable[[int, int], None] | None = None) -> IngestReport:
        """Extract and store documents, each whole or not at all (one transaction each), handed to the
        store in batches; bad files are reported, not fatal. jobs > 1 extracts
        in that many processes (0: one per core) while this one stores, in the same order. At the end the
        store brings up to date what it left behind (on_settle(done, total) follows it)."""
        report = IngestReport()
        batch: list[DocumentRecord] = []
        for item in extract(paths, self.gazetteer, jobs, limits, fmt):
            if isinstance(item, Notice):
                report.warnings.append(str(item))
                continue
            if isinstance(item, InputError):
                report.errors.append(item)
            else:
                report.warnings.extend(item.warnings)
                batch.append(item)
                if len(batch) >= batch_size:
                    report.results.extend(self.store.ingest_many(batch))
                    batch = []
            if on_document:
                on_document(item.path if isinstance(item, InputError) else (item.path or item.id))
        if batch:
            report.results.extend(self.store.ingest_many(batch))
        self.store.settle(on_settle)
        return report

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    def show(self, key: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        actor = self.store.actor(key)
        if actor is None:
            raise CkgError(f"no actor {key!r} in the graph: try an id such as 'gna', an English or Arabic name, "
                           "or list them with `ckg query actors-by-type`")
        return actor, self.store.actor_events(actor["id"])

    def query(self, name: str, params: Mapping[str, str], limit: int = 0) -> list[dict[str, Any]]:
        """A catalog query's rows, the first `limit` of them in its order (all when 0)."""
        return catalog.run(self.store, name, params, self._gazetteer, limit)  # the default one is read if needed

    def query_page(self, name: str, params: Mapping[str, str],
                   limit: int = catalog.DEFAULT_LIMIT) -> tuple[list[dict[str, Any]], bool]:
        """A catalog query's first `limit` rows (all when 0) and whether there are more."""
        return catalog.run_page(self.store, name, params, self._gazetteer, limit)

    def sparql(self, name: str | None, params: Mapping[str, str], text: str | None = None,
               cache: bool = True) -> list[dict[str, Any]]:
        """Run a catalog query's SPARQL twin (queries/NAME.rq), or a researcher's own SELECT (text), on the
        store's RDF export in an embedded engine (kept beside an embedded graph unless cache is False)."""
        from graph.sparql import engine_for
        from queries import sparql

        engine = engine_for(self.store, cache)
        if text is not None:
            return sparql.run_text(engine, text, params)
        return sparql.run(engine, self.store, name or "", params, self._gazetteer)

    def cypher(self, text: str, params: Mapping[str, Any],
               timeout: float = QUERY_TIMEOUT_SECONDS) -> list[dict[str, Any]]:
        """Run a researcher's own read-only Cypher; a query that writes is refused."""
        return self.store.run_query(text, dict(params), timeout)

    def delete(self, document_ids: Sequence[str]) -> list[DeleteResult]:
        """Remove documents and their events; summaries follow, actors stay."""
        return self.store.delete(list(document_ids))

    def export(self, fmt: str, out: Path | str, title: str = "conflict-kg") -> int:
        """Write the graph as RDF (turtle, nt, json-ld, trig), as an HTML view, as the CSV files of
        `neo4j-admin database import full` (out is then a directory), as the actor graph in GraphML or GEXF,
        or as nodes/edges/events CSV tables, reading the store a page at a time; returns the triples,
        the events (HTML, csv), the nodes (neo4j-csv) or the actors (graphml, gexf) written."""
        if fmt not in EXPORT_FORMATS:
            raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
        rows = (self.store.iter_actors(), self.store.iter_documents(), self.store.iter_events())
        if fmt == "csv":  # out may end with a separator, which Path would drop
            return write_csv_tables(rows[0], rows[2], out)[1]
        out = Path(out)
        if fmt == "html":
            return write_html_rows(*rows, out, title)
        if fmt == "neo4j-csv":
            return write_neo4j_csv(*rows, out)
        if fmt in NETWORK_FORMATS:
            return write_graph_file(fmt, rows[0], rows[2], out)[0]
        return export_rows(*rows, fmt, out)

    def analyse(self, date_from: str | None = None, date_to: str | None = None, top: int = 10) -> dict[str, Any]:
        """Centrality, blocs and balance of the actors (places left out), projected from the store into
        networkx; date_from / date_to (YYYY-MM-DD, inclusive) keep the events of a time window."""
        # The projection needs each event's ends, predicate, modality, date and document, not its sentence.
        wanted = ("id", "source", "target", "predicate", "modality", "date", "document")
        snap = analysis.select(self.store.iter_actors(), self.store.iter_documents(),
                               ({k: ev.get(k) for k in wanted} for ev in self.store.iter_events()),
                               date_from, date_to)
        return analysis.report(snap, date_from, date_to, top)
