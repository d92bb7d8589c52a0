"""Pages of the knowledge base: search, a practice, a theme's knowledge agenda, an area;
and, signed in, writing, reviewing and publishing a practice."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from koers.accounts.permissions import Action, can
from koers.areas.models import Area
from koers.charts.maps import Region, choropleth
from koers.knowledge import practices as workflow
from koers.knowledge.area_upload import AreaFileError, area_from_upload
from koers.knowledge.forms import PracticeForm
from koers.knowledge.models import KnowledgeQuestion, Practice
from koers.knowledge.practices import PracticeRefused
from koers.knowledge.queries import in_area, published_versions
from koers.knowledge.related import more_like_this
from koers.meetings.documents import add_uploaded_document
from koers.meetings.extract import DocumentRefused
from koers.programme.models import Theme
from koers.search.service import search

FACETS = ("soort", "thema", "doel", "gebied", "provincie", "jaar")
KINDS = ["praktijkvoorbeeld", "kennisvraag", "document"]


def home(request):
    """Search across practices, questions and documents, with facets; the latest practices."""
    text = request.GET.get("q", "")
    filters = {name: request.GET.getlist(name) for name in FACETS}
    if not filters["soort"]:
        filters["soort"] = KINDS
    results = search(
        text[:200], filters=filters, include_private=request.user.is_authenticated, limit=30
    )
    return render(
        request,
        "knowledge/home.html",
        {
            "q": text,
            "results": results,
            "facet_names": FACETS,
            "latest": published_versions()[:6],
            "themes": Theme.objects.all(),
            "nav": "kennis",
        },
    )


def _may_see(user, practice: Practice) -> bool:
    return can(
        user, Action.WRITE_PRACTICE, province=practice.lead_province, theme=practice.theme
    ) or can(user, Action.PUBLISH_PRACTICE, theme=practice.theme)


def practice_detail(request, pk: int):
    practice = get_object_or_404(Practice.objects.select_related("theme", "lead_province"), pk=pk)
    editor = _may_see(request.user, practice)
    version = practice.published
    if editor:
        version = practice.latest
    if version is None:
        raise Http404("geen gepubliceerde versie")
    area_map = _area_map(list(version.areas.all()), _("Gebied van dit praktijkvoorbeeld"))
    return render(
        request,
        "knowledge/practice.html",
        {
            "practice": practice,
            "version": version,
            "versions": practice.versions.order_by("-number") if editor else [],
            "editor": editor,
            "may_publish": can(request.user, Action.PUBLISH_PRACTICE, theme=practice.theme),
            "area_map": area_map,
            "related": more_like_this(practice, version),
            "nav": "kennis",
        },
    )


def _area_map(areas: list[Area], title: str):
    """The areas' polygons within their provinces, as a small SVG map (None without shapes)."""
    shaped = [a for a in areas if a.geometry]
    if not shaped:
        return None
    provinces = Area.objects.filter(
        child_links__child__in=shaped, type="provincie", geometry__isnull=False
    ).distinct()
    regions = [
        Region(
            code=p.code,
            name=p.name,
            value=None,
            value_text=p.name,
            label=p.name,
            href=reverse("data:province", args=[p.code]),
            geometry=p.geometry,
        )  # fmt: skip
        for p in provinces
    ] + [
        Region(
            code=a.code,
            name=a.name,
            value=None,
            value_text=a.name,
            label=a.name,
            href=reverse("knowledge:area", args=[a.code]),
            geometry=a.geometry,
        )  # fmt: skip
        for a in shaped
    ]
    return choropleth(
        regions, title=title, class_label=lambda low, high: "", no_data_label="",
        id_prefix="gebied", neutral="#dce6f2", highlight=shaped[0].code,
    )  # fmt: skip


def agenda(request, number: str):
    """A BAC's knowledge agenda: its questions by status, with what answers them."""
    theme = get_object_or_404(Theme, number=number)
    questions = KnowledgeQuestion.objects.filter(theme=theme).prefetch_related("practices")
    return render(
        request,
        "knowledge/agenda.html",
        {"theme": theme, "questions": questions, "nav": "kennis"},
    )


def area_detail(request, code: str):
    area = get_object_or_404(Area, code=code, type="gebied")
    area_map = _area_map([area], area.name)
    return render(
        request,
        "knowledge/area.html",
        {"area": area, "versions": in_area(area), "area_map": area_map, "nav": "kennis"},
    )


@login_required
def practice_edit(request, pk: int | None = None):
    """A new practice, or a new version of one: content, a document, an area polygon."""
    practice = get_object_or_404(Practice, pk=pk) if pk else None
    if practice is not None and not _may_write(
        request.user, practice.lead_province, practice.theme
    ):
        raise PermissionDenied  # not even the concept's content as the form's start
    latest = practice.latest if practice else None
    initial = {}
    if latest is not None:
        initial = {
            "title": latest.title, "tried": latest.tried, "place": latest.place,
            "started": latest.started, "ended": latest.ended, "worked": latest.worked,
            "did_not_work": latest.did_not_work, "goals": latest.goals.all(),
            "areas": latest.areas.all(),
        }  # fmt: skip
    form = PracticeForm(
        request.POST or None, request.FILES or None, practice=practice, initial=initial
    )
    error = ""
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        province = practice.lead_province if practice else d["lead_province"]
        if not _may_write(request.user, province, practice.theme if practice else d["theme"]):
            raise PermissionDenied  # before anything (an area, a document) is stored
        try:
            with transaction.atomic():
                version = _save(request, practice, latest, d, province)
        except (PracticeRefused, AreaFileError) as exc:
            error = exc.message
        except DocumentRefused as exc:
            error = str(exc)
        else:
            messages.success(
                request, _("Versie %(n)s is opgeslagen als concept.") % {"n": version.number}
            )
            return redirect("knowledge:practice", pk=version.practice_id)
    return render(
        request,
        "knowledge/practice_form.html",
        {"form": form, "practice": practice, "error": error, "nav": "kennis"},
        status=400 if request.method == "POST" else 200,
    )


def _may_write(user, province, theme) -> bool:
    return can(user, Action.WRITE_PRACTICE, province=province, theme=theme)


def _save(request, practice, latest, d, province):
    """The new version with its polygon and document: all of it, or nothing."""
    areas = list(d["areas"])
    if d.get("area_geojson"):
        upload = d["area_geojson"]
        areas.append(
            area_from_upload(
                upload.read().decode("utf-8", errors="replace"),
                name=d["area_name"],
                province=province,
                origin=upload.name,
            )  # fmt: skip
        )
    documents = list(latest.documents.all()) if latest else []
    if d.get("document"):
        documents.append(add_uploaded_document(d["document"], titel=d["title"], user=request.user))
    contacts = []
    if d.get("contact_role"):
        contacts.append(
            {"role": d["contact_role"], "province": province.code,
             "name": d.get("contact_name", ""), "consent": d.get("contact_consent", False)}
        )  # fmt: skip
    elif latest is not None:
        contacts = latest.contacts
    links = [d["link"]] if d.get("link") else (latest.links if latest else [])
    version = workflow.save_version(
        request.user, practice,
        theme=None if practice else d["theme"], lead_province=province,
        title=d["title"], tried=d["tried"], place=d["place"], started=d["started"],
        ended=d["ended"], worked=d["worked"], did_not_work=d["did_not_work"],
        contacts=contacts, links=links,
        goals=d["goals"], areas=areas, documents=documents,
    )  # fmt: skip
    return version


@login_required
def practice_step(request, pk: int):
    """Submit for review, publish, send back or withdraw (POST only)."""
    practice = get_object_or_404(Practice, pk=pk)
    if request.method != "POST":
        return redirect("knowledge:practice", pk=pk)
    steps = {
        "indienen": (workflow.submit, _("Ter beoordeling aangeboden.")),
        "publiceren": (workflow.publish, _("Gepubliceerd.")),
        "terugsturen": (workflow.send_back, _("Teruggestuurd naar concept.")),
        "intrekken": (workflow.withdraw, _("Ingetrokken.")),
    }
    step = steps.get(request.POST.get("stap", ""))
    if step is None:
        messages.error(request, _("Onbekende stap."))
    else:
        try:
            step[0](request.user, practice)
        except PracticeRefused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, step[1])
    return redirect("knowledge:practice", pk=pk)
