"""Published real CBS data, boundaries and a target: what the public pages show."""

from pathlib import Path

import pytest

MAPPINGS = Path(__file__).resolve().parents[2] / "deliveries" / "mappings"
WIND = "70960ned_windenergie_op_land.csv"
RENEWABLE = "85004ned_hernieuwbare_elektriciteit.csv"


@pytest.fixture
def catalogue(register):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()


@pytest.fixture
def publish(catalogue, make_user, shared_data, django_capture_on_commit_callbacks):
    """Receive a real CBS file and take it through the workflow to published."""
    from koers.deliveries.storing import receive
    from koers.deliveries.workflow import transition

    analyst = make_user("analyst", name="analyst")
    approver = make_user("analyst", name="analyst-approver")  # four eyes
    office = make_user("programme_office", name="office-publisher")
    steps = {"submitted": analyst, "approved": approver, "published": office}

    def run(filename: str, mapping: str, *, until: str = "published"):
        delivery = receive(
            shared_data / "cbs" / filename, mapping_path=MAPPINGS / mapping, user=analyst
        )
        for status in ("submitted", "approved", "published"):
            with django_capture_on_commit_callbacks(execute=True):
                transition(delivery, status, user=steps[status])
            if status == until:
                break
        return delivery

    return run


@pytest.fixture
def published_wind(publish):
    return publish(WIND, "cbs-70960ned.yaml")


@pytest.fixture
def published_renewable(publish):
    return publish(RENEWABLE, "cbs-85004ned.yaml")


@pytest.fixture
def boundaries(register, shared_data):
    from koers.areas.boundaries import import_boundaries

    import_boundaries(shared_data / "geo" / "provincie_2023_wgs84.geojson")


@pytest.fixture
def wind_target(published_wind):
    """8,000 MW onshore wind in 2030 from a 2015 baseline, for goal 2.1.2."""
    from koers.areas.models import Area
    from koers.indicators.models import Indicator, Target
    from koers.programme.models import Goal

    return Target.objects.create(
        indicator=Indicator.objects.get(code="wind_vermogen"),
        area=Area.objects.get(code="NL01"),
        goal=Goal.objects.get(number="2.1.2"),
        baseline_year=2015,
        target_value=8000,
        target_year=2030,
        direction=1,
    )


@pytest.fixture
def wind_csv(shared_data):
    """The CBS file as {(area, year): {column: value}}, to check pages independently."""
    import csv

    rows = {}
    with (shared_data / "cbs" / WIND).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[(row["RegioS"].strip(), row["Perioden"][:4])] = row
    return rows
