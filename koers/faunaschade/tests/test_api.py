"""The open faunaschade resources: regimes are public policy, figures are aggregates."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_regimes_in_force_on_a_date_cover_all_twelve_provinces(client, register) -> None:
    response = client.get("/api/v1/faunaschade-regelingen?datum=2025-01-01&pageSize=50")
    assert response.status_code == 200
    body = response.json()
    rows = body["resultaten"]
    assert body["totaal"] == 12
    assert sorted(r["provincie"] for r in rows) == [f"PV{n}" for n in range(20, 32)]
    zeeland = next(r for r in rows if r["provincie"] == "PV30")
    fee = next(p for p in zeeland["parameters"] if p["parameter"] == "fee")
    assert fee == {"parameter": "fee", "naam": "Leges", "waarde": "€ 0,00", "bekend": True,
                   "bron": fee["bron"], "tag": "S"}  # fmt: skip


def test_one_regime_and_an_unknown_one(client, register) -> None:
    national = client.get("/api/v1/faunaschade-regelingen/NL-FAUNAFONDS-2014").json()
    assert national["bron"]["tag"] == "R" and national["geldigTot"] == "2016-12-31"
    missing = client.get("/api/v1/faunaschade-regelingen/XX-1")
    assert missing.status_code == 404
    assert missing["Content-Type"].startswith("application/problem+json")


def test_a_bad_date_is_a_problem_naming_the_parameter(client, register) -> None:
    response = client.get("/api/v1/faunaschade-regelingen?datum=morgen")
    assert response.status_code == 400
    assert "datum" in response.content.decode()


def test_the_figures_carry_the_published_totals_with_their_sources(client, register) -> None:
    body = client.get("/api/v1/faunaschade-cijfers").json()
    years = {row["jaar"]: row for row in body["jaarcijfers"]}
    assert years[2023]["uitgekeerd"] == "55170586.00" and not years[2023]["afgerond"]
    assert years[2024]["afgerond"] and years[2024]["bron"].startswith("https://")
    assert body["perProvincie"] == []
