"""Before submitting, a steward sees what the delivery changes on the public site; before
publishing, the office confirms exactly that list."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from koers.deliveries.models import Delivery
from koers.deliveries.workflow import transition
from koers.indicators.models import Indicator
from koers.workspace.uploads import receive_upload

CODE = "zonneparken_vermogen"


@pytest.fixture
def solar_parks(catalogue):
    return Indicator.objects.create(
        code=CODE,
        name="Vermogen zonneparken",
        unit="MW",
        decimals=0,
        min_value=0,
        source_producer="Provincies",
        breakdowns={
            "Ligging": {
                "codes": [
                    {"code": "_T", "name": {"nl": "Totaal", "en": "Total"}},
                    {"code": "veld", "name": {"nl": "Op land", "en": "On land"}},
                    {"code": "water", "name": {"nl": "Op water", "en": "On water"}},
                ]
            }
        },
    )


@pytest.fixture
def people(steward, make_user):
    return {
        "steward": steward,
        "colleague": make_user("province_steward", province="PV25", name="gld-2"),
        "office": make_user("programme_office", name="office"),
    }


def deliver(people, path) -> Delivery:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    delivery = receive_upload(upload, province="PV25", user=people["steward"])
    assert delivery.status == "validated", delivery.report["errors"][:2]
    return delivery


def table_rows(html: str) -> list[list[str]]:
    section = html.split('id="voorbeeld"')[1].split("</section>")[0]
    rows = re.findall(r"<tr>\s*(<td>.*?)</tr>", section, re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in row] for row in cells]


def test_the_steward_sees_what_changes_and_the_office_confirms_it(
    solar_parks, people, filled_template
):
    values = {"_T": 100, "Ligging=veld": 60, "Ligging=water": 40}
    first = deliver(people, filled_template(indicators=[CODE], values=values, name="a.xlsx"))
    transition(first, "submitted", user=people["steward"])
    transition(first, "approved", user=people["colleague"])
    transition(first, "published", user=people["office"])

    values = {"_T": 110, "Ligging=veld": 70, "Ligging=water": 40}
    second = deliver(people, filled_template(indicators=[CODE], values=values, name="b.xlsx"))
    steward = Client()
    steward.force_login(people["steward"])
    html = steward.get(reverse("workspace:delivery", args=[second.pk])).content.decode()
    assert "Voorbeeld: wat er verandert na publicatie" in html
    assert "Publiceren verandert 2 waarden op de openbare site" in html
    assert "0 nieuwe" in html and "2 vervangen een gepubliceerde waarde" in html
    assert table_rows(html) == [
        [
            "Vermogen zonneparken (MW)",
            "Gelderland",
            "2024",
            "Op land",
            "–",
            "60",
            "70",
            "+10 (+17%)",
        ],
        [
            "Vermogen zonneparken (MW)",
            "Gelderland",
            "2024",
            "totaal",
            "–",
            "100",
            "110",
            "+10 (+10%)",
        ],
    ]  # water stays 40: unchanged, so not stored and not listed
    assert html.index('id="voorbeeld"') < html.index(">Indienen<")  # seen before submitting
    assert steward.get(reverse("workspace:publish-confirm", args=[second.pk])).status_code == 403

    transition(second, "submitted", user=people["steward"])
    transition(second, "approved", user=people["colleague"])
    office = Client()
    office.force_login(people["office"])
    listing = office.get(reverse("workspace:publish")).content.decode()
    confirm = reverse("workspace:publish-confirm", args=[second.pk])
    assert f'href="{confirm}?terug={reverse("workspace:publish")}"' in listing
    page = office.get(confirm, {"terug": reverse("workspace:publish")}).content.decode()
    assert f"Aanlevering {second.pk} publiceren?" in page
    assert "Wat er verandert op de openbare site" in page and len(table_rows(page)) == 2
    second.refresh_from_db()
    assert second.status == "approved"  # looking is not publishing
    unconfirmed = office.post(
        reverse("workspace:transition", args=[second.pk]), {"to": "published"}
    )
    assert unconfirmed["Location"] == confirm  # no publication without the confirmation
    second.refresh_from_db()
    assert second.status == "approved"
    done = office.post(
        reverse("workspace:transition", args=[second.pk]),
        {"to": "published", "bevestigd": "ja", "next": reverse("workspace:publish")},
    )
    assert done["Location"] == reverse("workspace:publish")
    second.refresh_from_db()
    assert second.status == "published"


def test_a_first_delivery_lists_every_value_as_new(solar_parks, people, filled_template):
    delivery = deliver(people, filled_template(indicators=[CODE], values={"_T": 50}))
    steward = Client()
    steward.force_login(people["steward"])
    html = steward.get(reverse("workspace:delivery", args=[delivery.pk])).content.decode()
    assert "Publiceren verandert 3 waarden op de openbare site: 3 nieuwe" in " ".join(html.split())
    # Op land: 12.5 typed, shown with the indicator's 0 decimals
    assert [row[4:] for row in table_rows(html)][0] == ["–", "nog niets", "13", "nieuw"]


def test_only_an_approved_delivery_can_be_confirmed(solar_parks, people, filled_template):
    delivery = deliver(people, filled_template(indicators=[CODE], values={"_T": 50}))
    office = Client()
    office.force_login(people["office"])
    response = office.get(reverse("workspace:publish-confirm", args=[delivery.pk]), follow=True)
    assert (
        "Alleen een goedgekeurde aanlevering kan gepubliceerd worden." in response.content.decode()
    )
