"""Extraction on several cores: the same records, in the same order, as `extract_paths`.

Reading stays in the calling process (it is cheap and keeps errors in file order); each worker
process builds one Extractor when it starts and turns RawDocuments into DocumentRecords. Only a
window of documents is in flight at once, so memory does not grow with the corpus.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from pathlib import Path

from loaders.events import EventReader
from loaders.limits import Limits
from loaders.pipeline import Extracted, Extractor, extract_one, extract_paths
from loaders.readers import RawDocument, read_documents
from ontology.errors import CkgError, InputError
from ontology.gazetteer import Gazetteer
from ontology.records import DocumentRecord

# Documents in flight per worker: enough to keep every worker busy while the reader catches up.
WINDOW_PER_JOB = 32



# The worker's Extractor, built once by _start_worker in each worker process, or why it could not be.
_extractor: Extractor | BaseException | None = None


def worker_count(jobs: int) -> int:
    """The number of processes `jobs` asks for: 0 means one per core."""
    if jobs < 0:
        raise CkgError(f"jobs must be 0 (one process per core) or a positive number of processes, not {jobs}")
    return jobs or os.cpu_count() or 1


def extract_parallel(paths: Iterable[Path], gazetteer: Gazetteer | None, jobs: int, *,
                     context: BaseContext | None = None, window: int | None = None, limits: Limits | None = None,
                     fmt: str = "auto") -> Iterator[Extracted]:
    """Records of every document under the paths, in `extract_paths` order, extracted by `jobs` processes.

    `gazetteer` (None: the default one) is sent whole to each worker once. jobs=1 runs in this process; 0 means
    one process per core. `context` is a multiprocessing context, e.g. get_context("spawn"); the
    platform's default otherwise. Unreadable documents, documents over their time budget and documents
    whose extraction failed yield an InputError in their place; a worker that cannot start raises here.
    Rows of event data files are made into records here (they need no extraction), in their place.
    """
    jobs = worker_count(jobs)
    if jobs == 1:
        yield from extract_paths(paths, Extractor(gazetteer, limits), fmt)
        return
    # The default gazetteer every worker reads for itself; anything else travels whole, by value.
    source = None if gazetteer is None or gazetteer is Gazetteer.default() else gazetteer
    limit = window or jobs * WINDOW_PER_JOB
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                               initargs=(source, limits))
    pending: deque[Future[DocumentRecord | InputError] | Extracted] = deque()
    started = False
    events = EventReader(gazetteer if gazetteer is not None else Gazetteer.default())
    try:
        for item in read_documents(paths, fmt, events):
            if not isinstance(item, RawDocument):
                pending.append(item)
            else:
                pending.append(pool.submit(_extract_one, item) if started else _submit_first(pool, item))
                started = True
            if len(pending) >= limit:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        # Also reached when the caller stops early or a worker failed: drop the work not yet started.
        pool.shutdown(wait=True, cancel_futures=True)


def _submit_first(pool: ProcessPoolExecutor, doc: RawDocument) -> Future[DocumentRecord | InputError]:
    """The first submit starts the workers. Under fork they inherit this process's objects (an open
    graph, say); frozen at that moment, the workers' garbage collector never writes to them, so their
    pages stay shared instead of being copied into every worker."""
    gc.freeze()
    try:
        return pool.submit(_extract_one, doc)
    finally:
        gc.unfreeze()


def _build_gazetteer(source: Gazetteer | None) -> Gazetteer:
    return source if source is not None else Gazetteer.default()


def _start_worker(source: Gazetteer | None, limits: Limits | None) -> None:
    global _extractor
    try:
        _extractor = Extractor(_build_gazetteer(source), limits)
    except Exception as exc:
        # Raised from an initializer it would only break the pool; kept, each task raises it to the caller.
        _extractor = exc


def _extract_one(doc: RawDocument) -> DocumentRecord | InputError:
    if isinstance(_extractor, BaseException):
        raise _extractor
    assert _extractor is not None, "worker started without _start_worker"
    return extract_one(_extractor, doc)


def _result(item: Future[DocumentRecord | InputError] | Extracted) -> Extracted:
    if not isinstance(item, Future):
        return item
    return item.result()  # re-raises here a worker's failure to start
