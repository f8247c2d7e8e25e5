"""Event data files read into records: each row one document of its own (its id the row's event id), whole
or refused; rows that make no relation are counted and said once per file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from loaders.acled import Skipped, acled_record
from loaders.codes import ActorResolver
from loaders.gdelt import gdelt_record
from loaders.tables import ACLED, Notice, Row, read_rows
from ontology.errors import CkgError, InputError, InternalError
from ontology.gazetteer import Gazetteer
from ontology.records import DocumentRecord

_CONVERT = {ACLED: acled_record}


class EventReader:
    """Reads ACLED and GDELT files against one gazetteer; one per run, as it remembers the ids it has read."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.resolver = ActorResolver(gazetteer)
        self._first: dict[str, str] = {}

    def read(self, path: Path, kind: str) -> Iterator[DocumentRecord | InputError | Notice]:
        convert = _CONVERT.get(kind, gdelt_record)
        skipped: Counter[str] = Counter()
        for row in read_rows(path, kind):
            if isinstance(row, InputError):
                yield row
                continue
            try:
                record = convert(row, self.resolver)
            except Skipped as skip:
                skipped[skip.reason] += 1
                continue
            except InputError as err:
                yield err
                continue
            except CkgError as err:
                yield row.error(str(err))
                continue
            except Exception as exc:  # one bad row costs that row, not the file
                yield InternalError.of(row.path, exc, row.line)
                continue
            first = self._first.setdefault(record.id, _where(row))
            if first != _where(row):
                yield row.error(f"event {record.id!r} already read at {first}")
                continue
            yield record
        if skipped:
            reasons = ", ".join(f"{reason} ({n})" for reason, n in sorted(skipped.items()))
            yield Notice(str(path), f"{sum(skipped.values())} rows make no relation between two actors and were "
                                    f"left out: {reasons}")


def _where(row: Row) -> str:
    return f"{row.path}:{row.line}"
