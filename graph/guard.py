"""What a researcher's own Cypher may not do, checked on its text before either store runs it.

The stores enforce read-only themselves (a read-only transaction on the embedded database; an EXPLAIN
check and a read transaction on Neo4j). This check refuses what a read may still do and a shared
graph should not: reading files or URLs (LOAD CSV, LOAD FROM, file:// and http:// addresses), copying
or exporting data, loading extensions, changing settings, and calling procedures outside a small
read-only allow-list.

>>> check_user_query('MATCH (a:Actor) WHERE a.name = "LOAD CSV" RETURN a.id')
>>> check_user_query("LOAD CSV FROM $source AS row RETURN row")
Traceback (most recent call last):
...
ontology.errors.QueryError: LOAD reads files or URLs and is refused here; query the graph only
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ontology.errors import QueryError

_TOKEN = re.compile(
    r'"(?:[^"\\\n]|\\.)*"'        # double-quoted string
    r"|'(?:[^'\\\n]|\\.)*'"       # single-quoted string
    r"|`[^`]*`"                   # quoted name
    r"|//[^\n]*"                  # line comment
    r"|/\*.*?\*/",                # block comment
    re.DOTALL,
)
_URL = re.compile(r"^['\"]\s*(file|https?|ftp|s3|gs|az|hf)://", re.IGNORECASE)
_REFUSED = {
    "LOAD": "reads files or URLs",
    "COPY": "reads or writes files",
    "EXPORT": "writes files",
    "IMPORT": "reads files",
    "ATTACH": "opens other databases",
    "DETACH DATABASE": "closes databases",
    "INSTALL": "installs extensions",
    "USE": "switches databases",
    "PERIODIC": "runs writes in batches",
}
_WORD = {key: re.compile(r"(?<![\w.$])" + key.replace(" ", r"\s+") + r"\b", re.IGNORECASE) for key in _REFUSED}
_CALL = re.compile(r"(?<![\w.$])CALL\s*(\{|[A-Za-z_][\w.]*)", re.IGNORECASE)
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_SETTING = re.compile(r"(?<![\w.$])CALL\s+[A-Za-z_]\w*\s*=", re.IGNORECASE)

# Procedures and table functions that only describe the graph's schema.
READ_ONLY_PROCEDURES = frozenset({
    # Neo4j
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    # the embedded database
    "show_tables", "table_info", "show_connection",
})


def masked(cypher: str) -> str:
    """The text with the inside of strings, quoted names and comments blanked, positions kept."""
    return _TOKEN.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 1), cypher)


def check_user_query(cypher: str) -> None:
    """Refuse, with a one-line QueryError, what a researcher's read-only query may not do."""
    bare = masked(cypher)
    for token in _TOKEN.finditer(cypher):
        if _URL.match(token.group(0)):
            raise QueryError("file and network addresses (file://, http://) are refused here; query the graph only")
    if _SETTING.search(bare):
        raise QueryError("CALL name = value changes a database setting and is refused here; query the graph only")
    for key, pattern in _WORD.items():
        if pattern.search(bare):
            raise QueryError(f"{key} {_REFUSED[key]} and is refused here; query the graph only")
    for call in _CALL.finditer(bare):
        name = call.group(1)
        if name == "{":
            continue  # a subquery: its clauses are checked like the rest
        if name.lower() not in READ_ONLY_PROCEDURES:
            allowed = ", ".join(sorted(READ_ONLY_PROCEDURES))
            raise QueryError(f"CALL {name} is refused here; only these read-only procedures may be called: {allowed}")


def check_parameters(cypher: str, params: Mapping[str, Any]) -> None:
    """Name the first $parameter the query uses but no value was given for.

    >>> check_parameters("MATCH (a {id: $id}) WHERE a.name <> '$x' RETURN a", {"id": "gna"})
    """
    for match in _PARAMETER.finditer(masked(cypher)):
        name = match.group(1)
        if name not in params:
            given = ", ".join(f"${p}" for p in sorted(params)) or "none"
            raise QueryError(f"missing parameter ${name}: the query uses it but no value was given (given: {given}); "
                             f"add -p {name} VALUE")
