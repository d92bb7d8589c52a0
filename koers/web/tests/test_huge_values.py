"""Huge and overflowing values never break a page, the CLI's JSON or the API's JSON."""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from koers.web.tests.conftest import MAPPINGS, WIND

pytestmark = pytest.mark.django_db
PROVINCES = [f"PV{n}" for n in range(20, 32)]


@pytest.fixture
def publish_wind_with(catalogue, make_user, shared_data, django_capture_on_commit_callbacks):
    """The real CBS wind file, imported, with some 2024 capacities replaced, then published.

    The import refuses such values now (the sanity range), so they are written into the
    stored observations between import and publication, as data stored before that check
    would be: pages, CLI and API must cope with whatever is published.
    """
    from koers.deliveries.models import Observation
    from koers.deliveries.storing import receive
    from koers.deliveries.workflow import transition

    def run(values: dict[str, float]):
        uploader = make_user("analyst", name="uploader")
        approver = make_user("analyst", name="approver")
        office = make_user("programme_office", name="publisher")
        delivery = receive(
            shared_data / "cbs" / WIND, mapping_path=MAPPINGS / "cbs-70960ned.yaml", user=uploader
        )
        assert delivery.status == "validated", delivery.status
        for area, value in values.items():
            stored = Observation.objects.filter(
                delivery=delivery, indicator__code="wind_vermogen", area__code=area, period="2024"
            )
            assert stored.update(value=value) == 1, area
        steps = (("submitted", uploader), ("approved", approver), ("published", office))
        for status, user in steps:
            with django_capture_on_commit_callbacks(execute=True):
                transition(delivery, status, user=user)
        delivery.refresh_from_db()
        assert delivery.status == "published", delivery.status
        return delivery

    return run


PUBLIC_PAGES = ["/", "/indicatoren", "/indicator/wind_vermogen", "/provincie/PV25"]


@pytest.mark.parametrize("language", ["", "/en"])
def test_a_published_1e30_shows_on_every_public_page(client, publish_wind_with, language):
    publish_wind_with({"PV25": 1e30, "NL01": 1e30})
    for path in PUBLIC_PAGES:
        response = client.get(language + path)
        assert response.status_code == 200, path
    html = client.get(language + "/provincie/PV25").content.decode()
    assert ("1,00 × 10^30" if language == "" else "1.00 × 10^30") in html


def test_twelve_times_1e308_overflows_to_an_unknown_national_total(client, publish_wind_with):
    publish_wind_with(dict.fromkeys(PROVINCES, 1e308))
    for path in PUBLIC_PAGES:
        assert client.get(path).status_code == 200, path


def _strict_json(text: str):
    """Parse as JSON is defined: NaN and Infinity are not JSON."""

    def refuse(constant: str):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_koers_query_prints_null_for_an_overflowed_sum(publish_wind_with):
    from koers.cli.analytics import query

    publish_wind_with(dict.fromkeys(PROVINCES, 1e308))
    result = CliRunner().invoke(
        query,
        ["--indicator", "wind_vermogen", "--area", "NL01", "--period", "2024", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    rows = _strict_json(result.output)
    assert rows, "the national 2024 figure is there"
    computed = [r["computed_value"] for r in rows if "computed_value" in r]
    assert computed == [None], "12 × 1e308 overflows: no number, and no Infinity"
    assert all(
        v is None or not isinstance(v, float) or math.isfinite(v) for r in rows for v in r.values()
    )


def test_the_api_answers_valid_json_for_an_overflowed_sum(publish_wind_with):
    from rest_framework.test import APIClient

    publish_wind_with(dict.fromkeys(PROVINCES, 1e308))
    response = APIClient().get(
        "/api/v1/aggregaten", {"indicator": "wind_vermogen", "gebied": "NL01", "periode": "2024"}
    )
    assert response.status_code == 200
    figures = _strict_json(response.content.decode())["resultaten"]
    assert figures and figures[0]["aansluiting"]["berekend"] is None
