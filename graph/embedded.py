"""The embedded store: the DESIGN.md §4 graph model in a networkx MultiDiGraph, kept in one JSON file.

Nodes and edges carry the same labels and properties Neo4j holds (labels in ``__labels__``, which
grand-cypher reads), so the catalog's Cypher runs on both stores. Node keys are ``actor:<id>``,
``document:<id>`` and ``event:<id>``: the id is the index, so ingest never scans the graph.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from grandcypher import GrandCypher

from graph.model import ACTOR_FIELDS, DOCUMENT_FIELDS, EVENT_FIELDS, DocumentRows, GraphSnapshot
from graph.store import (
    ACTOR_EVENT_EXTRA,
    SUMMARY_MODALITY,
    IngestResult,
    Store,
    actor_label,
    checked_rows,
    event_sort_key,
    name_matches,
    relationship_type,
    stats_dict,
    summary_of,
)
from ontology.errors import QueryError, StoreError
from ontology.records import DocumentRecord

FILE_FORMAT = "conflict-kg-graph"
FILE_VERSION = 1

SOURCE, TARGET, REPORTED_IN = "SOURCE", "TARGET", "REPORTED_IN"
# An event node's own properties; source, target and document are its relationships.
EVENT_PROPERTIES = tuple(f for f in EVENT_FIELDS if f not in ("source", "target", "document"))

Pair = tuple[str, str, str]  # (source actor id, predicate, target actor id)


def actor_node(actor_id: str) -> str:
    return f"actor:{actor_id}"


def document_node(document_id: str) -> str:
    return f"document:{document_id}"


def event_node(event_id: str) -> str:
    return f"event:{event_id}"


def _properties(row: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """Node properties as Neo4j keeps them: a null property is an absent one."""
    return {f: row[f] for f in fields if row.get(f) is not None}


class EmbeddedStore(Store):
    """The default store: no server, one file. The file is rewritten atomically after each ingest."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.graph = nx.MultiDiGraph()
        self._load()

    # -- writing -----------------------------------------------------------------------------

    def ingest(self, doc: DocumentRecord) -> IngestResult:
        return self.ingest_many([doc])[0]

    def ingest_many(self, docs: Iterable[DocumentRecord]) -> list[IngestResult]:
        """Each document is checked before it touches the graph, so each is whole or absent;
        the file is written once, after the last document or the first refused one."""
        results: list[IngestResult] = []
        try:
            for doc in docs:
                rows = checked_rows(doc)
                status = self._apply(rows)
                results.append(IngestResult(doc.id, status, len(rows.actors), len(rows.events)))
        finally:
            if any(r.status != "unchanged" for r in results):
                self._save()
        return results

    def _apply(self, rows: DocumentRows) -> str:
        doc_id = rows.document["id"]
        node = document_node(doc_id)
        affected: set[Pair] = set()
        status = "added"
        if node in self.graph:
            if self.graph.nodes[node].get("records_sha256") == rows.document["records_sha256"]:
                return "unchanged"
            affected |= self._remove_events_of(node)
            status = "replaced"
        self._put_document(rows.document)
        for actor in rows.actors:
            self._put_actor(actor)
        for event in rows.events:
            self._put_event(event)
            affected.add((event["source"], event["predicate"], event["target"]))
        self._refresh_summaries(affected)
        return status

    def _put_document(self, row: Mapping[str, Any]) -> None:
        node = document_node(row["id"])
        if node in self.graph:
            self.graph.nodes[node].clear()
        self.graph.add_node(node, __labels__={"Document"}, **_properties(row, DOCUMENT_FIELDS))

    def _put_actor(self, row: Mapping[str, Any]) -> None:
        node = actor_node(row["id"])
        if node in self.graph:
            # The newest record wins, a changed type included; edges stay.
            self.graph.nodes[node].clear()
        props = _properties(row, ACTOR_FIELDS)
        props["aliases"] = list(row.get("aliases") or [])
        self.graph.add_node(node, __labels__={"Actor", actor_label(row["type"])}, **props)

    def _put_event(self, row: Mapping[str, Any]) -> None:
        node = event_node(row["id"])
        self.graph.add_node(node, __labels__={"Event"}, **_properties(row, EVENT_PROPERTIES))
        self.graph.add_edge(node, actor_node(row["source"]), key=SOURCE, __labels__={SOURCE})
        self.graph.add_edge(node, actor_node(row["target"]), key=TARGET, __labels__={TARGET})
        self.graph.add_edge(node, document_node(row["document"]), key=REPORTED_IN, __labels__={REPORTED_IN})
        if row["modality"] == SUMMARY_MODALITY:
            self._pair_events[(row["source"], row["predicate"], row["target"])].add(node)

    def _remove_events_of(self, doc_node: str) -> set[Pair]:
        pairs: set[Pair] = set()
        events = [ev for ev, _, key in self.graph.in_edges(doc_node, keys=True) if key == REPORTED_IN]
        for ev in events:
            ends = self._ends(ev)
            pair = (ends[SOURCE], self.graph.nodes[ev]["predicate"], ends[TARGET])
            pairs.add(pair)
            self._pair_events[pair].discard(ev)
            self.graph.remove_node(ev)
        return pairs

    def _ends(self, ev: str) -> dict[str, str]:
        """The ids of an event's source and target actors and of its document."""
        return {key: self.graph.nodes[other]["id"] for _, other, key in self.graph.out_edges(ev, keys=True)}

    def _refresh_summaries(self, pairs: Iterable[Pair]) -> None:
        for source, predicate, target in pairs:
            a, b = actor_node(source), actor_node(target)
            if self.graph.has_edge(a, b, key=predicate):
                self.graph.remove_edge(a, b, key=predicate)
            dates = [self.graph.nodes[ev].get("date") for ev in self._pair_events.get((source, predicate, target), ())]
            if dates:
                self._add_summary(a, b, predicate, summary_of(dates))

    def _add_summary(self, a: str, b: str, predicate: str, summary: Mapping[str, Any]) -> None:
        rel = relationship_type(predicate)
        self.graph.add_edge(a, b, key=rel, __labels__={rel}, **_properties(summary, ("events", "first", "last")))

    # -- the file ----------------------------------------------------------------------------

    def _save(self) -> None:
        """Write the whole graph to a temporary file beside the target, then rename it over the
        target: a reader sees the old file or the new one, never half of one."""
        snap = self.snapshot()
        data = {
            "format": FILE_FORMAT, "version": FILE_VERSION,
            "actors": snap.actors, "documents": snap.documents, "events": snap.events,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                # One compact line: json's C encoder only serves output without indentation.
                out.write(json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")))
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except (OSError, ValueError, TypeError) as exc:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            # Memory goes back to what the file holds, so the store and its file agree.
            self._load()
            raise StoreError(
                f"{self.path}: could not write the graph file ({type(exc).__name__}: {exc}); "
                "the file keeps its previous contents and the batch was not stored"
            ) from exc
        _fsync_directory(self.path.parent)

    def _load(self) -> None:
        self.graph = nx.MultiDiGraph()
        # (source, predicate, target) → its asserted events: summaries never rescan an actor's every event
        self._pair_events: defaultdict[Pair, set[str]] = defaultdict(set)
        if not self.path.exists():
            return
        redo = "move it aside or pass another store path, then ingest the documents again"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(f"{self.path} is not a conflict-kg graph file (invalid JSON: {exc}); {redo}") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the graph file ({exc.strerror})") from None
        if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise StoreError(
                f"{self.path} is not a conflict-kg graph file (format {found!r}, expected {FILE_FORMAT!r}); {redo}"
            )
        if data.get("version") != FILE_VERSION:
            raise StoreError(
                f"{self.path} is a conflict-kg graph file of version {data.get('version')!r}, "
                f"but this conflict-kg reads version {FILE_VERSION}; {redo}"
            )
        try:
            self._build(data)
        except (KeyError, TypeError, AttributeError, StoreError) as exc:
            self.graph = nx.MultiDiGraph()
            self._pair_events.clear()
            raise StoreError(f"{self.path} is damaged ({type(exc).__name__}: {exc}); {redo}") from None

    def _build(self, data: Mapping[str, Any]) -> None:
        for row in data["actors"]:
            self._put_actor(row)
        for row in data["documents"]:
            self._put_document(row)
        dates: dict[Pair, list[str | None]] = defaultdict(list)
        for row in data["events"]:
            for end in ("source", "target"):
                if actor_node(row[end]) not in self.graph:
                    raise StoreError(f"event {row['id']} names actor {row[end]!r}, which the file lacks")
            if document_node(row["document"]) not in self.graph:
                raise StoreError(f"event {row['id']} names document {row['document']!r}, which the file lacks")
            self._put_event(row)
            if row["modality"] == SUMMARY_MODALITY:
                dates[(row["source"], row["predicate"], row["target"])].append(row.get("date"))
        for (source, predicate, target), values in dates.items():
            self._add_summary(actor_node(source), actor_node(target), predicate, summary_of(values))

    # -- reading -----------------------------------------------------------------------------

    def _nodes(self, label: str) -> Iterable[tuple[str, dict[str, Any]]]:
        return ((n, d) for n, d in self.graph.nodes(data=True) if label in d["__labels__"])

    def _actor_row(self, data: Mapping[str, Any]) -> dict[str, Any]:
        row = {f: data.get(f) for f in ACTOR_FIELDS}
        row["aliases"] = list(data.get("aliases") or [])
        return row

    def _event_row(self, ev: str) -> dict[str, Any]:
        data = self.graph.nodes[ev]
        ends = self._ends(ev)
        row = {f: data.get(f) for f in EVENT_PROPERTIES}
        row.update(source=ends[SOURCE], target=ends[TARGET], document=ends[REPORTED_IN])
        return {f: row[f] for f in EVENT_FIELDS}

    def stats(self) -> dict[str, Any]:
        types: Counter[str] = Counter()
        predicates: Counter[str] = Counter()
        modalities: Counter[str] = Counter()
        documents = 0
        for _, data in self.graph.nodes(data=True):
            labels = data["__labels__"]
            if "Actor" in labels:
                types.update(labels - {"Actor"})
            elif "Event" in labels:
                predicates[data["predicate"]] += 1
                modalities[data["modality"]] += 1
            elif "Document" in labels:
                documents += 1
        return stats_dict(documents, types, predicates, modalities)

    def actor(self, key: str) -> dict[str, Any] | None:
        node = actor_node(key)
        if node in self.graph:
            return self._actor_row(self.graph.nodes[node])
        found = sorted((d["id"], n) for n, d in self._nodes("Actor") if name_matches(key, d))
        return self._actor_row(self.graph.nodes[found[0][1]]) if found else None

    def actor_events(self, actor_id: str) -> list[dict[str, Any]]:
        node = actor_node(actor_id)
        if node not in self.graph:
            return []
        events = {ev for ev, _, key in self.graph.in_edges(node, keys=True) if key in (SOURCE, TARGET)}
        rows = []
        for ev in events:
            row = self._event_row(ev)
            row["source_name"] = self.graph.nodes[actor_node(row["source"])].get("name")
            row["target_name"] = self.graph.nodes[actor_node(row["target"])].get("name")
            row["document_title"] = self.graph.nodes[document_node(row["document"])].get("title")
            rows.append({f: row[f] for f in (*EVENT_FIELDS, *ACTOR_EVENT_EXTRA)})
        return sorted(rows, key=event_sort_key)

    def snapshot(self) -> GraphSnapshot:
        actors = [self._actor_row(d) for _, d in self._nodes("Actor")]
        documents = [{f: d.get(f) for f in DOCUMENT_FIELDS} for _, d in self._nodes("Document")]
        events = [self._event_row(n) for n, _ in self._nodes("Event")]
        return GraphSnapshot(
            actors=sorted(actors, key=lambda r: r["id"]),
            documents=sorted(documents, key=lambda r: r["id"]),
            events=sorted(events, key=lambda r: r["id"]),
        )

    def run_query(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        text = bind_parameters(cypher, params)
        engine = GrandCypher(self.graph)
        # grand-cypher's experimental hints drop matches when WHERE joins conditions on two
        # variables with AND; plain matching with the WHERE filter gives the right rows.
        engine.auto_where_hints = False
        engine.auto_node_jsondata_hints = False
        try:
            columns = engine.run(text)
        except Exception as exc:  # grand-cypher raises lark, Key, Type and Assertion errors alike
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise QueryError(
                f"the embedded store cannot run this query ({type(exc).__name__}: {detail}); it runs a "
                "subset of Cypher (MATCH chains, WHERE, RETURN, ORDER BY, SKIP, LIMIT): simplify the query "
                "or use the Neo4j store"
            ) from None
        return _rows(columns, return_items(text))

    def close(self) -> None:
        """Nothing to release: every ingest has already been written to the file."""


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every platform can open a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- Cypher text: parameters and the RETURN clause ------------------------------------------------

_TOKEN = re.compile(
    r'"(?:[^"\\\n]|\\.)*"'        # double-quoted string
    r"|'(?:[^'\\\n]|\\.)*'"       # single-quoted string
    r"|`[^`]*`"                   # quoted name
    r"|//[^\n]*"                  # line comment
    r"|/\*.*?\*/",                # block comment
    re.DOTALL,
)
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_RETURN = re.compile(r"\bRETURN\b", re.IGNORECASE)
_RETURN_END = re.compile(r"\b(ORDER\s+BY|SKIP|LIMIT)\b", re.IGNORECASE)
_ALIAS = re.compile(r"^(.*?)\s+AS\s+([A-Za-z_][A-Za-z0-9_]*)$", re.IGNORECASE | re.DOTALL)


def _masked(cypher: str) -> str:
    """The text with the inside of strings, names and comments blanked, positions kept, so that
    keywords and $names are only found in the query itself."""
    return _TOKEN.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 1), cypher)


def cypher_literal(name: str, value: Any) -> str:
    """A parameter value as a Cypher literal that grand-cypher and Neo4j read back unchanged."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise QueryError(f"parameter ${name} is {value}; give a finite number")
        return repr(value)
    if isinstance(value, str):
        # JSON escapes are also Cypher's (and Python's, which grand-cypher uses to read strings).
        return json.dumps(value, ensure_ascii=False)
    raise QueryError(
        f"parameter ${name} is a {type(value).__name__}; the embedded store takes str, int, float or bool values"
    )


def bind_parameters(cypher: str, params: Mapping[str, Any]) -> str:
    """Replace each $name outside strings and comments by its value as a literal.

    >>> bind_parameters('MATCH (a:Actor {id: $actor}) WHERE a.name <> "$actor" RETURN a.id', {"actor": 'x"y'})
    'MATCH (a:Actor {id: "x\\\\"y"}) WHERE a.name <> "$actor" RETURN a.id'
    """
    masked = _masked(cypher)
    pieces: list[str] = []
    last = 0
    for match in _PARAMETER.finditer(masked):
        name = match.group(1)
        if name not in params:
            given = ", ".join(f"${p}" for p in sorted(params)) or "none"
            raise QueryError(f"missing parameter ${name}: the query uses it but no value was given (given: {given})")
        pieces.append(cypher[last:match.start()])
        pieces.append(cypher_literal(name, params[name]))
        last = match.end()
    pieces.append(cypher[last:])
    return "".join(pieces)


def _top_level_split(text: str, masked: str) -> list[str]:
    """Split on commas that are not inside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(masked):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def return_items(cypher: str) -> list[tuple[str, str]]:
    """The RETURN clause's items as (expression, column name) in order; the column name is the
    alias, or the expression as written (what Neo4j calls the column)."""
    masked = _masked(cypher)
    starts = [m for m in _RETURN.finditer(masked) if _depth(masked, m.start()) == 0]
    if not starts:
        return []
    begin = starts[-1].end()
    end_match = _RETURN_END.search(masked, begin)
    end = end_match.start() if end_match else len(masked)
    text, mask = cypher[begin:end], masked[begin:end]
    distinct = re.match(r"\s*DISTINCT\b", mask, re.IGNORECASE)
    if distinct:
        text, mask = text[distinct.end():], mask[distinct.end():]
    items = []
    for part in _top_level_split(text, mask):
        alias = _ALIAS.match(part)
        items.append((alias.group(1).strip(), alias.group(2)) if alias else (part, part))
    return items


def _depth(masked: str, position: int) -> int:
    prefix = masked[:position]
    return sum(prefix.count(c) for c in "([{") - sum(prefix.count(c) for c in ")]}")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", str(text)).lower()


def _rows(columns: Mapping[Any, list[Any]], items: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """grand-cypher's dict of columns as row dicts, keyed and ordered as the RETURN clause."""
    found = {str(k): v for k, v in columns.items()}
    ordered: dict[str, list[Any]] = {}
    for expression, name in items:
        key = name if name in found else next(
            (k for k in found if _squeeze(k) in (_squeeze(name), _squeeze(expression))), None
        )
        if key is None:
            break
        ordered[name] = found.pop(key)
    else:
        # Whatever the clause did not name (should grand-cypher add a column) keeps its own key.
        ordered.update(found)
        found = {}
    if found:
        ordered = {str(k): v for k, v in columns.items()}
    length = max((len(v) for v in ordered.values()), default=0)
    return [{k: _plain(v[i]) for k, v in ordered.items()} for i in range(length)]


def _plain(value: Any) -> Any:
    """Graph values as plain Python, as the Neo4j store returns them: a node or relationship is the
    dict of its properties."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if k != "__labels__"}
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)  # lark tokens are str subclasses
    return value
