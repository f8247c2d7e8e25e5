"""Event data files: ACLED's CSV export and GDELT 2.0's event table, recognised and read a row at a time.

ACLED exports have a header naming the codebook's columns (event_id_cnty, event_date, ..., timestamp);
GDELT ships its event table as 61 tab-separated columns without a header (*.export.CSV). Rows are read
as they come, so a file of any size costs the memory of one row.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.validate import EARLIEST, LATEST
from ontology.errors import InputError

ACLED, GDELT = "acled", "gdelt"
FORMATS = (ACLED, GDELT)
TABLE_SUFFIXES = (".csv", ".tsv")

# ACLED's codebook, in the export's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# The columns an ACLED row is read from; the others may be absent (older exports lack some).
ACLED_REQUIRED = (
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "country", "location", "latitude", "longitude", "source", "notes", "fatalities",
)
# GDELT 2.0's event table, in its order.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

_SPELLED_DATE = "%d %B %Y"  # ACLED's older exports: 05 January 2020
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SNIFF_BYTES = 65536
# A field of ACLED's notes may be long; far beyond any real one, small enough to bound a row.
csv.field_size_limit(min(sys.maxsize, 1 << 24))


@dataclass(frozen=True)
class Notice:
    """What a file's reading has to say once it is read (rows that make no relation); a warning, not an error."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Row:
    """One row of an event data file, by column name, with the line it starts on."""

    path: str
    line: int
    fields: dict[str, str]
    raw: str  # the row as read, for its digest

    def get(self, name: str) -> str:
        return (self.fields.get(name) or "").strip()

    def error(self, reason: str) -> InputError:
        return InputError(self.path, reason, self.line)


def _first_line(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from None
    return head.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").rstrip("\r")


def _is_acled_header(line: str) -> bool:
    try:
        names = {name.strip().lower() for name in next(csv.reader([line]), [])}
    except csv.Error:
        return False
    return {"event_id_cnty", "event_date", "event_type", "actor1"} <= names


def sniff(path: Path) -> str | None:
    """ACLED or GDELT by the file's first line, None for text; a .csv or .tsv that is neither is an error."""
    if not path.name.lower().endswith((*TABLE_SUFFIXES, ".txt")) and "." in path.name:
        return None
    line = _first_line(path)
    if "\x00" in line or "\ufffd" in line:
        return None  # no UTF-8 text: the text reader says what it is
    if line.count("\t") == len(GDELT_COLUMNS) - 1:
        return GDELT
    if _is_acled_header(line):
        return ACLED
    if path.name.lower().endswith(TABLE_SUFFIXES):
        raise InputError(str(path), "neither an ACLED export (a header naming event_id_cnty, event_date, event_type, "
                                    f"actor1, ...) nor GDELT's event table ({len(GDELT_COLUMNS)} tab-separated "
                                    "columns); give --format acled or --format gdelt to read it as one", 1)
    return None


def read_rows(path: Path, kind: str) -> Iterator[Row | InputError]:
    """The rows of an ACLED or GDELT file; a row of the wrong shape yields its error and the next is read."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            yield from (_acled_rows if kind == ACLED else _gdelt_rows)(path, stream)
    except OSError as err:
        yield InputError(str(path), f"cannot read: {err.strerror or err}")
    except UnicodeDecodeError as err:
        yield InputError(str(path), f"not UTF-8 (byte 0x{err.object[err.start]:02x}) past the rows read: re-save "
                                    "it as UTF-8")
    except csv.Error as err:
        yield InputError(str(path), f"malformed CSV past the rows read: {err}")


def _acled_rows(path: Path, stream) -> Iterator[Row | InputError]:  # noqa: ANN001 - a text stream
    reader = csv.reader(stream)
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in ACLED_REQUIRED if name not in header]
    if missing:
        yield InputError(str(path), f"not an ACLED export: the header lacks {', '.join(missing)}", 1)
        return
    line = reader.line_num + 1
    for values in reader:
        start, line = line, reader.line_num + 1
        if not values or values == [""]:
            continue
        if len(values) != len(header):
            yield InputError(str(path), f"{len(values)} columns where the header has {len(header)}", start)
            continue
        yield Row(str(path), start, dict(zip(header, values, strict=True)), "\x1f".join(values))


def _gdelt_rows(path: Path, stream) -> Iterator[Row | InputError]:  # noqa: ANN001 - a text stream
    for number, text in enumerate(stream, start=1):
        text = text.rstrip("\r\n")
        if not text.strip():
            continue
        values = text.split("\t")
        if len(values) != len(GDELT_COLUMNS):
            yield InputError(str(path), f"{len(values)} tab-separated columns; a GDELT 2.0 event row has "
                                        f"{len(GDELT_COLUMNS)}", number)
            continue
        yield Row(str(path), number, dict(zip(GDELT_COLUMNS, values, strict=True)), text)


def parse_date(row: Row, column: str) -> str:
    """An ISO date from ACLED's (2020-01-05, 05 January 2020) or GDELT's (20200105) spelling."""
    text = row.get(column)
    try:
        if _ISO_DATE.fullmatch(text):
            date = dt.date.fromisoformat(text)
        elif re.fullmatch(r"\d{8}", text):
            date = dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        else:
            date = dt.datetime.strptime(text, _SPELLED_DATE).date()
    except ValueError:
        raise row.error(f"{column} {text[:40]!r} is not a date") from None
    if not EARLIEST <= date <= LATEST:
        raise row.error(f"{column} {text!r} is outside {EARLIEST} to {LATEST}")
    return date.isoformat()


def parse_number(row: Row, column: str, kind: type[int] | type[float]) -> int | float | None:
    text = row.get(column)
    if not text:
        return None
    try:
        value = kind(text)
    except ValueError:
        raise row.error(f"{column} {text[:40]!r} is not {'a whole number' if kind is int else 'a number'}") from None
    if kind is float and not -180.0 <= value <= 180.0:
        raise row.error(f"{column} {text[:40]!r} is no latitude or longitude")
    return value
