"""The open-data page and its downloads, as a visitor and a harvester use them.

Everything here is prebuilt: a test publishes, builds (as the job after each refresh
does) and then reads the site.
"""

import io
import re
from datetime import timedelta

import pyarrow.csv as pacsv
import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from django.utils.timezone import localtime

from koers.publication.build import build_open_data

pytestmark = pytest.mark.django_db


def last_publication(delivery):
    from koers.deliveries.models import Transition

    return Transition.objects.filter(delivery=delivery, to_status="published").latest("at").at


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def built(deliveries):
    build_open_data(base_url="http://testserver")
    return deliveries


def test_page_lists_each_published_dataset_with_licence_update_and_downloads(client, built):
    page = client.get("/open-data/")
    assert page.status_code == 200
    assert page["Content-Type"] == "text/html; charset=utf-8"
    html = body(page).decode()
    assert "Opgesteld vermogen windenergie op land" in html
    assert "Creative Commons Attribution 4.0 International" in html
    for suffix in ("csv", "parquet", "json", "sdmx.xml", "sdmx.csv", "ttl", "jsonld"):
        assert f'href="/open-data/indicatoren/wind_vermogen.{suffix}"' in html
    published_at = localtime(last_publication(built.renewables)).replace(microsecond=0)
    assert f'datetime="{published_at.isoformat()}"' in html
    assert "ammoniakemissie_mest" not in html, "unpublished data is not listed"
    cards = re.findall(r'<li class="card" id="([^"]+)"', html)
    assert cards[0] == "hernieuwbaar_elektrisch_vermogen" and "wind_vermogen" in cards
    assert "Inloggen" in html and 'href="/en/open-data/"' in html


def test_page_speaks_english_under_en(client, built):
    html = body(client.get("/en/open-data/")).decode()
    assert "Installed onshore wind capacity" in html
    assert 'lang="en"' in html and 'href="/open-data/"' in html


def test_a_signed_in_visitor_sees_the_same_datasets_and_who_is_signed_in(client, built, make_user):
    client.force_login(make_user("analyst", name="lezer"))
    html = client.get("/open-data/").content.decode()
    assert "Uitloggen (lezer)" in html
    assert 'id="wind_vermogen"' in html and "ammoniakemissie_mest" not in html


def test_anonymous_visitors_never_reach_the_database(client, built):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = [
        "/open-data/",
        "/en/open-data/",
        "/open-data/alle-indicatoren.csv",
        "/open-data/alle-indicatoren.sdmx.xml",
        "/open-data/indicatoren/wind_vermogen.parquet",
        "/open-data/catalogus.ttl",
        "/open-data/datapackage.json",
        "/open-data/structuur.sdmx.xml",
    ]
    with CaptureQueriesContext(connection) as queries:
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            body(response)
            etag = response["ETag"]
            assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url
    assert [q["sql"] for q in queries.captured_queries] == []


def test_download_is_the_export_rendering_with_an_accurate_last_modified(client, built, tmp_path):
    from koers.publication.export import export

    exported = export(tmp_path, formats=["csv"], base_url="http://testserver")
    response = client.get("/open-data/indicatoren/wind_vermogen.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Last-Modified"] == http_date(last_publication(built.wind).timestamp())
    assert body(response) == (exported.folder / "indicatoren" / "wind_vermogen.csv").read_bytes()


def test_if_modified_since_gets_304_until_new_data_is_published_and_built(
    client, built, make_user, django_capture_on_commit_callbacks
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
        transition(built.correction, "published", user=office)
    build_open_data(base_url="http://testserver")
    fresh = client.get(url, HTTP_IF_MODIFIED_SINCE=stamp)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert fresh["Last-Modified"] == http_date(last_publication(built.correction).timestamp())
    rows = pacsv.read_csv(io.BytesIO(body(fresh))).to_pylist()
    national = [r for r in rows if (r["area"], r["period"]) == ("NL01", 2020)]
    assert [r["value"] for r in national] == [built.corrected_value]


def test_withdrawing_a_delivery_removes_it_and_moves_last_modified_on(
    client, built, make_user, django_capture_on_commit_callbacks
):
    from koers.deliveries.workflow import transition

    before = client.get("/open-data/alle-indicatoren.csv")["Last-Modified"]
    office = make_user("programme_office", name="o3")
    later = time_machine.travel(timezone.now() + timedelta(minutes=5))
    with later, django_capture_on_commit_callbacks(execute=True):
        transition(built.renewables, "withdrawn", user=office)
    with later:
        build_open_data(base_url="http://testserver")
    response = client.get("/open-data/alle-indicatoren.csv", HTTP_IF_MODIFIED_SINCE=before)
    assert response.status_code == 200
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(before)
    rows = pacsv.read_csv(io.BytesIO(body(response))).to_pylist()
    assert {r["delivery_id"] for r in rows} == {built.wind.pk}
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
def test_unpublished_or_unknown_files_are_404(client, built, url):
    assert client.get(url).status_code == 404


def test_package_files_download(client, built):
    import json

    package = json.loads(body(client.get("/open-data/datapackage.json")))
    assert {r["path"] for r in package["resources"]} >= {"indicatoren/wind_vermogen.csv"}
    assert client.get("/open-data/structuur.sdmx.xml").status_code == 200
    catalogue = body(client.get("/open-data/catalogus.ttl"))
    assert b"dcat:Catalog" in catalogue and b"http://testserver/open-data/" in catalogue
    assert client.get("/open-data/indicatoren/wind_vermogen")["Location"].endswith("#wind_vermogen")


def test_empty_page_says_nothing_is_published_yet(client, register):
    build_open_data()
    html = body(client.get("/open-data/")).decode()
    assert "Er zijn nog geen gepubliceerde gegevens." in html
    assert client.get("/open-data/alle-indicatoren.csv").status_code == 404


def test_before_the_first_build_the_page_says_it_is_being_prepared(client, register):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = client.get("/open-data/")
        download = client.get("/open-data/alle-indicatoren.csv")
    assert page.status_code == 200
    assert "De open data wordt voorbereid." in page.content.decode()
    assert download.status_code == 503 and int(download["Retry-After"]) > 0
    assert client.get("/open-data/alle-indicatoren.xlsx").status_code == 404
    assert queries.captured_queries == [], "nothing is built inside a request"


@pytest.mark.browser
def test_open_data_page_is_accessible(live_server, built, page, assert_accessible):
    for path, name in [("/open-data/", "open-data"), ("/en/open-data/", "open-data-en")]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        assert_accessible(page, name)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV: Installed onshore wind capacity", exact=True).click()
    assert download.value.suggested_filename == "wind_vermogen.csv"
