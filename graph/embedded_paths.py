"""What keeps a path from holding the embedded store, and how to say it in one line: a folder, a file in the
way of its folder, no permission, or a database file that is damaged or no store at all. Nothing at the
path is moved or removed; the message says what to do."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ontology.errors import StoreError

HELD_BY = re.compile(r"held by PID (\d+)", re.IGNORECASE)
# LadybugDB's own advice, which does not fit a file damaged for good, and the kind of its exception
_ADVICE = re.compile(r"\s*(The database may be checkpointing; please retry later\.|The database file may be "
                     r"corrupted\.)")
_KIND = re.compile(r"^(Runtime|Storage|IO|Catalog) exception: ")


def damaged(path: Path, reason: str) -> StoreError:
    return StoreError(f"graph at {path} is damaged or not a conflict-kg store: {reason}; move it aside and run "
                      "ckg ingest again")


def path_problem(path: Path) -> StoreError | None:
    """Why `path` cannot hold a store, seen before the database is opened; None when nothing is in the way."""
    try:
        info = path.stat()
    except PermissionError:
        return _denied(path, "its folder")
    except (FileNotFoundError, NotADirectoryError):
        return _blocked_folder(path)
    if stat.S_ISDIR(info.st_mode):
        return StoreError(f"graph at {path} is a folder, not a conflict-kg store; pass the store's file, or a new "
                          "file name, to --graph")
    if not stat.S_ISREG(info.st_mode):
        return damaged(path, "it is not a regular file")
    if not os.access(path, os.R_OK):
        return _denied(path, "the file")
    return None


def open_error(path: Path, exc: Exception) -> StoreError:
    """The one-line error for a database LadybugDB could not open."""
    if isinstance(exc, StoreError):  # said already
        return exc
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    held = HELD_BY.search(lines[0])
    if held:
        return StoreError(f"{path}: the store is in use by process {held.group(1)}; wait for it to finish "
                          "or pass another --graph")
    reason = _ADVICE.sub("", _KIND.sub("", lines[0])).strip().rstrip(".!")
    if "not a valid Lbug database file" in reason:
        reason = "it is not a LadybugDB database file"
    if isinstance(exc, MemoryError):  # a size read from a damaged page
        reason = f"reading it asked for impossible memory ({reason})"
    if "WAL file is corrupted" in reason:
        return StoreError(f"graph at {path} is damaged: its log {path}.wal is corrupted; move {path}.wal aside "
                          "to open the graph as last saved, or move both aside and run ckg ingest again")
    return damaged(path, reason)


def is_damage(exc: BaseException) -> bool:
    """Whether a failure while reading rows comes from damaged pages rather than from the statement."""
    if isinstance(exc, (UnicodeDecodeError, MemoryError)):
        return True
    first = (str(exc).strip().splitlines() or [""])[0]
    return isinstance(exc, RuntimeError) and first.startswith(("Storage exception", "Assertion failed"))


def damage_error(path: Path, exc: BaseException) -> StoreError:
    if isinstance(exc, UnicodeDecodeError):
        return damaged(path, "a stored text is not UTF-8")
    return open_error(path, exc) if isinstance(exc, Exception) else damaged(path, type(exc).__name__)


def _denied(path: Path, what: str) -> StoreError:
    return StoreError(f"graph at {path} cannot be read: permission denied on {what}; run as a user who may read "
                      "it, or pass another --graph")


def _blocked_folder(path: Path) -> StoreError | None:
    """A missing store is made later, unless a file stands where one of its folders should be."""
    for parent in path.parents:
        try:
            info = parent.stat()
        except PermissionError:
            return _denied(path, str(parent))
        except (FileNotFoundError, NotADirectoryError):
            continue
        if not stat.S_ISDIR(info.st_mode):
            return StoreError(f"no graph can be at {path}: {parent} is a file, not a folder; pass another --graph")
        return None
    return None
