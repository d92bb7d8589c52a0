"""receive() reads the file a batch ahead in a worker thread while it stores the last one."""

import threading
from functools import partial

import pyarrow as pa
import pytest
from django.db import connection

from koers.deliveries import storing, versions
from koers.deliveries.history import HistoryCache
from koers.deliveries.ingest import read_delivery
from koers.deliveries.ingest.validation.ledger import Ledger
from koers.deliveries.models import Delivery, Observation
from koers.deliveries.storing import receive


def _worker_alive() -> bool:
    return any(t.name == "koers-prefetch" for t in threading.enumerate())


def test_history_is_looked_up_in_the_callers_thread(catalogue, wind, mapping, monkeypatch):
    threads = set()
    real_lookup = HistoryCache.lookup

    def lookup(self, *args):
        threads.add(threading.get_ident())
        return real_lookup(self, *args)

    monkeypatch.setattr(HistoryCache, "lookup", lookup)
    delivery = receive(wind, mapping_path=mapping("70960"))
    assert delivery.status == "validated"
    assert threads == {threading.get_ident()}  # Django connections are per thread
    assert not _worker_alive()


def test_an_error_while_reading_ahead_undoes_what_was_stored(catalogue, wind, mapping, monkeypatch):
    monkeypatch.setattr(storing, "read_delivery", partial(read_delivery, batch_rows=100))
    real_observe, real_insert = Ledger.observe, versions.insert
    calls = {"observe": 0, "insert": 0}

    def observe(self, batch):
        calls["observe"] += 1
        if calls["observe"] == 2:
            raise MemoryError("reader gave up")
        real_observe(self, batch)

    def insert(rows, **kwargs):
        calls["insert"] += 1
        return real_insert(rows, **kwargs)

    monkeypatch.setattr(Ledger, "observe", observe)
    monkeypatch.setattr(versions, "insert", insert)
    delivery = receive(wind, mapping_path=mapping("70960"))
    assert calls["insert"] >= 1  # the first batch was stored before the worker failed
    assert Observation.objects.count() == 0
    assert Delivery.objects.get().status == delivery.status == "failed"
    assert "reader gave up" in delivery.report["errors"][0]["message"]
    assert not _worker_alive()


def test_a_file_that_turns_out_invalid_stores_nothing_although_early_batches_were_clean(
    catalogue, wind, mapping, monkeypatch, tmp_path
):
    lines = wind.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append(lines[1])  # a duplicate of the first data row, in the last batch
    broken = tmp_path / "wind-dubbel.csv"
    broken.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(storing, "read_delivery", partial(read_delivery, batch_rows=100))
    delivery = receive(broken, mapping_path=mapping("70960"))
    assert delivery.status == "rejected"
    error = delivery.report["errors"][0]
    assert (error["rule"], error["row"]) == ("duplicate_key", len(lines))
    assert Observation.objects.count() == 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's page cache")
def test_the_page_cache_is_capped_during_the_import_and_restored_after(
    catalogue, wind, mapping, monkeypatch
):
    def cache_size() -> int:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            return cursor.fetchone()[0]

    before = cache_size()
    during = []
    real_insert = versions.insert

    def insert(rows, **kwargs):
        during.append(cache_size())
        return real_insert(rows, **kwargs)

    monkeypatch.setattr(versions, "insert", insert)
    receive(wind, mapping_path=mapping("70960"))
    assert set(during) == {-storing.IMPORT_PAGE_CACHE_KIB}
    assert cache_size() == before


def test_driver_values_equal_the_plain_python_values():
    table = pa.table(
        {
            "constant": ["realisation"] * 4,
            "codes": ["2023-01", "2023-02", "2023-01", "2023-03"],
            "with_null": ["a", None, "a", "b"],
            "numbers": [1, 2, 3, 4],
            "values": [1.5, None, 2.5, 0.0],
        }
    )
    for name in table.column_names:
        assert list(versions._driver_values(table[name])) == table[name].to_pylist(), name
