"""The open-data page and its downloads, as a visitor and a harvester use them."""

import io
from datetime import timedelta

import pyarrow.csv as pacsv
import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from django.utils.timezone import localtime

pytestmark = pytest.mark.django_db


def last_publication(delivery):
    from koers.deliveries.models import Transition

    return Transition.objects.get(delivery=delivery, to_status="published").at


def test_page_lists_each_published_dataset_with_licence_update_and_downloads(client, deliveries):
    page = client.get("/open-data/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Opgesteld vermogen windenergie op land" in html
    assert "Creative Commons Attribution 4.0 International" in html
    for suffix in ("csv", "parquet", "json", "sdmx.xml", "sdmx.csv", "ttl", "jsonld"):
        assert f'href="/open-data/indicatoren/wind_vermogen.{suffix}"' in html
    published_at = localtime(last_publication(deliveries.renewables)).replace(microsecond=0)
    assert f'datetime="{published_at.isoformat()}"' in html
    assert "ammoniakemissie_mest" not in html, "unpublished data is not listed"
    assert page.context["datasets"][0].code == "hernieuwbaar_elektrisch_vermogen"


def test_page_speaks_english_under_en(client, deliveries):
    html = client.get("/en/open-data/").content.decode()
    assert "Installed onshore wind capacity" in html
    assert 'lang="en"' in html


def test_download_is_the_export_rendering_with_an_accurate_last_modified(
    client, deliveries, tmp_path
):
    from koers.publication.export import export

    exported = export(tmp_path, formats=["csv"], base_url="http://testserver")
    response = client.get("/open-data/indicatoren/wind_vermogen.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Last-Modified"] == http_date(last_publication(deliveries.wind).timestamp())
    body = b"".join(response.streaming_content)
    assert body == (exported.folder / "indicatoren" / "wind_vermogen.csv").read_bytes()


def test_if_modified_since_gets_304_until_new_data_is_published(
    client, deliveries, make_user, django_capture_on_commit_callbacks
):
    from koers.deliveries.workflow import transition

    url = "/open-data/indicatoren/wind_vermogen.csv"
    first = client.get(url)
    stamp, etag = first["Last-Modified"], first["ETag"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=stamp).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    office = make_user("programme_office", name="o2")
    later = time_machine.travel(timezone.now() + timedelta(minutes=5))
    with later, django_capture_on_commit_callbacks(execute=True):
        transition(deliveries.correction, "published", user=office)
    fresh = client.get(url, HTTP_IF_MODIFIED_SINCE=stamp)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert fresh["Last-Modified"] == http_date(last_publication(deliveries.correction).timestamp())
    rows = pacsv.read_csv(io.BytesIO(b"".join(fresh.streaming_content))).to_pylist()
    national = [r for r in rows if (r["area"], r["period"]) == ("NL01", 2020)]
    assert [r["value"] for r in national] == [deliveries.corrected_value]


def test_withdrawing_a_delivery_removes_it_and_moves_last_modified_on(
    client, deliveries, make_user, django_capture_on_commit_callbacks
):
    from koers.deliveries.workflow import transition

    before = client.get("/open-data/alle-indicatoren.csv")["Last-Modified"]
    office = make_user("programme_office", name="o3")
    later = time_machine.travel(timezone.now() + timedelta(minutes=5))
    with later, django_capture_on_commit_callbacks(execute=True):
        transition(deliveries.renewables, "withdrawn", user=office)
    response = client.get("/open-data/alle-indicatoren.csv", HTTP_IF_MODIFIED_SINCE=before)
    assert response.status_code == 200
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(before)
    rows = pacsv.read_csv(io.BytesIO(b"".join(response.streaming_content))).to_pylist()
    assert {r["delivery_id"] for r in rows} == {deliveries.wind.pk}
    assert (
        client.get("/open-data/indicatoren/hernieuwbaar_elektrisch_vermogen.csv").status_code == 404
    )


@pytest.mark.parametrize(
    "url",
    [
        "/open-data/indicatoren/ammoniakemissie_mest.csv",  # validated, never published
        "/open-data/indicatoren/wind_vermogen.xlsx",
        "/open-data/alle-indicatoren.ttl",  # metadata lives in catalogus.ttl
        "/open-data/catalogus.csv",
    ],
)
def test_unpublished_or_unknown_files_are_404(client, deliveries, url):
    assert client.get(url).status_code == 404


def test_package_files_download(client, deliveries):
    import json

    package = json.loads(b"".join(client.get("/open-data/datapackage.json").streaming_content))
    assert {r["path"] for r in package["resources"]} >= {"indicatoren/wind_vermogen.csv"}
    assert client.get("/open-data/structuur.sdmx.xml").status_code == 200
    catalogue = client.get("/open-data/catalogus.ttl")
    assert b"dcat:Catalog" in b"".join(catalogue.streaming_content)
    assert client.get("/open-data/indicatoren/wind_vermogen")["Location"].endswith("#wind_vermogen")


def test_empty_page_says_nothing_is_published_yet(client, register):
    html = client.get("/open-data/").content.decode()
    assert "Er zijn nog geen gepubliceerde gegevens." in html
    assert client.get("/open-data/alle-indicatoren.csv").status_code == 404


@pytest.mark.browser
def test_open_data_page_is_accessible(live_server, deliveries, page, assert_accessible):
    for path, name in [("/open-data/", "open-data"), ("/en/open-data/", "open-data-en")]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        assert_accessible(page, name)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV: Installed onshore wind capacity", exact=True).click()
    assert download.value.suggested_filename == "wind_vermogen.csv"
