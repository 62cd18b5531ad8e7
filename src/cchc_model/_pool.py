"""Many files on every core: a function mapped over them in a pool of processes, in order.

:func:`map_in_order` is what ``cchc validate DIR``, ``cchc consolidate DIR`` and
``cchc facts DIR`` read their files with. With one job (or one file) it is the built-in
``map``, in this process; with more it hands the files to worker processes in small chunks,
keeps only a few chunks in flight, and gives the results back in the order of the files as
they arrive, so what the caller prints is the same line for line whatever the number of
jobs, and memory stays flat however many files there are.

The work function and what it returns must pickle: a function at module level (the ``spawn``
start method of macOS and Windows imports it by name in each worker) returning small values
(a line of output, a unit's appendix), never a whole report it does not need.

A worker that dies (killed, out of memory, a crash in a C extension) breaks the pool; the
files it may have been reading are then read again one at a time, each in a process of its
own, so that the file that kills its reader is named (:class:`WorkerCrashError`) and a death
that does not come back costs nothing. Workers ignore Ctrl-C: the parent takes it, lets the
chunks being read finish, starts no more and raises :class:`KeyboardInterrupt`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from cchc_model._base.errors import CchcError

__all__ = ["WorkerCrashError", "chunk_size", "default_jobs", "map_in_order"]

T = TypeVar("T")
R = TypeVar("R")

#: Most items a worker takes at once: small enough that the output keeps coming and Ctrl-C
#: waits for little, large enough that handing chunks over costs nothing next to the work.
_MAX_CHUNK = 8
#: Chunks in flight per worker: one being read, one waiting, so no worker ever idles.
_IN_FLIGHT = 2


class WorkerCrashError(CchcError):
    """A worker process died while it read a file; the message names the file."""

    default_message = "tiến trình con dừng đột ngột (a worker process died)"


def default_jobs() -> int:
    """The number of cores this process may run on: the default of ``--jobs``.

    >>> default_jobs() >= 1
    True
    """
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counted is not None:
        return max(1, counted() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity
        return max(1, os.cpu_count() or 1)


def chunk_size(count: int, jobs: int) -> int:
    """How many of *count* items a worker takes at once when *jobs* workers share them.

    About eight chunks per worker, so that the workers finish together, and never more than
    eight items: a chunk of Word reports is read in a second or two.

    >>> chunk_size(10_000, 2), chunk_size(40, 2), chunk_size(3, 8)
    (8, 2, 1)
    """
    return max(1, min(_MAX_CHUNK, count // (jobs * 8)))


def _ignore_interrupt() -> None:
    """Leave Ctrl-C to the parent, which stops the pool in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _interrupt_held() -> Iterator[None]:
    """Hold Ctrl-C back while workers are started, until they have come to ignore it.

    A worker inherits the signal mask (through fork and exec alike), so one started now
    cannot be stopped by a Ctrl-C that comes before it ignores it; the parent gets the
    Ctrl-C when the block ends.
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:  # Windows: a console Ctrl-C goes through another route
        yield
        return
    mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _run_chunk(work: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [work(item) for item in items]


def _run_alone(work: Callable[[T], R], item: T,
               sender: multiprocessing.connection.Connection) -> None:
    _ignore_interrupt()
    try:
        sender.send((True, work(item)))
    except Exception as error:  # noqa: BLE001 - carried to the parent, which raises it
        sender.send((False, f"{type(error).__name__}: {error}"))
    finally:
        sender.close()


def _died(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        hint = " — hết bộ nhớ? (out of memory?)" if name == "SIGKILL" else ""
        return f"tín hiệu (signal) {name}{hint}"
    return f"mã thoát (exit code) {code}"


def _alone(work: Callable[[T], R], item: T, context: Any) -> R:
    """*work* of *item* in a process of its own; a death there names the item."""
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_run_alone, args=(work, item, sender), daemon=True)
    with _interrupt_held():
        process.start()
    sender.close()
    try:
        done, value = receiver.recv()
    except EOFError:
        process.join()
        raise WorkerCrashError(
            f"tiến trình con dừng đột ngột khi đọc tệp (a worker process died reading) "
            f"{item}: {_died(process.exitcode)}"
        ) from None
    finally:
        receiver.close()
    process.join()
    if not done:
        raise RuntimeError(f"{item}: {value}")
    result: R = value
    return result


def map_in_order(work: Callable[[T], R], items: Sequence[T], *, jobs: int,
                 start_method: str | None = None, chunk: int | None = None
                 ) -> Generator[R, None, None]:
    """``work(item)`` for each of *items*, in their order, on *jobs* processes.

    One job, or fewer than two items, is the built-in ``map`` in this process: no pool is
    started. Otherwise *chunk* items (by default :func:`chunk_size`) go to a worker at a
    time, at most two chunks per worker are in flight, and results are given back as soon as
    they and every result before them have arrived. *start_method* is a
    :mod:`multiprocessing` start method (``"spawn"``, ``"fork"``, ``"forkserver"``), the
    platform's by default. Close the iterator (:func:`contextlib.closing`) to stop early: the
    chunks not started are cancelled.

    >>> list(map_in_order(str.upper, ["a", "b"], jobs=1))
    ['A', 'B']
    """
    if jobs <= 1 or len(items) <= 1:
        yield from map(work, items)
        return
    size = chunk or chunk_size(len(items), jobs)
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    workers = min(jobs, len(chunks))
    context = multiprocessing.get_context(start_method)

    def pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_interrupt)

    executor = pool()
    pending: deque[tuple[Sequence[T], Future[list[R]]]] = deque()
    following = 0
    try:
        while following < len(chunks) or pending:
            with _interrupt_held():  # a submission may start a worker
                while following < len(chunks) and len(pending) < _IN_FLIGHT * workers:
                    try:
                        future = executor.submit(_run_chunk, work, chunks[following])
                    except BrokenProcessPool:  # a worker died since: the chunks in flight say
                        break
                    pending.append((chunks[following], future))
                    following += 1
            if not pending:  # broken with nothing in flight: nothing to read again
                executor.shutdown(wait=True, cancel_futures=True)
                executor = pool()
                continue
            items_of, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                executor.shutdown(wait=True, cancel_futures=True)
                yield from _after_crash(work, [(items_of, future), *pending], context)
                pending.clear()
                executor = pool()
                continue
            yield from results
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _after_crash(work: Callable[[T], R], chunks: list[tuple[Sequence[T], Future[list[R]]]],
                 context: Any) -> Iterator[R]:
    """The results of the chunks in flight when a worker died, in order.

    A chunk that finished keeps its results; the items of the others are read again one by
    one, each in a process of its own, which names the item a death comes back with.
    """
    for items, future in chunks:
        if future.done() and not future.cancelled() and future.exception() is None:
            yield from future.result()
        else:
            for item in items:
                yield _alone(work, item, context)
