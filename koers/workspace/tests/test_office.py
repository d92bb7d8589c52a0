"""Analyst and programme office: completeness, publication, refresh and reconciliation."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from koers.analytics.store import aggregates
from koers.deliveries.models import Delivery
from koers.deliveries.storing import receive
from koers.deliveries.workflow import transition
from koers.workspace.tests.conftest import PROVINCE_CODE
from koers.workspace.uploads import MAPPINGS_DIR, receive_upload


def approved(user, path, *, province):
    delivery = receive_upload(
        SimpleUploadedFile(path.name, path.read_bytes()), province=province, user=user
    )
    transition(delivery, "submitted", user=user)
    colleague = get_user_model().objects.create_user(f"{user.username}-colleague")
    colleague.roles.create(role="province_steward", province=delivery.province)
    return transition(delivery, "approved", user=colleague)  # four eyes: not the uploader


def cbs_cell(path, area: str, period: str, column: str = "OpgesteldVermogenEindeJaar_9") -> float:
    lines = path.read_text().splitlines()
    index = lines[0].split(",").index(column)
    row = next(line.split(",") for line in lines if line.split(",")[1:3] == [area, period])
    return float(row[index])


@pytest.fixture
def office(catalogue, make_user):
    return make_user("programme_office", name="office")


@pytest.fixture
def analyst(catalogue, make_user):
    return make_user("analyst", name="analyst")


def test_the_completeness_matrix_states_each_cell_in_words(
    client, analyst, steward, filled_template, time_machine
):
    time_machine.move_to("2026-06-01")
    approved(steward, filled_template(period="2024"), province="PV25")
    client.force_login(analyst)
    html = client.get(reverse("workspace:completeness"), {"indicator": PROVINCE_CODE}).content
    html = html.decode()
    rows = re.findall(r"<tr[^>]*>\s*<th scope=\"row\".*?</tr>", html, re.S)
    assert len(rows) == 3  # 2025, 2024 and 2023 have ended
    periods = [re.search(r"ws-matrix__period\">(\d{4})<", row).group(1) for row in rows]
    assert periods == ["2025", "2024", "2023"]
    cells = [re.findall(r'<td class="ws-matrix__cell[^"]*">(.*?)</td>', row, re.S) for row in rows]
    assert all(len(row) == 12 for row in cells)
    assert all("te laat" in cell for cell in cells[0])  # nobody delivered 2025
    assert "goedgekeurd" in cells[1][5]  # Gelderland is the sixth province (PV25)
    assert all("te laat" in cell for i, cell in enumerate(cells[1]) if i != 5)
    assert "wind_vermogen" not in html.split("<tbody>")[1]  # CBS delivers it, not a province


def test_the_office_publishes_and_the_figures_follow(
    client, office, steward, gelderland, django_capture_on_commit_callbacks
):
    path, _ = gelderland()
    delivery = approved(steward, path, province="PV25")
    client.force_login(office)
    page = client.get(reverse("workspace:publish")).content.decode()
    assert f"Publiceer #{delivery.pk}" in page
    assert aggregates("wind_vermogen", area="PV25").num_rows == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workspace:transition", args=[delivery.pk]),
            {"to": "published", "bevestigd": "ja", "next": reverse("workspace:publish")},
        )
    assert response.status_code == 302 and response["Location"] == reverse("workspace:publish")
    delivery.refresh_from_db()
    assert delivery.status == "published"
    rows = aggregates("wind_vermogen", area="PV25", period="2020").to_pylist()
    assert [r["value"] for r in rows] == [cbs_cell(path, "PV25", "2020JJ00")]
    page = client.get(reverse("workspace:publish")).content.decode()
    assert "Er wacht niets op publicatie." in page


def test_refresh_recomputes_from_published_observations(client, analyst, shared_data):
    delivery = receive(
        shared_data / "cbs" / "70960ned_windenergie_op_land.csv",
        mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml",
    )  # imported at the command line, so the analyst is not the uploader (four eyes)
    for step in ("submitted", "approved", "published"):
        transition(delivery, step, user=analyst)  # on_commit never runs inside the test
    assert aggregates("wind_vermogen", area="NL01").num_rows == 0
    client.force_login(analyst)
    response = client.post(
        reverse("workspace:refresh"), {"indicator": "wind_vermogen"}, follow=True
    )
    assert "De analyse is ververst" in response.content.decode()
    assert aggregates("wind_vermogen", area="NL01", period="2020").num_rows == 1
    assert aggregates("wind_productie").num_rows == 0  # only the chosen indicator


def test_reconciliation_lists_totals_that_disagree_beyond_tolerance(
    client, analyst, shared_data, tmp_path
):
    from koers.analytics.store import refresh_indicators

    lines = (shared_data / "cbs" / "70960ned_windenergie_op_land.csv").read_text().splitlines()
    header = lines[0].split(",")
    column = header.index("OpgesteldVermogenEindeJaar_9")
    changed = []
    for line in lines:
        cells = line.split(",")
        if cells[1:3] == ["NL01", "2020JJ00"]:
            cells[column] = str(float(cells[column]) + 500)  # CBS's national total, off by 500
        changed.append(",".join(cells))
    path = tmp_path / "70960ned_met_afwijking.csv"
    path.write_text("\n".join(changed) + "\n")
    delivery = receive(path, mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml")  # by the CLI
    for step in ("submitted", "approved", "published"):
        transition(delivery, step, user=analyst)
    refresh_indicators(["wind_vermogen"])

    client.force_login(analyst)
    html = client.get(reverse("workspace:analytics")).content.decode()
    table = html.split('id="reconciliatie"')[1]
    rows = re.findall(r"<tr>\s*<td>.*?</tr>", table, re.S)
    assert len(rows) == 1, rows
    assert "wind_vermogen" in rows[0] and "<td>NL01</td>" in rows[0] and ">2020<" in rows[0]
    assert "−500" in rows[0] or "-500" in rows[0]


def test_reconciliation_is_quiet_when_every_total_fits(client, analyst):
    client.force_login(analyst)
    html = client.get(reverse("workspace:analytics")).content.decode()
    assert "Alle gerapporteerde totalen kloppen binnen de tolerantie." in html


def test_the_home_page_shows_each_role_its_tasks(client, office, steward, gelderland, time_machine):
    time_machine.move_to("2026-06-01")
    approved(steward, gelderland()[0], province="PV25")
    client.force_login(steward)
    html = client.get(reverse("workspace:home")).content.decode()
    assert "Aanleveren voor uw provincie" in html and "Gelderland" in html
    assert 'id="taken"' not in html  # a steward's only task is their province
    assert reverse("workspace:publish") not in html
    client.force_login(office)
    html = client.get(reverse("workspace:home")).content.decode()
    assert "1 goedgekeurde aanlevering wacht" in html
    for name in ("publish", "goals", "targets", "audit-log", "completeness", "analytics"):
        assert f'href="{reverse("workspace:" + name)}"' in html.split('id="taken"')[1], name
    assert Delivery.objects.get().status == "approved"
