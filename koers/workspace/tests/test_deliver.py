"""A steward delivers: template, upload, the report in the rows of the file, fix, approve."""

import csv
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from koers.deliveries.completeness import completeness_rows
from koers.deliveries.ingest import TEMPLATE_COLUMNS
from koers.deliveries.models import Delivery, Observation
from koers.deliveries.templates import write_template
from koers.workspace.tests.conftest import WIND_COLUMN

PROVINCE_CODE = "bedrijventerrein_uitgifte"  # the provinces deliver it themselves


def upload(client, path, *, province="PV25", mapping=""):
    with path.open("rb") as handle:
        return client.post(
            reverse("workspace:upload"), {"province": province, "file": handle, "mapping": mapping}
        )


def report_section(html: str) -> str:
    return html.split('id="rapport"')[1].split("</section>\n\n")[0]


@pytest.fixture
def signed_in(client, steward):
    client.force_login(steward)
    return client


def test_the_template_download_is_the_same_file_as_koers_template(signed_in, tmp_path):
    query = {"province": "PV25", "indicators": [PROVINCE_CODE], "period": "2025"}
    response = signed_in.get(reverse("workspace:template"), {**query, "file_format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="koers-PV25-2025.csv"'
    expected = tmp_path / "cli.csv"
    write_template(
        expected, province="PV25", indicators=query["indicators"], period="2025", file_format="csv"
    )
    assert response.content == expected.read_bytes()
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert set(TEMPLATE_COLUMNS) <= set(rows[0])  # what Koers reads back, plus help columns
    assert {r[rows[0].index("gebied")] for r in rows[1:]} == {"PV25"}

    xlsx = signed_in.get(reverse("workspace:template"), {**query, "file_format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]] == rows[0]
    assert sheet.max_row == len(rows)


def test_a_period_that_does_not_fit_the_indicator_is_explained(signed_in):
    response = signed_in.get(
        reverse("workspace:template"),
        {
            "province": "PV25",
            "indicators": PROVINCE_CODE,
            "period": "2025-Q1",
            "file_format": "csv",
        },
    )
    assert response.status_code == 400
    assert f"past niet bij de periodiciteit van: {PROVINCE_CODE}" in response.content.decode()


def test_a_rejected_upload_shows_each_error_in_its_row_of_the_file(signed_in, gelderland):
    path, row = gelderland(bad="24x7")
    response = upload(signed_in, path)
    delivery = Delivery.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:delivery", args=[delivery.pk]) + "#rapport"
    assert delivery.status == "rejected" and delivery.channel == "ui"
    assert delivery.province.code == "PV25" and delivery.mapping_name == "cbs-70960ned.yaml"
    assert not Observation.objects.exists()  # all or nothing

    html = signed_in.get(response["Location"]).content.decode()
    report = report_section(html)
    assert re.search(
        r'href="#fout-wrong_type">Geen getal</a>.*?<td class="num">1</td>', report, re.S
    )
    assert f"Rij {row}, kolom <code>{WIND_COLUMN}</code>" in report
    bad_cells = re.findall(r'<td class="ws-bad-cell">(.*?)</td>', report)
    assert len(bad_cells) == 1 and "<mark>24x7</mark>" in bad_cells[0]
    assert "deze cel bevat de fout" in bad_cells[0]  # said in words, not by colour alone
    source_row = report.split(f'<th scope="row">{row}</th>')[1].split("</tr>")[0]
    assert "<td>PV25</td><td>2020JJ00</td>" in source_row
    assert 'id="opnieuw"' in html  # the form to upload the fixed file is right there


def test_fix_upload_again_submit_and_approve(signed_in, gelderland, make_user):
    bad, _ = gelderland(bad="24x7")
    upload(signed_in, bad)
    good, _ = gelderland()
    response = upload(signed_in, good)
    delivery = Delivery.objects.latest("pk")
    assert delivery.status == "validated"
    page = signed_in.get(response["Location"]).content.decode()
    assert "Geen fouten gevonden." in page
    assert Observation.objects.filter(delivery=delivery, area__code="PV25").count() > 100

    assert 'value="submitted"' in page and "Indienen" in page
    moved = signed_in.post(reverse("workspace:transition", args=[delivery.pk]), {"to": "submitted"})
    assert moved.status_code == 302
    page = signed_in.get(reverse("workspace:delivery", args=[delivery.pk])).content.decode()
    assert 'value="approved"' not in page  # four eyes: the uploader does not approve
    assert "Vier ogen: u heeft deze aanlevering zelf geüpload" in page
    own = signed_in.post(
        reverse("workspace:transition", args=[delivery.pk]), {"to": "approved"}, follow=True
    )
    assert "mag haar daarom niet zelf" in own.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == "submitted"

    colleague = Client()
    colleague.force_login(make_user("province_steward", province="PV25", name="gld-2"))
    page = colleague.get(reverse("workspace:delivery", args=[delivery.pk])).content.decode()
    assert 'value="approved"' in page and "Goedkeuren" in page
    colleague.post(reverse("workspace:transition", args=[delivery.pk]), {"to": "approved"})
    delivery.refresh_from_db()
    assert delivery.status == "approved"
    page = colleague.get(reverse("workspace:delivery", args=[delivery.pk])).content.decode()
    assert 'value="published"' not in page  # publishing is for the analyst or office
    refused = colleague.post(
        reverse("workspace:transition", args=[delivery.pk]), {"to": "published", "bevestigd": "ja"}
    )
    assert refused.status_code == 403
    delivery.refresh_from_db()
    assert delivery.status == "approved"
    steps = [(t.from_status, t.to_status) for t in delivery.transitions.all()]
    assert steps == [
        ("received", "validated"),
        ("validated", "submitted"),
        ("submitted", "approved"),
    ]


def test_a_step_the_workflow_does_not_allow_is_refused_with_a_message(signed_in, gelderland):
    path, _ = gelderland()
    upload(signed_in, path)
    delivery = Delivery.objects.get()
    response = signed_in.post(
        reverse("workspace:transition", args=[delivery.pk]), {"to": "approved"}, follow=True
    )
    assert "Deze stap kan nu niet" in response.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == "validated"


def test_a_file_koers_cannot_place_leaves_nothing_behind(signed_in, tmp_path):
    path = tmp_path / "onbekend.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    response = upload(signed_in, path)
    assert response.status_code == 400
    assert "niet de indeling van het Koers-sjabloon" in response.content.decode()
    assert not Delivery.objects.exists()


def test_an_xlsx_template_with_an_error_is_shown_in_its_sheet_row(signed_in, tmp_path):
    path = tmp_path / "koers-PV25-2025.xlsx"
    write_template(
        path, province="PV25", indicators=[PROVINCE_CODE], period="2025", file_format="xlsx"
    )
    book = load_workbook(path)
    book.active["K2"] = "veel"  # the `waarde` column
    book.save(path)
    upload(signed_in, path)
    delivery = Delivery.objects.get()
    assert delivery.status == "rejected"
    report = report_section(
        signed_in.get(reverse("workspace:delivery", args=[delivery.pk])).content.decode()
    )
    row = report.split('<th scope="row">2</th>')[1].split("</tr>")[0]
    assert f"<td>{PROVINCE_CODE}</td><td>Uitgegeven bedrijventerrein</td>" in row
    assert '<td class="ws-bad-cell"><span aria-hidden="true">⚠ </span><mark>veel</mark>' in row


def test_the_deliver_page_lists_what_gelderland_still_owes(signed_in, time_machine):
    time_machine.move_to("2026-06-01")
    html = signed_in.get(reverse("workspace:deliver")).content.decode()
    owed = html.split('id="verwacht"')[1].split("</section>")[0]
    assert f'<code class="ws-code">{PROVINCE_CODE}</code></td><td>2025</td>' in owed
    due = [r for r in completeness_rows() if r["state"] in ("late", "expected")]
    gelderland = [r for r in due if r["province"] == "PV25"]
    assert len(gelderland) * 12 == len(due)  # only Gelderland's share of what is owed
    assert f"{len(gelderland)} leveringen staan nog open." in owed
    assert 'type="hidden" name="province" value="PV25"' in html  # a steward has one province


def test_a_peer_country_layout_is_never_offered_to_a_province(signed_in):
    from koers.workspace.uploads import DUTCH_TEMPLATE, mapping_choices

    names = [name for name, _ in mapping_choices()]
    assert names[0] == DUTCH_TEMPLATE and "cbs-70960ned" in names
    assert not [name for name in names if name.startswith("sdg-")]  # Canada, the UK: peers
    html = signed_in.get(reverse("workspace:deliver")).content.decode()
    assert "sdg-canada" not in html and "Nederlandse getalnotatie" in html


def test_a_template_with_decimal_commas_uploads_in_dutch_notation(signed_in, tmp_path):
    path = tmp_path / "koers-PV25-2025.csv"
    write_template(
        path, province="PV25", indicators=[PROVINCE_CODE], period="2025", file_format="csv"
    )
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[1][rows[0].index("waarde")] = "1.234,5"  # as a Dutch Excel saves it
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    upload(signed_in, path)
    refused = Delivery.objects.get()
    assert refused.status == "rejected"
    assert [e["rule"] for e in refused.report["errors"]] == ["decimal_comma"]
    upload(signed_in, path, mapping="koers-sjabloon-nl")
    accepted = Delivery.objects.latest("pk")
    assert accepted.status == "validated", accepted.report["errors"][:2]
    assert Observation.objects.get(delivery=accepted).value == 1234.5
