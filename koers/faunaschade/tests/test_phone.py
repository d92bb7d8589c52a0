"""The claims handler's workspace on a phone (390 CSS pixels): nothing scrolls sideways,
and axe passes, on the list, the application form and a claim with its calculation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koers.faunaschade import claims
from koers.faunaschade.tests.test_claims import EXAMPLE, untaxed

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery"


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="nl-NL", viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


def overflow(page) -> dict:
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const culprits = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1
                         && !e.closest('.table-scroll, .visually-hidden'))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + String(e.className));
          return {scroll: document.documentElement.scrollWidth, culprits};
        }"""
    )


def test_the_claims_workspace_fits_a_phone(
    live_server, register, make_user, phone, assert_accessible
) -> None:
    handler = make_user("claims_handler", name="behandelaar")
    data = untaxed(EXAMPLE)
    data["schadeposten"][0]["perceel"] = "Perceel 12 aan de Oude Hoogeveensedijk bij Westerbork"
    taxed = claims.submit(data, user=handler, applicant="Maatschap De Vries-Van Oosterhout")
    claims.record_taxation(
        taxed, {i.pk: Decimal("3200.00") for i in taxed.items.all()},
        taxed_on=date(2025, 3, 1), user=handler,
    )  # fmt: skip
    submitted = claims.submit(untaxed(EXAMPLE), user=handler, applicant="Boer")
    base = live_server.url
    phone.goto(f"{base}/inloggen?next=/faunaschade/behandeling/")
    phone.get_by_label("Gebruikersnaam").fill("behandelaar")
    phone.get_by_label("Wachtwoord").fill(PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url(f"{base}/faunaschade/behandeling/")
    for path in (
        "/faunaschade/behandeling/",
        "/faunaschade/behandeling/nieuw",
        f"/faunaschade/behandeling/{taxed.pk}",
        f"/faunaschade/behandeling/{submitted.pk}",
        "/faunaschade/",
    ):
        phone.goto(f"{base}{path}")
        found = overflow(phone)
        assert found["scroll"] <= PHONE["width"], (path, found)
        assert_accessible(phone, f"faunaschade-phone-{path.strip('/').replace('/', '-')}")
