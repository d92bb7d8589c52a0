"""The analytics store: one Parquet file per indicator, atomic swaps, per-process cache."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import koers.engine
from koers.engine import AnalyticsStore, IndicatorRules, StoreError, aggregate, query, refresh
from koers.engine.aggregates import STORED, levels_from_metadata
from koers.engine.tests.factories import observations, provinces_and_nation

AREAS, LINKS = provinces_and_nation()
RULES = [
    IndicatorRules("A", periodicity="quarter"),
    IndicatorRules("B", periodicity="quarter"),
    IndicatorRules("C", periodicity="quarter"),
    IndicatorRules("R", area_rule="ratio", numerator="A", denominator="B"),
]


def obs(scale: float = 1.0, *, scaled=("A", "B", "C")):
    rows = [
        (ind, f"PV{p}", f"2023-Q{q}", (scale if ind in scaled else 1.0) * (p + q))
        for ind in ("A", "B", "C")
        for p in range(20, 32)
        for q in range(1, 5)
    ]
    return observations(*rows)


def test_refresh_writes_one_file_per_indicator_and_query_reads_them(tmp_path):
    store = AnalyticsStore(tmp_path)
    steps = []
    report = refresh(obs(), AREAS, LINKS, RULES, store, progress=lambda s, d, t: steps.append(s))
    assert store.indicators() == ["A", "B", "C", "R"]
    assert sorted(report.indicators) == ["A", "B", "C", "R"] and report.rows > 0
    assert "write" in steps and "areas" in steps
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers

    expected = aggregate(obs(), AREAS, LINKS, RULES, indicators=["A"])
    stored = query(store, "A")
    assert stored.schema == expected.schema
    order = [("lineage_id", "ascending")]
    assert stored.sort_by(order).to_pylist() == expected.sort_by(order).to_pylist()
    provinces = query(store, "A", level="provincie", period_type="quarter")
    assert provinces.num_rows == 12 * 4
    nl = query(store, "R", area="NL01", period=["2023", "2023-Q1"])
    assert nl.num_rows == 2


def test_query_answers_from_the_cache_until_the_file_changes(tmp_path):
    store = AnalyticsStore(tmp_path)
    refresh(obs(), AREAS, LINKS, RULES, store)
    first = store.read("A")
    assert store.read("A") is first
    refresh(obs(2.0), AREAS, LINKS, RULES, store, indicators=["A"])
    again = store.read("A")
    assert again is not first
    assert query(store, "A", area="PV20", period="2023-Q1").column("value").to_pylist() == [42.0]


def test_incremental_refresh_rewrites_only_the_indicator_and_its_dependents(tmp_path):
    store = AnalyticsStore(tmp_path)
    refresh(obs(), AREAS, LINKS, RULES, store)
    before = {i: store.path(i).stat().st_mtime_ns for i in store.indicators()}
    report = refresh(obs(2.0, scaled=["B"]), AREAS, LINKS, RULES, store, indicators=["B"])
    assert sorted(report.indicators) == ["B", "R"]
    after = {i: store.path(i).stat().st_mtime_ns for i in store.indicators()}
    assert [i for i in before if before[i] != after[i]] == ["B", "R"]
    ratio = query(store, "R", area="PV20", period="2023-Q1").column("value").to_pylist()[0]
    assert ratio == pytest.approx(21 / 42)  # A unchanged, B doubled


def test_unknown_indicators_are_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        query(AnalyticsStore(tmp_path), "Nope")


def test_odd_indicator_codes_get_safe_file_names(tmp_path):
    store = AnalyticsStore(tmp_path)
    rules = [IndicatorRules("a/b c%", periodicity="quarter")]
    refresh(observations(("a/b c%", "PV20", "2023-Q1", 1.0)), AREAS, LINKS, rules, store)
    assert store.indicators() == ["a/b c%"]
    assert query(store, "a/b c%").num_rows >= 1


def test_readers_in_other_processes_never_see_half_a_file(tmp_path):
    store = AnalyticsStore(tmp_path)
    refresh(obs(), AREAS, LINKS, RULES, store)
    reader = textwrap.dedent(
        f"""
        import time
        from koers.engine.store import AnalyticsStore
        end, reads = time.time() + 1.5, 0
        while time.time() < end:
            # a fresh store each time, so every read opens the file anew
            assert AnalyticsStore({str(tmp_path)!r}).read("A").num_rows > 0
            reads += 1
        print(reads)
        """
    )
    repo = Path(koers.engine.__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", reader],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for i in range(6):
        refresh(obs(1.0 + i), AREAS, LINKS, RULES, store, indicators=["A"])
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert int(out) > 0


def test_files_hold_only_the_stored_columns_and_the_levels(tmp_path):
    store = AnalyticsStore(tmp_path)
    refresh(obs(), AREAS, LINKS, RULES, store)
    written = pq.read_table(store.path("R"))
    assert written.schema.names == STORED.names
    assert levels_from_metadata(written.schema.metadata)["PV20"] == "provincie"
    full = store.read("R")
    assert set(full.column("level").to_pylist()) == {"provincie", "land"}


def test_files_written_with_every_column_are_still_read(tmp_path):
    """Stores written before the STORED layout carry every column and no level metadata."""
    store = AnalyticsStore(tmp_path)
    expected = aggregate(obs(), AREAS, LINKS, RULES, indicators=["A"])
    pq.write_table(expected.drop_columns(["lineage_id"]), store.path("A"))
    assert store.read("A").to_pylist() == expected.to_pylist()
