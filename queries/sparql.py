"""The SPARQL twins of the catalog (queries/*.rq) and researchers' own SPARQL, run on the engine that
graph/sparql.py fills with the store's RDF export.

A twin takes the parameters of its Cypher query, resolved the same way (queries/params.py). In a twin,
$name is a parameter and ?name a variable of the query (SPARQL itself reads both as one variable, so the
runner renames $name to ?param_name and binds that): a column may then share a parameter's name, as
source and target do in edge-evidence. A derived list fills the VALUES clause written 'VALUES ?var { $name }'
or 'VALUES (?a ?b) { $name }' (rows of a table by variable name).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from graph import sparql as engine_rows
from graph.store import Store
from ontology.errors import QueryError
from ontology.gazetteer import Gazetteer
from queries.catalog import check_params, get_query
from queries.params import Resolver

SUFFIX = ".rq"
PARAMETER_PREFIX = "param_"
_PARAMETER = re.compile(r"\$(\w+)")
_VALUES = re.compile(r"VALUES\s+(\?\w+|\((?:\s*\?\w+)+\s*\))\s*\{\s*\$(\w+)\s*\}")


def fill_values(text: str, values: Mapping[str, Any]) -> str:
    """The query with each 'VALUES ... { $name }' given the rows of that value."""

    def rows(match: re.Match[str]) -> str:
        variables = re.findall(r"\?(\w+)", match.group(1))
        name = match.group(2)
        if name not in values:
            raise QueryError(f"the query's VALUES names ${name}, which has no value")
        return f"VALUES {match.group(1)} {engine_rows.values_block(variables, values[name])}"

    return _VALUES.sub(rows, text)


def prepare(store: Store, name: str, params: Mapping[str, str],
            gazetteer: Gazetteer | None = None) -> tuple[str, dict[str, Any]]:
    """The SPARQL twin's text with its lists filled in, and the values of its parameter variables."""
    query = get_query(name, SUFFIX)
    check_params(query, params)
    values = Resolver(store, gazetteer).bind(query, params)
    scalars = {k: v for k, v in values.items() if not isinstance(v, list | tuple)}
    text = _PARAMETER.sub(lambda m: f"?{PARAMETER_PREFIX}{m.group(1)}" if m.group(1) in scalars else m.group(0),
                          fill_values(query.text, values))
    return text, {PARAMETER_PREFIX + k: v for k, v in scalars.items()}


def run(engine: ox.Store, store: Store, name: str, params: Mapping[str, str],
        gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Run the SPARQL twin of a catalog query; rows as dicts with the columns its header lists."""
    text, bindings = prepare(store, name, params, gazetteer)
    return engine_rows.select(engine, text, bindings)


def run_text(engine: ox.Store, text: str, params: Mapping[str, str]) -> list[dict[str, Any]]:
    """Run a researcher's own SELECT; each -p KEY VALUE binds ?KEY to the string VALUE."""
    return engine_rows.select(engine, text, dict(params))
