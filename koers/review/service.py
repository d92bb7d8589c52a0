"""What other code may do with the yearly review: open a round, assess and propose per
goal, start the treatment and adopt the round. Every write checks the role first."""

from __future__ import annotations

from datetime import date

from django.db import models, transaction
from django.utils import timezone

from koers.accounts.permissions import Action, require
from koers.indicators.models import Target
from koers.programme.models import Goal
from koers.programme.versioning import adjust_goal
from koers.review.errors import (
    AssessmentsMissing,
    InvalidProposal,
    RoundClosed,
    RoundExists,
)
from koers.review.models import Assessment, Proposal, ProposalKind, ReviewRound, RoundState

__all__ = [
    "adopt_round",
    "targets_of_goal",
    "assess",
    "missing_assessments",
    "open_round",
    "propose",
    "review_goal",
    "start_treatment",
]


def _actor(user):
    return user if getattr(user, "is_authenticated", False) else None


def open_round(budget_year: int, *, user, title: str = "") -> ReviewRound:
    """Open the review for ``budget_year`` ("Begroting 2027"); one round per budget year."""
    require(user, Action.OPEN_REVIEW)
    if ReviewRound.objects.filter(budget_year=budget_year).exists():
        raise RoundExists(
            f"Er is al een toetsronde voor de begroting {budget_year}.", budget_year=budget_year
        )
    return ReviewRound.objects.create(
        budget_year=budget_year,
        title=title or f"Begroting {budget_year}",
        opened_by=_actor(user),
    )


def _writable(round_: ReviewRound) -> None:
    # The stored state decides: the caller's object may predate the adoption.
    if ReviewRound.objects.filter(pk=round_.pk, state=RoundState.ADOPTED).exists():
        raise RoundClosed(
            f"{round_.title} is vastgesteld; beoordelingen en voorstellen liggen vast.",
            round=round_.budget_year,
        )


def assess(round_: ReviewRound, goal: Goal, text: str, *, user) -> Assessment:
    """Record (or rewrite) the assessment of ``goal``; theme leads only for their theme."""
    require(user, Action.ASSESS_GOAL, theme=goal.theme_id)
    _writable(round_)
    assessment, _ = Assessment.objects.update_or_create(
        round=round_, goal=goal, defaults={"text": text.strip(), "author": _actor(user)}
    )
    return assessment


def serves(target: Target, goal: Goal) -> bool:
    """A target names its goal, or (without one) serves every goal of its indicator."""
    if target.goal_id is not None:
        return target.goal_id == goal.pk
    return target.indicator.goals.filter(pk=goal.pk).exists()


def targets_of_goal(goal: Goal) -> list[Target]:
    """The targets a proposal for ``goal`` may adjust."""
    targets = Target.objects.select_related("indicator", "area").filter(
        models.Q(goal=goal) | models.Q(goal__isnull=True, indicator__goals=goal)
    )
    return list(targets.distinct())


def _check_proposal(goal: Goal, kind: str, *, new_text: str, target, new_value, new_year) -> None:
    def refuse(message: str, field: str) -> None:
        raise InvalidProposal(message, goal=goal.number, field=field)

    if kind == ProposalKind.ADJUST_TEXT and not new_text.strip():
        refuse(f"Doel {goal.number}: een tekstbijstelling vraagt de nieuwe tekst.", "new_text")
    if kind == ProposalKind.ADJUST_TARGET:
        if target is None:
            refuse(f"Doel {goal.number}: kies de streefwaarde die wordt bijgesteld.", "target")
        if not serves(target, goal):
            refuse(f"Doel {goal.number}: deze streefwaarde hoort niet bij dit doel.", "target")
        if new_value is None and new_year is None:
            refuse(
                f"Doel {goal.number}: geef een nieuwe streefwaarde of een nieuw streefjaar.",
                "new_target_value",
            )


def propose(
    round_: ReviewRound,
    goal: Goal,
    kind: str,
    reason: str,
    *,
    user,
    new_text: str = "",
    target: Target | None = None,
    new_target_value: float | None = None,
    new_target_year: int | None = None,
) -> Proposal:
    """Record (or replace) the proposal for ``goal``: keep, adjust text, adjust target, end."""
    require(user, Action.ASSESS_GOAL, theme=goal.theme_id)
    _writable(round_)
    kind = ProposalKind(kind)
    if not reason.strip():
        raise InvalidProposal(
            f"Doel {goal.number}: geef de reden van het voorstel.", field="reason"
        )
    _check_proposal(
        goal, kind, new_text=new_text, target=target, new_value=new_target_value,
        new_year=new_target_year,
    )  # fmt: skip
    proposal, _ = Proposal.objects.update_or_create(
        round=round_,
        goal=goal,
        defaults={
            "kind": kind,
            "reason": reason.strip(),
            "new_text": new_text.strip() if kind == ProposalKind.ADJUST_TEXT else "",
            "target": target if kind == ProposalKind.ADJUST_TARGET else None,
            "new_target_value": new_target_value if kind == ProposalKind.ADJUST_TARGET else None,
            "new_target_year": new_target_year if kind == ProposalKind.ADJUST_TARGET else None,
            "author": _actor(user),
        },
    )
    return proposal


def start_treatment(round_: ReviewRound, *, user) -> ReviewRound:
    """The round goes to the IPO-bestuur: state "in behandeling" (assessing may go on)."""
    require(user, Action.ADOPT_REVIEW)
    _writable(round_)
    round_.state = RoundState.IN_TREATMENT
    round_.save(update_fields=["state"])
    return round_


def missing_assessments(round_: ReviewRound) -> list[Goal]:
    """The goals of the programme that have no assessment in this round yet."""
    assessed = round_.assessments.values_list("goal_id", flat=True)
    return list(Goal.objects.select_related("theme").exclude(pk__in=assessed))


@transaction.atomic
def adopt_round(
    round_: ReviewRound,
    *,
    decision_date: date,
    budget_reference: str,
    user,
    missing_reason: str = "",
) -> ReviewRound:
    """The IPO-bestuur adopts the round: every proposal takes effect on ``decision_date``.

    A text adjustment becomes a new goal version (``adjust_goal``); a target adjustment
    sets the target's new value and year, with the old ones kept on the proposal. Refused
    while goals lack an assessment, unless ``missing_reason`` says why.
    """
    require(user, Action.ADOPT_REVIEW)
    locked = ReviewRound.objects.select_for_update().get(pk=round_.pk)
    _writable(locked)
    missing = missing_assessments(round_)
    if missing and not missing_reason.strip():
        numbers = ", ".join(g.number for g in missing[:10]) + (" …" if len(missing) > 10 else "")
        raise AssessmentsMissing(
            f"{len(missing)} doelen hebben nog geen beoordeling ({numbers}). Vul ze aan, of "
            "leg vast waarom de ronde toch wordt vastgesteld.",
            goals=[g.number for g in missing],
        )
    reference = f"{budget_reference} (besluit {decision_date:%d-%m-%Y})"
    for proposal in round_.proposals.select_related("goal", "target").order_by("pk"):
        _apply(proposal, round_, decision_date=decision_date, reference=reference, user=user)
    round_.state = RoundState.ADOPTED
    round_.decision_date = decision_date
    round_.budget_reference = budget_reference
    round_.missing_reason = missing_reason.strip()
    round_.adopted_at = timezone.now()
    round_.adopted_by = _actor(user)
    round_.save()
    return round_


def _apply(proposal: Proposal, round_: ReviewRound, *, decision_date, reference, user) -> None:
    reason = f"Bijgesteld bij de {round_.title.lower()}: {proposal.reason}"
    if proposal.kind == ProposalKind.ADJUST_TEXT:
        current = proposal.goal.current
        proposal.previous_text = current.text if current else ""
        proposal.goal_version = adjust_goal(
            proposal.goal,
            text=proposal.new_text,
            valid_from=decision_date,
            reason=reason[:300],
            decision_reference=reference[:200],
            user=_actor(user),
        )
    elif proposal.kind == ProposalKind.ADJUST_TARGET and proposal.target is not None:
        target = proposal.target
        proposal.previous_target_value = target.target_value
        proposal.previous_target_year = target.target_year
        if proposal.new_target_value is not None:
            target.target_value = proposal.new_target_value
        if proposal.new_target_year is not None:
            target.target_year = proposal.new_target_year
        target.save(update_fields=["target_value", "target_year"])
    proposal.save()


@transaction.atomic
def review_goal(
    round_: ReviewRound, goal: Goal, assessment: str, kind: str, reason: str, *, user, **proposal
) -> Proposal:
    """The theme lead's work on one goal in one go: the assessment and the proposal."""
    assess(round_, goal, assessment, user=user)
    return propose(round_, goal, kind, reason, user=user, **proposal)
