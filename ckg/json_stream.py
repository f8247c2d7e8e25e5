"""`ckg extract --format json` written piece by piece: a document's actors and relations one at a time, so the
whole JSON text of a large document (several times its size) is never held at once. The bytes are those of
json.dumps({"documents": [...]}, ensure_ascii=False, indent=1)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, replace
from typing import Any

from ontology.records import ActorRecord, DocumentRecord, Mention, RelationRecord

OPEN = '{\n "documents": ['
CLOSE = "\n ]\n}"
EMPTY = '{\n "documents": []\n}'


def _dumps(value: Any, depth: int) -> str:
    """`value` as it reads `depth` levels deep in an indent=1 dump (strings hold no raw newline to shift)."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def _write_list(items: Iterable[Any], depth: int, write: Callable[[str], Any],
                dump: Callable[[Any, int, Callable[[str], Any]], None]) -> None:
    inner = "\n" + " " * (depth + 1)
    wrote = False
    for item in items:
        write(("[" if not wrote else ",") + inner)
        dump(item, depth + 1, write)
        wrote = True
    write("\n" + " " * depth + "]" if wrote else "[]")


def _write_relation(relation: RelationRecord, depth: int, write: Callable[[str], Any]) -> None:
    write(_dumps(relation.to_json(), depth))


def _write_mention(mention: Mention, depth: int, write: Callable[[str], Any]) -> None:
    write(_dumps(asdict(mention), depth))


def _write_actor(actor: ActorRecord, depth: int, write: Callable[[str], Any]) -> None:
    """An actor with its mentions one at a time (an actor named on every line has as many)."""
    head = _dumps(replace(actor, mentions=[]).to_json(), depth)
    end = "[]\n" + " " * depth + "}"
    assert head.endswith(end)  # "mentions" is the last key of ActorRecord.to_json
    write(head[: -len(end)])
    _write_list(actor.mentions, depth + 1, write, _write_mention)
    write("\n" + " " * depth + "}")


def write_document(record: DocumentRecord, write: Callable[[str], Any], first: bool) -> None:
    """One document of the list, after OPEN (`first`) or after the one before it."""
    # the fields of DocumentRecord.to_json before its two lists, in its order
    head = {"id": record.id, "lang": record.lang, "published": record.published, "title": record.title}
    inner = "\n   "
    write("\n  {" if first else ",\n  {")
    for key, value in head.items():
        write(inner + json.dumps(key) + ": " + _dumps(value, 3) + ",")
    write(inner + '"actors": ')
    _write_list(record.actors, 3, write, _write_actor)
    write("," + inner + '"relations": ')
    _write_list(record.relations, 3, write, _write_relation)
    write("\n  }")
