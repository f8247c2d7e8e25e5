"""Record shards: the records of extraction, one document a line (NAME.records.jsonl), as `ckg distribute`
writes them and `ckg ingest` reads them back, a line at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from loaders.validate import load_json
from ontology.errors import InputError
from ontology.records import DocumentRecord

SHARD_SUFFIX = ".records.jsonl"


def is_shard(path: Path) -> bool:
    return path.name.endswith(SHARD_SUFFIX)


def write_shard(path: Path, records: Iterable[DocumentRecord]) -> int:
    """Write records to a shard (through a temporary file, so that a shard is whole or absent); their number."""
    partial = path.with_name(path.name + ".partial")
    count = 0
    with partial.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps({**record.to_shard_json(), "path": record.path}, ensure_ascii=False) + "\n")
            count += 1
    partial.replace(path)
    return count


def read_shard(path: Path) -> Iterator[DocumentRecord | InputError]:
    """The records of a shard; a line that is no record yields its error and the next is read."""
    try:
        with path.open(encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    data = load_json(line, str(path), number)
                    record = DocumentRecord.from_json(data)
                    record.path = data.get("path") or str(path)
                    yield record
                except InputError as err:
                    yield err
                except (KeyError, TypeError, AttributeError) as err:
                    yield InputError(str(path), f"not a record of ckg distribute ({type(err).__name__}: {err})",
                                     number)
    except (OSError, UnicodeDecodeError) as err:
        yield InputError(str(path), f"cannot read the shard: {err}")
