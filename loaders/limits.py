"""Bounds on what one document may cost: seconds of extraction, relations per sentence, actors per list.

A document over its time budget is reported and skipped; a sentence or list over its bound is cut, and
the cut reported as a warning on the document.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType


@dataclass(frozen=True)
class Limits:
    max_seconds: float | None = 60.0  # per document; None or 0: no limit
    max_relations: int = 50  # per sentence
    max_list: int = 25  # actors of one list ("Egypt, the UAE and Russia") that are read


_REPEAT = 0.05  # seconds between alarms once the budget is spent
# The alarm interrupts only the project's own code: landing in a finaliser or a warning hook of another
# library, it would escape through code that does not expect it; the next alarm lands in the extraction.
_OWN_CODE = tuple(str(Path(__file__).resolve().parents[1] / part) for part in ("loaders", "ontology", "graph"))


class OverBudget(BaseException):
    """Raised into the extraction when its time is up; a BaseException so that no handler swallows it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the body after `seconds` of wall-clock time with OverBudget.

    Needs SIGALRM, so it holds in a main thread (the CLI's, each worker process's); elsewhere the body runs
    unbounded rather than not at all."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    armed = True

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed and frame is not None and frame.f_code.co_filename.startswith(_OWN_CODE):
            raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    # After the budget the alarm repeats: an exception raised while a finaliser runs is swallowed, the next
    # one lands in the extraction.
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
    try:
        yield
    finally:
        armed = False  # from here on a late alarm raises nothing
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
