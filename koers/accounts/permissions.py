"""One place that answers "may this user do this, here?" for the UI, the admin and the API."""

from __future__ import annotations

from enum import StrEnum

from django.core.exceptions import PermissionDenied

from koers.accounts.models import Role, TokenScope


class Action(StrEnum):
    CHANGE_PROGRAMME = "programme.change"
    ADJUST_GOAL = "goal.adjust"
    MANAGE_TARGETS = "target.manage"
    WORK_ON_THEME = "theme.work"
    EDIT_WORK_PROGRAMME = "workprogramme.edit"
    UPDATE_ACTIVITY_STATUS = "activity.status"
    CHANGE_AREAS = "area.change"
    CHANGE_INDICATORS = "indicator.change"
    UPLOAD_DELIVERY = "delivery.upload"
    APPROVE_DELIVERY = "delivery.approve"
    PUBLISH_DELIVERY = "delivery.publish"
    WITHDRAW_DELIVERY = "delivery.withdraw"
    REFRESH_ANALYTICS = "analytics.refresh"
    VIEW_COMPLETENESS = "completeness.view"
    VIEW_AUDIT_LOG = "audit.view"
    MANAGE_ACCOUNTS = "account.manage"
    OPEN_REVIEW = "review.open"
    ASSESS_GOAL = "review.assess"
    ADOPT_REVIEW = "review.adopt"
    PUBLISH_REPORT = "report.publish"
    PREPARE_MEETING = "meeting.prepare"
    ADOPT_POSITION = "position.adopt"
    UPDATE_FOLLOW_UP = "followup.update"
    PUBLISH_FOLLOW_UP = "followup.publish"
    HANDLE_CLAIMS = "faunaschade.claims"
    VIEW_PROVINCE_CLAIM_FIGURES = "faunaschade.province_figures"
    WRITE_PRACTICE = "practice.write"
    PUBLISH_PRACTICE = "practice.publish"
    MANAGE_KNOWLEDGE_AGENDA = "knowledge.agenda"


PO, LEAD, STEWARD, ANALYST = (
    Role.PROGRAMME_OFFICE,
    Role.THEME_LEAD,
    Role.PROVINCE_STEWARD,
    Role.ANALYST,
)

#: Which roles may perform each action. Stewards act only for their own province,
#: theme leads only for their own themes (checked in :func:`can`).
RULES: dict[Action, frozenset[str]] = {
    Action.CHANGE_PROGRAMME: frozenset({PO}),
    Action.ADJUST_GOAL: frozenset({PO}),
    Action.MANAGE_TARGETS: frozenset({PO}),
    Action.WORK_ON_THEME: frozenset({PO, LEAD}),
    Action.EDIT_WORK_PROGRAMME: frozenset({PO, LEAD}),
    # Provinces update the status of the activities they lead (checked as the province).
    Action.UPDATE_ACTIVITY_STATUS: frozenset({PO, LEAD, STEWARD}),
    Action.CHANGE_AREAS: frozenset({PO, ANALYST}),
    Action.CHANGE_INDICATORS: frozenset({PO, ANALYST}),
    Action.UPLOAD_DELIVERY: frozenset({ANALYST, STEWARD}),
    Action.APPROVE_DELIVERY: frozenset({STEWARD, ANALYST}),
    Action.PUBLISH_DELIVERY: frozenset({PO, ANALYST}),
    Action.WITHDRAW_DELIVERY: frozenset({PO, ANALYST, STEWARD}),
    Action.REFRESH_ANALYTICS: frozenset({PO, ANALYST}),
    Action.VIEW_COMPLETENESS: frozenset({PO, ANALYST, STEWARD}),
    Action.VIEW_AUDIT_LOG: frozenset({PO}),
    Action.MANAGE_ACCOUNTS: frozenset({PO}),
    Action.OPEN_REVIEW: frozenset({PO}),
    Action.ASSESS_GOAL: frozenset({PO, LEAD}),
    Action.ADOPT_REVIEW: frozenset({PO}),
    Action.PUBLISH_REPORT: frozenset({PO}),
    # Meetings of a BAC: its theme lead (theme-scoped); other bodies: the programme office.
    Action.PREPARE_MEETING: frozenset({PO, LEAD}),
    Action.ADOPT_POSITION: frozenset({PO, LEAD}),
    # A province's follow-up: its own steward (province-scoped); the programme office all.
    Action.UPDATE_FOLLOW_UP: frozenset({PO, STEWARD}),
    Action.PUBLISH_FOLLOW_UP: frozenset({PO}),
    # Claims hold personal data (AVG): only BIJ12's claims handlers see them; everyone else
    # sees the public aggregates, with small cells hidden.
    Action.HANDLE_CLAIMS: frozenset({Role.CLAIMS_HANDLER}),
    # A province sees its own claims in aggregate, unprotected (its steward, province-scoped).
    Action.VIEW_PROVINCE_CLAIM_FIGURES: frozenset({PO, STEWARD, Role.CLAIMS_HANDLER}),
    # Practices: the lead province's steward writes (province-scoped), the theme lead of
    # the practice's theme writes and publishes (theme-scoped), the office all.
    Action.WRITE_PRACTICE: frozenset({PO, LEAD, STEWARD}),
    Action.PUBLISH_PRACTICE: frozenset({PO, LEAD}),
    Action.MANAGE_KNOWLEDGE_AGENDA: frozenset({PO, LEAD}),
}

#: Actions a theme lead may do only for their own themes (the ``theme`` argument of can()).
THEME_SCOPED: frozenset[Action] = frozenset(
    {
        Action.WORK_ON_THEME,
        Action.ASSESS_GOAL,
        Action.EDIT_WORK_PROGRAMME,
        Action.UPDATE_ACTIVITY_STATUS,
        Action.PREPARE_MEETING,
        Action.ADOPT_POSITION,
        Action.WRITE_PRACTICE,
        Action.PUBLISH_PRACTICE,
        Action.MANAGE_KNOWLEDGE_AGENDA,
    }
)


#: What an API token may do, whatever its user may: reading and delivering, never approving,
#: publishing or withdrawing (a person does that, in the workspace, under four eyes).
TOKEN_SCOPES: dict[str, frozenset[Action]] = {
    TokenScope.READ: frozenset({Action.VIEW_COMPLETENESS}),
    TokenScope.DELIVER: frozenset({Action.VIEW_COMPLETENESS, Action.UPLOAD_DELIVERY}),
    # A claims system of BIJ12 (intake, payments): claims only, for a claims handler's account.
    TokenScope.CLAIMS: frozenset({Action.HANDLE_CLAIMS}),
}


class TokenScopeDenied(PermissionDenied):
    """The request's API token does not cover this action (HTTP 403, code ``token_scope``)."""

    code = "token_scope"


def token_refusal(token, action: Action | str, *, province=None) -> str | None:
    """Why ``token`` may not do ``action`` for ``province``; None when it may."""
    if Action(action) not in TOKEN_SCOPES[token.scope]:
        if action in (Action.APPROVE_DELIVERY, Action.PUBLISH_DELIVERY, Action.WITHDRAW_DELIVERY):
            return (
                "Een API-token mag aanleveren en indienen, maar niet goedkeuren, publiceren of "
                "intrekken: dat doet een persoon in de werkruimte."
            )
        return f"Dit token (bereik '{token.scope}') mag deze handeling ({action}) niet uitvoeren."
    if token.province_id and _code(province) != token.province.code:
        return (
            f"Dit token geldt alleen voor provincie {token.province.code}, "
            f"niet voor {_code(province) or 'een landelijke aanlevering'}."
        )
    return None


def _code(area) -> str | None:
    return getattr(area, "code", area)


def _theme_id(theme):
    return getattr(theme, "pk", theme)


def can(user, action: Action | str, *, province=None, theme=None) -> bool:
    """True when ``user`` may do ``action`` for ``province`` (code or Area) and ``theme``."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    token = getattr(user, "api_token", None)  # set by koers.api.authentication
    if token is not None and token_refusal(token, action, province=province):
        return False
    if user.is_superuser:
        return True
    allowed = RULES[Action(action)]
    for assignment in _assignments(user):
        if assignment.role not in allowed:
            continue
        if assignment.role == STEWARD:
            if province is not None and assignment.province.code == _code(province):
                return True
            continue
        if assignment.role == LEAD and action in THEME_SCOPED:
            if theme is not None and _theme_id(theme) in assignment.theme_ids:
                return True
            continue
        return True
    return False


def require(user, action: Action | str, *, province=None, theme=None) -> None:
    """Raise PermissionDenied (HTTP 403) unless :func:`can` allows it."""
    token = getattr(user, "api_token", None)
    if token is not None and (reason := token_refusal(token, action, province=province)):
        raise TokenScopeDenied(reason)
    if not can(user, action, province=province, theme=theme):
        raise PermissionDenied(f"not allowed: {action}")


def stewarded_provinces(user) -> list[str]:
    """Province codes a user stewards (empty for everyone else)."""
    return [a.province.code for a in _assignments(user) if a.role == STEWARD and a.province]


def roles_of(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return {a.role for a in _assignments(user)}


def _assignments(user):
    # Cached per request user object so a page with many checks queries once.
    cached = getattr(user, "_koers_roles", None)
    if cached is None:
        cached = list(user.roles.select_related("province").prefetch_related("themes"))
        for assignment in cached:
            assignment.theme_ids = {theme.pk for theme in assignment.themes.all()}
        user._koers_roles = cached
    return cached
