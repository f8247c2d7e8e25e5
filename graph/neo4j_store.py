"""The Neo4j store: the DESIGN.md §4 graph model on a Neo4j server, through the official driver.

Every statement lives in graph/cypher/*.cypher. Values travel as parameters; the only text put into a
statement is a label or relationship type, and only after the ontology has vouched for it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction, Query, Session, unit_of_work
from neo4j.exceptions import AuthError, DriverError, IncompleteCommit, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

from graph.guard import check_parameters, check_user_query
from graph.model import ACTOR_FIELDS, DOCUMENT_FIELDS, EVENT_FIELDS, DocumentRows
from graph.store import (
    ACTOR_EVENT_EXTRA,
    QUERY_TIMEOUT_SECONDS,
    DeleteResult,
    Store,
    actor_label,
    event_sort_key,
    read_only_refusal,
    read_statement,
    relationship_type,
    split_statements,
)
from graph.tallies import ORIGINS, SUMMARY_MODALITY, Pair, document_tally, stats_from, summary_increments
from ontology.errors import QueryError, StoreError, StoreUnavailable
from ontology.vocabulary import ACTOR_TYPES

CYPHER_DIR = Path(__file__).with_name("cypher")
# Rows a statement carries: a whole group of documents (store.GROUP_EVENTS) in one statement a kind.
BATCH_SIZE = 5000
# How long the driver's managed transactions retry transient errors and a lost server, with backoff,
# before a write fails: long enough for a server to restart, short enough to say so while it is down.
RETRY_SECONDS = 30.0


# -- the statements -------------------------------------------------------------------------------

@cache
def statement(name: str) -> str:
    """The text of graph/cypher/<name>.cypher, read once."""
    return read_statement(CYPHER_DIR / f"{name}.cypher", "Neo4j")


def statements(name: str) -> list[str]:
    """The statements of a file that holds several, each ended by ';' at the end of a line."""
    return split_statements(statement(name))


def typed_statement(name: str, **names: str) -> str:
    """A statement with {{key}} slots filled by labels or types the caller has vetted."""
    text = statement(name)
    for key, value in names.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:
        raise StoreError(f"{CYPHER_DIR / name}.cypher: a {{{{...}}}} slot was left unfilled")
    return text


def set_actor_type_statement(type_name: str) -> str:
    label = actor_label(type_name)
    others = "".join(f":{actor_label(t)}" for t in ACTOR_TYPES if t != label)
    return typed_statement("set_actor_type", label=label, other_labels=others)


def refresh_summary_statement(predicate: str) -> str:
    return typed_statement("refresh_summary", type=relationship_type(predicate))


def batches(rows: Sequence[Any], size: int = BATCH_SIZE) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield list(rows[start:start + size])


# -- the store ------------------------------------------------------------------------------------

class Neo4jStore(Store):
    """A store on a Neo4j server; opening it checks the server and creates the id constraints."""

    def __init__(self, uri: str, *, user: str | None = None, password: str | None = None,
                 database: str | None = None, retry_seconds: float = RETRY_SECONDS) -> None:
        self.uri = uri
        self.database = database
        # actors as this process wrote them in committed transactions: written unchanged, they need no writing
        self._written: dict[str, dict[str, Any]] = {}
        # A password alone is for the user every Neo4j has.
        auth = (user or "neo4j", password or "") if user or password else None
        try:
            # The store's own statements are known; server hints about them would only be noise.
            self.driver: Driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF",
                                                       max_transaction_retry_time=retry_seconds)
        except (ValueError, DriverError) as exc:
            raise StoreError(f"cannot use Neo4j URI {uri!r} ({exc}); pass --uri like bolt://localhost:7687") from None
        try:
            self.driver.verify_connectivity()
            with self._session() as session:
                filled = session.run(statement("event_columns_index")).single()
                if filled is None:  # a graph from before events kept these columns, or imported
                    for text in statements("bring_up_to_date"):
                        session.run(text).consume()
                for text in statements("constraints"):
                    session.run(text).consume()
        except AuthError as exc:
            self.driver.close()
            raise StoreError(
                f"Neo4j at {uri} refused the credentials ({exc.message}); pass --user and --password"
            ) from None
        except (ServiceUnavailable, OSError) as exc:
            self.driver.close()
            raise StoreError(
                f"cannot reach Neo4j at {uri}: start one with `make neo4j` or pass --uri ({exc})"
            ) from None
        except (Neo4jError, DriverError) as exc:
            self.driver.close()
            raise StoreError(f"Neo4j at {uri} could not be prepared: {exc}") from None

    def _session(self, read: bool = False) -> Session:
        if read:
            return self.driver.session(database=self.database, default_access_mode=READ_ACCESS)
        return self.driver.session(database=self.database)

    def _read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run one of the store's own read statements; rows as dicts."""
        try:
            with self._session(read=True) as session:
                return session.execute_read(lambda tx: [r.data() for r in tx.run(statement(name), params)])
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"reading from Neo4j at {self.uri} failed: {exc}") from None

    # -- writing -----------------------------------------------------------------------------

    def _write_rows(self, members: list[DocumentRows], what: str) -> list[str]:
        try:
            with self._session() as session:
                try:
                    statuses, actors = session.execute_write(_write_documents, members, self._written)
                except _LostEvents:
                    # an actor this process wrote is gone (another client emptied the graph): write them all
                    self._written.clear()
                    statuses, actors = session.execute_write(_write_documents, members, self._written)
            self._written.update(actors)
            return statuses
        except IncompleteCommit:
            raise StoreUnavailable(f"Neo4j at {self.uri} went away while committing {what}, which may or may not "
                                   "be stored; what was written before is: run the same ingest again to add the "
                                   "rest") from None
        except (ServiceUnavailable, SessionExpired) as exc:
            reason = " ".join(str(exc).split())[:200]
            raise StoreUnavailable(f"Neo4j at {self.uri} went away while writing {what} ({reason}); what was "
                                   f"written before is stored and {what} is not: run the same ingest again to add "
                                   "the rest") from None
        except (Neo4jError, DriverError, _LostEvents) as exc:
            raise StoreError(f"writing {what} to Neo4j at {self.uri} failed; nothing of it was stored: {exc}") from None

    # -- reading -----------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        actor_types = Counter({row["key"]: row["n"] for row in self._read("stats_actor_types")})
        return stats_from(self._read("stats_documents"), self._read("stats_events"), actor_types)

    def actor(self, key: str) -> dict[str, Any] | None:
        rows = self._read("find_actor", key=key)
        return _actor_row(rows[0]["actor"]) if rows else None

    def actor_events(self, actor_id: str) -> list[dict[str, Any]]:
        rows = []
        for row in self._read("actor_events", id=actor_id):
            event = _event_row(row)
            event.update({f: row[f] for f in ACTOR_EVENT_EXTRA})
            rows.append(event)
        return sorted(rows, key=event_sort_key)

    def _page(self, kind: str, after: str, limit: int) -> list[dict[str, Any]]:
        rows = self._read(f"page_{kind}", after=after, limit=limit)
        if kind == "actors":
            return [_actor_row(r["actor"]) for r in rows]
        if kind == "documents":
            return [{f: r["document"].get(f) for f in DOCUMENT_FIELDS} for r in rows]
        return [_event_row(r) for r in rows]

    def delete(self, document_ids: Iterable[str]) -> list[DeleteResult]:
        results = []
        for doc_id in document_ids:
            try:
                with self._session() as session:
                    events = session.execute_write(_delete_document, doc_id)
            except (Neo4jError, DriverError) as exc:
                raise StoreError(f"deleting document {doc_id!r} from Neo4j at {self.uri} failed; it is still "
                                 f"there: {exc}") from None
            results.append(DeleteResult(doc_id, events is not None, events or 0))
        return results

    def run_query(self, cypher: str, params: Mapping[str, Any],
                  timeout: float | None = QUERY_TIMEOUT_SECONDS) -> list[dict[str, Any]]:
        """Run a user's query, read-only: the server's own plan must call it a read ("r") before it
        runs, and then it runs in a read transaction with a timeout."""
        check_user_query(cypher)
        check_parameters(cypher, params)
        values = dict(params)
        try:
            with self._session(read=True) as session:
                plan = session.run(Query("EXPLAIN " + cypher, timeout=timeout), values).consume()
                if plan.query_type != "r":
                    raise QueryError(read_only_refusal(plan.query_type))
                # The timeout is the transaction's: the server stops it, whatever the client does.
                return session.execute_read(unit_of_work(timeout=timeout)(_read_rows), cypher, values)
        except Neo4jError as exc:
            if "TransactionTimedOut" in (exc.code or "") or "terminated" in (exc.message or "").lower():
                raise QueryError(f"the query ran longer than {timeout:g} s and was stopped; narrow it "
                                 "or pass a longer --timeout") from None
            raise QueryError(f"Neo4j cannot run this query: {(exc.message or str(exc)).splitlines()[0]}") from None
        except DriverError as exc:
            raise QueryError(f"Neo4j at {self.uri} failed while running the query: {exc}") from None

    def close(self) -> None:
        self.driver.close()


def _read_rows(tx: ManagedTransaction, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    result = tx.run(cypher, params)
    return [{key: plain(value) for key, value in record.items()} for record in result]


def _delete_document(tx: ManagedTransaction, doc_id: str) -> int | None:
    """A document, its events and their summaries' share, in one transaction; None when absent."""
    if tx.run(statement("document_sha256"), {"id": doc_id}).single() is None:
        return None
    affected = {(r["source"], r["predicate"], r["target"])
                for r in tx.run(statement("document_event_pairs"), {"id": doc_id})}
    events = tx.run(statement("count_document_events"), {"id": doc_id}).single()["n"]
    tx.run(statement("delete_document_events"), {"id": doc_id}).consume()
    tx.run(statement("delete_document"), {"id": doc_id}).consume()
    _refresh_summaries(tx, affected)
    return int(events)


def _refresh_summaries(tx: ManagedTransaction, affected: set[tuple[str, str, str]]) -> None:
    pairs_by_predicate: dict[str, list[dict[str, str]]] = defaultdict(list)
    for source, predicate, target in sorted(affected):
        pairs_by_predicate[predicate].append({"source": source, "target": target})
    for predicate, pairs in pairs_by_predicate.items():
        text = refresh_summary_statement(predicate)
        for batch in batches(pairs):
            tx.run(text, {"pairs": batch, "predicate": predicate, "modality": SUMMARY_MODALITY,
                          "origins": list(ORIGINS)}).consume()


class _LostEvents(Exception):
    """Events whose actor or document is missing: the transaction is rolled back."""


def _write_documents(tx: ManagedTransaction, members: list[DocumentRows],
                     written: Mapping[str, dict[str, Any]]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Documents' rows in one transaction: each document checked and its old events dropped, then
    documents, actors and events in batches, then the summaries: added to where only new documents
    touch a pair, counted again where a replaced document's old events went."""
    statuses: list[str] = []
    recount: set[Pair] = set()
    added: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    actors: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    pending: set[str] = set()
    wrote: dict[str, dict[str, Any]] = {}
    new: set[str] = set()
    known = {r["id"]: r["records_sha256"] for batch in batches([rows.document["id"] for rows in members])
             for r in tx.run(statement("documents_sha256"), {"ids": batch})}
    for rows in members:
        doc_id = rows.document["id"]
        if doc_id in pending:  # the same document twice: its first events must exist
            wrote.update(_create(tx, docs, actors, events, written, new))
            docs, actors, events, pending, new = [], {}, [], set(), set()
        found = doc_id in known
        if known.get(doc_id) == rows.document["records_sha256"]:
            statuses.append("unchanged")
            continue
        if not found:
            new.add(doc_id)
        known[doc_id] = rows.document["records_sha256"]
        pending.add(doc_id)
        if found:
            for r in tx.run(statement("document_event_pairs"), {"id": doc_id}):
                recount.add((r["source"], r["predicate"], r["target"]))
            recount |= {(e["source"], e["predicate"], e["target"]) for e in rows.events}
            tx.run(statement("delete_document_events"), {"id": doc_id}).consume()
        else:
            added += rows.events
        statuses.append("replaced" if found else "added")
        docs.append({**rows.document, **document_tally(rows.events)})
        for actor in rows.actors:  # a later record of an actor wins, as across transactions
            actors.pop(actor["id"], None)
            actors[actor["id"]] = actor
        events += rows.events
    wrote.update(_create(tx, docs, actors, events, written, new))
    published = {rows.document["id"]: rows.document.get("published") for rows in members}
    for predicate, pairs in summary_increments(added, recount, published).items():
        text = typed_statement("add_summaries", type=relationship_type(predicate))
        for batch in batches(pairs):
            tx.run(text, {"pairs": batch, "origins": list(ORIGINS)}).consume()
    _refresh_summaries(tx, recount)
    return statuses, wrote


def _create(tx: ManagedTransaction, docs: list[dict[str, Any]], actors: Mapping[str, dict[str, Any]],
            events: list[dict[str, Any]], written: Mapping[str, dict[str, Any]],
            new: set[str]) -> dict[str, dict[str, Any]]:
    """Documents (created when the store has none of that id), the actors not written unchanged before, and
    events, all new; the actors it wrote."""
    for name, rows in (("create_documents", [d for d in docs if d["id"] in new]),
                       ("merge_documents", [d for d in docs if d["id"] not in new])):
        for batch in batches(rows):
            tx.run(statement(name), {"docs": batch}).consume()
    changed = {a["id"]: a for a in actors.values() if written.get(a["id"]) != a}
    for batch in batches(list(changed.values())):
        tx.run(statement("merge_actors"), {"rows": batch}).consume()
    ids_by_type: dict[str, list[str]] = defaultdict(list)
    for actor in changed.values():
        ids_by_type[actor["type"]].append(actor["id"])
    for type_name, ids in sorted(ids_by_type.items()):
        for batch in batches(ids):
            tx.run(set_actor_type_statement(type_name), {"ids": batch}).consume()
    published = {d["id"]: d["published"] for d in docs}
    for batch in batches(events):
        rows = [{**e, "effective_date": e["date"] or published.get(e["document"])} for e in batch]
        done = tx.run(statement("create_events"), {"rows": rows}).single()
        if done is None or done["written"] != len(batch):
            raise _LostEvents("some events lost their actor or document")
    return changed


def _actor_row(props: Mapping[str, Any]) -> dict[str, Any]:
    row = {f: props.get(f) for f in ACTOR_FIELDS}
    row["aliases"] = list(props.get("aliases") or [])
    return row


def _event_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """An event's properties and its source, target and document ids, in EVENT_FIELDS order."""
    merged = {**row["event"], "source": row["source"], "target": row["target"], "document": row["document"]}
    return {f: merged.get(f) for f in EVENT_FIELDS}


def plain(value: Any) -> Any:
    """A driver value as plain Python: a node or relationship is the dict of its properties."""
    if isinstance(value, (Node, Relationship)):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, GraphPath):
        return [plain(n) for n in value.nodes]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else str(value)
