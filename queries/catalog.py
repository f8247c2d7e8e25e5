"""The query catalog: one .cypher file per question beside this module, each opened by a header.

    // name: relations-of-actor
    // description: What the actor does to others ...
    // params: $actor (actor id)          or   // params: none
    // returns: predicate, target, ...

Catalog queries are written in the Cypher both stores run, so they give the same rows on both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.store import Store
from ontology.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent
HEADER_KEYS = ("name", "description", "params", "returns")

_HEADER_LINE = re.compile(r"^//\s*([a-z]+)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?")


@dataclass(frozen=True)
class CatalogQuery:
    """One catalog question. params maps each parameter name (without $) to what it means."""

    name: str
    description: str
    params: dict[str, str]
    returns: tuple[str, ...]
    text: str
    path: Path


def parse_query_file(path: Path) -> CatalogQuery:
    """Read a catalog file and its header; a QueryError names the file and the line to fix."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER_LINE.match(line.strip())
        if not match:
            break
        key, value = match.groups()
        if key in HEADER_KEYS:
            header[key] = value
    missing = [key for key in HEADER_KEYS if not header.get(key)]
    if missing:
        raise QueryError(
            f"{path}: the header lacks {', '.join(missing)}; open the file with "
            + " ".join(f"'// {key}: ...'" for key in HEADER_KEYS)
        )
    if header["name"] != path.stem:
        raise QueryError(f"{path}: the header names it {header['name']!r}; name it {path.stem!r} like its file")
    params: dict[str, str] = {}
    if header["params"].lower() != "none":
        params = {name: (meaning or "").strip() for name, meaning in _PARAM.findall(header["params"])}
        if not params:
            raise QueryError(f"{path}: '// params: {header['params']}' names no $parameter; write '// params: none'")
    returns = tuple(column.strip() for column in header["returns"].split(",") if column.strip())
    return CatalogQuery(header["name"], header["description"], params, returns, text, path)


@lru_cache(maxsize=1)
def _catalog() -> dict[str, CatalogQuery]:
    queries = [parse_query_file(path) for path in sorted(QUERY_DIR.glob("*.cypher"))]
    return {q.name: q for q in queries}


def list_queries() -> list[CatalogQuery]:
    """Every catalog query, by name."""
    return list(_catalog().values())


def get_query(name: str) -> CatalogQuery:
    try:
        return _catalog()[name]
    except KeyError:
        raise QueryError(f"unknown query {name!r}; the catalog has: {', '.join(_catalog())}") from None


def check_params(query: CatalogQuery, params: Mapping[str, Any]) -> None:
    """Refuse missing and unknown parameters, saying which -p to add or remove."""
    problems = []
    for name, meaning in query.params.items():
        if name not in params:
            about = f" ({meaning})" if meaning else ""
            problems.append(f"needs parameter {name}{about}: add -p {name} VALUE")
    takes = f"it takes: {', '.join(query.params)}" if query.params else "it takes none"
    for name in params:
        if name not in query.params:
            problems.append(f"takes no parameter {name} ({takes}): remove -p {name}")
    if problems:
        raise QueryError(f"query {query.name!r} " + "; ".join(problems))


def run(store: Store, name: str, params: Mapping[str, str]) -> list[dict[str, Any]]:
    """Run a catalog query on a store; rows as dicts with the columns its header lists."""
    query = get_query(name)
    check_params(query, params)
    return store.run_query(query.text, dict(params))
