"""What the stores count beside the events: the summary relationships of actor pairs, the tallies kept on
documents, and the stats() shape both stores return."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# Only this modality makes a summary relationship: a denial or an intention is not the fact.
SUMMARY_MODALITY = "asserted"
# Where events are read (an event's `origin`), in the order summaries list them.
ORIGINS = ("acled", "gdelt", "text")


def summary_of(dates: Iterable[str | None], origins: Iterable[str] = ("text",),
               days: Iterable[str | None] = ()) -> dict[str, Any]:
    """The properties of a summary relationship over the dates, origins and effective dates (days) of its
    asserted events."""
    values = list(dates)
    known = [d for d in values if d]
    found = set(origins)
    return {"events": len(values), "first": min(known, default=None), "last": max(known, default=None),
            "origins": [o for o in ORIGINS if o in found], "days": sorted(d for d in days if d)}


Pair = tuple[str, str, str]  # (source actor id, predicate, target actor id)


def summary_increments(events: Iterable[Mapping[str, Any]], skip: set[Pair],
                       published: Mapping[str, str | None]) -> dict[str, list[dict[str, Any]]]:
    """By predicate, what new asserted events add to each actor pair's summary (pairs in skip left out:
    their summaries are counted again from the store instead); published gives each document's date, an
    event's effective date when it has none of its own."""
    dates: dict[Pair, list[str | None]] = {}
    days: dict[Pair, list[str | None]] = {}
    origins: dict[Pair, set[str]] = {}
    for ev in events:
        pair = (ev["source"], ev["predicate"], ev["target"])
        if ev["modality"] == SUMMARY_MODALITY and pair not in skip:
            dates.setdefault(pair, []).append(ev.get("date"))
            days.setdefault(pair, []).append(ev.get("date") or published.get(ev["document"]))
            origins.setdefault(pair, set()).add(ev.get("origin") or "text")
    by_predicate: dict[str, list[dict[str, Any]]] = {}
    for pair, values in sorted(dates.items(), key=lambda item: item[0]):
        source, predicate, target = pair
        by_predicate.setdefault(predicate, []).append(
            {"source": source, "target": target, **summary_of(values, origins[pair], days[pair])})
    return by_predicate


def document_tally(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """What a document's events are, kept on the document: where they were read (a document's events all
    come from one reader; an article without events is text) and how many."""
    return {"origin": (events[0].get("origin") or "text") if events else "text", "events": len(events)}


def stats_from(documents: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]],
               actor_types: Counter[str]) -> dict[str, Any]:
    """stats() from the rows of stats_documents (by origin) and stats_events (by predicate and modality)."""
    predicates: Counter[str] = Counter()
    modalities: Counter[str] = Counter()
    for row in events:
        predicates[row["predicate"]] += int(row["n"])
        modalities[row["modality"]] += int(row["n"])
    origins: Counter[str] = Counter()
    total = 0
    for row in documents:
        total += int(row["documents"])
        origins[row["origin"] or "text"] += int(row["events"] or 0)
    return stats_dict(total, actor_types, predicates, modalities, origins)


def stats_dict(documents: int, actor_types: Counter[str], predicates: Counter[str],
               modalities: Counter[str], origins: Counter[str] | None = None) -> dict[str, Any]:
    """The stats() shape both stores return: keys sorted, zero counts left out."""

    def counts(counter: Counter[str]) -> dict[str, int]:
        return {key: counter[key] for key in sorted(counter) if counter[key]}

    return {
        "actors": counts(actor_types),
        "actors_total": sum(actor_types.values()),
        "documents": documents,
        "events": counts(predicates),
        "events_total": sum(predicates.values()),
        "modalities": counts(modalities),
        "origins": counts(origins or Counter()),
    }
