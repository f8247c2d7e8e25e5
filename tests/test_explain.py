"""`ckg explain`: each relation with its trigger, rule and mentions; triggers that gave nothing, and why."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ckg.api import explain
from ckg.cli import cli
from loaders.explain import Explanation

TEXT = ("وقصفت القوات التشادية مواقع للمتمردين قرب الحدود. "
        "ودعت النيجر الطرفين إلى الحوار، فيما هدد المتحدث بالرد.\n")


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "doc.ar.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_explain_gives_rule_trigger_and_mentions(tmp_path: Path) -> None:
    [report] = list(explain([_write(tmp_path)]))
    assert isinstance(report, Explanation)
    data = report.to_json()
    first = data["sentences"][0]
    assert first["relations"] == [{
        "relation": "chad/military ATTACKS libya/unattributed/rebels", "modality": "asserted", "cameo": "190",
        "trigger": "وقصفت", "rule": "trigger frame ATTACKS (verb, CAMEO 190, ar/triggers.json, the entry of 'هاجم')",
        "source_mentions": ["القوات التشادية"], "target_mentions": ["لمتمردين"], "modality_cues": {},
    }]
    second = data["sentences"][1]
    assert [r["relation"] for r in second["relations"]] == [
        "niger APPEALS_TO chad/military", "niger APPEALS_TO libya/unattributed/rebels"]
    assert second["skipped"] == [{"trigger": "هدد", "predicate": "THREATENS", "why": "no source or no target found"}]


def test_cli_explain_prints_text_and_json(tmp_path: Path) -> None:
    path = _write(tmp_path)
    runner = CliRunner()
    text = runner.invoke(cli, ["explain", str(path)], catch_exceptions=False)
    assert text.exit_code == 0
    assert "  + chad/military ATTACKS libya/unattributed/rebels (asserted, CAMEO 190)" in text.output
    assert "  - 'هدد' (THREATENS) gave nothing: no source or no target found" in text.output
    data = json.loads(runner.invoke(cli, ["explain", str(path), "--format", "json"]).output)
    assert [d["document"] for d in data["documents"]] == ["doc"]
