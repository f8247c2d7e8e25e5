"""Tables of the CLI: aligned to the terminal's width on a terminal, tab-separated in a pipe or a file.

A pipe has no width, and other tools (cut, awk, sort, a spreadsheet) read tab-separated lines best,
so piped output is one header line and one line per row, cells stripped of tabs and line breaks.
On a terminal each column gets its natural width; when the row is too wide, the widest columns give
up room first and their cells end with an ellipsis, so that no line wraps.
"""

from __future__ import annotations

import json
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

ELLIPSIS = "\u2026"
GAP = "  "
MIN_WIDTH = 5  # a column never narrower than this, so that something of it shows
MAX_CELL = 70  # a cell's natural width is at most this: one long sentence should not take the whole row
FLEX_FLOOR = 24  # the flexible column (a sentence) gives up room first, down to this width


def cell_text(value: Any) -> str:
    """A value as one line of text: None is empty, lists and maps are JSON, line breaks and tabs are spaces."""
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list, tuple)) else str(value)
    return " ".join(text.replace("\t", " ").splitlines()) if ("\t" in text or "\n" in text or "\r" in text) else text


def display_width(text: str) -> int:
    """Columns the text takes on a terminal: combining marks take none, wide East Asian characters two."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """The text cut to ``width`` columns, its last one an ellipsis when anything was cut."""
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        step = display_width(char)
        if used + step > width - 1:
            break
        kept.append(char)
        used += step
    return "".join(kept).rstrip() + ELLIPSIS


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: int,
                  flex: int | None = None) -> list[int]:
    """Widths that fit ``total`` columns with the gaps between them: natural widths (capped at MAX_CELL);
    then the ``flex`` column shrinks, down to FLEX_FLOOR; then the widest column shrinks by one, again
    and again, until the row fits or none can shrink."""
    widths = [min(MAX_CELL, max([display_width(h), *(display_width(r[i]) for r in rows)]))
              for i, h in enumerate(header)]
    floors = [min(w, MIN_WIDTH) for w in widths]  # headers are cut too: the width is what must hold
    room = total - len(GAP) * (len(widths) - 1)
    if flex is not None:
        widths[flex] = max(min(widths[flex], FLEX_FLOOR), widths[flex] - max(0, sum(widths) - room))
    while sum(widths) > room:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: (widths[i], -i))
        widths[widest] -= 1
    return widths


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - display_width(text))
    return space + text if right else text + space


def render(header: Sequence[str], rows: Iterable[Sequence[Any]], *, tty: bool, width: int,
           numeric: Sequence[bool] | None = None, flex: int | None = None) -> str:
    """The whole table as text ending in a newline. ``numeric`` marks columns aligned to the right,
    ``flex`` the column that gives up room first on a narrow terminal."""
    cells = [[cell_text(v) for v in row] for row in rows]
    if not tty:
        return "".join("\t".join(line) + "\n" for line in [list(header), *cells])
    widths = column_widths(header, cells, width, flex)
    right = list(numeric) if numeric else [False] * len(header)
    lines = [[fit(h, w) for h, w in zip(header, widths, strict=True)],
             ["-" * w for w in widths],
             *[[fit(c, w) for c, w in zip(row, widths, strict=True)] for row in cells]]
    return "".join(
        GAP.join(_pad(c, w, r) for c, w, r in zip(line, widths, right, strict=True)).rstrip() + "\n"
        for line in lines
    )


def is_terminal(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def print_table(header: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[bool] | None = None,
                flex: int | None = None, stream: TextIO | None = None) -> None:
    """Print a table for where stdout goes: the terminal's width (COLUMNS overrides it) or tab-separated."""
    stream = stream or sys.stdout
    tty = is_terminal(stream)
    stream.write(render(header, rows, tty=tty, width=shutil.get_terminal_size().columns, numeric=numeric,
                        flex=flex))
    stream.flush()  # before anything said on stderr beside the table


def print_dicts(columns: Sequence[str], rows: Sequence[Mapping[str, Any]], stream: TextIO | None = None) -> None:
    """Rows of a query as a table; numbers align to the right."""
    numeric = [bool(rows) and all(isinstance(r.get(c), (int, float)) and not isinstance(r.get(c), bool)
                                  for r in rows) for c in columns]
    widest = max(range(len(columns)), key=lambda i: max((len(cell_text(r.get(columns[i]))) for r in rows), default=0),
                 default=None)
    print_table(columns, [[r.get(c) for c in columns] for r in rows], numeric, widest, stream)
