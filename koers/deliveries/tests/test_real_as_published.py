"""Files as their sources publish them, end to end (issue 12): imported unchanged with a
shipped mapping, published, refreshed, and read back through the store, the API and
`koers query`."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from rest_framework.test import APIClient

from koers.deliveries.models import Observation
from koers.deliveries.storing import receive

UK_AREAS = Path(__file__).resolve().parents[2] / "areas" / "peers" / "united_kingdom.yaml"
WATER = "drinkwater_eigen_productie"


def published(path, mapping_path):
    from koers.analytics.store import refresh_indicators
    from koers.deliveries.workflow import transition

    delivery = receive(path, mapping_path=mapping_path)
    assert delivery.status == "validated", delivery.report["errors"][:3]
    for status in ("submitted", "approved", "published"):
        delivery = transition(delivery, status, user=None)
    refresh_indicators(None)
    return delivery


def koers(*args: str) -> str:
    from koers.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def drinking_water(catalogue, shared_data, mapping):
    path = shared_data / "tables" / "37687wat_drinkwater.csv"
    return published(path, mapping("37687wat"))


@pytest.fixture
def uk_land_use(catalogue, shared_data, mapping):
    from koers.areas.builtin import load_area_file

    load_area_file(UK_AREAS)
    return published(shared_data / "sdg" / "uk_indicator_11-3-1.csv", mapping("uk-11-3-1"))


@pytest.mark.slow
def test_months_and_years_import_as_one_indicator_with_the_year_reconciled(drinking_water):
    from koers.analytics.store import aggregates

    # 13 areas x 4 years x (12 months + the year) per measure, four measures
    assert drinking_water.observations_created == Observation.objects.count() == 13 * 4 * 13 * 4
    (year,) = aggregates(WATER, area="NL01", period="2000").to_pylist()
    assert year["reported_value"] == pytest.approx(1258.869)
    assert year["computed_value"] == pytest.approx(1258.869)
    assert year["within_tolerance"] and (year["coverage_count"], year["coverage_expected"]) == (
        12,
        12,
    )
    (month,) = aggregates(WATER, area="NL01", period="2000-01").to_pylist()
    assert month["reported_value"] is not None  # the month is an observation, not a total


@pytest.mark.slow
def test_the_reconciliation_over_time_shows_in_the_api_and_in_koers_query(drinking_water):
    body = APIClient().get(f"/api/v1/aggregaten?indicator={WATER}&gebied=PV20&periode=2001")
    assert body.status_code == 200, body.content
    (row,) = body.json()["resultaten"]
    match = row["aansluiting"]
    assert match["gerapporteerd"] == pytest.approx(match["berekend"])
    assert match["binnenTolerantie"] is True and row["periodeLabel"] == "2001"
    text = koers("query", "--indicator", WATER, "--area", "NL01", "--period", "2000")
    assert "reported 1258.87 computed 1258.87" in text and "ok" in text


@pytest.mark.slow
def test_a_three_column_geography_imports_with_its_published_range(uk_land_use):
    from koers.analytics.store import aggregates

    assert uk_land_use.observations_created == 1176
    ratio = "uk_ruimtebeslag_per_bevolkingsgroei"
    (britain,) = aggregates(ratio, area="K03000001").to_pylist()
    assert britain["period"] == "2013/2016" and britain["period_type"] == "window"
    # a ratio is never added up: reported only, not "0 of 4", not partial
    assert britain["computed_value"] is None and britain["status"] == "ok"
    assert (britain["coverage_expected"], britain["partial"]) == (0, False)
    body = APIClient().get(f"/api/v1/aggregaten?indicator={ratio}&gebied=K03000001").json()
    (row,) = body["resultaten"]
    assert row["periodeLabel"] == "2013/16" and row["periode"] == "2013/2016"
    assert row["dekking"]["zoalsGerapporteerd"] is True and not row["dekking"]["gedeeltelijk"]
    assert "as reported" in koers("query", "--indicator", ratio, "--area", "K03000001")


@pytest.mark.slow
def test_the_lineage_page_says_as_reported_instead_of_zero_of_n(client, uk_land_use):
    from koers.analytics.store import aggregates

    (britain,) = aggregates("uk_ruimtebeslag_per_bevolkingsgroei", area="K03000001").to_pylist()
    page = client.get(f"/herkomst/{britain['lineage_id']}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "zoals gerapporteerd" in text and "0 van" not in text


@pytest.mark.slow
def test_the_indicator_page_shows_each_year_against_the_sum_of_its_months(client, drinking_water):
    page = client.get(f"/indicator/{WATER}")
    assert page.status_code == 200
    text = page.content.decode()
    table = text[text.index("tegen de som van de perioden erin") :]
    table = table[: table.index("</table>")]
    assert [y for y in ("2003", "2002", "2001", "2000") if f">{y}</a>" in table] == [
        "2003",
        "2002",
        "2001",
        "2000",
    ]
    assert table.count("12/12") == 4 and "status--bad" not in table
