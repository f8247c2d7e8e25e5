"""Checks on every field a reader produces, before anything is extracted or stored.

A field of the wrong type or shape refuses its document with one InputError naming the file, the line
(where there is one) and the field; a field that can be repaired without guessing (a long title, a URL
that is no IRI) is repaired and the repair reported as a warning. Both stores then receive the same,
clean documents.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ontology.errors import InputError

MAX_ID = 200
MAX_TITLE = 300
MAX_URL = 2048
MAX_LANG = 35
# One line of text: far beyond any paragraph, small enough that one sentence stays cheap to read.
MAX_LINE = 1_000_000
MAX_DIGITS = 100
EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2100, 12, 31)

# The shape of a language tag that RDF literals accept (rdflib's own test), each subtag at most 8 long.
_LANG = re.compile(r"[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]')
_BIDI_OR_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_SCALARS = (str, int, float, bool, type(None))
METADATA_FIELDS = ("id", "lang", "published", "date", "title", "url")


@dataclass(frozen=True)
class OversizedNumber:
    """A JSON integer too long to convert (Python refuses more than 4300 digits): kept as its length."""

    digits: int


def _parse_int(digits: str) -> int | OversizedNumber:
    return OversizedNumber(len(digits)) if len(digits) > MAX_DIGITS else int(digits)


def load_json(text: str, path: str, line: int | None = None) -> Any:
    """JSON that cannot raise anything but InputError: malformed, too deep or with huge numbers."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as err:
        prefix = "malformed JSON line" if line is not None else "malformed JSON"
        raise InputError(path, f"{prefix}: {err.msg}", line if line is not None else err.lineno) from None
    except RecursionError:
        raise InputError(path, "JSON nested too deeply", line) from None
    except ValueError as err:  # numbers Python will not convert
        raise InputError(path, f"unreadable JSON: {_one_line(str(err))}", line) from None


def _one_line(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(value: Any) -> str:
    if isinstance(value, OversizedNumber):
        return f"a number of {value.digits} digits"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return {bool: "true or false", int: "a whole number", float: "a number"}.get(type(value), "a value of another kind")


class FieldCheck:
    """The checks for one document's fields; refusals name `path`, `line` and the field."""

    def __init__(self, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.warnings: list[str] = []

    def refuse(self, name: str, reason: str) -> InputError:
        return InputError(self.path, f"field {name!r}: {reason}", self.line)

    def warn(self, name: str, reason: str) -> None:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        self.warnings.append(f"{where}: field {name!r}: {reason}")

    def scalars(self, meta: dict[str, Any]) -> None:
        """The metadata fields read are strings, numbers, booleans or null, nothing nested; other keys (a
        feed's own annotations, say) are left alone."""
        for key in METADATA_FIELDS:
            value = meta.get(key)
            if not isinstance(value, _SCALARS) or isinstance(value, OversizedNumber):
                raise self.refuse(key, f"must be a string, number or null, not {_describe(value)}")

    def string(self, name: str, value: Any) -> str | None:
        """A string field, or None when absent or empty; other types are refused."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise self.refuse(name, f"must be a string, not {_describe(value)}")
        return value

    def doc_id(self, value: Any, default: str) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # feeds often number their items
        text = self.string("id", value)
        doc_id = (text if text is not None else default).strip()
        if not doc_id:
            raise self.refuse("id", "is empty")
        if len(doc_id) > MAX_ID:
            raise self.refuse("id", f"is {len(doc_id)} characters long (the limit is {MAX_ID})")
        if _BIDI_OR_CONTROL.search(doc_id):
            raise self.refuse("id", f"holds a control or bidi character: {doc_id[:60]!r}")
        return doc_id

    def lang(self, value: Any, detected: str) -> str:
        text = self.string("lang", value)
        if text is None:
            return detected
        tag = text.strip()
        if len(tag) > MAX_LANG or not _LANG.fullmatch(tag):
            raise self.refuse("lang", f"{text[:40]!r} is not a language tag such as 'ar', 'en' or 'en-GB'")
        return tag

    def published(self, value: Any) -> str | None:
        text = self.string("published", value)
        if text is None:
            return None
        match = _DATE.match(text)
        if match is None:
            raise InputError(self.path, f"published date {text[:40]!r} is not YYYY-MM-DD", self.line)
        try:
            date = dt.date(*(int(part) for part in match.groups()))
        except ValueError as err:
            raise InputError(self.path, f"published date {match.group()!r} is not a calendar date: {err}",
                             self.line) from None
        if not EARLIEST <= date <= LATEST:
            raise InputError(self.path, f"published date {match.group()!r} is outside {EARLIEST} to {LATEST}",
                             self.line)
        return match.group()

    def title(self, value: Any, derived: str | None) -> str | None:
        """One line of at most MAX_TITLE characters; a longer one is cut (with a warning when it was given)."""
        given = self.string("title", value)
        text = given if given is not None else derived
        if text is None:
            return None
        line = " ".join(_BIDI_OR_CONTROL.sub(" ", text).split())
        if len(line) > MAX_TITLE:
            if given is not None:
                self.warn("title", f"{len(line)} characters, cut to {MAX_TITLE}")
            line = cut(line, MAX_TITLE)
        return line or None

    def url(self, value: Any) -> str | None:
        """An http(s) IRI, or None; one that is not is dropped with a warning."""
        text = self.string("url", value)
        if text is None:
            return None
        text = text.strip()
        if len(text) > MAX_URL:
            self.warn("url", f"{len(text)} characters long (the limit is {MAX_URL}): dropped")
            return None
        try:
            parts = urlsplit(text)
        except ValueError:
            parts = None
        if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc \
                or _IRI_FORBIDDEN.search(text):
            self.warn("url", f"{_one_line(text, 60)!r} is not an http(s) IRI: dropped")
            return None
        return text

    def text(self, value: str) -> str:
        """The document's text: no line longer than MAX_LINE characters."""
        if len(value) > MAX_LINE:
            for number, length in enumerate(_line_lengths(value), start=1):
                if length > MAX_LINE:
                    raise self.refuse("text", f"line {number} of the text has {length} characters "
                                              f"(the limit is {MAX_LINE}): break it into paragraphs")
        return value


def _line_lengths(text: str) -> Iterator[int]:
    """The length of each line of a text, without copying it."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield len(text) - start
            return
        yield end - start
        start = end + 1


def cut(text: str, width: int) -> str:
    """At most `width` characters, cut at a word when one ends near the limit."""
    if len(text) <= width:
        return text
    head = text[: width - 1]
    space = head.rfind(" ")
    if space >= width - 40:
        head = head[:space]
    return head.rstrip() + "…"


def first_line(text: str, width: int = MAX_TITLE) -> str | None:
    """The first non-blank line, at most `width` characters, without splitting the whole text."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        # only the first few thousand characters of a line can make a title
        line = text[start : min(end, start + width * 4)].strip()
        if line:
            return line
        start = end + 1
    return None
