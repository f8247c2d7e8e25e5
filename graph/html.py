"""One self-contained interactive HTML page of a graph snapshot: actors, their relations, the evidence.

The page needs no network: the template (templates/view.html) carries its own CSS and a small
force-directed layout in plain JavaScript, and the data travels as JSON inside the page.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from graph.model import GraphSnapshot
from ontology.errors import ExportError
from ontology.vocabulary import ACTOR_TYPES, PREDICATES

TEMPLATE_PATH = Path(__file__).with_name("templates") / "view.html"
TITLE_PLACEHOLDER = "{{title}}"
DATA_PLACEHOLDER = "{{data}}"

# The same colours as browser.grass, so the HTML view and Neo4j Browser agree.
TYPE_COLOURS = {
    "State": "#4C8EDA",
    "Government": "#57C7E3",
    "ArmedGroup": "#F16667",
    "InternationalOrganization": "#8DCC93",
    "Person": "#FFC454",
    "PoliticalBody": "#C990C0",
    "Location": "#D9C8AE",
    "SocialGroup": "#ECB5C9",
}
UNKNOWN_TYPE_COLOUR = "#A5ABB6"
PREDICATE_COLOURS = {
    "REQUESTS_AID_FROM": "#1F77B4",
    "APPEALS_TO": "#9467BD",
    "OFFERS_SUPPORT": "#17BECF",
    "SUPPORTS": "#2CA02C",
    "COOPERATES_WITH": "#74C476",
    "CONSULTS": "#6BAED6",
    "SIGNS_AGREEMENT_WITH": "#006D2C",
    "MEDIATES": "#BCBD22",
    "CONDEMNS": "#FF7F0E",
    "ACCUSES": "#E377C2",
    "REJECTS": "#8C564B",
    "THREATENS": "#D62728",
    "SANCTIONS": "#B15928",
    "DEPLOYS_TO": "#6A3D9A",
    "ATTACKS": "#A50F15",
    "FIGHTS": "#FB6A4A",
    "LEADS": "#525252",
    "MEMBER_OF": "#969696",
    "PROTESTS": "#FDAE6B",
    "RIOTS": "#D94801",
}
UNKNOWN_PREDICATE_COLOUR = "#555555"

# Inside <script> the HTML parser ends the element at "</script" and treats "<!--" specially; JSON
# may spell any character as \uXXXX, so these never appear literally. U+2028/9 for old JS parsers.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def view_data(snap: GraphSnapshot) -> dict[str, Any]:
    """The JSON the page draws: nodes (actors), edges (one per source, target, predicate and
    modality, listing its event ids), events (with their document's title) and the legends.

    A node's ``degree`` is the number of events it takes part in; an event endpoint with no actor
    row still gets a node (type None) so that nothing drawn is lost.
    """
    view = _View(snap.actors, snap.documents)
    events = [view.add(ev) for ev in sorted(snap.events, key=lambda e: e["id"])]
    return {"events": events, **view.rest()}


class _View:
    """What the page needs besides its events, gathered while the events go by one at a time."""

    def __init__(self, actors: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]]) -> None:
        self.actors = {actor["id"]: dict(actor) for actor in actors}
        self.titles = {doc["id"]: doc.get("title") for doc in documents}
        self.degree: dict[str, int] = defaultdict(int)
        self.grouped: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)

    def add(self, ev: Mapping[str, Any]) -> dict[str, Any]:
        """Count one event in and return its entry in the page's event list."""
        source, target = ev["source"], ev["target"]
        self.degree[source] += 1
        if target != source:
            self.degree[target] += 1
        self.grouped[(source, target, ev["predicate"], ev["modality"])].append(ev["id"])
        return {
            "id": ev["id"], "predicate": ev["predicate"], "modality": ev["modality"],
            "date": ev.get("date"), "source": source, "target": target,
            "sentence": ev.get("sentence") or "", "confidence": ev.get("confidence"),
            "document": ev.get("document"), "document_title": self.titles.get(ev.get("document")),
        }

    def rest(self) -> dict[str, Any]:
        nodes = []
        for node_id in sorted(set(self.actors) | set(self.degree)):
            actor = self.actors.get(node_id, {})
            nodes.append({
                "id": node_id, "type": actor.get("type"), "name": actor.get("name") or node_id,
                "name_ar": actor.get("name_ar"), "degree": self.degree.get(node_id, 0),
            })
        edges = [
            {"id": f"e{i}", "source": s, "target": t, "predicate": p, "modality": m, "events": ids}
            for i, ((s, t, p, m), ids) in enumerate(sorted(self.grouped.items()))
        ]
        used_types = {node["type"] for node in nodes}
        used_predicates = {edge["predicate"] for edge in edges}
        types = [
            {"name": name, "label": info.label_en, "color": TYPE_COLOURS.get(name, UNKNOWN_TYPE_COLOUR)}
            for name, info in ACTOR_TYPES.items() if name in used_types
        ]
        types += [
            {"name": name, "label": name or "unknown", "color": UNKNOWN_TYPE_COLOUR}
            for name in sorted(used_types - set(ACTOR_TYPES), key=str)
        ]
        predicates = [
            {"name": name, "label": PREDICATES[name].label_en if name in PREDICATES else name,
             "color": PREDICATE_COLOURS.get(name, UNKNOWN_PREDICATE_COLOUR)}
            for name in [*(p for p in PREDICATES if p in used_predicates),
                         *sorted(used_predicates - set(PREDICATES))]
        ]
        return {"nodes": nodes, "edges": edges, "types": types, "predicates": predicates,
                "documents": len(self.titles)}


def script_json(data: Any) -> str:
    """JSON that is safe between <script type="application/json"> tags and parses back to ``data``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)


def _template() -> str:
    try:
        template = TEMPLATE_PATH.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot read the HTML template {TEMPLATE_PATH}: {exc}; reinstall conflict-kg") from exc
    if template.count(DATA_PLACEHOLDER) != 1 or TITLE_PLACEHOLDER not in template:
        raise ExportError(
            f"{TEMPLATE_PATH} must hold {DATA_PLACEHOLDER} once and {TITLE_PLACEHOLDER} at least once"
        )
    return template


def render_html(snap: GraphSnapshot, title: str) -> str:
    """The whole page as a string: the template with the escaped title and the embedded data."""
    values = {TITLE_PLACEHOLDER: html.escape(title, quote=True), DATA_PLACEHOLDER: script_json(view_data(snap))}
    # One pass, so a title or sentence that spells a placeholder is never substituted again.
    pattern = re.compile("|".join(re.escape(key) for key in values))
    return pattern.sub(lambda m: values[m.group(0)], _template())


def write_html(snap: GraphSnapshot, out: Path, title: str) -> int:
    """Write the page of a snapshot to ``out``; returns the number of events drawn."""
    return write_html_rows(snap.actors, snap.documents, sorted(snap.events, key=lambda e: e["id"]), out, title)


def write_html_rows(actors: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]],
                    events: Iterable[Mapping[str, Any]], out: Path, title: str) -> int:
    """Write the page as the events come (a store's pages, in id order), each written as soon as it is
    read; memory holds the actors, the document titles and each edge's event ids. Atomically: readers
    see the old file or the whole new one. Returns the number of events."""
    out = Path(out)
    template = _template()
    escaped_title = html.escape(title, quote=True)
    before, after = (part.replace(TITLE_PLACEHOLDER, escaped_title) for part in template.split(DATA_PLACEHOLDER))
    view = _View(actors, documents)
    count = 0
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        try:
            os.fchmod(fd, 0o644)  # mkstemp makes the file private; a page is meant to be shared
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(before)
                handle.write('{"events":[')
                for ev in events:
                    handle.write(("," if count else "") + script_json(view.add(ev)))
                    count += 1
                handle.write("]," + script_json(view.rest())[1:])
                handle.write(after)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc}; choose a writable path") from exc
    return count
