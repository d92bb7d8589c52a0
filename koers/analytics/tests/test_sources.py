"""The engine's input: the published state read from the database as Arrow, fast and exact."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from django.db import transaction

from koers.analytics.sources import observations
from koers.deliveries.storing import receive
from koers.deliveries.workflow import transition
from koers.engine.schema import OBSERVATIONS

MAPPING = Path(__file__).resolve().parents[2] / "deliveries" / "mappings" / "cbs-70960ned.yaml"
CAPACITY_COLUMN = "OpgesteldVermogenEindeJaar_9"


def _publish(delivery):
    for status in ("submitted", "approved", "published"):
        delivery = transition(delivery, status, user=None)
    return delivery


def _gelderland(wind: Path, folder: Path, capacity: float) -> Path:
    """The Gelderland rows of the real wind file, with 2020's capacity set to ``capacity``."""
    lines = wind.read_text(encoding="utf-8").splitlines(keepends=True)
    column = lines[0].rstrip("\n").split(",").index(CAPACITY_COLUMN)
    rows = [lines[0]]
    for line in lines[1:]:
        if ",PV25," in line:
            if ",PV25,2020JJ00," in line:
                cells = line.rstrip("\n").split(",")
                cells[column] = str(capacity)
                line = ",".join(cells) + "\n"
            rows.append(line)
    path = folder / f"gelderland-{capacity}.csv"
    path.write_text("".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def wind_history(register, shared_data, tmp_path):
    """Wind published; a Gelderland correction published; another correction left pending."""
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()
    wind = shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
    first = _publish(receive(wind, mapping_path=MAPPING))
    correction = _publish(receive(_gelderland(wind, tmp_path, 999.5), mapping_path=MAPPING))
    pending = receive(_gelderland(wind, tmp_path, 1234.5), mapping_path=MAPPING)
    return first, correction, pending


def _capacity_2020_gelderland(table: pa.Table) -> list[tuple[float, int]]:
    rows = table.to_pylist()
    return [
        (r["value"], r["delivery_id"])
        for r in rows
        if r["indicator"] == "wind_vermogen" and r["area"] == "PV25" and r["period"] == "2020"
        and r["breakdown"] == "_T" and r["value_kind"] == "realisation"
    ]  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_the_published_state_is_read_in_the_engines_schema(wind_history):
    first, correction, pending = wind_history
    table = observations()
    assert table.schema.equals(OBSERVATIONS, check_metadata=True)
    # The published correction replaces the first value; the pending one is invisible.
    assert _capacity_2020_gelderland(table) == [(999.5, correction.pk)]
    assert pending.pk not in set(table.column("delivery_id").to_pylist())
    assert table.column("obs_id").null_count == 0
    assert set(table.column("source_file").to_pylist()) == {
        first.file.name,
        correction.file.name,
    }
    keys = list(zip(*(table.column(c).to_pylist() for c in OBSERVATIONS.names[1:6]), strict=True))
    assert len(keys) == len(set(keys)), "one current version per key"


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_the_same_rows_are_read_through_djangos_connection(wind_history):
    outside = observations()  # the columnar reader on a second connection
    with transaction.atomic():
        inside = observations()  # sees the transaction's own rows, so it uses Django's
    assert inside.sort_by("obs_id").equals(outside.sort_by("obs_id"), check_metadata=True)


@pytest.mark.django_db(transaction=True)
def test_one_indicator_or_an_unknown_one(wind_history):
    only = observations(indicators=["wind_vermogen"])
    assert set(only.column("indicator").to_pylist()) == {"wind_vermogen"}
    assert observations(indicators=["bestaat_niet"]).num_rows == 0
    assert observations(indicators=["bestaat_niet"]).schema.equals(OBSERVATIONS)


def test_nothing_published_is_an_empty_table_in_the_schema(db):
    table = observations()
    assert table.num_rows == 0 and table.schema.equals(OBSERVATIONS, check_metadata=True)


def test_only_the_published_state_can_be_asked_for(db):
    with pytest.raises(ValueError, match="only the published state"):
        observations(statuses=("published", "approved"))
