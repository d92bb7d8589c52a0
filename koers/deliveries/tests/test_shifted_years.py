"""Years that are not calendar years, end to end (issue 12, item 4): an indicator measured per
financial year is loaded from a catalogue, imported from a file that writes `2019/20`,
added up over the provinces, never mixed with calendar years, expected per financial year,
and shown as `2019/20` on pages, in `koers query` and in the API.

No file in ../shared/data has financial years, so the file is small and written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rest_framework.test import APIClient

from koers.deliveries.storing import receive

CODE = "uitgaven_boekjaar"
CATALOGUE = f"""
indicators:
  - code: {CODE}
    name: {{nl: Uitgaven per boekjaar, en: Spending per financial year}}
    description: {{nl: testset, en: test set}}
    unit: EUR
    unit_multiplier: 0
    decimals: 0
    value_type: number
    periodicity: financial_year
    area_rule: sum
    time_rule: sum
    zero_significant: true
    breakdowns: {{}}
    min: 0
    max: null
    source: {{producer: Provincies, table: boekjaren, column: Uitgaven, method: handgemaakt}}
    goals: []
    owner: Koers tests
    status: active
"""
MAPPING = f"""
name: test-boekjaren
files: ["boekjaren*.csv"]
format: {{type: csv}}
period: {{column: Boekjaar, style: financial_year}}
area: {{column: Provincie}}
values:
  - column: Uitgaven
    indicator: {CODE}
"""
# Groningen, Fryslân and Drenthe in two financial years, as a source writes them
ROWS = [
    ("PV20", "2019/20", 10),
    ("PV21", "2019/20", 5),
    ("PV22", "2019/20", 3),
    ("PV20", "2020/21", 7),
    ("PV21", "2020-21", 6),
    ("PV22", "2020/2021", 4),
]


def koers(*args: str) -> str:
    from koers.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text.lstrip(), encoding="utf-8")
    return path


def deliver(folder: Path, rows, name: str = "boekjaren.csv"):
    lines = ["Provincie,Boekjaar,Uitgaven", *(f"{a},{p},{v}" for a, p, v in rows)]
    path = write(folder, name, "\n".join(lines) + "\n")
    return receive(path, mapping_path=write(folder, "boekjaren.yaml", MAPPING))


@pytest.fixture
def indicator(register, tmp_path):
    assert "1 indicators created" in koers(
        "indicators", "load", str(write(tmp_path, "catalogus.yaml", CATALOGUE))
    )


@pytest.fixture
def spending(indicator, tmp_path):
    from koers.analytics.store import refresh_indicators
    from koers.deliveries.workflow import transition

    delivery = deliver(tmp_path, ROWS)
    assert delivery.status == "validated", delivery.report["errors"][:3]
    for status in ("submitted", "approved", "published"):
        delivery = transition(delivery, status, user=None)
    refresh_indicators(None)
    return delivery


def test_the_catalogue_refuses_a_periodicity_it_does_not_know(register, tmp_path):
    from koers.cli import main

    path = write(tmp_path, "fout.yaml", CATALOGUE.replace("financial_year", "fiscal_year"))
    with pytest.raises(SystemExit) as stopped:
        main(["indicators", "load", str(path)])
    assert stopped.value.code == 1


def test_a_financial_year_table_imports_and_adds_up_over_the_provinces(spending):
    from koers.analytics.store import aggregates

    assert spending.observations_created == 6
    rows = {r["period"]: r for r in aggregates(CODE, area="NL01").to_pylist()}
    assert set(rows) == {"FY2019/20", "FY2020/21"}  # never a calendar year 2019 or 2020
    first = rows["FY2019/20"]
    assert (first["value"], first["period_type"]) == (18.0, "financial_year")
    assert (first["coverage_count"], first["coverage_expected"], first["partial"]) == (3, 12, True)
    assert rows["FY2020/21"]["value"] == 17.0


def test_a_calendar_year_or_an_open_financial_year_is_refused_by_name(indicator, tmp_path):
    delivery = deliver(tmp_path, [("PV20", "FY2098/99", 1)], name="boekjaren-open.csv")
    assert [e["rule"] for e in delivery.report["errors"]] == ["period_not_ended"]
    template = write(
        tmp_path,
        "levering.csv",
        f"indicator,gebied,periode,uitsplitsing,waardetype,waarde,status\n"
        f"{CODE},PV20,2019,_T,realisatie,10,\n",
    )
    (error,) = receive(template).report["errors"]
    assert error["rule"] == "wrong_periodicity"
    assert "boekjaar" in error["message"] and "financial year" in error["message_en"]


def test_expected_deliveries_are_financial_years_that_have_ended(indicator):
    from koers.deliveries.completeness import completeness_rows

    rows = completeness_rows(indicator=CODE, today=date(2025, 6, 1))
    # the programme starts in 2023; FY2025/26 runs until 31 March 2026
    assert sorted({r["period"] for r in rows}) == ["FY2023/24", "FY2024/25"]
    assert len(rows) == 2 * 12
    due = {r["period"]: r["due"] for r in rows}
    assert due["FY2023/24"] > "2024-03-31"


def test_the_api_and_koers_query_show_the_period_as_published(spending):
    body = APIClient().get(f"/api/v1/aggregaten?indicator={CODE}&gebied=NL01&periode=FY2019/20")
    assert body.status_code == 200, body.content
    (row,) = body.json()["resultaten"]
    assert (row["periode"], row["periodeLabel"], row["waarde"]) == ("FY2019/20", "2019/20", 18)
    assert (row["periodetype"], row["status"]) == ("boekjaar", "gedeeltelijk")
    assert APIClient().get(f"/api/v1/indicatoren/{CODE}").json()["periodiciteit"] == "boekjaar"
    only = APIClient().get(f"/api/v1/aggregaten?indicator={CODE}&periodetype=boekjaar").json()
    assert only["totaal"] == 2 * 4  # NL01 and the three provinces, two financial years
    text = koers("query", "--indicator", CODE, "--area", "NL01")
    assert "2019/20" in text and "2020/21" in text and "FY20" not in text


def test_the_indicator_page_shows_the_period_as_published(client, spending):
    import re

    page = client.get(f"/indicator/{CODE}")
    assert page.status_code == 200
    visible = re.sub(r"<[^>]+>", " ", page.content.decode().split("<script")[0])
    assert "2020/21" in visible and "2019/20" in visible
    assert "FY20" not in visible, visible[visible.index("FY20") - 80 :][:160]
