"""All cores, and beyond one machine: the same per-document function (`clean_one`) run by a
process pool (`--jobs`), by Dask (`--engine dask`), or on one shard of the inputs (`--shard`).

Results come back in input order and never more than a bounded window of documents is in
flight, so memory does not grow with the corpus and the output is the same as a serial run.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from . import settings
from .article import Article, Document, Failure
from . import pipeline
from .settings import Options

Item = Document | Failure
Result = Article | Failure


def clean_one(doc: Document, options: Options) -> Result:
    """Clean one document; a bad one becomes a Failure (pipeline.clean_or_fail)."""
    return pipeline.clean_or_fail(doc, options)


def default_jobs(batch: bool) -> int:
    """All cores for a batch, one process for a single page."""
    return (os.cpu_count() or 1) if batch else 1


def take_shard(items: Iterable[Item], shard: tuple[int, int] | None) -> Iterator[Item]:
    """Inputs i, i+n, i+2n, … (0-based, in input order): one task of a job array."""
    if shard is None:
        yield from items
        return
    index, count = shard
    yield from islice(items, index, None, count)


# --- a process pool ---------------------------------------------------------------------------

_worker_options: Options | None = None


def _init_worker(options: Options) -> None:
    """Load once per worker what every document needs (after fork, most of it is shared)."""
    import signal

    global _worker_options
    _worker_options = options
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if options.segment:
        from .segment import tokenize
        tokenize("预热")


def _clean_in_worker(doc: Document) -> Result:
    return clean_one(doc, _worker_options)


def clean_pool(items: Iterable[Item], options: Options, jobs: int) -> Iterator[Result]:
    """`jobs` worker processes; results in input order, a bounded window in flight."""
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, Failure) else clean_one(item, options)
        return
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    window = jobs * settings.JOBS_WINDOW_PER_WORKER
    with mp.get_context(method).Pool(jobs, _init_worker, (options,)) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(item if isinstance(item, Failure)
                           else pool.apply_async(_clean_in_worker, (item,)))
            while len(pending) >= window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(entry) -> Result:
    return entry if isinstance(entry, Failure) else entry.get()


# --- Dask ---------------------------------------------------------------------------------------

def _clean_partition(docs: list[Document], options: Options) -> list[Result]:
    return [clean_one(doc, options) for doc in docs]


def clean_dask(items: Iterable[Item], options: Options, jobs: int,
               scheduler: str | None = None) -> Iterator[Result]:
    """The same per-document function mapped over partitions of the inputs by Dask: a local
    cluster of `jobs` processes, or the scheduler at `scheduler`. A partition lost with a
    worker is run again by Dask; results come back in input order."""
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(
        n_workers=max(1, jobs), threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=50)
    client = Client(scheduler or cluster, set_as_default=False)
    try:
        options_future = client.scatter(options, broadcast=True)
        pending: deque = deque()
        for partition in _partitions(items, settings.DASK_PARTITION_DOCS):
            docs = [x for x in partition if isinstance(x, Document)]
            future = client.submit(_clean_partition, docs, options_future, pure=False) if docs else None
            pending.append((partition, future))
            while len(pending) >= max(2, 2 * jobs):
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _partitions(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _merge(partition: list[Item], future) -> Iterator[Result]:
    """The partition's results in its order, failures of reading where they were."""
    results = iter(future.result() if future is not None else ())
    for item in partition:
        yield item if isinstance(item, Failure) else next(results)
