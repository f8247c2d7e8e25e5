"""Lines of a CAMEO/PETRARCH dictionary: comments stripped, the kind of file told by its lines, the
bracketed codes of a line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ontology.errors import GazetteerError

Fail = Callable[[str], GazetteerError]  # the error for one line of one file


# ---- lines and comments

_LINE_COMMENT = re.compile(r"#|//|;")
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of every line that holds more than comments and blanks."""
    out: list[tuple[int, str]] = []
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3:], False
        while (start := line.find("<!--")) >= 0:
            end = line.find("-->", start + 4)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + " " + line[end + 3:]
        line = _LINE_COMMENT.split(line, maxsplit=1)[0].strip()
        if line:
            out.append((number, line))
    return out


SUBSTITUTION = re.compile(r"!([^!\s=]+)!\s*=(.*)")
MARKER = re.compile(r"!([^!\s=]+)!")
_CODE_LIKE = re.compile(r"\??[A-Z]{3}[A-Z?]*")


def dictionary_kind(lines: list[tuple[int, str]]) -> str | None:
    """'agents' when most codes carry a '~' (or sets are defined), 'actors' when most do not; None: neither."""
    agent = actor = 0
    for _, line in lines:
        if SUBSTITUTION.match(line):
            agent += 1
            continue
        actor += line.startswith("+")
        for inner in re.findall(r"\[([^\[\]]*)(?:\]|$)", line):  # unclosed ones too: reported later
            first = (inner.split() or [""])[0]
            if "~" in first:
                agent += 1
            elif _CODE_LIKE.fullmatch(first):
                actor += 1
    if not agent and not actor:
        return None
    return "agents" if agent > actor else "actors"


def brackets(path: Path, number: int, line: str) -> tuple[str, list[str]]:
    """The text before the first '[' and the contents of each [...] on the line."""
    fail = failer(path, number)
    head_end = line.find("[")
    stray = line.find("]")
    if stray >= 0 and (head_end < 0 or stray < head_end):
        raise fail(f"']' with no '[' before it in {line!r}")
    if head_end < 0:
        return line, []
    inners: list[str] = []
    pos = head_end
    while pos < len(line):
        if line[pos].isspace():
            pos += 1
            continue
        if line[pos] != "[":
            raise fail(f"text after the code in {line!r}: one entry a line, codes in [...] last")
        close = line.find("]", pos)
        nested = line.find("[", pos + 1)
        if close < 0 or 0 <= nested < close:
            raise fail(f"unclosed '[' in {line!r}")
        inners.append(line[pos + 1:close])
        pos = close + 1
    return line[:head_end], inners


def failer(path: Path, number: int) -> Fail:
    def fail(reason: str) -> GazetteerError:
        return GazetteerError(f"{path}:{number}: {reason}")

    return fail


def entry_name(head: str) -> str:
    """A dictionary phrase as words: underscores and runs of blanks become one space."""
    return " ".join(head.replace("_", " ").split())


def is_arabic(text: str) -> bool:
    return bool(ARABIC.search(text))
