"""`ckg extract --format json` written piece by piece: a document's actors and relations one at a time, so the
whole JSON text of a large document (several times its size) is never held at once. The bytes are those of
json.dumps({"documents": [...]}, ensure_ascii=False, indent=1)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from ontology.records import DocumentRecord

OPEN = '{\n "documents": ['
CLOSE = "\n ]\n}"
EMPTY = '{\n "documents": []\n}'


def _dumps(value: Any, depth: int) -> str:
    """`value` as it reads `depth` levels deep in an indent=1 dump (strings hold no raw newline to shift)."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def _write_list(items: Iterable[Any], depth: int, write: Callable[[str], Any]) -> None:
    inner = "\n" + " " * (depth + 1)
    wrote = False
    for item in items:
        write(("[" if not wrote else ",") + inner + _dumps(item.to_json(), depth + 1))
        wrote = True
    write("\n" + " " * depth + "]" if wrote else "[]")


def write_document(record: DocumentRecord, write: Callable[[str], Any], first: bool) -> None:
    """One document of the list, after OPEN (`first`) or after the one before it."""
    # the fields of DocumentRecord.to_json before its two lists, in its order
    head = {"id": record.id, "lang": record.lang, "published": record.published, "title": record.title}
    inner = "\n   "
    write("\n  {" if first else ",\n  {")
    for key, value in head.items():
        write(inner + json.dumps(key) + ": " + _dumps(value, 3) + ",")
    write(inner + '"actors": ')
    _write_list(record.actors, 3, write)
    write("," + inner + '"relations": ')
    _write_list(record.relations, 3, write)
    write("\n  }")
