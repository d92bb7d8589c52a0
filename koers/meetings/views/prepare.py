"""Writing pages of Overleg: plan a meeting, its agenda, documents, decisions, follow-up,
positions. Each gathers a form, calls one service function and redirects back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.permissions import Action, can
from koers.areas.models import Area
from koers.meetings import agenda, followup, positions
from koers.meetings.extract import DocumentRefused
from koers.meetings.forms import (
    AgendaItemForm,
    CommunicationForm,
    DecisionForm,
    DocumentForm,
    FollowUpForm,
    MeetingForm,
    PositionForm,
    StatusForm,
)
from koers.meetings.models import Agendapunt, Gremium
from koers.meetings.queries import visible_meetings, visible_positions


def _back(vergadering, anchor: str = "") -> HttpResponse:
    return redirect(reverse("meetings:vergadering", args=[vergadering.pk]) + anchor)


def _refuse(request, errors) -> None:
    for field, problems in errors.items():
        for problem in problems:
            messages.error(request, problem if field == "__all__" else f"{field}: {problem}")


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest) -> HttpResponse:
    gremia = Gremium.objects.filter(
        pk__in=[g.pk for g in Gremium.objects.all() if agenda.may_prepare(request.user, g)]
    )
    if not gremia.exists():
        raise PermissionDenied("not allowed: meeting.prepare")
    form = MeetingForm(request.POST or None, gremia=gremia)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        vergadering = agenda.plan_meeting(
            request.user,
            data["gremium"],
            datum=data["datum"],
            locatie=data["locatie"],
            toelichting=data["toelichting"],
        )
        messages.success(request, _("Vergadering %(name)s is gepland.") % {"name": vergadering})
        return _back(vergadering)
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/plan.html", {"form": form}, status=status)


@login_required
@require_POST
def add_item(request: HttpRequest, pk: int) -> HttpResponse:
    vergadering = get_object_or_404(visible_meetings(request.user), pk=pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        punt = agenda.add_agenda_item(request.user, vergadering, **form.cleaned_data)
        messages.success(request, _("Agendapunt %(punt)s is toegevoegd.") % {"punt": punt})
        return _back(vergadering, f"#agendapunt-{punt.volgnummer}")
    _refuse(request, form.errors)
    return _back(vergadering)


def _item(request, pk: int) -> Agendapunt:
    return get_object_or_404(
        Agendapunt.objects.filter(vergadering__in=visible_meetings(request.user)), pk=pk
    )


@login_required
@require_POST
def add_document(request: HttpRequest, pk: int) -> HttpResponse:
    punt = _item(request, pk)
    form = DocumentForm(request.POST, request.FILES, prefix=f"doc{punt.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            document = agenda.attach_document(
                request.user,
                punt,
                data["bestand"],
                titel=data["titel"],
                openbaar=data["openbaar"],
                informatieobjecttype=data["informatieobjecttype"],
                informatiecategorie=data["informatiecategorie"],
            )
        except DocumentRefused as refused:
            messages.error(request, _("Document niet opgeslagen: %(reason)s") % {"reason": refused})
        else:
            messages.success(
                request, _("Document %(title)s is toegevoegd.") % {"title": document.titel}
            )
    else:
        _refuse(request, form.errors)
    return _back(punt.vergadering, f"#agendapunt-{punt.volgnummer}")


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    punt = _item(request, pk)
    form = DecisionForm(request.POST, prefix=f"besluit{punt.pk}")
    if form.is_valid():
        try:
            agenda.record_decision(request.user, punt, **form.cleaned_data)
        except agenda.MeetingRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _("Het besluit op agendapunt %(n)s is vastgelegd.") % {"n": punt.volgnummer},
            )
    else:
        _refuse(request, form.errors)
    return _back(punt.vergadering, f"#agendapunt-{punt.volgnummer}")


@login_required
@require_POST
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    vergadering = get_object_or_404(visible_meetings(request.user), pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            agenda.set_status(request.user, vergadering, form.cleaned_data["status"])
            if "publiceren" in request.POST:
                agenda.publish_meeting(
                    request.user, vergadering, openbaar=request.POST["publiceren"] == "ja"
                )
        except agenda.MeetingRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("De vergadering is bijgewerkt."))
    return _back(vergadering)


@login_required
@require_POST
def record_follow_up(request: HttpRequest, pk: int, province: str) -> HttpResponse:
    """Record the four steps of one province; another province's steward gets a 403."""
    vergadering = get_object_or_404(visible_meetings(request.user), pk=pk)
    provincie = get_object_or_404(Area, code=province, type="provincie")
    if not can(request.user, Action.UPDATE_FOLLOW_UP, province=provincie):
        raise PermissionDenied("not allowed: followup.update")
    form = FollowUpForm(request.POST, prefix=provincie.code)
    if form.is_valid():
        try:
            for stap, datum, bewijs in form.filled():
                followup.record_step(
                    request.user, vergadering, provincie, stap, datum=datum, bewijs=bewijs
                )
        except followup.FollowUpRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _("De opvolging van %(province)s is opgeslagen.") % {"province": provincie.name},
            )
    else:
        _refuse(request, {"__all__": [e for errors in form.errors.values() for e in errors]})
    return _back(vergadering, f"#opvolging-{provincie.code}")


@login_required
@require_http_methods(["GET", "POST"])
def position_version(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A new position, or a new version of one (the earlier versions stay as they were)."""
    standpunt = get_object_or_404(visible_positions(request.user), pk=pk) if pk else None
    current = standpunt.huidige_versie if standpunt else None
    initial = {}
    if current is not None:
        initial = {
            "titel": current.titel,
            "tekst": current.tekst,
            "arena": current.arena,
            "geadresseerden": current.geadresseerden,
            "status": current.status,
            "besluit": current.besluit_id,
            "doelen": list(current.doelen.all()),
        }
    form = PositionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            versie = positions.new_version(request.user, standpunt, **form.cleaned_data)
        except positions.PositionRefused as refused:
            form.add_error("besluit", str(refused))
        else:
            messages.success(
                request, _("Versie %(n)s van het standpunt is opgeslagen.") % {"n": versie.versie}
            )
            return redirect("meetings:standpunt", versie.standpunt_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "meetings/position_form.html",
        {"form": form, "standpunt": standpunt},
        status=status,
    )


@login_required
@require_POST
def publish_follow_up(request: HttpRequest, code: str) -> HttpResponse:
    """The programme office publishes (or withdraws) a body's follow-up overview."""
    gremium = get_object_or_404(Gremium, code=code)
    followup.publish_overview(request.user, gremium, openbaar=request.POST.get("openbaar") == "ja")
    return redirect("meetings:follow-up-overview", gremium.code)


@login_required
@require_POST
def record_communication(request: HttpRequest, pk: int) -> HttpResponse:
    """A province records how it carried a position out; only for its own province."""
    standpunt = get_object_or_404(visible_positions(request.user), pk=pk)
    form = CommunicationForm(request.POST, provinces=Area.objects.filter(type="provincie"))
    if form.is_valid():
        data = form.cleaned_data
        try:
            positions.record_communication(
                request.user, standpunt, data["provincie"],
                datum=data["datum"], kanaal=data["kanaal"], link=data["link"],
            )  # fmt: skip
        except positions.PositionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("De communicatie is vastgelegd."))
    else:
        _refuse(request, form.errors)
    return redirect("meetings:standpunt", standpunt.pk)
