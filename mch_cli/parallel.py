"""All cores, and beyond one machine: the same per-document function (`clean_one`) run by a
process pool (`--jobs`), by Dask (`--engine dask`), or on one shard of the inputs (`--shard`).

Results come back in input order and never more than a bounded window of documents is in
flight, so memory does not grow with the corpus and the output is the same as a serial run.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice

from . import settings
from .article import Article, Document, Failure
from . import pipeline
from .settings import Options

Item = Document | Failure
Result = Article | Failure


def _keep(result: Result) -> Result:
    return result


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


def clean_batch(items: Iterable[Item], options: Options, jobs: int, finish: Callable[[Result], object] = _keep,
                engine: str = "local", scheduler: str | None = None) -> Iterator:
    """Every document cleaned by the engine asked for (local: a process pool; dask), results in
    input order, each put through `finish` where it was made."""
    if engine == "dask":
        return clean_dask(items, options, jobs, scheduler, finish)
    return clean_pool(items, options, jobs, finish)


# --- a process pool ---------------------------------------------------------------------------

_worker_options: Options | None = None
_worker_finish: Callable[[Result], object] | None = None


def _init_worker(options: Options, finish: Callable[[Result], object]) -> None:
    """Load once per worker what every document needs (after fork, most of it is shared)."""
    import signal

    global _worker_options, _worker_finish
    _worker_options, _worker_finish = options, finish
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if options.segment:
        from .segment import tokenize
        tokenize("预热")


def _clean_in_worker(docs: list[Document]) -> list:
    return _clean_partition(docs, _worker_options, _worker_finish)


def clean_pool(items: Iterable[Item], options: Options, jobs: int,
               finish: Callable[[Result], object] = _keep) -> Iterator:
    """`jobs` worker processes; results in input order, a bounded window in flight. `finish`
    is applied to each result where it was made (the writer's rendering: a string travels back
    to this process much faster than an Article)."""
    chunks = _partitions(items, settings.JOBS_CHUNK_DOCS)
    first, second = (next(chunks, []), next(chunks, None)) if jobs > 1 else ([], None)
    if second is None:  # one process; or one task's worth (none at all: a missing file), which a
        # pool would give to one worker and only cost its start-up
        for item in chain(first, chain.from_iterable(chunks)) if jobs > 1 else items:
            yield finish(item if isinstance(item, Failure) else clean_one(item, options))
        return
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    window = max(2, jobs * settings.JOBS_WINDOW_PER_WORKER // settings.JOBS_CHUNK_DOCS)
    with mp.get_context(method).Pool(jobs, _init_worker, (options, finish)) as pool:
        pending: deque = deque()
        for chunk in chain([first, second], chunks):
            docs = [x for x in chunk if isinstance(x, Document)]
            pending.append((chunk, pool.apply_async(_clean_in_worker, (docs,)) if docs else None))
            while len(pending) >= window:
                chunk, task = pending.popleft()
                yield from _merge(chunk, task.get() if task else [], finish)
        while pending:
            chunk, task = pending.popleft()
            yield from _merge(chunk, task.get() if task else [], finish)


# --- Dask ---------------------------------------------------------------------------------------

def _clean_partition(docs: list[Document], options: Options, finish: Callable[[Result], object]) -> list:
    return [finish(clean_one(doc, options)) for doc in docs]


class Unreachable(Exception):
    """The Dask scheduler asked for did not answer."""


def clean_dask(items: Iterable[Item], options: Options, jobs: int,
               scheduler: str | None = None, finish: Callable[[Result], object] = _keep) -> Iterator:
    """The same per-document function mapped over partitions of the inputs by Dask: a local
    cluster of `jobs` processes, or the scheduler at `scheduler` (Unreachable, at once, when it
    does not answer within settings.DASK_CONNECT_SECONDS). A partition lost with a worker is run
    again by Dask; results come back in input order, each put through `finish` on its worker."""
    from dask.distributed import Client

    cluster = None if scheduler else _local_cluster(jobs)
    try:
        client = Client(scheduler or cluster, set_as_default=False, timeout=settings.DASK_CONNECT_SECONDS)
    except Exception as exc:  # noqa: BLE001 - whatever answered there, it is no scheduler
        if cluster is not None:
            cluster.close()
        raise Unreachable(f"no Dask scheduler answered within {settings.DASK_CONNECT_SECONDS} s"
                          if isinstance(exc, (OSError, TimeoutError)) else
                          f"what answered there is no Dask scheduler ({type(exc).__name__})") from None
    return _dask_results(client, cluster, items, options, jobs, finish)


def _local_cluster(jobs: int):
    """A Dask cluster of `jobs` worker processes on this machine that leave Ctrl-C to this
    process, as --jobs workers do: they are started with SIGINT ignored, which a new Python
    process keeps (a Ctrl-C while they start is lost)."""
    import signal
    import threading

    from dask.distributed import LocalCluster

    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        return LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=50)
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)


def _dask_results(client, cluster, items: Iterable[Item], options: Options, jobs: int,
                  finish: Callable[[Result], object]) -> Iterator:
    try:
        options_future = client.scatter(options, broadcast=True)
        pending: deque = deque()
        for partition in _partitions(items, settings.DASK_PARTITION_DOCS):
            docs = [x for x in partition if isinstance(x, Document)]
            future = client.submit(_clean_partition, docs, options_future, finish, pure=False) if docs else None
            pending.append((partition, future))
            while len(pending) >= max(2, 2 * jobs):
                partition, future = pending.popleft()
                yield from _merge(partition, future.result() if future else [], finish)
        while pending:
            partition, future = pending.popleft()
            yield from _merge(partition, future.result() if future else [], finish)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _partitions(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _merge(partition: list[Item], results: list, finish: Callable[[Result], object]) -> Iterator:
    """The partition's results in its order, failures of reading where they were."""
    done = iter(results)
    for item in partition:
        yield finish(item) if isinstance(item, Failure) else next(done)
