"""Who may change a work programme: the programme office all, a theme lead their own theme,
a province the status of the activities it leads; everyone reads."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from koers.programme.models import Goal, Theme
from koers.workprogramme import service
from koers.workprogramme.models import Activity
from koers.workprogramme.tests.factories import ActivityFactory


@pytest.fixture
def activity(register):
    return ActivityFactory(goals=[Goal.objects.get(number="2.1.1")])  # theme 2.1, led by PV25


def test_a_theme_lead_edits_only_their_own_theme(activity, make_user):
    lead = make_user("theme_lead", themes=[Theme.objects.get(number="2.1")])
    assert service.may_edit(lead, Theme.objects.get(number="2.1"))
    assert not service.may_edit(lead, Theme.objects.get(number="2.2"))
    assert service.may_update_status(lead, activity)


def test_the_programme_office_edits_every_theme(activity, office_user):
    assert all(service.may_edit(office_user, theme) for theme in Theme.objects.all())


def test_a_province_updates_the_status_of_activities_it_leads_only(activity, make_user):
    gelderland = make_user("province_steward", province="PV25")
    utrecht = make_user("province_steward", province="PV26")
    assert not service.may_edit(gelderland, activity.work_programme.theme)
    assert service.may_update_status(gelderland, activity)
    assert not service.may_update_status(utrecht, activity)
    with pytest.raises(PermissionDenied):
        service.set_status(activity, "lopend", user=utrecht)

    service.set_status(activity, "vertraagd", reason="Vergunning loopt later", user=gelderland)

    activity.refresh_from_db()
    assert (activity.status, activity.status_reason) == ("vertraagd", "Vergunning loopt later")
    entry = LogEntry.objects.get_for_object(activity).latest("timestamp")
    assert "status" in entry.changes_dict


def test_a_delay_needs_a_reason(activity, office_user):
    with pytest.raises(ValidationError):
        service.set_status(activity, "gestopt", reason="  ", user=office_user)
    assert Activity.objects.get().status == "gepland"


def test_readers_and_analysts_change_nothing(activity, make_user):
    for role in ("reader", "analyst"):
        user = make_user(role)
        assert not service.may_edit(user, activity.work_programme.theme)
        assert not service.may_update_status(user, activity)
