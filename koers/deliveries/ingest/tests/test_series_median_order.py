"""The per-series median sorts values within each series; its faster order equals lexsort's."""

import numpy as np

from koers.deliveries.ingest.validation.ledger import dense_ids
from koers.deliveries.ingest.validation.series_checks import _by_series_then_value, _group_median


def test_the_order_sorts_by_series_then_value_like_lexsort():
    rng = np.random.default_rng(7)
    series = rng.integers(0, 50, 5000).astype(np.int32)
    values = np.round(rng.normal(100, 30, 5000), 1)  # rounded: many ties
    ours = _by_series_then_value(series, values)
    theirs = np.lexsort((values, series))
    assert np.array_equal(series[ours], series[theirs])
    assert np.array_equal(values[ours], values[theirs])


def test_group_median_per_series():
    series = np.array([1, 0, 1, 0, 1, 0, 0], dtype=np.int32)
    values = np.array([5.0, 4.0, 1.0, 2.0, 3.0, 1.0, 3.0])
    medians = _group_median(series, values, np.bincount(series))
    assert medians.tolist() == [2.5, 3.0]


def test_dense_ids_number_distinct_keys_in_sorted_order_like_unique():
    rng = np.random.default_rng(3)
    for key in (rng.integers(0, 40, 1000), rng.integers(0, 2**40, 1000), np.zeros(0, np.int64)):
        assert np.array_equal(dense_ids(key), np.unique(key, return_inverse=True)[1].ravel())
