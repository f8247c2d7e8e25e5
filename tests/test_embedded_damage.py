"""A damaged or unusable embedded store: one line naming the graph and what to do, for every reading command
and for ingest, and nothing in its folder moved, removed or rewritten."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli

STORY = "Egypt condemned Turkey on Monday. Turkey accused Egypt of arming the LNA.\n"
DAMAGED = "graph at {graph} is damaged or not a conflict-kg store: {reason}; move it aside and run ckg ingest again"
PAGE = 4096


def _commands(folder: Path) -> list[list[str]]:
    """Every reading command, then ingest."""
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "story.en.txt").write_text(STORY, encoding="utf-8")
    return [["stats"], ["query", "who-attacks-whom"], ["cypher", "MATCH (n) RETURN count(n) AS n"],
            ["export", "--format", "nt", "-o", str(folder / "out.nt")], ["ingest", str(folder / "docs")]]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _good_graph(folder: Path) -> Path:
    graph = folder / "g.db"
    (folder / "seed").mkdir()
    (folder / "seed" / "first.en.txt").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--graph", str(graph), "ingest", str(folder / "seed")])
    assert result.exit_code == 0, result.output
    shutil.rmtree(folder / "seed")
    return graph


def _each_command_says(folder: Path, graph: Path, expected: str | re.Pattern[str]) -> None:
    commands = _commands(folder)
    before = _files(folder)
    for args in commands:
        result = CliRunner().invoke(cli, ["--graph", str(graph), *args])
        assert result.exit_code == 1, (args, result.output)
        line = result.output.removeprefix("Error: ").removesuffix("\n")
        assert result.output == f"Error: {line}\n", args
        if isinstance(expected, str):
            assert line == expected, args
        else:
            assert expected.fullmatch(line), (args, line)
    after = _files(folder)
    assert {name: after.get(name) for name in before} == before  # nothing lost or rewritten
    assert set(after) - set(before) <= {f"{graph.name}.lock"}
    assert not (folder / "out.nt").exists()


def test_a_truncated_graph(tmp_path: Path) -> None:
    graph = _good_graph(tmp_path)
    with open(graph, "r+b") as handle:
        handle.truncate(PAGE)
    reason = (r"Cannot read checkpoint: catalog page range starts at \d+ and spans \d+ pages, outside the database "
              r"file with 1 pages")
    _each_command_says(tmp_path, graph, re.compile(re.escape(DAMAGED).replace(re.escape("{graph}"), re.escape(
        str(graph))).replace(re.escape("{reason}"), reason)))


def test_a_file_of_garbage(tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    graph.write_bytes(bytes(range(256)) * 64)
    _each_command_says(tmp_path, graph, DAMAGED.format(graph=graph, reason="it is not a LadybugDB database file"))


def test_a_garbage_log_beside_the_graph(tmp_path: Path) -> None:
    graph = _good_graph(tmp_path)
    Path(f"{graph}.wal").write_bytes(b"\x07 not a log \x00" * 300)
    _each_command_says(tmp_path, graph, f"graph at {graph} is damaged: its log {graph}.wal is corrupted; move "
                                        f"{graph}.wal aside to open the graph as last saved, or move both aside and "
                                        "run ckg ingest again")


def test_damaged_pages_found_while_reading(tmp_path: Path) -> None:
    graph = _good_graph(tmp_path)
    with open(graph, "r+b") as handle:  # a page of stored texts, which opening the graph does not read
        handle.seek(7 * PAGE)
        handle.write(b"\xff" * PAGE)
    before = _files(tmp_path)
    expected = DAMAGED.format(graph=graph, reason="a stored text is not UTF-8")
    for args in (["stats"], ["export", "--format", "nt", "-o", str(tmp_path / "out.nt")]):
        result = CliRunner().invoke(cli, ["--graph", str(graph), *args])
        assert (result.exit_code, result.output) == (1, f"Error: {expected}\n"), args
    assert _files(tmp_path) == before


def test_a_folder_where_the_graph_should_be(tmp_path: Path) -> None:
    graph = tmp_path / "g.db"
    graph.mkdir()
    (graph / "notes.txt").write_text("kept\n", encoding="utf-8")
    _each_command_says(tmp_path, graph, f"graph at {graph} is a folder, not a conflict-kg store; pass the store's "
                                        "file, or a new file name, to --graph")
    assert (graph / "notes.txt").read_text(encoding="utf-8") == "kept\n"


def test_a_file_where_the_graphs_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "graphs").write_text("a file\n", encoding="utf-8")
    graph = tmp_path / "graphs" / "g.db"
    _each_command_says(tmp_path, graph, f"no graph can be at {graph}: {tmp_path / 'graphs'} is a file, not a "
                                        "folder; pass another --graph")


def _unprivileged(args: list[str]) -> subprocess.CompletedProcess[str]:
    """`ckg ARGS` without the power to read what its permissions forbid (root's is dropped by setpriv)."""
    command = [sys.executable, "-c", "from ckg.cli import cli; cli()", *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=Path(__file__).parents[1])


@pytest.mark.parametrize("locked", ["folder", "file"])
def test_a_graph_that_may_not_be_read(tmp_path: Path, locked: str) -> None:
    graph = _good_graph(tmp_path / "store" if tmp_path.joinpath("store").mkdir() is None else tmp_path)
    target = graph.parent if locked == "folder" else graph
    commands = _commands(tmp_path)
    what = "its folder" if locked == "folder" else "the file"
    expected = (f"Error: graph at {graph} cannot be read: permission denied on {what}; run as a user who may read "
                "it, or pass another --graph\n")
    target.chmod(0)
    try:
        for args in commands:
            done = _unprivileged(["--graph", str(graph), *args])
            assert (done.returncode, done.stdout, done.stderr) == (1, "", expected), args
    finally:
        target.chmod(0o700 if locked == "folder" else 0o600)
    assert sorted(p.name for p in graph.parent.iterdir()) == ["g.db", "g.db.lock"]
