"""Real CBS deliveries in every workflow state: only the published ones may be exported."""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pytest

MAPPINGS = Path(__file__).resolve().parents[2] / "deliveries" / "mappings"
WIND_CAPACITY_COLUMN = 11  # OpgesteldVermogenEindeJaar_9 in 70960ned
BASE_URL = "https://koers.example.nl"


@dataclass
class Deliveries:
    wind: object  # published: 70960ned, no breakdowns
    renewables: object  # published: 85004NED, BronEnTechniek breakdown and PV99
    correction: object  # approved, never published: a changed wind value
    manure: object  # validated only: 84071NED
    wind_file: Path
    corrected_value: float


def _user(role: str):
    from django.contrib.auth import get_user_model

    from koers.accounts.models import RoleAssignment

    user = get_user_model().objects.create_user(username=f"pub-{role}", password="x" * 16)
    RoleAssignment.objects.create(user=user, role=role)
    return user


def _corrected_copy(source: Path, folder: Path) -> tuple[Path, float]:
    """The wind file with NL01's 2020 capacity changed, as a second (unpublished) delivery."""
    lines = source.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        cells = line.split(",")
        if cells[1:3] == ["NL01", "2020JJ00"]:
            cells[WIND_CAPACITY_COLUMN] = str(float(cells[WIND_CAPACITY_COLUMN]) + 1000)
            lines[i] = ",".join(cells)
            value = float(cells[WIND_CAPACITY_COLUMN])
    path = folder / "70960ned_windenergie_op_land_correctie.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, value


def receive_real_deliveries(cbs: Path, folder: Path, *, capture=None) -> Deliveries:
    """Publish 70960ned and 85004NED; leave a correction approved and 84071NED validated."""
    from koers.deliveries.storing import receive
    from koers.deliveries.workflow import transition
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()
    analyst, office = _user("analyst"), _user("programme_office")

    def publish(delivery) -> None:
        transition(delivery, "submitted", user=analyst)
        transition(delivery, "approved", user=analyst)
        with capture(execute=True) if capture else nullcontext():
            transition(delivery, "published", user=office)

    def cbs_delivery(name: str, mapping: str):
        return receive(cbs / name, mapping_path=MAPPINGS / mapping)

    wind = cbs_delivery("70960ned_windenergie_op_land.csv", "cbs-70960ned.yaml")
    publish(wind)
    renewables = cbs_delivery("85004ned_hernieuwbare_elektriciteit.csv", "cbs-85004ned.yaml")
    publish(renewables)
    corrected, value = _corrected_copy(cbs / "70960ned_windenergie_op_land.csv", folder)
    correction = receive(corrected, mapping_path=MAPPINGS / "cbs-70960ned.yaml")
    transition(correction, "submitted", user=analyst)
    transition(correction, "approved", user=analyst)
    manure = cbs_delivery("84071ned_dierlijke_mest_ammoniak.csv", "cbs-84071ned.yaml")
    for delivery in (wind, renewables, correction, manure):
        delivery.refresh_from_db()
    assert (wind.status, renewables.status) == ("published", "published")
    assert (correction.status, manure.status) == ("approved", "validated")
    assert correction.observations_created == 1
    return Deliveries(
        wind, renewables, correction, manure, cbs / "70960ned_windenergie_op_land.csv", value
    )


@pytest.fixture
def deliveries(register, shared_data, tmp_path, django_capture_on_commit_callbacks):
    return receive_real_deliveries(
        shared_data / "cbs", tmp_path, capture=django_capture_on_commit_callbacks
    )


@dataclass
class Snapshot:
    """One export of the real deliveries and what the database said while it existed."""

    report: object
    deliveries: Deliveries
    database: dict = field(default_factory=dict)  # published key → value, read via the ORM
    published_at: dict = field(default_factory=dict)  # delivery id → publication moment
    catalogue: dict = field(default_factory=dict)  # indicator → (unit multiplier, unit)

    @property
    def folder(self) -> Path:
        return self.report.folder


@pytest.fixture(scope="session")
def exported(django_db_setup, django_db_blocker, tmp_path_factory, shared_data) -> Snapshot:
    """Every format, prebuilt once as the site serves it; the database is rolled back after."""
    from django.db import transaction

    from koers.areas.builtin import load_builtin_areas
    from koers.deliveries.models import Observation, Transition
    from koers.indicators.models import Indicator
    from koers.programme.loader import load_programme_definition
    from koers.publication.build import build_open_data

    folder = tmp_path_factory.mktemp("export")
    previous = os.environ.get("KOERS_DATA_DIR")
    os.environ["KOERS_DATA_DIR"] = str(folder / "data")
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            load_programme_definition()
            load_builtin_areas()
            found = receive_real_deliveries(shared_data / "cbs", folder)
            report = build_open_data(base_url=BASE_URL)
            rows = Observation.objects.filter(delivery__in=[found.wind, found.renewables])
            snapshot = Snapshot(
                report,
                found,
                database={
                    tuple(r[:5]): r[5]
                    for r in rows.values_list(
                        "indicator__code",
                        "area__code",
                        "period",
                        "breakdown",
                        "value_kind",
                        "value",
                    )  # fmt: skip
                },
                published_at=dict(
                    Transition.objects.filter(to_status="published").values_list(
                        "delivery_id", "at"
                    )
                ),
                catalogue={
                    i.code: (str(i.unit_multiplier), i.unit) for i in Indicator.objects.all()
                },
            )
            transaction.set_rollback(True)
    finally:
        if previous is None:
            os.environ.pop("KOERS_DATA_DIR", None)
        else:
            os.environ["KOERS_DATA_DIR"] = previous
    return snapshot
