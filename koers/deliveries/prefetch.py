"""Run an iterator in a worker thread, a few items ahead of the thread that consumes it.

An import spends most of its time in SQLite's inserts, which release the GIL; reading and
validating the next batch in a worker overlaps with them. The worker must not touch the
database: Django connections belong to the thread that opened them.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_END = object()
_POLL_SECONDS = 0.05  # how soon a blocked worker notices that the consumer has left


@contextmanager
def prefetched(items: Iterator[T], *, depth: int = 2) -> Iterator[Iterator[T]]:
    """Iterate `items` in a worker thread, at most `depth` items ahead.

    An exception raised by `items` is raised again in the consumer. Leaving the block,
    normally or by an exception, stops the worker and joins it: no thread outlives it.
    """
    handover: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    worker = threading.Thread(
        target=_produce, args=(items, handover, stop), name="koers-prefetch", daemon=True
    )
    worker.start()
    try:
        yield _consume(handover)
    finally:
        stop.set()
        worker.join()


def _produce(items: Iterator[T], handover: queue.Queue, stop: threading.Event) -> None:
    try:
        for item in items:
            if not _put(handover, (item, None), stop):
                return
        _put(handover, (_END, None), stop)
    except BaseException as exc:  # handed to the consumer, which raises it
        _put(handover, (_END, exc), stop)
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # a generator's cleanup runs here, in its own thread


def _put(handover: queue.Queue, entry: tuple, stop: threading.Event) -> bool:
    """Hand one entry over unless the consumer has left; False once it has."""
    while not stop.is_set():
        try:
            handover.put(entry, timeout=_POLL_SECONDS)
            return True
        except queue.Full:
            continue
    return False


def _consume(handover: queue.Queue) -> Iterator:
    while True:
        item, error = handover.get()
        if item is _END:
            if error is not None:
                raise error
            return
        yield item
