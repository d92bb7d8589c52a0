"""Read side of the yearly review for pages, the goal page, the report, the feed and the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.shortcuts import get_object_or_404

from koers.programme.models import Goal, Theme
from koers.review.diff import Segment, word_diff
from koers.review.models import Assessment, Proposal, ProposalKind, ReviewRound


def rounds() -> list[ReviewRound]:
    return list(ReviewRound.objects.all())


def round_by_year(budget_year: int) -> ReviewRound:
    return get_object_or_404(ReviewRound, budget_year=budget_year)


@dataclass
class GoalRow:
    goal: Goal
    assessment: Assessment | None
    proposal: Proposal | None
    status: object = None  # the goal's GoalStatus, filled in by the page
    may_assess: bool = False  # whether the viewer may assess it (filled in by the page)


@dataclass
class ThemeRows:
    theme: Theme
    goals: list[GoalRow] = field(default_factory=list)


def round_rows(round_: ReviewRound) -> list[ThemeRows]:
    """Every goal of the programme, per theme, with its assessment and proposal (or None)."""
    assessments = {a.goal_id: a for a in round_.assessments.select_related("author")}
    proposals = {p.goal_id: p for p in round_.proposals.select_related("target__indicator")}
    out: dict[int, ThemeRows] = {}
    for goal in Goal.objects.select_related("theme").order_by("theme__number", "position"):
        rows = out.setdefault(goal.theme_id, ThemeRows(goal.theme))
        rows.goals.append(GoalRow(goal, assessments.get(goal.pk), proposals.get(goal.pk)))
    return list(out.values())


@dataclass(frozen=True)
class Adjustment:
    """An adopted change to a goal, as the goal page, the report and the feed tell it."""

    proposal: Proposal
    round: ReviewRound
    goal: Goal
    decision_date: date
    diff: list[Segment]

    @property
    def kind(self) -> str:
        return self.proposal.kind

    @property
    def kind_label(self) -> str:
        return self.proposal.get_kind_display()


def _adjustment(proposal: Proposal) -> Adjustment:
    diff = (
        word_diff(proposal.previous_text, proposal.new_text)
        if proposal.kind == ProposalKind.ADJUST_TEXT
        else []
    )
    return Adjustment(proposal, proposal.round, proposal.goal, proposal.round.decision_date, diff)


def adopted_adjustments(
    *, goal: Goal | None = None, decided_in: int | None = None
) -> list[Adjustment]:
    """Adopted proposals that change something, newest decision first.

    ``goal`` narrows to one goal; ``decided_in`` to decisions taken in that calendar year.
    """
    proposals = (
        Proposal.objects.filter(round__state="vastgesteld")
        .exclude(kind=ProposalKind.KEEP)
        .select_related("round", "goal__theme", "target__indicator", "target__area", "goal_version")
        .order_by("-round__decision_date", "goal__theme__number", "goal__position")
    )
    if goal is not None:
        proposals = proposals.filter(goal=goal)
    if decided_in is not None:
        proposals = proposals.filter(round__decision_date__year=decided_in)
    return [_adjustment(p) for p in proposals]


def ended_goal_ids() -> set[int]:
    """Goals an adopted round ended (beëindigd)."""
    return set(
        Proposal.objects.filter(round__state="vastgesteld", kind=ProposalKind.END).values_list(
            "goal_id", flat=True
        )
    )
