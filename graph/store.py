"""The one store interface (DESIGN.md §4): both stores hold the same graph and answer the same calls.

Rules both stores follow:
- a document and all its records are written together, or not at all;
- the same document again (same id, same sha256) changes nothing and reports "unchanged";
- the same id with other content replaces that document's events and reports "replaced";
- actors are merged by id, their properties taken from the newest record, and never deleted;
- one summary relationship per (source, predicate, target) over asserted events only.
"""

from __future__ import annotations

import hashlib
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from graph.model import DocumentRows, GraphSnapshot, document_rows
from ontology.errors import StoreError, StoreUnavailable
from ontology.records import DocumentRecord
from ontology.vocabulary import ACTOR_TYPES, MODALITIES, PREDICATES

IngestStatus = Literal["added", "replaced", "unchanged"]

# A researcher's query stops after this many seconds unless told otherwise (ckg cypher --timeout).
QUERY_TIMEOUT_SECONDS = 30.0
# Documents share a transaction up to these sizes (each document is then whole or absent all the same),
# so that summaries are counted once a group and the statements carry many rows each.
GROUP_DOCUMENTS = 1000
GROUP_EVENTS = 4000
# Exports read the store this many rows at a time.
PAGE_SIZE = 5000

# Extra columns actor_events() adds to each event's own fields.
ACTOR_EVENT_EXTRA = ("source_name", "target_name", "document_title")

_LABEL_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class IngestResult:
    """What ingesting one document did; actors and events count the document's own records."""

    document_id: str
    status: IngestStatus
    actors: int
    events: int


@dataclass(frozen=True)
class DeleteResult:
    """What deleting one document did: whether it was there, and how many events went with it."""

    document_id: str
    found: bool
    events: int


def read_only_refusal(plan: str | None = None) -> str:
    """The one-line refusal of a query that would write."""
    planned = f" (Neo4j plans it as type {plan!r})" if plan else ""
    return (f"only read-only queries may run here, and this one writes{planned}; remove CREATE, MERGE, SET, "
            "DELETE, REMOVE and schema commands")


def _in_ontology(name: str, known: Mapping[str, object], kind: str) -> str:
    # Labels and relationship types are spliced into Cypher text, so only known names pass.
    if name not in known or not _LABEL_SHAPE.fullmatch(name):
        raise StoreError(
            f"{kind} {name!r} is not in the ontology; use one of {', '.join(known)} (ontology/conflict.ttl)"
        )
    return name


def actor_label(name: str) -> str:
    """An actor type, checked against the ontology, for use as a node label."""
    return _in_ontology(name, ACTOR_TYPES, "actor type")


def relationship_type(name: str) -> str:
    """A predicate, checked against the ontology, for use as a relationship type."""
    return _in_ontology(name, PREDICATES, "predicate")


def records_sha256(rows: DocumentRows) -> str:
    """A digest of everything read from a document: the same text read by a better extractor
    differs here, so it replaces the old records instead of counting as unchanged."""
    canonical = json.dumps(
        {"document": rows.document, "actors": rows.actors, "events": rows.events},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def checked_rows(doc: DocumentRecord) -> DocumentRows:
    """The document's rows, refused with a StoreError before any write when they break the model."""
    if not doc.id:
        raise StoreError("a document without an id cannot be stored; give it an id (metadata sidecar or front matter)")
    rows = document_rows(doc)
    digest = records_sha256(rows)
    rows.document["sha256"] = doc.sha256 or digest
    rows.document["records_sha256"] = digest
    # A later record of the same actor within one document wins, as it does across documents.
    actors: dict[str, dict[str, Any]] = {}
    for actor in rows.actors:
        try:
            actor_label(actor["type"])
        except StoreError as exc:
            raise StoreError(f"document {doc.id!r}, actor {actor['id']!r}: {exc}") from None
        actors[actor["id"]] = actor
    rows.actors = list(actors.values())
    for event in rows.events:
        where = f"document {doc.id!r}, relation {event['source']} {event['predicate']} {event['target']}"
        try:
            relationship_type(event["predicate"])
        except StoreError as exc:
            raise StoreError(f"{where}: {exc}") from None
        if event["modality"] not in MODALITIES:
            raise StoreError(f"{where}: modality {event['modality']!r} is not one of {', '.join(MODALITIES)}")
        for end in ("source", "target"):
            if event[end] not in actors:
                raise StoreError(
                    f"{where}: {end} actor {event[end]!r} is not among the document's actors; "
                    "list every actor a relation names in the document's actors"
                )
    return rows


def event_sort_key(row: Mapping[str, Any]) -> tuple[str, str]:
    return (row.get("date") or "", row["id"])


def name_matches(key: str, actor: Mapping[str, Any]) -> bool:
    """Whether key is the actor's name, Arabic name or one of its aliases, ignoring case."""
    folded = key.lower()
    names = [actor.get("name"), actor.get("name_ar"), *(actor.get("aliases") or [])]
    return any(isinstance(n, str) and n.lower() == folded for n in names)


class Store(ABC):
    """A graph store. Use as a context manager, or call close()."""

    # how many documents and events share a transaction at most (a store may take more)
    group_documents = GROUP_DOCUMENTS
    group_events = GROUP_EVENTS

    def ingest(self, doc: DocumentRecord) -> IngestResult:
        """Write one document and its records in one transaction."""
        return self.ingest_many([doc])[0]

    def ingest_many(self, docs: Iterable[DocumentRecord]) -> list[IngestResult]:
        """Write documents in groups, each group in one transaction. A group that fails is written
        again one document a transaction, so the documents before a bad one are stored and its error
        is raised; a document the model refuses stops the run after the ones before it."""
        results: list[IngestResult] = []
        group: list[tuple[DocumentRecord, DocumentRows]] = []
        events = 0
        try:
            for doc in docs:
                try:
                    rows = checked_rows(doc)
                except StoreError:
                    results += self._write_group(group)
                    group = []
                    raise
                group.append((doc, rows))
                events += len(rows.events)
                if len(group) >= self.group_documents or events >= self.group_events:
                    results += self._write_group(group)
                    group, events = [], 0
                    self._after_group()
            results += self._write_group(group)
        finally:
            self._after_group()
        return results

    def _write_group(self, group: list[tuple[DocumentRecord, DocumentRows]]) -> list[IngestResult]:
        if not group:
            return []
        what = f"document {group[0][0].id!r}" if len(group) == 1 else f"{len(group)} documents"
        try:
            statuses = self._write_rows([rows for _, rows in group], what)
        except StoreUnavailable:
            raise  # no use trying its documents one by one
        except StoreError:
            if len(group) == 1:
                raise
            statuses = []
            for doc, rows in group:
                statuses += self._write_rows([rows], f"document {doc.id!r}")
        return [IngestResult(doc.id, status, len(rows.actors), len(rows.events))  # type: ignore[arg-type]
                for (doc, rows), status in zip(group, statuses, strict=True)]

    @abstractmethod
    def _write_rows(self, members: list[DocumentRows], what: str) -> list[str]:
        """Write documents' rows in one transaction; their statuses (added, replaced, unchanged).
        A failure is a StoreError that says nothing of `what` was stored."""

    def _after_group(self) -> None:  # noqa: B027 - a hook most stores leave empty
        """Called after each group that ingest_many writes, and at its end whatever happened."""

    def settle(self, progress: Callable[[int, int], None] | None = None) -> None:  # noqa: B027 - most keep up
        """Bring up to date what the store keeps beside the events and left behind while writing (the end of
        a run; close() does it too). progress(done, total) follows long work."""

    def summaries_behind(self) -> bool:
        """Whether the summary relationships lag behind the events, left for a recount by a writer."""
        return False

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Counts of documents, actors by type, events by predicate, by modality and by origin (text, acled,
        gdelt)."""

    @abstractmethod
    def actor(self, key: str) -> dict[str, Any] | None:
        """The actor with this id or, failing that, with this exact name, Arabic name or alias
        (case-insensitive; the smallest id when several match)."""

    @abstractmethod
    def actor_events(self, actor_id: str) -> list[dict[str, Any]]:
        """Events where the actor is source or target, with source_name, target_name and
        document_title, sorted by (date or "", id)."""

    @abstractmethod
    def run_query(self, cypher: str, params: Mapping[str, Any],
                  timeout: float | None = QUERY_TIMEOUT_SECONDS) -> list[dict[str, Any]]:
        """Run read-only Cypher, stopped after timeout seconds; rows as dicts with keys in the order
        of the RETURN clause. A query that would write is refused with a QueryError."""

    @abstractmethod
    def delete(self, document_ids: Iterable[str]) -> list[DeleteResult]:
        """Remove documents and their events, each in one transaction; summaries follow. Actors stay."""

    @abstractmethod
    def _page(self, kind: str, after: str, limit: int) -> list[dict[str, Any]]:
        """Up to limit rows of kind (actors, documents, events) with ids after `after`, by id."""

    def _pages(self, kind: str, page_size: int) -> Iterator[dict[str, Any]]:
        after = ""
        while True:
            rows = self._page(kind, after, page_size)
            yield from rows
            if len(rows) < page_size:
                return
            after = rows[-1]["id"]

    def iter_actors(self, page_size: int = PAGE_SIZE) -> Iterator[dict[str, Any]]:
        """Every actor by id, read a page at a time."""
        return self._pages("actors", page_size)

    def iter_documents(self, page_size: int = PAGE_SIZE) -> Iterator[dict[str, Any]]:
        """Every document by id, read a page at a time."""
        return self._pages("documents", page_size)

    def iter_events(self, page_size: int = PAGE_SIZE) -> Iterator[dict[str, Any]]:
        """Every event by id with its source, target and document, read a page at a time."""
        return self._pages("events", page_size)

    def snapshot(self) -> GraphSnapshot:
        """Everything the store holds, each list sorted by id (for small graphs and tests; exports
        read the pages)."""
        return GraphSnapshot(actors=list(self.iter_actors()), documents=list(self.iter_documents()),
                             events=list(self.iter_events()))

    @abstractmethod
    def close(self) -> None:
        """Release the store's resources."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_store(kind: str = "embedded", *, path: Path | None = None, uri: str | None = None,
               user: str | None = None, password: str | None = None,
               database: str | None = None, read_only: bool = False) -> Store:
    """Open the embedded store (a database file at path) or a Neo4j store (a server at uri).

    read_only: the embedded graph must exist and is opened beside any writer; Neo4j reads as always."""
    if kind == "embedded":
        if path is None:
            raise StoreError("the embedded store needs a database file: pass path (the CLI's --graph PATH)")
        from graph.embedded import EmbeddedStore

        return EmbeddedStore(Path(path), read_only=read_only)
    if kind == "neo4j":
        if not uri:
            raise StoreError("the Neo4j store needs a server: pass uri, e.g. bolt://localhost:7687 (--uri)")
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(uri, user=user, password=password, database=database)
    raise StoreError(f"unknown store kind {kind!r}; use 'embedded' or 'neo4j'")


def split_statements(text: str) -> list[str]:
    """The statements of a file that holds several, each ended by ';' at the end of a line."""
    return [s.strip() for s in text.split(";\n") if s.strip() and not _only_comments(s)]


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("//") for line in text.splitlines())


def read_statement(path: Path, store: str) -> str:
    """The text of one Cypher statement file of a store; a missing file means a damaged install."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"{path}: cannot read a statement of the {store} store ({exc.strerror}); "
                         "reinstall conflict-kg") from None
