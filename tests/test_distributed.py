"""Extraction on a Dask distributed cluster (a local one of two worker processes): the shards it writes load
to the graph a single-process ingest of the same files gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.api import ConflictKG
from ckg.cli import cli
from graph.embedded import EmbeddedStore
from loaders.distributed import distribute
from loaders.shards import read_shard
from ontology.errors import CkgError

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "examples", REPO / "tests" / "data" / "acled", REPO / "tests" / "data" / "gdelt"]


def test_shards_from_a_local_cluster_load_to_the_single_process_graph(tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    reports = distribute(SOURCES, shards, workers=2, files_per_task=3)
    assert [Path(r.shard).name for r in reports] == [f"part-{n:05d}.records.jsonl" for n in range(len(reports))]
    assert sum(r.documents for r in reports) == 24  # 16 articles, 4 ACLED rows, 4 GDELT rows
    assert sum(len(r.errors) for r in reports) == 9
    with EmbeddedStore(tmp_path / "one.db") as one, EmbeddedStore(tmp_path / "many.db") as many:
        single = ConflictKG(one).ingest(SOURCES)
        loaded = ConflictKG(many).ingest([shards])
        assert (len(single.results), len(single.errors), len(loaded.results), loaded.errors) == (24, 9, 24, [])
        assert [r.document_id for r in loaded.results] == [r.document_id for r in single.results]
        assert many.stats() == one.stats()
        assert many.snapshot() == one.snapshot()


def test_a_shard_line_that_is_no_record_is_one_line(tmp_path: Path) -> None:
    shard = tmp_path / "part-00000.records.jsonl"
    shard.write_text('{"id": "a", "lang": "en", "title": "t", "actors": [], "relations": []}\n{"id": 1}\n[\n')
    assert [str(i) if not hasattr(i, "relations") else i.id for i in read_shard(shard)] == [
        "a", f"{shard}:2: not a record of ckg distribute (KeyError: 'lang')",
        f"{shard}:3: malformed JSON line: Expecting value"]


def test_a_folder_with_shards_is_refused(tmp_path: Path) -> None:
    (tmp_path / "part-00000.records.jsonl").write_text("")
    with pytest.raises(CkgError) as err:
        distribute(SOURCES[:1], tmp_path)
    assert str(err.value) == f"{tmp_path} already holds shards (part-00000.records.jsonl, ...): give an empty folder"
    result = CliRunner().invoke(cli, ["distribute", str(SOURCES[0]), "--shards", str(tmp_path)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path} already holds shards (part-00000.records.jsonl, ...): give an empty folder\n")
