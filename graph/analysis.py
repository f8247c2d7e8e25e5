"""The report of `ckg analyse`: centrality, blocs and structural balance of the actors, with their names.

Places (actors of type Location) and documents are no actors here: an attack on a town says nothing
of who sides with whom. A time window keeps the events dated inside it; an undated event counts at
its document's publication date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph import analytics
from graph.model import GraphSnapshot

PLACE_TYPES = frozenset({"Location"})
EXPLAIN = {
    "pagerank": "PageRank: how much an actor is acted upon by actors who are themselves acted upon, "
                "weighted by the number of events (the scores add up to 1).",
    "events": "Events: how many asserted events the actor takes part in, as source or target.",
    "blocs": "Blocs: actors split so that support and cooperation fall inside a bloc and hostility "
             "between blocs, with as little as possible left contradicting that; an actor with no ally stands alone.",
    "balance": "Balance: the share of actor triangles whose signs multiply to a plus (the friend of a friend "
               "is a friend, the enemy of an enemy a friend); 1.0 means the actors split cleanly into camps.",
}


def event_day(ev: Mapping[str, Any], published: Mapping[str, str | None]) -> str | None:
    """The event's date, else its document's publication date, else None."""
    return ev.get("date") or published.get(ev.get("document") or "")


def select(actors: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]],
           events: Iterable[Mapping[str, Any]], date_from: str | None = None,
           date_to: str | None = None) -> GraphSnapshot:
    """The snapshot analysed: actors that are not places, and the events between them in the window."""
    kept, places = [], set()
    for actor in actors:
        if actor.get("type") in PLACE_TYPES:
            places.add(actor["id"])
        else:
            kept.append(dict(actor))
    published = {d["id"]: d.get("published") for d in documents}
    chosen = []
    for ev in events:
        if ev["source"] in places or ev["target"] in places:
            continue
        if date_from or date_to:
            day = event_day(ev, published)
            if day is None or (date_from and day < date_from) or (date_to and day > date_to):
                continue
        chosen.append(dict(ev))
    # Only actors with an event in the window are nodes: the others would take a share of PageRank.
    involved = {ev["source"] for ev in chosen} | {ev["target"] for ev in chosen}
    return GraphSnapshot(actors=[a for a in kept if a["id"] in involved], events=chosen)


def _named(node: str, info: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    actor = info.get(node, {})
    return {"id": node, "name": actor.get("name") or node, "name_ar": actor.get("name_ar"),
            "type": actor.get("type")}


def report(snap: GraphSnapshot, date_from: str | None = None, date_to: str | None = None,
           top: int = 10) -> dict[str, Any]:
    """Everything `ckg analyse` prints, as JSON-ready data."""
    info = {a["id"]: a for a in snap.actors}
    asserted = [ev for ev in snap.events if ev.get("modality", "asserted") == "asserted"]
    involved = {ev["source"] for ev in asserted} | {ev["target"] for ev in asserted}
    degree = dict(analytics.centrality(snap, "degree"))
    ranked = [(node, score) for node, score in analytics.centrality(snap) if node in involved]
    centrality = [{**_named(node, info), "pagerank": round(score, 6), "events": int(degree.get(node, 0))}
                  for node, score in ranked[:top]]
    found = analytics.blocs(snap)
    signed = analytics.signed_graph(snap)
    bloc_of = {node: number for number, bloc in enumerate(found) for node in bloc}
    crossing = sorted(
        (min(u, v), max(u, v), data["sign"]) for u, v, data in signed.edges(data=True)
        if (bloc_of[u] == bloc_of[v]) != (data["sign"] > 0))
    balance = analytics.structural_balance(snap)
    return {
        "window": {"from": date_from, "to": date_to},
        "actors": len(involved), "events": len(asserted),
        "measures": dict(EXPLAIN),
        "centrality": centrality,
        "blocs": [[_named(node, info) for node in _by_weight(bloc, degree)] for bloc in found if len(bloc) > 1],
        "alone": [_named(node, info) for bloc in found if len(bloc) == 1 for node in bloc],
        "frustrated": [{"actors": [_named(u, info), _named(v, info)], "sign": sign} for u, v, sign in crossing],
        "balance": {
            **{k: v for k, v in balance.to_json().items() if k != "unbalanced_triangles"},
            "unbalanced_triangles": [[_named(n, info) for n in t] for t in balance.unbalanced_triangles],
        },
    }


def _by_weight(bloc: set[str], degree: Mapping[str, float]) -> list[str]:
    """A bloc's actors, the most active first, then by id."""
    return sorted(bloc, key=lambda node: (-degree.get(node, 0), node))
