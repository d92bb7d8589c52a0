"""Public pages of Overleg: bodies and meetings, a meeting, a document, a position, search."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from koers.accounts.permissions import Action, can
from koers.areas.models import Area
from koers.config import ConfigurationError
from koers.deliveries.files import stored_path
from koers.meetings import followup, ical, woo
from koers.meetings.agenda import may_prepare
from koers.meetings.forms import (
    AgendaItemForm,
    CommunicationForm,
    DecisionForm,
    DocumentForm,
    FollowUpForm,
    StatusForm,
)
from koers.meetings.models import Gremium, Stap
from koers.meetings.queries import (
    sees_unpublished,
    shown_version,
    visible_documents,
    visible_meetings,
    visible_positions,
)
from koers.search.service import search

NAV = "overleg"  # the main menu item these pages belong to


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    meetings = visible_meetings(request.user)[:50]
    gremia = Gremium.objects.select_related("thema")
    preparable = [g for g in gremia if may_prepare(request.user, g)]
    context = {"meetings": meetings, "gremia": gremia, "may_plan": bool(preparable), "nav": NAV}
    return render(request, "meetings/overview.html", context)


@require_GET
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting with its agenda, documents and decisions; unpublished ones 404 for visitors."""
    vergadering = get_object_or_404(visible_meetings(request.user), pk=pk)
    user = request.user
    insider = sees_unpublished(user)
    items = vergadering.agendapunten.prefetch_related("documenten", "doelen").select_related(
        "besluit"
    )
    agenda = [
        {
            "punt": punt,
            "documents": [d for d in punt.documenten.all() if insider or d.openbaar],
            "besluit": getattr(punt, "besluit", None),
            "document_form": DocumentForm(prefix=f"doc{punt.pk}"),
            "decision_form": DecisionForm(
                prefix=f"besluit{punt.pk}",
                initial={
                    "resultaat": getattr(getattr(punt, "besluit", None), "resultaat", None),
                    "tekst": getattr(getattr(punt, "besluit", None), "tekst", ""),
                },
            ),
        }
        for punt in items
    ]
    editable = may_prepare(user, vergadering.gremium)
    rows = (
        followup.follow_up_of(vergadering)
        if insider or vergadering.gremium.opvolging_openbaar
        else []
    )
    own = [p for p in followup.provinces() if can(user, Action.UPDATE_FOLLOW_UP, province=p)]
    recorded = {(s.provincie_id, s.stap): s for s in vergadering.opvolging.all()}
    follow_up_forms = [
        (p, FollowUpForm(prefix=p.code, recorded={s: recorded.get((p.pk, s)) for s in Stap}))
        for p in own
    ]
    context = {
        "nav": NAV,
        "vergadering": vergadering,
        "agenda": agenda,
        "editable": editable,
        "item_form": AgendaItemForm() if editable else None,
        "status_form": StatusForm(initial={"status": vergadering.status}) if editable else None,
        "follow_up": rows,
        "follow_up_forms": follow_up_forms,
        "due": followup.due_date(vergadering),
        "steps": list(Stap),
    }
    return render(request, "meetings/meeting.html", context)


@require_GET
def document(request: HttpRequest, pk: int) -> FileResponse:
    """The original file, as uploaded; an unpublished document is a 404 for visitors."""
    informatieobject = get_object_or_404(visible_documents(request.user), pk=pk)
    path = stored_path(informatieobject.bestand.sha256)
    if not path.exists():
        raise Http404("document file missing")
    return FileResponse(
        open(path, "rb"),
        as_attachment=False,
        filename=informatieobject.bestand.name,
        content_type=informatieobject.formaat or "application/octet-stream",
    )


@require_GET
def position(request: HttpRequest, pk: int) -> HttpResponse:
    standpunt = get_object_or_404(visible_positions(request.user), pk=pk)
    versie = shown_version(standpunt, request.user)
    versies = standpunt.versies.order_by("-versie")
    if not sees_unpublished(request.user):
        versies = versies.exclude(status="concept")
    context = {
        "nav": NAV,
        "standpunt": standpunt,
        "versie": versie,
        "versies": versies.select_related("besluit__agendapunt__vergadering").prefetch_related(
            "doelen"
        ),
        "may_adopt": can(request.user, Action.ADOPT_POSITION, theme=_theme(versie)),
        "communicaties": standpunt.communicaties.select_related("provincie"),
        "communication_form": _communication_form(request.user),
    }
    return render(request, "meetings/position.html", context)


def _communication_form(user) -> CommunicationForm | None:
    own = [p.pk for p in followup.provinces() if can(user, Action.UPDATE_FOLLOW_UP, province=p)]
    if not own:
        return None
    return CommunicationForm(provinces=Area.objects.filter(pk__in=own).order_by("name"))


def _theme(versie):
    goal = versie.doelen.first() if versie else None
    return goal.theme if goal else None


FACETS = ("soort", "gremium", "thema", "doel", "jaar")


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")[:200]
    filters = {name: request.GET.getlist(name) for name in FACETS}
    try:
        page = max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        page = 1
    results = search(
        text,
        filters=filters,
        include_private=sees_unpublished(request.user),
        limit=20,
        offset=(page - 1) * 20,
    )
    facets = [(name, results.facets.get(name, [])) for name in FACETS if results.facets.get(name)]
    context = {"results": results, "text": text, "facets": facets, "page": page, "nav": NAV}
    return render(request, "meetings/search.html", context)


@require_GET
def follow_up_overview(request: HttpRequest, code: str) -> HttpResponse:
    """How each province followed up a body's meetings, per year: for insiders, and for
    everyone only once the programme office has published it."""
    gremium = get_object_or_404(Gremium, code=code)
    if not (gremium.opvolging_openbaar or sees_unpublished(request.user)):
        raise Http404("follow-up overview not published")
    context = {
        "nav": NAV,
        "overview": followup.overview(gremium),
        "gremium": gremium,
        "may_publish": can(request.user, Action.PUBLISH_FOLLOW_UP),
    }
    return render(request, "meetings/follow_up_overview.html", context)


@require_GET
def diwoo_metadata(request: HttpRequest, pk: int) -> JsonResponse:
    """DiWoo metadata of a published document; anything else is a 404, signed in or not."""
    document = get_object_or_404(woo.published_documents(), pk=pk)
    try:
        data = woo.diwoo(document, base_url=request.build_absolute_uri("/")[:-1])
    except ConfigurationError as error:
        return JsonResponse({"fout": str(error), "code": error.code}, status=503)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def woo_sitemap(request: HttpRequest) -> HttpResponse:
    body = woo.sitemap(base_url=request.build_absolute_uri("/")[:-1])
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_GET
def meetings_calendar(request: HttpRequest, code: str) -> HttpResponse:
    """iCalendar feed of a body's public meetings (subscribe in any calendar app)."""
    gremium = get_object_or_404(Gremium, code=code)
    meetings = gremium.vergaderingen.filter(openbaar=True).order_by("datum")
    events = [
        ical.Event(
            uid=f"vergadering-{v.pk}@koers",
            day=v.datum,
            start=v.aanvang,
            summary=str(v),
            location=v.locatie,
            url=request.build_absolute_uri(reverse("meetings:vergadering", args=[v.pk])),
            cancelled=v.status == "geannuleerd",
            stamp=v.gewijzigd_op,
        )
        for v in meetings
    ]
    response = HttpResponse(
        ical.calendar(gremium.naam, events), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{gremium.code}.ics"'
    return response


@require_GET
def gremium_page(request: HttpRequest, code: str) -> HttpResponse:
    """A body: its members per province (public officials), its meetings and feeds."""
    gremium = get_object_or_404(Gremium.objects.select_related("thema"), code=code)
    context = {
        "nav": NAV,
        "gremium": gremium,
        "leden": gremium.leden.select_related("provincie"),
        "meetings": visible_meetings(request.user).filter(gremium=gremium),
        "may_see_follow_up": gremium.opvolging_openbaar or sees_unpublished(request.user),
    }
    return render(request, "meetings/gremium.html", context)
