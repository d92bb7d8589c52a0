"""Downloads repeat exactly the numbers the page shows: one query, three renderings."""

import csv
import io
import json
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from koers.web.downloads import COLUMNS
from koers.web.tests.page_tables import dutch_number, table_with

CHOICES = {"provincie": ["PV25", "PV24"], "periode": "2015"}


@pytest.fixture
def page_numbers(client, published_wind):
    """(area name, period) -> number, read from the page's two tables."""
    html = client.get("/indicator/wind_vermogen", CHOICES).content.decode()
    numbers = {}
    series = table_with(html, "per periode")
    names = series.rows[0][1:-1]
    for row in series.rows[1:]:
        for name, cell in zip(names, row[1:-1], strict=True):
            numbers[(name, row[0])] = number_or_none(cell)
    for row in table_with(html, "per provincie in 2015").rows[1:]:
        numbers[(row[0], "2015")] = number_or_none(row[1])
    return numbers


def number_or_none(text: str) -> float | None:
    """A dash on the page, an empty cell in the CSV: no value (CBS left it blank)."""
    return None if text in ("–", "", "geen gegevens") else dutch_number(text)


def csv_value(text: str) -> float | None:
    return float(text) if text else None


def test_the_csv_holds_every_number_on_the_page_and_nothing_else(client, page_numbers):
    response = client.get("/indicator/wind_vermogen.csv", CHOICES)
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="koers-wind_vermogen.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == list(COLUMNS)
    downloaded = {(r["gebiedsnaam"], r["periode"]): csv_value(r["waarde"]) for r in rows}
    assert downloaded == page_numbers
    assert sum(1 for v in downloaded.values() if v is not None) > 50
    assert {r["eenheid"] for r in rows} == {"MW"}
    assert all(unquote(r["herkomst"]).startswith("/herkomst/wind_vermogen|") for r in rows)


def test_xlsx_and_json_are_the_same_table(client, published_wind):
    response = client.get("/indicator/wind_vermogen.csv", CHOICES)
    as_csv = list(csv.DictReader(io.StringIO(response.content.decode())))
    document = json.loads(client.get("/indicator/wind_vermogen.json", CHOICES).content)
    assert document["provincies"] == ["PV25", "PV24"] and document["periode_kaart"] == "2015"
    assert [(r["gebied"], r["periode"], r["waarde"]) for r in document["rijen"]] == [
        (r["gebied"], r["periode"], csv_value(r["waarde"])) for r in as_csv
    ]
    workbook = load_workbook(
        io.BytesIO(client.get("/indicator/wind_vermogen.xlsx", CHOICES).content), read_only=True
    )
    sheet = list(workbook.active.iter_rows(values_only=True))
    assert list(sheet[0]) == list(COLUMNS)
    assert [(r[2], r[4], r[5]) for r in sheet[1:]] == [
        (r["gebied"], r["periode"], csv_value(r["waarde"])) for r in as_csv
    ]


def test_page_download_links_carry_the_same_choices(client, published_wind):
    html = client.get("/indicator/wind_vermogen", CHOICES).content.decode()
    for file_format in ("csv", "xlsx", "json"):
        assert (
            f'href="/indicator/wind_vermogen.{file_format}?uitsplitsing=_T&amp;provincie=PV25'
            f'&amp;provincie=PV24&amp;periode=2015"'
        ) in html
