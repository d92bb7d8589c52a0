"""The whole-file checks run per spilled ledger partition and find what one pass finds."""

import tempfile
from pathlib import Path

import pytest

from koers.deliveries.ingest import (
    TEMPLATE_COLUMNS,
    IndicatorSpec,
    ValidationContext,
    read_delivery,
)
from koers.deliveries.ingest.validation import ledger

from .conftest import write_rows

AREAS = [f"PV{n}" for n in range(20, 32)]
SPEC = IndicatorSpec(
    code="vermogen",
    periodicity="year",
    minimum=0,
    breakdowns={"Bron": frozenset({"_T", "wind", "zon"})},
)


def _file(tmp_path):
    rows = []
    for n, area in enumerate(AREAS):
        for year in range(2015, 2024):
            value = 100 + year - 2015
            rows.append(["vermogen", area, str(year), "Bron=_T", "", str(value), ""])
            rows.append(["vermogen", area, str(year), "Bron=wind", "", str(value // 2), ""])
            sun = value if n % 3 == 0 and year == 2020 else value // 4  # parts above the total
            rows.append(["vermogen", area, str(year), "Bron=zon", "", str(sun), ""])
        rows.append(["vermogen", area, "2019", "Bron=wind", "", "1", ""])  # a duplicate
    rows.append(["vermogen", "PV25", "2023", "Bron=_T", "", "5000", ""])  # duplicate, jump
    return write_rows(tmp_path / "levering.csv", list(TEMPLATE_COLUMNS), rows)


def _report(path, partitions, monkeypatch):
    monkeypatch.setattr(ledger, "PARTITIONS", partitions)
    context = ValidationContext(known_areas=frozenset(AREAS), indicators={"vermogen": SPEC})
    ingest = read_delivery(path, None, context, batch_rows=50)  # many batches
    for _ in ingest:
        pass
    return ingest.report


@pytest.mark.parametrize("partitions", [2, 7, 32])
def test_partitions_find_exactly_what_one_pass_finds(tmp_path, monkeypatch, partitions):
    path = _file(tmp_path)
    whole = _report(path, 1, monkeypatch)
    split = _report(path, partitions, monkeypatch)
    assert whole.counts_by_rule() == split.counts_by_rule()
    assert whole.count("duplicate_key") == 13 and whole.count("parts_exceed_total") == 4
    assert whole.count("large_jump") >= 1

    def details(report):
        return sorted((e.rule, e.row, e.column, e.value, tuple(sorted(e.params.items())))
                      for e in report.filter())  # fmt: skip

    assert details(whole) == details(split)


def test_the_spill_files_are_removed_when_the_checks_are_done(tmp_path, monkeypatch):
    before = set(Path(tempfile.gettempdir()).glob("koers-ledger-*"))
    _report(_file(tmp_path), 32, monkeypatch)
    assert set(Path(tempfile.gettempdir()).glob("koers-ledger-*")) == before
