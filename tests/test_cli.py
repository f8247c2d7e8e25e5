"""The `ckg` command line: exact output and exit codes through click's runner, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli
from tests.paths import EXAMPLES, SEED, SEED_DIR


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, graph: Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(cli, ["--graph", str(graph), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_every_command_is_documented_with_an_example() -> None:
    for name, command in cli.commands.items():
        assert command.help, name
        assert "Example:" in command.help, name
        assert f"ckg {name}" in command.help or (name == "extract" and "ckg extract" in command.help), name


def test_extract_prints_the_contract_json(runner: CliRunner, tmp_path: Path) -> None:
    out = _run(runner, tmp_path / "g.db", "extract", str(SEED), "--format", "json")
    data = json.loads(out)
    [doc] = data["documents"]
    assert doc["id"] == "gna-aid-request"
    assert len(doc["relations"]) == 29
    assert not (tmp_path / "g.db").exists()  # extract stores nothing


def test_ingest_twice_then_stats(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    assert _run(runner, graph, "ingest", str(SEED_DIR)) == (
        "1 documents (1 added, 0 replaced, 0 unchanged), 29 events; 0 failed\n"
    )
    assert _run(runner, graph, "ingest", str(SEED)) == (
        "1 documents (0 added, 0 replaced, 1 unchanged), 29 events; 0 failed\n"
    )
    stats = json.loads(_run(runner, graph, "stats", "--format", "json"))
    assert stats["documents"] == 1
    assert stats["events"] == {
        "APPEALS_TO": 5, "ATTACKS": 2, "CONDEMNS": 2, "DEPLOYS_TO": 1,
        "OFFERS_SUPPORT": 1, "REQUESTS_AID_FROM": 15, "SIGNS_AGREEMENT_WITH": 1, "SUPPORTS": 2,
    }
    assert stats["actors"] == {
        "ArmedGroup": 3, "Government": 1, "InternationalOrganization": 1, "Location": 1, "Person": 2, "State": 8,
    }


def test_bad_files_fail_loudly_but_the_rest_load(runner: CliRunner, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    (docs / "good.en.txt").write_text("Egypt condemned the Turkish intervention in Libya.\n")
    result = runner.invoke(cli, ["--graph", str(tmp_path / "g.db"), "ingest", str(docs)])
    assert result.exit_code == 1
    assert "1 documents (1 added, 0 replaced, 0 unchanged), 1 events; 1 failed" in result.output
    assert f"error: {docs / 'bad.txt'}: binary file, not text" in result.output


def test_show_and_query(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    _run(runner, graph, "ingest", str(SEED))
    shown = _run(runner, graph, "show", "مصر")
    assert shown.splitlines()[0] == "Egypt / مصر [State] id=egypt wikidata=Q79"
    assert shown.splitlines()[1] == "- Egypt SUPPORTS Libyan National Army (asserted, undated) [gna-aid-request]"
    rows = json.loads(_run(runner, graph, "query", "supporters-of", "-p", "actor", "lna", "--format", "json"))
    assert sorted(r["supporter"] for r in rows) == ["egypt", "united-arab-emirates"]
    missing = runner.invoke(cli, ["--graph", str(graph), "query", "supporters-of"])
    assert missing.exit_code == 1
    assert "actor" in missing.output and "-p" in missing.output
    unknown = runner.invoke(cli, ["--graph", str(graph), "show", "nobody-at-all"])
    assert unknown.exit_code == 1
    assert "no actor 'nobody-at-all' in the graph" in unknown.output


def test_export_turtle_and_html(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    _run(runner, graph, "ingest", str(SEED))
    ttl = tmp_path / "out" / "g.ttl"
    out = _run(runner, graph, "export", "--format", "turtle", "-o", str(ttl))
    assert out.startswith(f"wrote {ttl} (") and out.endswith(" triples)\n")
    html = tmp_path / "g.html"
    assert _run(runner, graph, "export", "--format", "html", "-o", str(html)) == f"wrote {html} (29 events)\n"
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_reading_commands_on_a_missing_graph_say_to_ingest_first(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "typo.db"
    for args in (["stats"], ["show", "gna"], ["query", "denials"], ["cypher", "RETURN 1 AS one"],
                 ["export", "--format", "nt", "-o", str(tmp_path / "g.nt")], ["analyse"]):
        result = runner.invoke(cli, ["--graph", str(graph), *args])
        assert (result.exit_code, result.output) == (1, f"Error: no graph at {graph}; run ckg ingest first\n"), args
    assert not graph.exists()


def test_cypher_in_three_formats_with_parameters(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    _run(runner, graph, "ingest", str(SEED))
    text = ("MATCH (a:Actor {id: $id}) "
            "RETURN a.id AS id, a.name AS name, [a.name_ar, a.cameo] AS codes, a.known AS known")
    assert _run(runner, graph, "cypher", text, "-p", "id", "egypt", "--format", "csv") == (
        'id,name,codes,known\negypt,Egypt,"[""مصر"", ""EGY""]",True\n')
    rows = json.loads(_run(runner, graph, "cypher", text, "-p", "id", "turkey", "--format", "json"))
    assert [(r["id"], r["name"], r["known"]) for r in rows] == [("turkey", "Turkey", True)]
    table = _run(runner, graph, "cypher", "MATCH (d:Document) RETURN d.id AS id, d.lang AS lang")
    assert table == "id\tlang\ngna-aid-request\tar\n1 rows\n"  # piped: tab-separated


def test_cypher_refuses_writes_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    _run(runner, graph, "ingest", str(SEED))
    result = runner.invoke(cli, ["--graph", str(graph), "cypher", "MATCH (a:Actor) SET a.name = 'x'"])
    assert (result.exit_code, result.output) == (1, (
        "Error: only read-only queries may run here, and this one writes; remove CREATE, MERGE, SET, DELETE, "
        "REMOVE and schema commands\n"))
    slow = runner.invoke(cli, ["--graph", str(graph), "cypher", "--timeout", "0.1",
                               "UNWIND range(1, 30000) AS i UNWIND range(1, 30000) AS j WITH i + j AS k "
                               "WHERE k % 7 = 0 RETURN sum(k) AS n"])
    assert (slow.exit_code, slow.output) == (1, (
        "Error: the query ran longer than 0.1 s and was stopped; narrow it or pass a longer --timeout\n"))


def test_delete_removes_documents_and_names_the_missing(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    _run(runner, graph, "ingest", str(SEED), str(EXAMPLES))
    before = json.loads(_run(runner, graph, "stats", "--format", "json"))
    assert _run(runner, graph, "delete", "gna-aid-request") == "1 documents deleted, 29 events\n"
    after = json.loads(_run(runner, graph, "stats", "--format", "json"))
    assert (after["documents"], after["events_total"]) == (before["documents"] - 1, before["events_total"] - 29)
    missing = runner.invoke(cli, ["--graph", str(graph), "delete", "gna-aid-request", "berlin-summit"])
    assert missing.exit_code == 1
    assert missing.stdout == "1 documents deleted, " + missing.stdout.split(", ")[1]
    assert "error: no document 'gna-aid-request' in the graph" in missing.output
