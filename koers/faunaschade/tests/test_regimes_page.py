"""/faunaschade/regelingen/: the twelve regimes side by side, in a real browser with axe."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_the_page_shows_all_twelve_provinces_on_1_january_2025(client, register) -> None:
    response = client.get("/faunaschade/regelingen/?datum=2025-01-01")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Groningen", "Fryslân", "Drenthe", "Zeeland", "Limburg", "Noord-Brabant"):
        assert name in html
    assert "geen regeling bekend" not in html
    assert "€ 300,00" in html and "onbekend" in html
    assert "1 januari 2025" in html


@pytest.mark.django_db
def test_a_bad_date_is_a_clear_message_not_an_error_page(client, register) -> None:
    response = client.get("/faunaschade/regelingen/?datum=gisteren")
    assert response.status_code == 400
    assert "gisteren&#x27; is geen datum" in response.content.decode()


@pytest.mark.django_db
def test_before_the_first_provincial_rules_no_regime_is_known(client, register) -> None:
    html = client.get("/faunaschade/regelingen/?datum=2019-01-01").content.decode()
    assert "geen regeling bekend" in html


@pytest.mark.browser
def test_the_comparison_is_accessible_and_fits_a_phone(
    live_server, register, page, assert_accessible
):
    page.goto(live_server.url + "/faunaschade/regelingen/?datum=2025-01-01")
    assert page.locator("tbody tr").count() == 12
    assert_accessible(page, "faunaschade-regimes")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
