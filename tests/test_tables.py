"""ckg/tables.py and the tables of extract, query and stats: the terminal's width, or tab-separated in a pipe."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from ckg.cli import cli
from ckg.tables import column_widths, display_width, fit, render

HEADER = ("who", "did", "sentence")
ROWS = [("gna", "ASKS", "The government asked its northern ally for drones and advisers."),
        ("turkey", "SENDS", "Ankara said it would send them.")]
DOC = "The Coastal Front attacked the Hill Brigade near the port on Monday.\n"


def test_pipe_output_is_tab_separated_and_keeps_every_character() -> None:
    assert render(HEADER, [*ROWS, ("a\tb", None, "two\nlines")], tty=False, width=20) == (
        "who\tdid\tsentence\n"
        "gna\tASKS\tThe government asked its northern ally for drones and advisers.\n"
        "turkey\tSENDS\tAnkara said it would send them.\n"
        "a b\t\ttwo lines\n")


def test_terminal_output_fits_the_width_with_an_ellipsis() -> None:
    assert render(HEADER, ROWS, tty=True, width=40, flex=2) == (
        "who     did    sentence\n"
        "------  -----  -------------------------\n"
        "gna     ASKS   The government asked its\u2026\n"
        "turkey  SENDS  Ankara said it would sen\u2026\n")
    wide = render(HEADER, ROWS, tty=True, width=200, flex=2).splitlines()
    assert wide[2] == "gna     ASKS   The government asked its northern ally for drones and advisers."


def test_the_widest_column_gives_up_room_first_and_numbers_align_right() -> None:
    assert column_widths(("a", "b"), [("x" * 30, "y" * 10)], 30) == [18, 10]
    assert render(("name", "n"), [("Turkey", 7), ("Egypt", 12)], tty=True, width=80, numeric=(False, True)) == (
        "name     n\n"
        "------  --\n"
        "Turkey   7\n"
        "Egypt   12\n")


def test_width_counts_columns_not_characters() -> None:
    assert display_width("e\u0301") == 1          # a combining accent takes no column
    assert display_width("\u4e2d\u6587") == 4     # wide characters take two
    assert fit("\u4e2d\u6587\u4e2d\u6587", 5) == "\u4e2d\u6587\u2026"
    assert fit("short", 5) == "short"


def _graph(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "coast.en.txt").write_text(DOC, encoding="utf-8")
    graph = tmp_path / "g.db"
    result = CliRunner().invoke(cli, ["--graph", str(graph), "ingest", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    return graph


def test_piped_extract_query_and_stats_are_tab_separated(tmp_path: Path) -> None:
    graph = _graph(tmp_path)
    runner = CliRunner()
    extract = runner.invoke(cli, ["extract", str(tmp_path / "docs"), "--format", "table"])
    assert extract.output == (
        "document\tsource\tpredicate\ttarget\tmodality\tdate\tsentence\n"
        "coast\tlibya/named/coastal-front\tATTACKS\tlibya/named/hill-brigade\tasserted\t\t" + DOC)
    query = runner.invoke(cli, ["--graph", str(graph), "query", "who-attacks-whom"])
    assert query.stdout == (
        "attacker\tattacker_name\tpredicate\ttarget\ttarget_name\tdate\tsentence\tevent\n"
        "libya/named/coastal-front\tCoastal Front\tATTACKS\tlibya/named/hill-brigade\tHill Brigade\t\t"
        + DOC.strip() + "\tev-00720812941f0d4d\n")
    assert query.stderr == "1 rows\n"  # beside the table, not in what a pipe reads
    stats = runner.invoke(cli, ["--graph", str(graph), "stats"])
    assert stats.output == (
        "count of\tname\tn\n"
        "documents\t\t1\n"
        "actors\tArmedGroup\t2\n"
        "events\tATTACKS\t1\n"
        "modality\tasserted\t1\n"
        "origin\ttext\t1\n")


def test_a_terminal_gets_a_table_as_wide_as_it_is(tmp_path: Path) -> None:
    graph = _graph(tmp_path)
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "60", "LINES": "40"}
    ckg = [sys.executable, "-c", "from ckg.cli import main; main()", "--graph", str(graph)]
    with subprocess.Popen([*ckg, "query", "who-attacks-whom"], stdout=secondary, stderr=subprocess.DEVNULL,
                          env=env) as proc:
        os.close(secondary)
        out = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            out += chunk
    os.close(primary)
    lines = out.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert proc.returncode == 0
    assert len(lines) == 3 and all(display_width(line) <= 60 for line in lines), lines
    assert re.fullmatch(r"[- ]+", lines[1])
    assert "\t" not in out.decode("utf-8") and "\u2026" in lines[2]


def test_help_examples_name_files_that_exist() -> None:
    root = Path(__file__).resolve().parent.parent
    named = {path for command in cli.commands.values()
             for path in re.findall(r"\bexamples/[\w./-]+", command.help or "")}
    assert named and all((root / path).exists() for path in named), sorted(named)
