"""Synthetic records drawn from the ontology, for store benchmarks and store tests (no extraction).

Actors take every actor type in turn, events every predicate and modality with their CAMEO and PLOVER
codes from ontology/conflict.ttl; ids, names, dates and sentences come from a seeded generator, so
the same arguments give the same records.

>>> docs = list(synthetic_documents(events=40, actors=10, documents=4))
>>> [len(d.relations) for d in docs], len({a.id for d in docs for a in d.actors}) <= 10
([10, 10, 10, 10], True)
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import date, timedelta

from ontology.records import ActorRecord, DocumentRecord, Evidence, RelationRecord
from ontology.vocabulary import ACTOR_TYPES, MODALITIES, PREDICATES

ACTORS_PER_DOCUMENT = 8
FIRST_DAY = date(2011, 2, 15)
DAYS = 3650
# Most of what the news states is asserted; denials, intentions and conditions are rarer.
MODALITY_WEIGHTS = {"asserted": 0.8, "negated": 0.07, "intent": 0.08, "conditional": 0.05}


def synthetic_actor(index: int) -> ActorRecord:
    types = list(ACTOR_TYPES)
    return ActorRecord(
        id=f"actor-{index:06d}", name=f"Actor {index}", type=types[index % len(types)],
        aliases=[f"A{index}"], name_ar=f"الفاعل {index}", cameo=f"X{index % 1000:03d}",
        wikidata=f"Q{1000 + index}" if index % 3 == 0 else None, known=index % 10 != 0,
    )


def synthetic_documents(events: int, actors: int = 2000, documents: int | None = None,
                        seed: int = 7) -> Iterator[DocumentRecord]:
    """`events` events spread evenly over `documents` documents (default: 20 a document) among `actors`."""
    documents = documents or max(1, events // 20)
    rnd = random.Random(seed)
    predicates = list(PREDICATES.values())
    modalities = [m for m in MODALITIES]
    weights = [MODALITY_WEIGHTS.get(m, 0.05) for m in modalities]
    done = 0
    for d in range(documents):
        count = (events * (d + 1)) // documents - done
        done += count
        cast = [synthetic_actor(i) for i in rnd.sample(range(actors), min(ACTORS_PER_DOCUMENT, actors))]
        published = FIRST_DAY + timedelta(days=rnd.randrange(DAYS))
        relations, offset = [], 0
        for n in range(count):
            source, target = rnd.sample(cast, 2) if len(cast) > 1 else (cast[0], cast[0])
            info = rnd.choice(predicates)
            sentence = f"{source.name} and {target.name}: synthetic statement {n} of document {d}."
            day = None if rnd.random() < 0.2 else (published - timedelta(days=rnd.randrange(4))).isoformat()
            relations.append(RelationRecord(
                source.id, info.name, target.id, rnd.choices(modalities, weights)[0], day,
                info.default_cameo, info.plover, round(rnd.uniform(0.5, 1.0), 2),
                Evidence(sentence, offset, offset + len(sentence)),
            ))
            offset += len(sentence) + 1
        doc_id = f"doc-{d:07d}"
        yield DocumentRecord(
            id=doc_id, lang="en", published=published.isoformat(), title=f"Synthetic report {d}",
            url=f"https://example.org/{doc_id}", sha256=hashlib.sha256(doc_id.encode()).hexdigest(),
            actors=cast, relations=relations,
        )
