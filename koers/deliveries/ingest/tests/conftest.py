"""Fixtures for the ingest tests: the real data folder and a validation context.

Real files are read from the repository's sibling folder `shared/data` and never copied;
broken variants are written to tmp_path by the tests that need them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pytest

from koers.deliveries.ingest import ValidationContext, read_delivery, specs_from_catalogue

REAL_DATA = Path(__file__).resolve().parents[4] / ".." / "shared" / "data"
DUTCH_AREAS = frozenset(["NL01", "PV99", *(f"PV{n}" for n in range(20, 32))])
PROVINCES_CA = ("AB", "BC", "MB", "NB", "NL", "NT", "NS", "NU", "ON", "PE", "QC", "SK", "YT")
CANADA_AREAS = frozenset(["CA", *(f"CA-{p}" for p in PROVINCES_CA)])


@pytest.fixture(scope="session")
def real_data() -> Path:
    if not (REAL_DATA / "cbs").is_dir():
        pytest.fail(f"real data folder missing: {REAL_DATA.resolve()}")
    return REAL_DATA


@pytest.fixture(scope="session")
def catalogue_specs():
    return specs_from_catalogue()


@pytest.fixture
def context(catalogue_specs) -> ValidationContext:
    """Koers' built-in areas plus Canada's, and every catalogue indicator."""
    return ValidationContext(known_areas=DUTCH_AREAS | CANADA_AREAS, indicators=catalogue_specs)


def ingest_table(path: Path, mapping, context: ValidationContext, **options):
    """Run a whole ingest; (observations as one table, the Ingest with its report)."""
    ingest = read_delivery(path, mapping, context, **options)
    batches = list(ingest)
    from koers.deliveries.ingest import OBSERVATION_SCHEMA

    table = pa.Table.from_batches(batches, schema=OBSERVATION_SCHEMA)
    return table, ingest


def csv_rows(path: Path, delimiter: str = ",") -> tuple[list[str], list[list[str]]]:
    """Header and rows with Python's csv module: the independent reading used in asserts."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=delimiter))
    return rows[0], rows[1:]


def write_rows(path: Path, header: list, rows: list, delimiter: str = ",", **options) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n", **options)
        writer.writerows([header, *rows])
    return path
