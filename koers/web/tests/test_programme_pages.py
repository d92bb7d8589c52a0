"""The programme at a glance, themes and goals with their status, targets and figures."""

import re

from koers.analytics.progress import progress_for
from koers.web.tests.page_tables import table_with


def goal_item(html: str, number: str) -> str:
    """The list item of one goal on the home page."""
    match = re.search(rf'<li value="\d+"><a href="/doel/{re.escape(number)}">.*?</li>', html, re.S)
    assert match, number
    return match.group(0)


def test_without_targets_every_goal_says_no_target_set(client, register):
    html = client.get("/").content.decode()
    assert html.count("geen doel vastgesteld</span>") >= 35
    assert "Er zijn nog geen cijfers gepubliceerd." in html


def test_a_goal_shows_its_target_status_as_colour_icon_and_text(client, wind_target):
    status = progress_for(wind_target)["status"]
    html = client.get("/").content.decode()
    item = goal_item(html, "2.1.2")
    tone = {"substantial_progress": "good", "target_achieved": "good",
            "moderate_progress": "fair", "limited_progress": "limited"}[status]  # fmt: skip
    assert f'class="status status--{tone}"' in item
    assert '<svg class="status__icon"' in item and 'aria-hidden="true"' in item
    label = {
        "substantial_progress": "goed op koers",
        "target_achieved": "doel bereikt",
        "moderate_progress": "redelijk op koers",
        "limited_progress": "beperkte voortgang",
    }
    assert f"<span>{label[status]}</span>" in item
    # 2.1.4 shares the indicator but the target names goal 2.1.2 only.
    assert "geen doel vastgesteld" in goal_item(html, "2.1.4")


def test_a_target_without_data_makes_the_goal_say_no_data(client, catalogue):
    from koers.areas.models import Area
    from koers.indicators.models import Indicator, Target

    Target.objects.create(
        indicator=Indicator.objects.get(code="verkeersdoden"),
        area=Area.objects.get(code="NL01"),
        baseline_year=2015,
        target_value=0,
        target_year=2030,
        direction=-1,
    )
    html = client.get("/").content.decode()
    assert "geen data" in goal_item(html, "2.3.5"), "the target serves its indicator's goal"


def test_the_home_page_shows_the_latest_figures_and_coverage(client, published_wind):
    html = client.get("/").content.decode()
    section = html.split('id="nieuwste-cijfers"', 1)[1].split("</section>", 1)[0]
    assert 'href="/indicator/wind_vermogen"' in section
    assert "12 van 12 provincies" in section and "Nederland, 2024" in section
    coverage = table_with(html, "Doelen met gepubliceerde cijfers per thema")
    klimaat = next(r for r in coverage.rows if r[0].startswith("2.1"))
    # Goals with data, not goals: wind figures serve 2.1.2 and 2.1.4 of the theme's 4 goals.
    assert klimaat[1] == "2 van 4"
    landelijk = next(r for r in coverage.rows if r[0].startswith("2.2"))
    assert landelijk[1] == "0 van 5"


def test_the_goal_page_shows_targets_with_progress_forecast_and_indicator_figures(
    client, wind_target
):
    progress = progress_for(wind_target)
    html = client.get("/doel/2.1.2").content.decode()
    targets = table_with(html, "Streefwaarden van doel 2.1.2")
    row = targets.rows[1]
    assert row[0] == "Opgesteld vermogen windenergie op land" and row[1] == "Nederland"
    assert row[4] == "8.000 MW in 2030"
    forecast = progress["forecast"]
    assert row[6].startswith(f"verwacht in 2030: {forecast['value']:,.0f} MW (".replace(",", "."))
    assert html.count('class="marks chart__svg"') >= 3, "a chart per linked indicator"
    assert "doel 2030: 8.000 MW" in html, "the target line is drawn"
    assert "Versiegeschiedenis" in html and html.count("<h1") == 1


def test_province_lines_on_the_goal_page_are_asked_for_with_a_form(client, published_wind):
    html = client.get("/doel/2.1.4", {"provincie": "PV29"}).content.decode()
    assert 'name="provincie" value="PV29" checked' in html
    series = table_with(html, "Opgesteld vermogen windenergie op land per periode")
    assert series.rows[0][:3] == ["Periode", "Nederland", "Zeeland"]
    assert "/indicator/wind_vermogen.csv?uitsplitsing=_T&amp;provincie=PV29" in html


def test_the_theme_page_shows_each_goals_indicators_with_figure_and_status(client, wind_target):
    from koers.analytics.progress import STATUS_LABELS, progress_for

    html = client.get("/thema/2.1").content.decode()
    assert html.count('class="goal-list__head"') == 4
    table = table_with(html, "Indicatoren van doel 2.1.2: nieuwste landelijke cijfer en status")
    wind = next(r for r in table.rows[1:] if r[0] == "Opgesteld vermogen windenergie op land")
    assert wind[1] == "6.955 MW" and wind[2] == "2024"
    assert wind[3] == STATUS_LABELS[progress_for(wind_target)["status"]]
    turbines = next(r for r in table.rows[1:] if r[0] == "Opgestelde windturbines op land")
    assert turbines[3] == "geen streefwaarde", "an indicator without a target gets no status"
    other = table_with(html, "Indicatoren van doel 2.1.4: nieuwste landelijke cijfer en status")
    assert all(r[3] == "geen streefwaarde" for r in other.rows[1:]), "the target names 2.1.2"
