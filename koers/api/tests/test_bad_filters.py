"""Bad query parameters and bodies: problem+json 400 everywhere, never 200-empty or 500."""

from __future__ import annotations

import pytest

PROBLEM = "application/problem+json"


def assert_bad(answer, parameter: str) -> None:
    assert answer.status_code == 400, answer.content[:300]
    assert answer["Content-Type"] == PROBLEM
    assert [p["name"] for p in answer.json()["invalidParams"]] == [parameter]


@pytest.mark.parametrize("resource", ["waarnemingen", "aggregaten?indicator=wind_vermogen"])
@pytest.mark.parametrize(("parameter", "value"), [("periode", "not-a-period"), ("gebied", "XX99")])
def test_an_unknown_period_or_area_is_a_400_on_every_resource(
    api, catalogue, resource, parameter, value
):
    joiner = "&" if "?" in resource else "?"
    answer = api.get(f"/api/v1/{resource}{joiner}{parameter}={value}")
    assert_bad(answer, parameter)
    assert repr(value) in answer.json()["invalidParams"][0]["reason"]


def test_known_codes_still_filter(api, published_wind):
    answer = api.get("/api/v1/waarnemingen?gebied=PV25&periode=2020")
    assert answer.status_code == 200
    assert {(o["gebied"], o["periode"]) for o in answer.json()["resultaten"]} == {("PV25", "2020")}


def test_the_delivery_lists_check_province_and_period_too(client, catalogue, office_user):
    client.force_login(office_user)
    assert_bad(client.get("/api/v1/aanleveringen?provincie=XX99"), "provincie")
    assert_bad(client.get("/api/v1/verwachte-aanleveringen?periode=2023-Q5"), "periode")


@pytest.mark.parametrize("moment", ["0001-01-01", "0001-01-01T00:00:00"])
def test_a_moment_at_the_edge_of_the_calendar_is_a_400(api, catalogue, moment):
    assert_bad(api.get(f"/api/v1/waarnemingen?peildatum={moment}"), "peildatum")


def test_json_nested_50000_deep_is_a_400(client, catalogue, office_user):
    client.force_login(office_user)
    body = '{"status": ' + "[" * 50_000 + "]" * 50_000 + "}"
    answer = client.post("/api/v1/aanleveringen/1/status", body, content_type="application/json")
    assert answer.status_code == 400
    assert answer["Content-Type"] == PROBLEM
    assert "te diep genest" in answer.json()["detail"]


def test_a_moment_with_an_offset_postgresql_refuses_is_read_in_utc(api, catalogue):
    # -17:06 is a valid ISO 8601 offset that PostgreSQL refuses (a 500 on PostgreSQL before).
    answer = api.get("/api/v1/waarnemingen?peildatum=2150-05-09T09:36:25.52-17:06")
    assert answer.status_code == 200, answer.content[:300]
