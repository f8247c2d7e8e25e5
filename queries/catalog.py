"""The query catalog: one .cypher file per question beside this module, each opened by a header, and a
.rq twin of each in SPARQL over the RDF export, with the same header in '#' comments.

    // name: relations-of-actor
    // description: What the actor does to others ...
    // params: $actor (actor id or name)     or   // params: none
    // derived: $actor_group (...)           (optional: values the runner computes from the parameters)
    // window: $window (runs of actors ...)  (optional: rows ordered by actor or month first; see windows.py)
    // returns: predicate, target, ...

A parameter whose meaning ends in '; default: VALUE' may be left out. Catalog queries are written in the
Cypher both stores run, so they give the same rows on both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.store import Store
from ontology.errors import QueryError
from ontology.gazetteer import Gazetteer
from queries.windows import run_in_windows, window_kind

QUERY_DIR = Path(__file__).resolve().parent
HEADER_KEYS = ("name", "description", "params", "returns")
# File suffix -> the comment mark its header lines start with.
LANGUAGES = {".cypher": "//", ".rq": "#"}

# `ckg query` shows this many rows unless told otherwise (--limit; 0 for all), as explorers of event data
# page their answers: a question over a million events may have hundreds of thousands of rows.
DEFAULT_LIMIT = 1000
# The runner adds this clause after a query's ORDER BY; the database binds the number.
LIMIT_CLAUSE = "\nLIMIT $limit"

_HEADER_LINE = re.compile(r"^(?://|#)\s*([a-z]+)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?")
_DEFAULT = re.compile(r";\s*default:\s*(\S+)\s*$")


@dataclass(frozen=True)
class CatalogQuery:
    """One catalog question. params maps each parameter name (without $) to what it means; defaults
    holds the value of those that may be left out; derived names the values computed from them."""

    name: str
    description: str
    params: dict[str, str]
    returns: tuple[str, ...]
    text: str
    path: Path
    defaults: dict[str, str] = field(default_factory=dict)
    derived: dict[str, str] = field(default_factory=dict)
    window: str = ""


def _names(header: str, path: Path, key: str) -> dict[str, str]:
    if header.lower() == "none":
        return {}
    found = {name: (meaning or "").strip() for name, meaning in _PARAM.findall(header)}
    if not found:
        raise QueryError(f"{path}: '{key}: {header}' names no $parameter; write '{key}: none'")
    return found


def parse_query_file(path: Path) -> CatalogQuery:
    """Read a catalog file and its header; a QueryError names the file and the line to fix."""
    text = path.read_text(encoding="utf-8")
    mark = LANGUAGES.get(path.suffix, "//")
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER_LINE.match(line.strip())
        if not match or not line.strip().startswith(mark):
            break
        key, value = match.groups()
        if key in (*HEADER_KEYS, "derived", "window"):
            header[key] = value
    missing = [key for key in HEADER_KEYS if not header.get(key)]
    if missing:
        raise QueryError(
            f"{path}: the header lacks {', '.join(missing)}; open the file with "
            + " ".join(f"'{mark} {key}: ...'" for key in HEADER_KEYS)
        )
    if header["name"] != path.stem:
        raise QueryError(f"{path}: the header names it {header['name']!r}; name it {path.stem!r} like its file")
    params = _names(header["params"], path, f"{mark} params")
    defaults = {name: match.group(1) for name, meaning in params.items() if (match := _DEFAULT.search(meaning))}
    derived = _names(header.get("derived", "none"), path, f"{mark} derived")
    window = window_kind(header["window"], path) if "window" in header else ""
    returns = tuple(column.strip() for column in header["returns"].split(",") if column.strip())
    return CatalogQuery(header["name"], header["description"], params, returns, text, path, defaults, derived,
                        window)


@lru_cache(maxsize=2)
def _catalog(suffix: str) -> dict[str, CatalogQuery]:
    queries = [parse_query_file(path) for path in sorted(QUERY_DIR.glob(f"*{suffix}"))]
    return {q.name: q for q in queries}


def list_queries(suffix: str = ".cypher") -> list[CatalogQuery]:
    """Every catalog query, by name: the Cypher ones, or with suffix '.rq' their SPARQL twins."""
    return list(_catalog(suffix).values())


def get_query(name: str, suffix: str = ".cypher") -> CatalogQuery:
    try:
        return _catalog(suffix)[name]
    except KeyError:
        raise QueryError(f"unknown query {name!r}; the catalog has: {', '.join(_catalog(suffix))}") from None


def usage(query: CatalogQuery) -> str:
    """The -p options a query takes, those that may be left out in brackets: '-p actor ID [-p led yes]'."""
    parts = [f"[-p {name} {query.defaults[name]}]" if name in query.defaults else f"-p {name} {name.upper()}"
             for name in query.params]
    return " ".join(parts) or "-"


def check_params(query: CatalogQuery, params: Mapping[str, Any]) -> None:
    """Refuse missing and unknown parameters, saying which -p to add or remove."""
    problems = []
    for name, meaning in query.params.items():
        if name not in params and name not in query.defaults:
            about = f" ({meaning})" if meaning else ""
            problems.append(f"needs parameter {name}{about}: add -p {name} VALUE")
    takes = f"it takes: {', '.join(query.params)}" if query.params else "it takes none"
    for name in params:
        if name not in query.params:
            problems.append(f"takes no parameter {name} ({takes}): remove -p {name}")
    if problems:
        raise QueryError(f"query {query.name!r} " + "; ".join(problems))


def run(store: Store, name: str, params: Mapping[str, str],
        gazetteer: Gazetteer | None = None, limit: int = 0) -> list[dict[str, Any]]:
    """Run a catalog query on a store; rows as dicts with the columns its header lists, the first `limit`
    in the query's order (all when 0). Parameters are resolved first (names to ids, predicates to the
    ontology's spelling; see queries/params.py)."""
    return run_page(store, name, params, gazetteer, limit)[0]


def run_page(store: Store, name: str, params: Mapping[str, str], gazetteer: Gazetteer | None = None,
             limit: int = DEFAULT_LIMIT) -> tuple[list[dict[str, Any]], bool]:
    """The first `limit` rows of a catalog query (all when 0) and whether there are more: the database is
    asked for one row past the limit, so telling costs nothing."""
    from queries.params import Resolver

    if limit < 0:
        raise QueryError(f"a row limit is a number of rows, 0 for all, not {limit}")
    query = get_query(name)
    check_params(query, params)
    values = Resolver(store, gazetteer).bind(query, params)
    return run_bound(store, query, values, limit)


def run_bound(store: Store, query: CatalogQuery, values: Mapping[str, Any],
              limit: int = DEFAULT_LIMIT) -> tuple[list[dict[str, Any]], bool]:
    """run_page with the query's values already bound (derived ones included)."""
    if query.window:
        rows = run_in_windows(store, query.window, query.text, values, limit + 1 if limit else 0, LIMIT_CLAUSE)
        return (rows[:limit], len(rows) > limit) if limit else (rows, False)
    if not limit:
        return store.run_query(query.text, values), False
    rows = store.run_query(query.text.rstrip() + LIMIT_CLAUSE, {**values, "limit": limit + 1})
    return rows[:limit], len(rows) > limit
