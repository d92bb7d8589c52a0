"""The shipped targets on the goal page, the indicator page and in the API, with sources."""

import pytest

from koers.web.tests.page_tables import table_with


@pytest.fixture
def shipped_targets(published_wind):
    from koers.indicators.targets import load_targets

    load_targets()


def test_the_goal_page_shows_each_target_with_status_forecast_and_source(client, shipped_targets):
    html = client.get("/doel/2.1.2").content.decode()
    table = table_with(html, "Streefwaarden van doel 2.1.2")
    header = table.rows[0]
    assert header[-1] == "Bron" and header[5] == "Status" and header[6] == "Prognose"
    wind = next(r for r in table.rows[1:] if r[0].startswith("Opgesteld vermogen windenergie"))
    # 4,188 MW in 2020 against 6,000 MW in 2020: the deadline passed, the target was missed.
    assert wind[3] == "4.188 MW (2020)" and wind[4] == "6.000 MW in 2020"
    assert wind[5] == "beperkte voortgang"
    assert wind[6] == "streefjaar voorbij: beoordeeld op 2020"
    assert wind[7].startswith("Kamerbrief Monitor Wind op Land 2020") and "14 juli 2021" in wind[7]
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-33612-77.html"' in html
    # The 35 TWh target has no total to measure yet: said so, never a part shown as total.
    res = next(r for r in table.rows[1:] if "35 TWh" in r[0])
    assert res[5] == "geen data" or res[5] == "niet te bepalen"
    assert res[4] == "35.000 miljoen kWh in 2030"


def test_the_indicator_page_shows_the_target_with_its_source(client, shipped_targets):
    html = client.get("/indicator/wind_vermogen").content.decode()
    table = table_with(html, "Streefwaarden voor Opgesteld vermogen windenergie op land")
    assert table.rows[1][0].startswith("Nederland")
    assert "Kamerbrief Monitor Wind op Land 2020" in table.rows[1][-1]


def test_every_target_shows_on_its_indicator_page_even_without_figures(client, shipped_targets):
    html = client.get("/indicator/woningbouw_nieuwbouw_sinds_2022").content.decode()
    table = table_with(html, "Streefwaarden voor Nieuwbouwwoningen sinds 1 januari 2022")
    assert len(table.rows) == 1 + 13, "the national target and the twelve provincial splits"
    zuid = next(r for r in table.rows if r[0].startswith("Zuid-Holland"))
    assert zuid[3] == "235.460 woningen in 2030" and zuid[4] == "geen data"
    assert "Provinciale woningbouwafspraken" in zuid[-1] and "13 oktober 2022" in zuid[-1]


def test_the_api_gives_each_target_its_source_and_whether_the_forecast_reaches_it(
    client, shipped_targets
):
    rows = client.get("/api/v1/voortgang?indicator=wind_vermogen").json()["resultaten"]
    assert len(rows) == 1
    row = rows[0]
    assert row["bron"]["url"] == "https://zoek.officielebekendmakingen.nl/kst-33612-77.html"
    assert row["bron"]["datum"] == "2021-07-14" and row["bron"]["titel"].startswith("Kamerbrief")
    assert row["streefjaarVoorbij"] is True and row["prognose"] is None
    assert (row["huidigJaar"], row["status"]) == (2020, "limited_progress")


def test_a_forecast_says_whether_it_reaches_the_target_and_the_status_agrees(client, wind_target):
    from koers.analytics.progress import progress_for

    progress = progress_for(wind_target)
    reaches = progress["forecast"]["reaches_target"]
    html = client.get("/doel/2.1.2").content.decode()
    row = table_with(html, "Streefwaarden van doel 2.1.2").rows[1]
    assert row[6].endswith("haalt de streefwaarde" if reaches else "haalt de streefwaarde niet")
    if not reaches:
        assert row[5] != "goed op koers"
    assert row[7] == "ingevoerd in de werkruimte, zonder bron"
