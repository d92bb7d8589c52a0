"""The executive's journey (issue 13): from the home page, "are we on track for goal 2.1.2,
and why?" in at most 3 clicks: the status of the goal's indicators against their targets,
the forecast, and the evidence (chart, lineage). axe runs on every page visited; the test
prints its number of clicks and its time (collected with `pytest -s`)."""

import re
import time

import pytest

pytestmark = pytest.mark.browser

MAX_CLICKS = 3


@pytest.fixture
def site(live_server, published_wind, wind_target):
    """Published CBS wind figures, the shipped targets (as `koers init` loads them) and a
    2030 target the programme office entered in the workspace."""
    from koers.indicators.targets import load_targets

    load_targets()
    return live_server.url


def test_an_executive_finds_out_whether_goal_2_1_2_is_on_track_and_why(
    site, page, assert_accessible
):
    from koers.analytics.progress import STATUS_LABELS, progress_for

    expected = progress_for(wind_target_of_2030())
    started, clicks = time.monotonic(), 0

    def click(locator) -> None:
        nonlocal clicks
        clicks += 1
        locator.click()

    page.goto(site + "/")
    assert_accessible(page, "journey-executive-home")
    # The home page's goal grid already gives the goal's status, next to its indicators'.
    tile = page.locator('xpath=//li[a[@href="/doel/2.1.2"]]')
    assert tile.locator(".status").first.inner_text().strip() in STATUS_LABELS.values()
    assert "Opgesteld vermogen windenergie op land" in tile.inner_text()

    click(page.locator('a[href="/doel/2.1.2"]').first)
    page.wait_for_url(re.compile(r"/doel/2\.1\.2$"))
    assert_accessible(page, "journey-executive-goal")
    targets = page.get_by_role("table", name=re.compile("^Streefwaarden van doel 2.1.2"))
    text = targets.inner_text()
    # Status of each indicator against its target, with the source of the target ...
    assert "6.000 MW in 2020" in text and "beperkte voortgang" in text
    assert "Kamerbrief Monitor Wind op Land 2020" in text
    assert "streefjaar voorbij: beoordeeld op 2020" in text
    # ... and the forecast, which agrees with the status.
    forecast = expected["forecast"]
    assert f"verwacht in 2030: {forecast['value']:,.0f} MW".replace(",", ".") in text
    assert ("haalt de streefwaarde niet" in text) == (not forecast["reaches_target"])
    assert STATUS_LABELS[expected["status"]] in text
    # The evidence: the chart with the target line, and where the number comes from.
    figure = page.locator("#fig-wind_vermogen")
    assert figure.locator("svg").count() >= 1

    click(figure.locator(".lineage-panel summary"))
    click(figure.get_by_role("link", name=re.compile("^Bekijk de waarnemingen")))
    page.wait_for_url(re.compile(r"/herkomst/"))
    assert_accessible(page, "journey-executive-lineage")
    assert "70960ned_windenergie_op_land.csv" in page.content()

    elapsed = time.monotonic() - started
    print(f"\nexecutive journey: {clicks} clicks, {elapsed:.1f} s")
    assert clicks <= MAX_CLICKS


def wind_target_of_2030():
    from koers.indicators.models import Target

    return Target.objects.get(indicator__code="wind_vermogen", target_year=2030)
