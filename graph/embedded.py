"""The embedded store: the DESIGN.md §4 graph model in LadybugDB, an embedded graph database on disk.

The schema comes from the ontology (graph/schema.py); every statement lives in
graph/cypher/embedded/*.cypher, or in graph/cypher/ when both databases read it alike, and values travel
as parameters bound by the database.

Concurrency. One process writes at a time: the database locks its file, and a second writer stops at
once with "the store is in use by process N". Readers open the database read-only beside the writer
and see the documents committed when they opened it. The writer folds its log into the database file
(a checkpoint) only while no reader is open, which a lock file beside the database (PATH.lock)
arbitrates: readers hold it shared, the writer takes it alone for its checkpoints, its opening and
its closing. Documents are written in groups, each group one transaction, so a crash leaves whole
documents; the next opening replays what was committed and drops the rest. A run that writes many events
leaves its summary relationships to be counted again at its end (graph/embedded_recount.py).

Memory. The page cache is capped; the tables a transaction writes to keep memory in it that no checkpoint
gives back, so the writer opens the database afresh after a checkpoint that leaves the cache over
REOPEN_SHARE full.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import ladybug

from graph.embedded_paths import damage_error, is_damage, open_error, path_problem
from graph.embedded_recount import DEFER_SHARE, Progress, Upkeep, recount
from graph.embedded_schema import check_schema, create_schema, table_names
from graph.embedded_support import (
    BUFFER_POOL_BYTES,
    CHECKPOINT_LOG_BYTES,
    GROUP_EVENTS,
    REOPEN_SHARE,
    SCALARS,
    WRITER_POOL_BYTES,
    LockFile,
    actor_row,
    batches,
    dialect,
    event_groups,
    event_row,
    event_rows,
    give_back_freed_memory,
    months_of,
    plain,
    query_error,
    statement,
    summary_statement,
)
from graph.guard import check_parameters, check_user_query
from graph.model import ACTOR_FIELDS, DOCUMENT_FIELDS, DocumentRows
from graph.schema import SUMMARIES_BEHIND, UPKEEP, quoted
from graph.store import ACTOR_EVENT_EXTRA, QUERY_TIMEOUT_SECONDS, DeleteResult, Store, event_sort_key
from graph.tallies import SUMMARY_MODALITY, Pair, document_tally, stats_from, summary_increments
from ontology.errors import StoreError


class EmbeddedStore(Store):
    """The default store: no server, one database file (and its log and lock file beside it).

    read_only=True opens an existing graph for reading, beside a writer if one is running; a missing
    graph is an error. Otherwise the database is created when missing and this process is its writer, which
    leaves the summary relationships for a recount once a run has written defer_share of the events already
    stored (graph/embedded_recount.py; math.inf: never). buffer_pool_bytes caps the database's page cache
    (default: WRITER_POOL_BYTES for the writer, BUFFER_POOL_BYTES for a reader).
    """

    group_events = GROUP_EVENTS

    def __init__(self, path: Path, *, read_only: bool = False, checkpoint_bytes: int | None = None,
                 defer_share: float = DEFER_SHARE, buffer_pool_bytes: int | None = None) -> None:
        self.path = Path(path)
        self.buffer_pool_bytes = buffer_pool_bytes or (BUFFER_POOL_BYTES if read_only else WRITER_POOL_BYTES)
        self.read_only = read_only
        # what was written since the last fold stays in the page cache, about twice the log's size
        self.checkpoint_bytes = checkpoint_bytes or min(CHECKPOINT_LOG_BYTES, self.buffer_pool_bytes // 8)
        self.defer_share = defer_share
        self._db: Any = None
        self._conn: Any = None
        # actors as this process wrote them in committed transactions, and in the one under way
        self._written: dict[str, dict[str, Any]] = {}
        self._pending_actors: dict[str, dict[str, Any]] = {}
        self._upkeep: Upkeep | None = None  # a writer's summaries: kept up, or waiting for a recount
        problem = path_problem(self.path)  # nothing at the path is touched when it cannot hold a store
        if problem is not None:
            raise problem
        if read_only and not self.path.exists():
            raise StoreError(f"no graph at {self.path}; run ckg ingest first")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = LockFile(self.path)
        try:
            self._open()
        except BaseException:
            self._lock.close()
            raise

    def _open(self) -> None:
        self._lock.acquire(shared=self.read_only)
        try:
            self._connect()
            if self.read_only:
                check_schema(self._conn, self.path)
            else:
                create_schema(self._conn)
                behind = self.summaries_behind()
        except Exception as exc:  # a damaged file fails in LadybugDB in many ways (RuntimeError, MemoryError)
            self._drop()
            self._lock.release()
            raise open_error(self.path, exc) from None
        if not self.read_only:
            self._lock.release()  # readers may come now; the database's own lock keeps other writers out
            events = sum(int(row["n"]) for row in self._read("stats_events"))
            self._upkeep = Upkeep(counted=events, share=self.defer_share, behind=behind)

    def _connect(self) -> None:
        self._db = ladybug.Database(str(self.path), read_only=self.read_only, auto_checkpoint=False,
                                    buffer_pool_size=self.buffer_pool_bytes)
        self._conn = ladybug.Connection(self._db)

    def _drop(self) -> None:
        for thing in (self._conn, self._db):
            if thing is not None:
                with contextlib.suppress(Exception):
                    thing.close()
        self._conn = self._db = None

    def close(self) -> None:
        """Close the database; the writer first folds its log into the file, alone."""
        if self._db is None:
            self._lock.close()
            return
        if self.read_only:
            self._drop()
            self._lock.release()
        else:
            self.settle()
            self._lock.acquire(shared=False)
            try:
                with contextlib.suppress(RuntimeError):
                    self._conn.execute("CHECKPOINT")
                self._drop()
            finally:
                self._lock.release()
        self._lock.close()

    def _checkpoint_if_alone(self, wait: bool = False) -> None:
        """Fold a long log into the file when no reader is open; otherwise later. wait: fold it now, after
        the readers open now are done (the database holds what was written since the last fold in memory)."""
        try:
            size = os.path.getsize(f"{self.path}.wal")
        except OSError:
            return
        if (wait or size >= self.checkpoint_bytes) and self._lock.acquire(shared=False, wait=wait):
            try:
                self._conn.execute("CHECKPOINT")
                if self.page_cache_bytes() > REOPEN_SHARE * self.buffer_pool_bytes:
                    self._reopen()
                give_back_freed_memory()
            finally:
                self._lock.release()

    def _reopen(self) -> None:
        """Open the database afresh, the log just folded: what its tables kept in the page cache goes."""
        self._drop()
        try:
            self._connect()
        except Exception as exc:
            self._drop()
            raise open_error(self.path, exc) from None

    # -- running statements ------------------------------------------------------------------

    def _rows(self, text: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self._conn.execute(text, dict(params or {}))
            names = result.get_column_names()
            return [dict(zip(names, row, strict=True)) for row in result.get_all()]
        except (RuntimeError, UnicodeDecodeError, MemoryError) as exc:
            if is_damage(exc):  # pages the opening did not read
                raise damage_error(self.path, exc) from None
            raise

    def _read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        self._settle_before_reading()
        try:
            return self._rows(statement(name), params)
        except RuntimeError as exc:
            raise StoreError(f"reading {self.path} failed: {str(exc).splitlines()[0]}") from None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open for reading only; open it without read_only to write")

    # -- writing -----------------------------------------------------------------------------

    def _write_rows(self, members: list[DocumentRows], what: str) -> list[str]:
        self._writable()
        assert self._upkeep is not None
        events = sum(len(rows.events) for rows in members)
        deferred = self._upkeep.defers(events)
        statuses = self._transaction(lambda: self._write_documents(members, deferred), what)
        self._upkeep.wrote(events, deferred)
        return statuses

    def _after_group(self) -> None:
        if not self.read_only:
            if self._upkeep and self._upkeep.recount_due():
                self.settle()
            self._checkpoint_if_alone()

    def settle(self, progress: Progress | None = None) -> None:
        """Count the summary relationships again if this writer left them behind, or found them so."""
        if self.read_only or self._upkeep is None or not self._upkeep.behind:
            return

        def write(name: str, predicate: str, params: Mapping[str, Any]) -> None:
            self._conn.execute(summary_statement(name, predicate), dict(params))

        recount(lambda name, params: self._rows(statement(name), params), write, self._transaction,
                lambda fold: self._checkpoint_if_alone(wait=fold), progress)
        self._upkeep.counted_again(sum(int(row["n"]) for row in self._rows(statement("stats_events"))))

    def _settle_before_reading(self) -> None:  # a writer reads its own writes, summaries counted
        if self._upkeep is not None and self._upkeep.behind:
            self.settle()

    def page_cache_bytes(self) -> int:
        """Bytes the database's page cache holds now: cached pages and the memory its tables keep."""
        return int(self._rows(statement("pool_used"))[0]["used"])

    def summaries_behind(self) -> bool:
        if UPKEEP not in table_names(self._conn):
            return False  # a store from before the mark was kept
        return bool(self._rows(statement("summaries_behind"), {"mark": SUMMARIES_BEHIND})[0]["n"])

    def delete(self, document_ids: Sequence[str]) -> list[DeleteResult]:
        self._writable()
        results = []
        for doc_id in document_ids:
            events = self._transaction(lambda doc_id=doc_id: self._delete_document(doc_id), f"deleting {doc_id!r}")
            results.append(DeleteResult(doc_id, events is not None, events or 0))
        self._checkpoint_if_alone()
        return results

    def _write_documents(self, members: list[DocumentRows], deferred: bool) -> list[str]:
        """Documents' rows inside the caller's transaction: their stored digests looked up at once, then
        documents, actors and events in batches, then the summaries: added to where only new documents
        touch a pair, counted again where a replaced document's old events went; or, deferred, left with
        the mark that they are behind."""
        statuses: list[str] = []
        recount: set[Pair] = set()
        added: list[dict[str, Any]] = []
        docs: list[dict[str, Any]] = []
        actors: dict[str, dict[str, Any]] = {}
        events: list[dict[str, Any]] = []
        pending: set[str] = set()
        known = {r["id"]: r["records_sha256"] for batch in batches([rows.document["id"] for rows in members])
                 for r in self._rows(statement("documents_sha256"), {"ids": batch})}
        new: set[str] = set()
        for rows in members:
            doc_id = rows.document["id"]
            if doc_id in pending:  # the same document twice: its first events must exist to be replaced
                self._create(docs, actors, events, new)
                docs, actors, events, pending, new = [], {}, [], set(), set()
            digest = rows.document["records_sha256"]
            if known.get(doc_id) == digest:
                statuses.append("unchanged")
                continue
            if doc_id in known:
                if not deferred:
                    recount |= self._old_pairs(doc_id)
                    recount |= {(e["source"], e["predicate"], e["target"]) for e in rows.events}
                self._conn.execute(statement("delete_document_events"), {"id": doc_id})
            else:
                added += rows.events
            statuses.append("replaced" if doc_id in known else "added")
            if doc_id not in known:
                new.add(doc_id)
            known[doc_id] = digest
            docs.append({**{f: rows.document.get(f) for f in DOCUMENT_FIELDS}, **document_tally(rows.events)})
            for actor in rows.actors:  # a later record of an actor wins, as across transactions
                actors.pop(actor["id"], None)
                actors[actor["id"]] = {f: actor.get(f) for f in ACTOR_FIELDS}
            events += rows.events
            pending.add(doc_id)
        self._create(docs, actors, events, new)
        if deferred:
            self._conn.execute(statement("mark_summaries_behind"), {"mark": SUMMARIES_BEHIND})
            return statuses
        published = {rows.document["id"]: rows.document.get("published") for rows in members}
        for predicate, pairs in summary_increments(added, recount, published).items():
            for batch in batches(pairs):
                self._conn.execute(summary_statement("add_summaries", predicate), {"pairs": batch})
        self._refresh_summaries(recount)
        return statuses

    def _create(self, docs: list[dict[str, Any]], actors: Mapping[str, dict[str, Any]],
                events: list[dict[str, Any]], new: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        # a document the store has never held is created; merging it would look for it first
        for name, rows in (("create_documents", [d for d in docs if d["id"] in new]),
                           ("merge_documents", [d for d in docs if d["id"] not in new])):
            for batch in batches(rows):
                self._conn.execute(statement(name), {"docs": batch})
        # an actor as this process last wrote it needs no writing again
        changed = [a for a in actors.values() if self._written.get(a["id"]) != a]
        for batch in batches(changed):
            self._conn.execute(statement("merge_actors"), {"rows": batch})
        self._pending_actors.update((a["id"], a) for a in changed)
        published = {d["id"]: d["published"] for d in docs}
        rows = event_rows(events, published)
        for batch in batches(months_of(rows)):
            self._conn.execute(statement("merge_months"), {"months": batch})
        for text, batch in event_groups(rows):
            written = self._rows(text, {"rows": batch})
            if not written or written[0]["written"] != len(batch):
                raise RuntimeError("some events lost their actor or document")

    def _transaction(self, work: Any, what: str) -> Any:
        self._conn.execute("BEGIN TRANSACTION")
        self._pending_actors = {}
        try:
            value = work()
        except BaseException as exc:
            self._pending_actors = {}
            with contextlib.suppress(RuntimeError):
                self._conn.execute("ROLLBACK")
            if isinstance(exc, RuntimeError):
                raise StoreError(f"{self.path}: writing {what} failed; nothing of it was stored: "
                                 f"{str(exc).splitlines()[0]}") from None
            raise
        self._conn.execute("COMMIT")
        self._written.update(self._pending_actors)
        self._pending_actors = {}
        return value

    def _old_pairs(self, doc_id: str) -> set[tuple[str, str, str]]:
        return {(r["source"], r["predicate"], r["target"])
                for r in self._rows(statement("document_event_pairs"), {"id": doc_id})}

    def _delete_document(self, doc_id: str) -> int | None:
        """Remove a document and its events; None when there is no such document."""
        if not self._rows(statement("document_sha256"), {"id": doc_id}):
            return None
        affected = self._old_pairs(doc_id)
        events = self._rows(statement("count_document_events"), {"id": doc_id})[0]["n"]
        self._conn.execute(statement("delete_document_events"), {"id": doc_id})
        self._conn.execute(statement("delete_document"), {"id": doc_id})
        self._refresh_summaries(affected)
        return int(events)

    def _refresh_summaries(self, affected: set[tuple[str, str, str]]) -> None:
        by_predicate: dict[str, list[dict[str, str]]] = defaultdict(list)
        for source, predicate, target in sorted(affected):
            by_predicate[predicate].append({"source": source, "target": target})
        for predicate, pairs in by_predicate.items():
            for batch in batches(pairs):
                self._conn.execute(summary_statement("delete_summaries", predicate), {"pairs": batch})
                self._conn.execute(summary_statement("create_summaries", predicate),
                                   {"pairs": batch, "predicate": predicate, "modality": SUMMARY_MODALITY})

    # -- reading -----------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        actor_types = Counter({row["key"]: row["n"] for row in self._read("stats_actor_types")})
        return stats_from(self._read("stats_documents"), self._read("stats_events"), actor_types)

    def actor(self, key: str) -> dict[str, Any] | None:
        found = self._read("find_actor", key=key)
        if not found:
            return None
        rows = self._rows("MATCH (a:Actor {id: $id}) RETURN a AS actor", {"id": found[0]["id"]})
        return actor_row(rows[0]["actor"])

    def actor_events(self, actor_id: str) -> list[dict[str, Any]]:
        rows = []
        for row in self._read("actor_events", id=actor_id):
            event = event_row(row)
            event.update({f: row[f] for f in ACTOR_EVENT_EXTRA})
            rows.append(event)
        return sorted(rows, key=event_sort_key)

    def _page(self, kind: str, after: str, limit: int) -> list[dict[str, Any]]:
        rows = self._read(f"page_{kind}", after=after, limit=limit)
        if kind == "actors":
            return [actor_row(r["actor"]) for r in rows]
        if kind == "documents":
            return [{f: r["document"].get(f) for f in DOCUMENT_FIELDS} for r in rows]
        return [event_row(r) for r in rows]

    def run_query(self, cypher: str, params: Mapping[str, Any],
                  timeout: float | None = QUERY_TIMEOUT_SECONDS) -> list[dict[str, Any]]:
        """Run a researcher's Cypher in a read-only transaction, stopped after timeout seconds."""
        self._settle_before_reading()
        check_user_query(cypher)
        check_parameters(cypher, params)
        self._conn.set_query_timeout(int((timeout or 0) * 1000))
        try:
            self._conn.execute("BEGIN TRANSACTION READ ONLY")
            try:
                result = self._conn.execute(dialect(cypher), dict(params))
                names = result.get_column_names()
                return [{name: value if type(value) in SCALARS else plain(value)
                         for name, value in zip(names, row, strict=True)} for row in result.get_all()]
            finally:
                with contextlib.suppress(RuntimeError):
                    self._conn.execute("ROLLBACK")
        except (RuntimeError, UnicodeDecodeError, MemoryError) as exc:
            raise query_error(self.path, exc, timeout) from None
        finally:
            self._conn.set_query_timeout(0)


__all__ = ["EmbeddedStore", "plain", "quoted"]
