"""Public pages are reused while the data stands still, and never outlive a change."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def test_a_public_page_is_rendered_once_per_data_version(client, register, make_user):
    from koers.programme.models import Goal
    from koers.programme.versioning import adjust_goal

    first = client.get("/doel/2.1.1")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/doel/2.1.1")
    assert again.content == first.content
    assert len(queries) <= 3  # the data version (and the session lookup), not the page
    adjust_goal(
        Goal.objects.get(number="2.1.1"),
        text="Bijgestelde tekst van het doel.",
        valid_from="2026-01-01",
        reason="test",
        user=make_user("programme_office"),
    )
    assert "Bijgestelde tekst van het doel." in client.get("/doel/2.1.1").content.decode()


def test_signed_in_users_always_get_a_fresh_page(client, register, make_user):
    client.force_login(make_user("reader"))
    html = client.get("/").content.decode()
    assert "Uitloggen" in html  # their own header, never a cached anonymous one
