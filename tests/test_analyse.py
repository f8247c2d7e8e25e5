"""`ckg analyse`: names, explained measures, blocs that keep enemies apart, places left out, a time window;
on the corpus written for these tests (tests/data/rivals) and on examples/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli
from graph.analysis import EXPLAIN
from tests.paths import EXAMPLES

RIVALS = Path(__file__).resolve().parent / "data" / "rivals"
OWN_ACTORS = ["--pack", "none", "--gazetteer", str(RIVALS / "gazetteer.json")]


def _ingest(path: Path, *args: str) -> Path:
    news = RIVALS / "news" if args else EXAMPLES
    result = CliRunner().invoke(cli, [*args, "--graph", str(path), "ingest", str(news)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def rivals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _ingest(tmp_path_factory.mktemp("rivals") / "g.db", *OWN_ACTORS)


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _ingest(tmp_path_factory.mktemp("examples") / "g.db")


def _analyse(graph: Path, *args: str) -> dict:
    result = CliRunner().invoke(cli, ["--graph", str(graph), "analyse", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _ids(actors: list[dict]) -> list[str]:
    return [a["id"] for a in actors]


def test_rivals_blocs_balance_and_names(rivals: Path) -> None:
    data = _analyse(rivals)
    assert (data["window"], data["actors"], data["events"]) == ({"from": None, "to": None}, 5, 9)
    assert data["measures"] == EXPLAIN
    # Port Sava is a place: the Hill Army's shelling of it counts nowhere.
    assert [(a["id"], a["name"], a["events"]) for a in data["centrality"]] == [
        ("coast-gov", "Coastal Government", 6), ("southland", "Southland", 3), ("hill-army", "Hill Army", 4),
        ("river-front", "River Front", 2), ("northland", "Northland", 3)]
    assert round(sum(a["pagerank"] for a in data["centrality"]), 5) == 1.0
    # Southland only met the Coastal Government: talks make no ally, so nothing is frustrated.
    assert [_ids(b) for b in data["blocs"]] == [["coast-gov", "northland", "river-front"], ["hill-army", "southland"]]
    assert data["blocs"][1][0] == {"id": "hill-army", "name": "Hill Army", "name_ar": "جيش التلال",
                                   "type": "ArmedGroup"}
    assert (data["alone"], data["frustrated"]) == ([], [])
    assert data["balance"] == {"triangles": 1, "balanced": 1, "unbalanced": 0, "ratio": 1.0,
                               "unbalanced_triangles": []}


def test_a_time_window_keeps_the_events_dated_in_it(rivals: Path) -> None:
    spring = _analyse(rivals, "--from", "2020-03-01")
    assert (spring["window"], spring["actors"], spring["events"]) == ({"from": "2020-03-01", "to": None}, 3, 3)
    assert [_ids(b) for b in spring["blocs"]] == [["coast-gov", "river-front"]]
    assert _ids(spring["alone"]) == ["hill-army"]  # its only ties in spring are hostile
    # Undated events count at their document's date: "Northland condemned Southland" on 2020-02-10.
    thaw = _analyse(rivals, "--from", "2020-02-10", "--to", "2020-02-10")
    # ... and "Southland met the Coastal Government" the same day, which signs nothing.
    assert (thaw["events"], [_ids(b) for b in thaw["blocs"]], _ids(thaw["alone"])) == (
        2, [], ["northland", "southland"])
    winter = _analyse(rivals, "--to", "2020-01-31")
    assert (winter["events"], sorted(_ids(winter["centrality"]))) == (2, ["coast-gov", "hill-army", "northland"])


def test_the_table_names_actors_and_explains_each_measure(rivals: Path) -> None:
    result = CliRunner().invoke(cli, ["--graph", str(rivals), "analyse", "--from", "2020-03-01", "--top", "2"])
    assert result.exit_code == 0
    assert result.output == "\n".join([
        "3 actors, 3 asserted events, 2020-03-01 to the end (places and documents left out)",
        "", "Centrality", EXPLAIN["pagerank"], EXPLAIN["events"],
        "rank\tactor\ttype\tpagerank\tevents",
        "1\tCoastal Government\tGovernment\t0.3974\t2",
        "2\tRiver Front\tArmedGroup\t0.3878\t2",
        "", "Blocs", EXPLAIN["blocs"],
        "bloc\tactor\ttype\tid",
        "1\tCoastal Government\tGovernment\tcoast-gov",
        "1\tRiver Front\tArmedGroup\triver-front",
        "alone: Hill Army",
        "", "Structural balance", EXPLAIN["balance"],
        "triangles 1, balanced 1, unbalanced 0, ratio 1.00", ""])


def test_a_window_backwards_or_a_bad_date_is_refused(rivals: Path) -> None:
    runner = CliRunner()
    backwards = runner.invoke(cli, ["--graph", str(rivals), "analyse", "--from", "2020-03-01", "--to", "2020-01-01"])
    assert backwards.exit_code == 2 and "--from 2020-03-01 is after --to 2020-01-01" in backwards.output
    bad = runner.invoke(cli, ["--graph", str(rivals), "analyse", "--from", "March"])
    assert bad.exit_code == 2 and "'March' does not match the format '%Y-%m-%d'" in bad.output


def test_examples_keep_the_two_camps_of_libya_apart(examples: Path) -> None:
    data = _analyse(examples)
    bloc_of = {a["id"]: i for i, bloc in enumerate(data["blocs"]) for a in bloc}
    bloc_of.update({a["id"]: f"alone {a['id']}" for a in data["alone"]})
    lna_side = {bloc_of[a] for a in ("lna", "united-arab-emirates", "egypt", "russia")}
    gna_side = {bloc_of[a] for a in ("gna", "turkey")}
    assert len(lna_side) == 1 and len(gna_side) == 1 and lna_side != gna_side
    assert bloc_of["qatar"] not in lna_side
    # Enemies of the LNA, and outsiders with no tie of support to it, share no bloc with it.
    for actor in ("isis", "ansar-al-sharia", "qatar", "eu", "france"):
        assert bloc_of[actor] not in lna_side, actor
    kinds = {a["type"] for a in data["centrality"]} | {a["type"] for b in data["blocs"] for a in b}
    assert "Location" not in kinds
    assert data["centrality"][0]["name"] == "Libyan National Army"
