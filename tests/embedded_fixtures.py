"""The embedded store's fixtures shared by its test modules: a fresh store and one holding both documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import both_documents

from graph.embedded import EmbeddedStore
from graph.model import event_id
from ontology.records import DocumentRecord


def ids_of(doc: DocumentRecord) -> list[str]:
    return sorted(event_id(doc.id, r) for r in doc.relations)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "graph.db"


@pytest.fixture
def store(path: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(path) as opened:
        yield opened


@pytest.fixture
def loaded(store: EmbeddedStore) -> EmbeddedStore:
    store.ingest_many(both_documents())
    return store
