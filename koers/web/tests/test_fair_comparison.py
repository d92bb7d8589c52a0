"""A province rank only with a direction and a normalisation; otherwise no rank at all."""

import pytest

from koers.web.tests.page_tables import table_with

POPULATION = "37259_bevolkingsontwikkeling_regio.csv"


def dutch_number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


@pytest.fixture
def death_rate_target(publish):
    """Deaths per 1,000 inhabitants (a ratio), with a target that says lower is better."""
    from koers.areas.models import Area
    from koers.indicators.models import Indicator, Target

    publish(POPULATION, "cbs-37259.yaml")
    return Target.objects.create(
        indicator=Indicator.objects.get(code="sterftecijfer"),
        area=Area.objects.get(code="NL01"),
        baseline_year=2015,
        target_value=8,
        target_year=2030,
        direction=-1,
        source_title="test",
    )


def test_a_total_gets_no_rank_even_with_a_direction(client, wind_target):
    html = client.get("/provincie/PV25").content.decode()
    table = table_with(html, "Gelderland tegenover Nederland")
    wind = next(r for r in table.rows if r[0] == "Opgesteld vermogen windenergie op land")
    assert wind[6] == "–", "MW per province measures the province's size, not its performance"
    page = client.get("/indicator/wind_vermogen").content.decode()
    regional = table_with(page, "per provincie in 2024")
    assert regional.rows[0] == ["Provincie", "Waarde"]
    assert "Geen rang: een rang zegt alleen iets bij een richting" in page


def test_a_ratio_without_a_direction_gets_no_rank(client, publish):
    publish(POPULATION, "cbs-37259.yaml")
    html = client.get("/provincie/PV25").content.decode()
    table = table_with(html, "Gelderland tegenover Nederland")
    rate = next(r for r in table.rows if r[0] == "Sterftecijfer")
    assert rate[6] == "–"


def test_a_ratio_with_lower_is_better_ranks_the_lowest_first(client, death_rate_target):
    page = client.get("/indicator/sterftecijfer").content.decode()
    regional = table_with(page, "Sterftecijfer per provincie in")
    assert regional.rows[0] == ["Provincie", "Waarde", "Rang"]
    rows = [(r[0], dutch_number(r[1]), int(r[2])) for r in regional.rows[1:]]
    lowest = min(rows, key=lambda r: r[1])
    assert lowest[2] == 1 and max(rows, key=lambda r: r[1])[2] == max(r[2] for r in rows)
    for _, value, rank in rows:
        assert rank == 1 + sum(1 for _, other, _ in rows if other < value)
    assert "Rang: nummer 1 heeft de laagste waarde; lager is beter." in page
    province = table_with(
        client.get("/provincie/PV25").content.decode(), "Gelderland tegenover Nederland"
    )
    mine = next(r for r in province.rows if r[0] == "Sterftecijfer")
    gelderland = next(r for r in rows if r[0] == "Gelderland")
    if mine[1] == regional.caption.rsplit(" in ", 1)[1].split(" ")[0]:
        assert mine[6] == f"{gelderland[2]} van 12"


def test_a_total_points_to_its_per_inhabitant_view_or_says_it_has_none(client, catalogue):
    births = client.get("/indicator/levend_geborenen").content.decode()
    assert "Eerlijk vergelijken tussen provincies:" in births
    assert '<a href="/indicator/geboortecijfer">Geboortecijfer</a>' in births
    assert "gedeeld door Gemiddelde bevolking" in births
    wind = client.get("/indicator/wind_vermogen").content.decode()
    assert "Dit is een totaal: het meet ook hoe groot een provincie is." in wind
    rate = client.get("/indicator/geboortecijfer").content.decode()
    assert "Eerlijk vergelijken" not in rate and "Dit is een totaal" not in rate
