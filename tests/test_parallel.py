"""Extraction on several processes gives exactly what one process gives, in the same order."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.api import ConflictKG, extract, load_gazetteer
from ckg.cli import cli
from loaders.parallel import extract_parallel, worker_count
from loaders.pipeline import Extractor, extract_paths
from ontology.errors import CkgError, InputError
from ontology.gazetteer import Gazetteer
from ontology.records import DocumentRecord
from tests.paths import EXAMPLES, SEED

SOURCES = [SEED, EXAMPLES]
# The seed, then every example in file-name order.
EXPECTED_PATHS = [str(SEED), *(str(p) for p in sorted(EXAMPLES.glob("*.txt")))]
EXTRA_GAZETTEER = {"actors": [{
    "id": "zed-qux", "type": "Person", "name": "Zed Qux", "aliases": ["Qux"],
    "positions": [{"predicate": "LEADS", "of": "turkey", "title_en": "Envoy", "from": "2019-01-01"}],
}]}
EXTRA_TEXT = "Zed Qux asked the Government of National Accord for military support.\n"


def as_json(items: list[DocumentRecord | InputError]) -> list[dict[str, object] | str]:
    return [str(item) if isinstance(item, InputError) else item.to_json() for item in items]


@pytest.fixture(scope="module")
def sequential() -> list[DocumentRecord | InputError]:
    return list(extract_paths(SOURCES))


def test_sequential_reference_covers_seed_and_examples(sequential: list[DocumentRecord | InputError]) -> None:
    assert [d.path for d in sequential if isinstance(d, DocumentRecord)] == EXPECTED_PATHS
    assert len(EXPECTED_PATHS) >= 9
    assert sum(len(d.relations) for d in sequential if isinstance(d, DocumentRecord)) > 30


def test_two_jobs_give_the_same_records_in_the_same_order(sequential: list[DocumentRecord | InputError]) -> None:
    parallel = list(extract_parallel(SOURCES, None, 2))
    assert as_json(parallel) == as_json(sequential)
    assert parallel == sequential  # paths and hashes too


def test_a_window_smaller_than_the_corpus_keeps_the_order(sequential: list[DocumentRecord | InputError]) -> None:
    assert as_json(list(extract_parallel(SOURCES, None, 2, window=3))) == as_json(sequential)


def test_spawned_workers_give_the_same_records(sequential: list[DocumentRecord | InputError]) -> None:
    spawn = multiprocessing.get_context("spawn")
    assert as_json(list(extract_parallel(SOURCES, None, 2, context=spawn, window=4))) == as_json(sequential)


def test_an_unreadable_file_in_the_middle_keeps_its_place(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "berlin-summit.en.txt", tmp_path / "a.en.txt")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    shutil.copy(EXAMPLES / "sisi-red-line.ar.txt", tmp_path / "c.ar.txt")
    missing = tmp_path / "gone.txt"
    items = list(extract_parallel([tmp_path, missing], None, 2))
    assert [type(i).__name__ for i in items] == ["DocumentRecord", "InputError", "DocumentRecord", "InputError"]
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"{tmp_path / 'b.txt'}: binary file, not text: give .txt, .md, .jsonl or .html documents",
        f"{missing}: no such file or directory",
    ]
    assert as_json(items) == as_json(list(extract_paths([tmp_path, missing])))


def test_one_job_starts_no_process_and_two_start_two() -> None:
    one = extract_parallel(SOURCES, None, 1)
    next(one)
    assert multiprocessing.active_children() == []
    one.close()
    two = extract_parallel(SOURCES, None, 2, context=multiprocessing.get_context("fork"))
    next(two)
    assert len(multiprocessing.active_children()) == 2
    two.close()  # a caller that stops early shuts the workers down
    assert multiprocessing.active_children() == []


def test_extra_gazetteer_files_reach_the_workers(tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps(EXTRA_GAZETTEER), encoding="utf-8")
    (tmp_path / "doc.en.txt").write_text(EXTRA_TEXT, encoding="utf-8")
    gazetteer = load_gazetteer([extra])
    expected = list(extract_paths([tmp_path / "doc.en.txt"], Extractor(gazetteer)))
    [record] = expected
    assert isinstance(record, DocumentRecord)
    assert [a.id for a in record.actors] == ["gna", "zed-qux"]
    spawn = multiprocessing.get_context("spawn")
    assert as_json(list(extract_parallel([tmp_path / "doc.en.txt"], gazetteer, 2, context=spawn))) == as_json(expected)
    assert as_json(list(extract([tmp_path / "doc.en.txt"], gazetteer, jobs=2))) == as_json(expected)


def test_the_gazetteer_reaches_the_workers_whole() -> None:
    gazetteer = load_gazetteer([], ["libya"])
    clone = pickle.loads(pickle.dumps(gazetteer))
    assert clone == gazetteer
    assert (clone.home, clone.sides, clone.packs, clone.phrases) == (
        gazetteer.home, gazetteer.sides, ("libya",), gazetteer.phrases)
    assert clone.phrases["en"]["the_country"] == ("the oil-rich country",)


def test_a_bad_gazetteer_file_fails_in_the_caller(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"actors": [{"id": "x"}]}', encoding="utf-8")
    with pytest.raises(CkgError, match="bad.json"):
        load_gazetteer([bad])


def test_a_failure_in_one_document_is_reported_alike_and_the_run_goes_on(tmp_path: Path) -> None:
    base = Gazetteer.default()
    # A person leading an actor the gazetteer lacks: loading would refuse it, a hand-built one does not.
    template = base.get("erdogan")
    lost = dataclasses.replace(
        template, id="zed-qux", name="Zed Qux", name_ar=None, aliases=(), aliases_ar=(), wikidata=None,
        positions=(dataclasses.replace(template.positions[0], of="atlantis"),),
    )
    broken = Gazetteer({**base.actors, "zed-qux": lost}, base.sides)
    (tmp_path / "doc.en.txt").write_text(EXTRA_TEXT, encoding="utf-8")
    (tmp_path / "next.en.txt").write_text("Egypt condemned the attack.\n", encoding="utf-8")
    one = list(extract_paths([tmp_path], Extractor(broken)))
    two = list(extract_parallel([tmp_path], broken, 2))
    assert as_json(one) == as_json(two)
    assert [type(i).__name__ for i in two] == ["InternalError", "DocumentRecord"]
    assert str(two[0]) == f"internal error in {tmp_path / 'doc.en.txt'} (please report): KeyError: 'atlantis'"
    assert "Traceback" in two[0].detail and "KeyError: 'atlantis'" in two[0].detail


def test_a_worker_that_cannot_start_reports_why(tmp_path: Path) -> None:
    not_actors = Gazetteer({"x": "not an actor"})  # type: ignore[dict-item]
    with pytest.raises(AttributeError, match="'str' object has no attribute"):
        list(extract_parallel(SOURCES, not_actors, 2))


def test_jobs_zero_means_one_per_core() -> None:
    assert worker_count(0) == (os.cpu_count() or 1)
    assert worker_count(3) == 3
    with pytest.raises(CkgError, match="jobs must be 0"):
        worker_count(-1)


def test_cli_extract_output_is_the_same_for_any_jobs(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["--graph", str(tmp_path / "g.db"), "extract", str(SEED), str(EXAMPLES)]
    one = runner.invoke(cli, [*args, "--jobs", "1"], catch_exceptions=False)
    two = runner.invoke(cli, [*args, "--jobs", "2"], catch_exceptions=False)
    assert (one.exit_code, two.exit_code) == (0, 0)
    assert len(json.loads(one.output)["documents"]) == len(EXPECTED_PATHS)
    assert two.output == one.output


def test_cli_ingest_stores_the_same_graph_for_any_jobs(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        graph = ["--graph", str(tmp_path / f"g{jobs}.db")]
        ingest = runner.invoke(cli, [*graph, "ingest", "--jobs", jobs, str(SEED), str(EXAMPLES)],
                               catch_exceptions=False)
        stats = runner.invoke(cli, [*graph, "stats", "--format", "json"], catch_exceptions=False)
        assert (ingest.exit_code, stats.exit_code) == (0, 0)
        outputs.append((ingest.output, stats.output))
    assert outputs[1] == outputs[0]
    n = len(EXPECTED_PATHS)
    assert outputs[0][0].startswith(f"{n} documents ({n} added, 0 replaced, 0 unchanged), ")
    assert json.loads(outputs[0][1])["documents"] == n


def test_api_ingest_with_jobs_matches_one_job(tmp_path: Path) -> None:
    counts = []
    for jobs in (1, 2):
        seen: list[str] = []
        with ConflictKG.open("embedded", graph=tmp_path / f"g{jobs}.db") as kg:
            report = kg.ingest(SOURCES, on_document=seen.append, batch_size=4, jobs=jobs)
            counts.append((seen, report.results, kg.stats()))
    assert counts[1] == counts[0]
    assert counts[0][0] == EXPECTED_PATHS


def test_jobs_give_byte_identical_output_with_packs_and_dictionaries(tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps(EXTRA_GAZETTEER), encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("HARBOUR_WARDEN {HARBOUR_WARDENS} [~COP]\n", encoding="utf-8")
    actors = tmp_path / "actors.txt"
    actors.write_text("NORTHERN_SHIELD_BRIGADE [SDNREB]\n+SHIELD_BRIGADE\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.en.txt").write_text("Turkish harbour wardens and the Shield Brigade clashed with unidentified gunmen.\n",
                                   encoding="utf-8")
    shutil.copy(SEED, docs / SEED.name)
    runner = CliRunner()
    base = ["--pack", "libya", "--pack", "yemen", "--gazetteer", str(extra), "--gazetteer", str(agents),
            "--gazetteer", str(actors), "extract", str(docs), str(EXAMPLES)]
    one = runner.invoke(cli, [*base, "--jobs", "1"], catch_exceptions=False)
    two = runner.invoke(cli, [*base, "--jobs", "2"], catch_exceptions=False)
    assert (one.exit_code, two.exit_code) == (0, 0)
    assert two.output == one.output
    [doc] = [d for d in json.loads(one.output)["documents"] if d["id"] == "a"]
    assert [a["id"] for a in doc["actors"]] == [
        "libya+yemen/unattributed/gunmen", "northern-shield-brigade", "turkey/police"]
