"""From a published CBS delivery to materialised figures, lineage and progress."""

import pytest

from koers.analytics.lineage import trace_lineage
from koers.analytics.progress import progress_for
from koers.analytics.store import aggregates
from koers.deliveries.storing import receive
from koers.deliveries.workflow import transition

MAPPINGS = __import__("pathlib").Path(__file__).resolve().parents[2] / "deliveries" / "mappings"


@pytest.fixture
def published_wind(register, make_user, shared_data, django_capture_on_commit_callbacks):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()
    analyst = make_user("analyst")
    office = make_user("programme_office")
    delivery = receive(
        shared_data / "cbs" / "70960ned_windenergie_op_land.csv",
        mapping_path=MAPPINGS / "cbs-70960ned.yaml",
        user=analyst,
    )
    transition(delivery, "submitted", user=analyst)
    transition(delivery, "approved", user=make_user("analyst", name="second-analyst"))
    with django_capture_on_commit_callbacks(execute=True):
        transition(delivery, "published", user=office)
    return delivery


def test_publication_refreshes_the_touched_indicators(published_wind):
    national = aggregates("wind_vermogen", area="NL01", period="2020").to_pylist()
    assert len(national) == 1
    row = national[0]
    assert row["reported_value"] is not None and row["computed_value"] is not None
    assert row["within_tolerance"]
    assert (row["coverage_count"], row["coverage_expected"]) == (12, 12)


def test_unpublished_data_never_reaches_the_figures(register, make_user, shared_data):
    from koers.analytics.store import refresh_indicators
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()
    receive(
        shared_data / "cbs" / "70960ned_windenergie_op_land.csv",
        mapping_path=MAPPINGS / "cbs-70960ned.yaml",
    )
    refresh_indicators(["wind_vermogen"])
    assert aggregates("wind_vermogen", area="NL01").num_rows == 0


def test_lineage_traces_a_national_figure_to_file_rows(published_wind, shared_data):
    row = aggregates("wind_vermogen", area="NL01", period="2020").to_pylist()[0]
    result = trace_lineage(row["lineage_id"])
    assert result["aggregate"]["value"] == row["value"]
    provinces = {o["area"] for o in result["observations"] if o["role"] == "computed"}
    assert provinces == {f"PV{n}" for n in range(20, 32)}
    lines = (shared_data / "cbs" / "70960ned_windenergie_op_land.csv").read_text().splitlines()
    for obs in result["observations"]:
        assert obs["source_file"] == "70960ned_windenergie_op_land.csv"
        assert obs["delivery_status"] == "published"
        cells = lines[obs["source_row"] - 1].split(",")
        assert cells[1] == obs["area"] and cells[2].startswith(obs["period"])


def test_progress_towards_a_target_with_forecast(published_wind):
    from koers.areas.models import Area
    from koers.indicators.models import Indicator, Target

    target = Target.objects.create(
        indicator=Indicator.objects.get(code="wind_vermogen"),
        area=Area.objects.get(code="NL01"),
        baseline_year=2015,
        target_value=8000,
        target_year=2030,
        direction=1,
    )
    result = progress_for(target)
    assert result["baseline_value"] > 0 and result["current_year"] == 2024
    assert result["status"] in {
        "substantial_progress",
        "moderate_progress",
        "limited_progress",
        "target_achieved",
    }
    forecast = result["forecast"]
    assert forecast["low"] < forecast["value"] < forecast["high"]
