"""One folder of good and bad documents into both stores: the same refusals, the same documents stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli

pytestmark = pytest.mark.neo4j

GOOD_IDS = ["good", "good2", "line-good"]


def _bad_folder(root: Path) -> Path:
    folder = root / "docs"
    folder.mkdir()
    files = {
        "good.en.txt": "Egypt condemned Turkey on Monday.\n",
        "good2.ar.txt": "وانتقدت الجزائر تونس.\n",
        "baddate.en.txt": "Qatar praised Sudan.\n",
        "baddate.meta.json": json.dumps({"published": "2020-02-30"}),
        "title.en.txt": "Chad condemned Niger.\n",
        "title.meta.json": json.dumps({"title": {"x": 1}}),
        "lang.en.txt": "Mali condemned Chad.\n",
        "lang.meta.json": json.dumps({"lang": 5}),
        "empty.en.txt": "",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "binary.en.txt").write_bytes(b"\x00\x01\x02binary")
    lines = [json.dumps({"id": "line-good", "lang": "en", "text": "Kenya condemned Somalia."}), "{not json",
             "[" * 100_000 + "]" * 100_000,
             json.dumps({"id": "line-title", "lang": "en", "title": ["a"], "text": "Oman praised Yemen."})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_both_stores_refuse_and_keep_the_same_documents(neo4j_clean: str, tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    embedded = ("--graph", str(tmp_path / "bad.db"))
    neo = ("--store", "neo4j", "--uri", neo4j_clean)
    code, out, err = _run(*embedded, "ingest", str(folder))
    assert (code, out) == (1, "3 documents (3 added, 0 replaced, 0 unchanged), 3 events; 8 failed\n")
    assert err.replace(str(folder), "DIR").splitlines() == [
        "error: DIR/baddate.en.txt: published date '2020-02-30' is not a calendar date: day is out of range "
        "for month",
        "error: DIR/binary.en.txt: binary file, not text: give .txt, .md, .jsonl or .html documents",
        "error: DIR/empty.en.txt: empty file: nothing to read",
        "error: DIR/feed.jsonl:2: malformed JSON line: Expecting property name enclosed in double quotes",
        "error: DIR/feed.jsonl:3: JSON nested too deeply",
        "error: DIR/feed.jsonl:4: field 'title': must be a string, number or null, not a list",
        "error: DIR/lang.en.txt: field 'lang': must be a string, not a whole number",
        "error: DIR/title.meta.json: field 'title': must be a string, number or null, not an object",
    ]
    assert _run(*neo, "ingest", str(folder)) == (code, out, err)
    query = "MATCH (d:Document) RETURN d.id AS id ORDER BY id"
    for store in (embedded, neo):
        code, out, _ = _run(*store, "cypher", query, "--format", "json")
        assert code == 0
        assert [row["id"] for row in json.loads(out)] == GOOD_IDS
    assert _run(*embedded, "stats", "--format", "json")[1] == _run(*neo, "stats", "--format", "json")[1]
