"""Reading ahead in a worker thread: same items, errors raised here, no thread left behind."""

import threading

import pytest

from koers.deliveries.prefetch import prefetched


def _worker_alive() -> bool:
    return any(t.name == "koers-prefetch" for t in threading.enumerate())


def test_items_arrive_in_order_and_are_made_in_another_thread():
    here = threading.get_ident()

    def items():
        for n in range(50):
            yield n, threading.get_ident()

    with prefetched(items(), depth=2) as stream:
        got = list(stream)
    assert [n for n, _ in got] == list(range(50))
    assert all(ident != here for _, ident in got)
    assert not _worker_alive()


def test_an_error_while_producing_is_raised_in_the_consumer_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("row 3 cannot be read")

    seen = []
    with pytest.raises(ValueError, match="row 3"), prefetched(items()) as stream:
        for item in stream:
            seen.append(item)
    assert seen == [1, 2]
    assert not _worker_alive()


def test_a_consumer_that_fails_stops_and_joins_a_worker_blocked_on_a_full_queue():
    closed = threading.Event()

    def endless():
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    with pytest.raises(RuntimeError, match="database went away"), prefetched(endless()) as stream:
        next(stream)
        raise RuntimeError("database went away")
    assert not _worker_alive()
    assert closed.is_set()  # the generator's cleanup ran


def test_leaving_early_without_an_error_also_joins_the_worker():
    with prefetched(iter(range(1000)), depth=1) as stream:
        assert next(stream) == 0
    assert not _worker_alive()
