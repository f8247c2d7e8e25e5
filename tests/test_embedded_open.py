"""Opening the embedded store: a missing graph, another file, the store kinds, the schema and docstrings."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import graph.embedded_support
import graph.guard
import graph.schema
from graph.embedded import EmbeddedStore
from graph.schema import ddl
from graph.store import open_store
from ontology.errors import StoreError


def test_a_missing_graph_is_an_error_for_readers(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    with pytest.raises(StoreError) as caught:
        EmbeddedStore(missing, read_only=True)
    assert str(caught.value) == f"no graph at {missing}; run ckg ingest first"
    assert not missing.exists()


def test_another_file_is_refused_with_what_to_do(path: Path) -> None:
    path.write_text('{"format": "conflict-kg-graph", "version": 1, "actors": []}', encoding="utf-8")
    for read_only in (True, False):
        with pytest.raises(StoreError) as caught:
            EmbeddedStore(path, read_only=read_only)
        message = str(caught.value)
        assert message == (f"graph at {path} is damaged or not a conflict-kg store: it is not a LadybugDB database "
                           "file; move it aside and run ckg ingest again")
    assert path.read_text(encoding="utf-8").startswith('{"format"')


def test_open_store_needs_a_path_and_a_known_kind() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("embedded")
    assert str(caught.value) == "the embedded store needs a database file: pass path (the CLI's --graph PATH)"
    with pytest.raises(StoreError) as caught:
        open_store("sqlite", path=Path("x"))
    assert str(caught.value) == "unknown store kind 'sqlite'; use 'embedded' or 'neo4j'"


def test_the_schema_follows_the_ontology() -> None:
    from ontology.vocabulary import PREDICATES

    statements = ddl()
    assert statements[:5] == (
        "CREATE NODE TABLE IF NOT EXISTS Actor(id STRING, type STRING, name STRING, name_ar STRING, "
        "aliases STRING[], wikidata STRING, cameo STRING, known BOOLEAN, PRIMARY KEY (id))",
        "CREATE NODE TABLE IF NOT EXISTS Document(id STRING, title STRING, lang STRING, published STRING, "
        "url STRING, sha256 STRING, records_sha256 STRING, origin STRING, events INT64, PRIMARY KEY (id))",
        "CREATE NODE TABLE IF NOT EXISTS Event(id STRING, predicate STRING, modality STRING, date STRING, "
        "cameo STRING, plover STRING, confidence DOUBLE, sentence STRING, start INT64, `end` INT64, origin STRING, "
        "provenance STRING, fatalities INT64, location STRING, latitude DOUBLE, longitude DOUBLE, "
        "effective_date STRING, target_id STRING, document_id STRING, PRIMARY KEY (id))",
        "CREATE NODE TABLE IF NOT EXISTS Month(id STRING, PRIMARY KEY (id))",
        "CREATE NODE TABLE IF NOT EXISTS Upkeep(id STRING, PRIMARY KEY (id))",
    )
    tables = 9 + len(PREDICATES)
    assert [s.split("(")[0].split()[-1] for s in statements[5:tables]] == [
        "SOURCE", "TARGET", "REPORTED_IN", "IN_MONTH", *PREDICATES]
    # a database made before the columns of event data gains them, its events read from text
    assert statements[tables:tables + 2] == ("ALTER TABLE Event ADD IF NOT EXISTS origin STRING DEFAULT 'text'",
                                             "ALTER TABLE Event ADD IF NOT EXISTS provenance STRING")
    assert statements[-2:] == ("ALTER TABLE RIOTS ADD IF NOT EXISTS origins STRING[]",
                               "ALTER TABLE RIOTS ADD IF NOT EXISTS days STRING[]")
    assert "ALTER TABLE Event ADD IF NOT EXISTS effective_date STRING" in statements
    assert "ALTER TABLE Document ADD IF NOT EXISTS events INT64" in statements

@pytest.mark.parametrize("module", [graph.embedded_support, graph.guard, graph.schema], ids=lambda m: m.__name__)
def test_docstring_examples_run(module) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0
    assert result.attempted >= 1
