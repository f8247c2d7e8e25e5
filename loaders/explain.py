"""`ckg explain`: how each relation of a document was found, and which triggers and mentions gave nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.lexicon import load_cues
from loaders.mentions import Mention
from loaders.pipeline import Reading
from loaders.tokens import tokenize


@dataclass
class SentenceExplanation:
    index: int
    text: str
    relations: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


@dataclass
class Explanation:
    document: str
    sentences: list[SentenceExplanation]
    unresolved: list[dict]

    def to_json(self) -> dict:
        return {"document": self.document, "unresolved": self.unresolved,
                "sentences": [vars(s) for s in self.sentences if s.relations or s.skipped]}


def explain(reading: Reading) -> Explanation:
    norm = reading.norm
    cues = load_cues(reading.doc.lang if reading.doc.lang in ("ar", "en") else "en")
    cue_words = {"negation": cues.negation | cues.denial, "intent": cues.intent, "condition": cues.conditional}
    out = []
    for index, (sentence, (start, end), found) in enumerate(
            zip(reading.sentences, reading.spans, reading.found, strict=True)):
        item = SentenceExplanation(index + 1, sentence.text)
        words = {t.text for t in tokenize(norm.text, start, end)}
        present = {kind: sorted(words & ws) for kind, ws in cue_words.items() if words & ws}
        for rel in sorted(found, key=lambda r: r.trigger_start):
            item.relations.append({
                "relation": f"{rel.source} {rel.predicate} {rel.target}", "modality": rel.modality,
                "cameo": rel.cameo, "trigger": _original(reading, rel.trigger_start, rel.trigger_end),
                "rule": rel.rule, "source_mentions": _mentions_of(reading, rel.source, start, end),
                "target_mentions": _mentions_of(reading, rel.target, start, end), "modality_cues": present,
            })
        for skip in (s for s in reading.skipped if start <= s.start < end):
            item.skipped.append({"trigger": _original(reading, skip.start, skip.end), "predicate": skip.predicate,
                                 "why": skip.reason})
        out.append(item)
    resolved = {(m.start, m.end) for m in reading.mentions}
    unresolved = [{"text": _original(reading, m.start + len(m.clitic), m.end), "kind": m.kind}
                  for m in reading.found_mentions if m.is_reference and (m.start, m.end) not in resolved]
    return Explanation(reading.doc.id, out, unresolved)


def _original(reading: Reading, start: int, end: int) -> str:
    if end <= start:
        end = start + 1
    o_start, o_end = reading.norm.to_original(start, end)
    return reading.doc.text[o_start:o_end]


def _mentions_of(reading: Reading, actor_id: str, start: int, end: int) -> list[str]:
    found: list[Mention] = [m for m in reading.mentions if actor_id in m.actors and start <= m.start < end]
    return [_original(reading, *(m.shown or (m.start + len(m.clitic), m.end))) for m in found]


def render(explanation: Explanation) -> str:
    """A plain-text report, one block per sentence that has a relation or a trigger that gave nothing."""
    lines = [f"document {explanation.document}"]
    for item in explanation.sentences:
        if not item.relations and not item.skipped:
            continue
        lines.append(f"\n[{item.index}] {item.text}")
        for rel in item.relations:
            lines.append(f"  + {rel['relation']} ({rel['modality']}, CAMEO {rel['cameo']})")
            lines.append(f"      trigger {rel['trigger']!r} by {rel['rule']}")
            lines.append(f"      source {rel['source_mentions'] or '(resolved from elsewhere)'}; "
                         f"target {rel['target_mentions'] or '(resolved from elsewhere)'}")
            if rel["modality_cues"]:
                lines.append(f"      modality cues {rel['modality_cues']}")
        for skip in item.skipped:
            lines.append(f"  - {skip['trigger']!r} ({skip['predicate']}) gave nothing: {skip['why']}")
    if explanation.unresolved:
        lines.append("\nreferences left unresolved: "
                     + ", ".join(f"{u['text']!r} ({u['kind']})" for u in explanation.unresolved))
    return "\n".join(lines) + "\n"
