"""Role × action × scope: who may write what, for which province or theme."""

import pytest

from koers.accounts.models import Role
from koers.accounts.permissions import RULES, THEME_SCOPED, Action, can

ALL_ROLES = [None, *Role.values]
SCOPED_BY_PROVINCE = {
    Action.UPLOAD_DELIVERY,
    Action.APPROVE_DELIVERY,
    Action.WITHDRAW_DELIVERY,
    Action.VIEW_COMPLETENESS,
    Action.UPDATE_ACTIVITY_STATUS,
    Action.UPDATE_FOLLOW_UP,
    Action.WRITE_PRACTICE,
    Action.VIEW_PROVINCE_CLAIM_FIGURES,
}


def expected(role, action, *, own_scope: bool) -> bool:
    if role is None or role not in RULES[action]:
        return False
    if role == Role.PROVINCE_STEWARD:
        return own_scope and action in SCOPED_BY_PROVINCE
    if role == Role.THEME_LEAD and action in THEME_SCOPED:
        return own_scope
    return True


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("own_scope", [True, False], ids=["own-scope", "other-scope"])
def test_permission_matrix(register, make_user, role, action, own_scope):
    from koers.programme.models import Theme

    theme_own, theme_other = Theme.objects.order_by("number")[:2]
    user = make_user(
        role,
        province="PV25" if role == Role.PROVINCE_STEWARD else None,
        themes=[theme_own] if role == Role.THEME_LEAD else [],
    )
    province = "PV25" if own_scope else "PV26"
    theme = theme_own if own_scope else theme_other
    assert can(user, action, province=province, theme=theme) is expected(
        role, action, own_scope=own_scope
    )


def test_anonymous_may_not_write(register):
    from django.contrib.auth.models import AnonymousUser

    assert not any(can(AnonymousUser(), action, province="PV25") for action in Action)


def test_a_steward_without_a_province_in_the_question_is_refused(register, make_user):
    steward = make_user(Role.PROVINCE_STEWARD, province="PV25")
    assert not can(steward, Action.UPLOAD_DELIVERY)


def test_inactive_users_are_refused(register, make_user):
    office = make_user(Role.PROGRAMME_OFFICE)
    office.is_active = False
    assert not can(office, Action.ADJUST_GOAL)
