"""The one exception tree of conflict-kg; every layer raises these, the CLI turns them into messages."""

from __future__ import annotations

import traceback


class CkgError(Exception):
    """Base of every error conflict-kg raises on purpose."""


class InputError(CkgError):
    """A document that cannot be read: names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type, tuple]:
        # Errors travel back from worker processes; the default pickling would call __init__(message).
        return self.__class__, (self.path, self.reason, self.line)


class InternalError(InputError):
    """An unexpected failure while reading one document: it is skipped and the run goes on.

    `detail` holds the traceback, shown only when asked for (`ckg --debug`)."""

    def __init__(self, path: str, reason: str, line: int | None = None, detail: str = "") -> None:
        super().__init__(path, reason, line)
        self.detail = detail
        where = f"{path}:{line}" if line is not None else path
        self.args = (f"internal error in {where} (please report): {reason}",)

    def __reduce__(self) -> tuple[type, tuple]:
        return self.__class__, (self.path, self.reason, self.line, self.detail)

    @classmethod
    def of(cls, path: str, exc: BaseException, line: int | None = None) -> InternalError:
        """The error for an exception being handled, with its traceback kept for --debug."""
        reason = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return cls(path, reason, line, "".join(traceback.format_exception(exc)))


class GazetteerError(CkgError):
    """A gazetteer or lexicon data file that is malformed."""


class StoreError(CkgError):
    """A store that cannot be opened, read or written."""


class StoreUnavailable(StoreError):
    """A store's server went away while writing: what was committed stays, the run stops."""


class QueryError(CkgError):
    """A catalog query that is unknown, lacks parameters, or is not read-only."""


class ExportError(CkgError):
    """An export format that is unknown or an export that cannot be written."""
