"""Articles annotated apart from the extractor's development (tests/heldout/), scored as a whole.

They measure how the extractor does on text it was not tuned on; the floor is today's pooled score,
rounded down, so that a change that loses ground on unseen text fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

from ckg.api import extract
from loaders.records import DocumentRecord
from tests.paths import scorer

HELDOUT = Path(__file__).parent / "heldout"


def test_heldout_articles_score_above_the_floor() -> None:
    golds = sorted(HELDOUT.glob("*.gold.json"))
    assert len(golds) == 8
    score = scorer()
    totals = {"true_positives": 0, "false_positives": 0, "required": 0, "required_found": 0, "denials_as_facts": 0}
    for gold_path in golds:
        name = gold_path.name.removesuffix(".gold.json")
        [article] = sorted(HELDOUT.glob(f"{name}.*.txt"))
        [doc] = list(extract([article]))
        assert isinstance(doc, DocumentRecord), doc
        result = score.score_gold(json.loads(gold_path.read_text(encoding="utf-8")), {"documents": [doc.to_json()]})
        for key in totals:
            totals[key] += result[key]
    precision = totals["true_positives"] / (totals["true_positives"] + totals["false_positives"])
    recall = totals["required_found"] / totals["required"]
    assert totals["required"] == 103
    assert totals["denials_as_facts"] == 0
    assert precision >= 0.9
    assert recall >= 0.68
