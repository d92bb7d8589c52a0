"""The benchmark's generator and pipeline still run (on 3,000 rows; speed is not tested)."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[4] / "benchmarks" / "ingest_parse.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("ingest_parse_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_file_parses_clean_with_one_observation_per_row(bench, tmp_path):
    path = tmp_path / "bench.csv"
    bench.write_file(path, 3000)
    result = bench.time_ingest(path)
    assert result["rows_read"] == result["observations"] == 3000
    assert result["errors"] == 0
