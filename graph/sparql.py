"""SPARQL over the RDF export, on an embedded engine (pyoxigraph, Oxigraph's Python binding).

The store's export (graph/rdf.py's statements, read a page at a time) is streamed as N-Triples into the
engine. For the embedded store the loaded engine is kept on disk beside the graph, in GRAPH.sparql/,
with the key of the store's state it was built from: the id and records digest of every document
(actors only change with documents). A run whose key matches queries it read-only; otherwise it is
built again in a new directory and swapped in, so readers never see half of it. Neo4j's export is loaded
in memory for each run.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.rdf import Statement, nt_term, statements
from graph.store import Store
from ontology.errors import QueryError, StoreError

CACHE_SUFFIX = ".sparql"
KEY_FILE = "KEY"
# Bumped when the export's shape changes, so that caches built before are built again.
EXPORT_VERSION = "1"

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                          "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                          "unsignedInt", "unsignedLong"))
_NUMBERS = frozenset(_XSD + t for t in ("decimal", "double", "float"))


class _NTriples(io.RawIOBase):
    """The export's statements as N-Triples bytes, made a chunk at a time as the engine reads."""

    def __init__(self, chunks: Iterable[list[Statement]]) -> None:
        self._chunks: Iterator[list[Statement]] = iter(chunks)
        self._pending = b""
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self.count += len(chunk)
            self._pending = "".join(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o, _ in chunk).encode()
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def state_key(store: Store) -> str:
    """A digest of what the store holds, from its documents' ids and records digests."""
    digest = hashlib.sha256(f"conflict-kg export {EXPORT_VERSION}\n".encode())
    for doc in store.iter_documents():
        digest.update(f"{doc['id']}\x1f{doc.get('records_sha256') or doc.get('sha256') or ''}\n".encode())
    return digest.hexdigest()


def fill(engine: ox.Store, store: Store) -> int:
    """Load the store's RDF export into the engine; returns the triples loaded."""
    stream = _NTriples(statements(store.iter_actors(), store.iter_documents(), store.iter_events()))
    engine.bulk_load(io.BufferedReader(stream, buffer_size=1 << 20), ox.RdfFormat.N_TRIPLES)
    return stream.count


def in_memory(store: Store) -> ox.Store:
    engine = ox.Store()
    fill(engine, store)
    return engine


def cached(store: Store, cache: Path) -> ox.Store:
    """The engine kept at `cache` for the store's present state, built (again) when it is missing or stale.
    A cache that cannot be written falls back to an engine in memory."""
    key = state_key(store)
    with contextlib.suppress(OSError):
        if (cache / KEY_FILE).read_text(encoding="utf-8") == key:
            return ox.Store.read_only(str(cache / "store"))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(dir=cache.parent, prefix=f".{cache.name}."))
    except OSError:
        return in_memory(store)
    try:
        engine = ox.Store(str(fresh / "store"))
        fill(engine, store)
        engine.flush()
        del engine
        (fresh / KEY_FILE).write_text(key, encoding="utf-8")
        old = cache.with_name(f".{cache.name}.old.{os.getpid()}")
        if cache.exists():
            os.replace(cache, old)
        os.replace(fresh, cache)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise StoreError(f"{cache}: cannot keep the SPARQL engine's data there ({exc.strerror}); "
                         "remove the directory or run where the graph's directory can be written") from None
    return ox.Store.read_only(str(cache / "store"))


def cache_path(graph: Path) -> Path:
    return graph.with_name(graph.name + CACHE_SUFFIX)


def plain(term: Any) -> Any:
    """A SPARQL result term as plain Python, as the stores give values: numbers as int or float,
    other literals as their lexical form (dates 'YYYY-MM-DD'), IRIs as strings, unbound as None."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _NUMBERS:
            return float(term.value)
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def select(engine: ox.Store, text: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run a SELECT query; rows as dicts in the order of its variables. bindings are values of
    variables of the query's outer group, joined in as its first VALUES row."""
    try:
        result = engine.query(with_bindings(text, bindings or {}))
    except SyntaxError as exc:
        raise QueryError(f"the SPARQL query does not parse: {' '.join(str(exc).split())}") from None
    except OSError as exc:
        raise QueryError(f"the SPARQL engine failed: {exc}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT queries run here; write SELECT ... WHERE { ... }")
    names = [v.value for v in result.variables]
    return [{name: plain(solution[name]) for name in names} for solution in result]


_OUTER_GROUP = re.compile(r"\bSELECT\b[^{]*\{", re.IGNORECASE | re.DOTALL)


def with_bindings(text: str, bindings: Mapping[str, Any]) -> str:
    """The query with the values of its variables given by a VALUES clause opening its outer group."""
    if not bindings:
        return text
    match = _OUTER_GROUP.search(text)
    if match is None:
        raise QueryError("parameters bind the variables of a SELECT query; write SELECT ... WHERE { ... }")
    names = list(bindings)
    head = " ".join("?" + n for n in names)
    clause = f" VALUES {head if len(names) == 1 else f'({head})'} {values_block(names, [dict(bindings)])}\n"
    return text[:match.end()] + clause + text[match.end():]


def to_term(value: Any) -> ox.Literal:
    """A parameter value as an RDF literal: strings plain, numbers and booleans typed."""
    if isinstance(value, bool | int | float | str):
        return ox.Literal(value)
    raise QueryError(f"a SPARQL parameter takes a string, number or boolean, not {type(value).__name__}")


def values_block(variables: list[str], rows: Iterable[Any]) -> str:
    """The data of a VALUES clause for these variables: each row a value (one variable) or a mapping by
    variable name; None is UNDEF. Terms are written by the engine's own serialisation."""
    lines = []
    for row in rows:
        cells = [row] if len(variables) == 1 and not isinstance(row, Mapping) else [row.get(v) for v in variables]
        terms = ["UNDEF" if cell is None else str(to_term(cell)) for cell in cells]
        lines.append(terms[0] if len(variables) == 1 else "(" + " ".join(terms) + ")")
    return "{ " + " ".join(lines) + " }"


def engine_for(store: Store, cache: bool = True) -> ox.Store:
    """The engine holding the store's export: kept beside an embedded graph (cache), else loaded now."""
    path = getattr(store, "path", None)
    if cache and isinstance(path, Path):
        return cached(store, cache_path(path))
    return in_memory(store)
