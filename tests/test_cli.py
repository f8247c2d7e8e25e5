"""The `ckg` command line: exact output and exit codes through click's runner, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli
from tests.paths import SEED, SEED_DIR


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
