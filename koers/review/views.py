"""Pages of the yearly review: the rounds, one round per theme and goal, assessing a goal,
and adopting a round. Signed-in users read; writes check the role in the service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.permissions import Action, can, require
from koers.programme.queries import goal_by_number
from koers.review import queries, service
from koers.review.errors import ReviewError
from koers.review.forms import AdoptForm, AssessmentForm, OpenRoundForm
from koers.review.models import Assessment, Proposal
from koers.web.targets import goal_statuses
from koers.workprogramme.queries import activities_for_goal, means_of


@login_required
def round_list(request):
    return render(
        request,
        "review/rounds.html",
        {
            "rounds": queries.rounds(),
            "form": OpenRoundForm() if can(request.user, Action.OPEN_REVIEW) else None,
            "nav": "review",
        },
    )


@login_required
@require_POST
def round_open(request):
    require(request.user, Action.OPEN_REVIEW)
    form = OpenRoundForm(request.POST)
    if form.is_valid():
        try:
            round_ = service.open_round(
                form.cleaned_data["budget_year"], title=form.cleaned_data["title"],
                user=request.user,
            )  # fmt: skip
        except ReviewError as exc:
            messages.error(request, exc.message)
            return redirect("review:rounds")
        messages.success(request, _("%(title)s is geopend.") % {"title": round_.title})
        return redirect("review:round", year=round_.budget_year)
    return render(
        request, "review/rounds.html", {"rounds": queries.rounds(), "form": form}, status=400
    )


def _round_page(request, round_, *, adopt_form=None, status=200):
    themes = queries.round_rows(round_)
    goals = [row.goal for theme in themes for row in theme.goals]
    statuses = goal_statuses(goals)
    for theme in themes:
        for row in theme.goals:
            row.status = statuses[row.goal.pk]
            row.may_assess = not round_.is_adopted and can(
                request.user, Action.ASSESS_GOAL, theme=row.goal.theme_id
            )
    may_adopt = not round_.is_adopted and can(request.user, Action.ADOPT_REVIEW)
    missing = [row.goal for theme in themes for row in theme.goals if row.assessment is None]
    return render(
        request,
        "review/round.html",
        {
            "round": round_,
            "themes": themes,
            "missing": missing,
            "assessed": len(goals) - len(missing),
            "total": len(goals),
            "adopt_form": (adopt_form or AdoptForm()) if may_adopt else None,
            "nav": "review",
        },
        status=status,
    )


@login_required
def round_detail(request, year: int):
    return _round_page(request, queries.round_by_year(year))


@login_required
@require_POST
def round_treatment(request, year: int):
    round_ = queries.round_by_year(year)
    try:
        service.start_treatment(round_, user=request.user)
    except ReviewError as exc:
        messages.error(request, exc.message)
    return redirect("review:round", year=year)


@login_required
@require_POST
def round_adopt(request, year: int):
    require(request.user, Action.ADOPT_REVIEW)
    round_ = queries.round_by_year(year)
    form = AdoptForm(request.POST)
    if form.is_valid():
        try:
            service.adopt_round(round_, user=request.user, **form.cleaned_data)
        except ReviewError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("%(title)s is vastgesteld.") % {"title": round_.title})
            return redirect("review:round", year=year)
    return _round_page(request, round_, adopt_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def goal_assess(request, year: int, number: str):
    round_ = queries.round_by_year(year)
    goal = goal_by_number(number)
    require(request.user, Action.ASSESS_GOAL, theme=goal.theme_id)
    targets = service.targets_of_goal(goal)
    assessment = Assessment.objects.filter(round=round_, goal=goal).first()
    proposal = Proposal.objects.filter(round=round_, goal=goal).first()
    initial = {"text": getattr(assessment, "text", ""), "kind": "handhaven"}
    if proposal:
        initial |= {
            "kind": proposal.kind, "reason": proposal.reason, "new_text": proposal.new_text,
            "target": proposal.target_id, "new_target_value": proposal.new_target_value,
            "new_target_year": proposal.new_target_year,
        }  # fmt: skip
    elif goal.current:
        initial["new_text"] = goal.current.text
    form = AssessmentForm(request.POST or None, initial=initial, targets=targets)
    # The work programme of the year before the budget year: what runs now.
    activities = activities_for_goal(goal, round_.budget_year - 1)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            chosen = next((t for t in targets if t.pk == data["target"]), None)
            try:
                service.review_goal(
                    round_, goal, data["text"], data["kind"], data["reason"], user=request.user,
                    new_text=data["new_text"], target=chosen,
                    new_target_value=data["new_target_value"],
                    new_target_year=data["new_target_year"],
                )  # fmt: skip
            except ReviewError as exc:
                form.add_error(exc.context.get("field") or None, exc.message)
            else:
                messages.success(
                    request, _("Beoordeling van doel %(goal)s is opgeslagen.") % {"goal": number}
                )
                return redirect("review:round", year=year)
        status = 400
    return render(
        request,
        "review/assess.html",
        {
            "round": round_,
            "goal": goal,
            "status": goal_statuses([goal])[goal.pk],
            "activities": activities,
            "means": means_of(activities),
            "form": form,
            "nav": "review",
        },
        status=status,
    )
