"""The admin follows the same rule: a theme lead changes only their own theme's activities."""

from django.urls import reverse

from koers.programme.models import Goal, Theme
from koers.workprogramme.tests.factories import ActivityFactory


def test_a_theme_lead_changes_only_activities_of_their_theme_in_the_admin(
    client, register, make_user
):
    activity = ActivityFactory(goals=[Goal.objects.get(number="2.1.1")])
    url = reverse("admin:workprogramme_activity_change", args=[activity.pk])
    own = make_user("theme_lead", themes=[Theme.objects.get(number="2.1")], staff=True, name="own")
    other = make_user(
        "theme_lead", themes=[Theme.objects.get(number="2.2")], staff=True, name="other"
    )

    client.force_login(own)
    assert 'name="title"' in client.get(url).content.decode()
    client.force_login(other)
    page = client.get(url)
    assert page.status_code == 200 and 'name="title"' not in page.content.decode()  # read only
