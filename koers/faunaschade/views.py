"""Faunaschade pages: the regimes side by side and the monitor (public), and the claims
handler's workspace (BIJ12's claims handlers only: claims hold personal data)."""

from __future__ import annotations

from datetime import date
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from koers.accounts.permissions import Action, require
from koers.areas.models import Area
from koers.faunaschade import claims as claims_mod
from koers.faunaschade.claims import ClaimStepError
from koers.faunaschade.forms import ApplicationForm, DateForm, DecisionForm, TaxationForm
from koers.faunaschade.models import Claim, ClaimState
from koers.faunaschade.rules.claim import ClaimError
from koers.faunaschade.rules.comparison import PROVINCES, compare
from koers.faunaschade.rules.shipped import shipped_regimes


def regimes(request):
    """Every parameter of the twelve regimes in force on ?datum= (default: today)."""
    raw = request.GET.get("datum", "")
    error = ""
    try:
        on = date.fromisoformat(raw) if raw else date.today()
    except ValueError:
        on, error = (
            date.today(),
            _("'%(value)s' is geen datum; gebruik JJJJ-MM-DD.") % {"value": raw},
        )
    names = dict(Area.objects.filter(code__in=PROVINCES).values_list("code", "name"))
    rows = compare(shipped_regimes(), on)
    provinces = [(code, names.get(code, code)) for code in PROVINCES]
    table = [
        (code, name, [(label, row[code]) for _key, label, row in rows]) for code, name in provinces
    ]
    unknown = sum(1 for _k, _l, row in rows for cell in row.values() if cell and not cell.known)
    total = sum(1 for _k, _l, row in rows for cell in row.values() if cell)
    return render(
        request,
        "faunaschade/regimes.html",
        {
            "on": on,
            "error": error,
            "labels": [label for _key, label, _row in rows],
            "table": table,
            "unknown": unknown,
            "total": total,
            "nav": "faunaschade",
        },
        status=400 if error else 200,
    )


# -- the public monitor ----------------------------------------------------------------


def monitor(request):
    """Faunaschade in the monitor: BIJ12's yearly totals and the figures of handled claims."""
    from koers.faunaschade import aggregates

    totals = aggregates.published_totals()
    figures = aggregates.protected_figures()
    provinces = aggregates.by_province(figures)
    species = aggregates.by_item("species", _("diersoort"), figures)
    crops = aggregates.by_item("crop", _("gewas"), figures)
    map_year, paid_map = _paid_map(figures)
    return render(
        request,
        "faunaschade/monitor.html",
        {
            "totals": totals,
            "chart": _totals_chart(totals),
            "map_year": map_year,
            "paid_map": paid_map,
            "provinces": provinces,
            "species": species,
            "crops": crops,
            "handling": aggregates.handling(),
            "nav": "faunaschade",
        },
    )


@login_required
def province_figures(request, code: str):
    """A province's own claims in aggregate (no claim, no person), for its officials."""
    from koers.faunaschade import aggregates

    province = get_object_or_404(Area, code=code, type="provincie")
    require(request.user, Action.VIEW_PROVINCE_CLAIM_FIGURES, province=province)
    rows = []
    for year, cells in sorted(aggregates.province_figures(code).items(), reverse=True):
        total = cells[aggregates.TOTAL]
        parts = sorted((key[0], key[2], cell) for key, cell in cells.items() if len(key) == 3)
        rows.append((year, total, parts))
    return render(
        request,
        "faunaschade/province.html",
        {"province": province, "rows": rows, "nav": "faunaschade"},
    )


def _paid_map(figures: dict):
    """Paid damage per province in the newest damage year, hidden cells as 'afgeschermd'."""
    from koers.charts.maps import Region, choropleth
    from koers.web.numbers import format_number

    if not figures:
        return None, None
    year = max(figures)
    cells = figures[year]
    regions = []
    for province in Area.objects.filter(code__in=PROVINCES).order_by("code"):
        cell = cells.get(("provincie", province.code))
        shown = cell is not None and not cell.suppressed
        if shown:
            text = f"€ {format_number(float(cell.values['paid']))}"
        else:
            text = _("afgeschermd") if cell is not None else _("geen besloten aanvragen")
        regions.append(
            Region(
                code=province.code,
                name=province.name,
                value=float(cell.values["paid"]) if shown else None,
                value_text=text,
                label=f"{province.name}: {text}",
                geometry=province.geometry,
            )  # fmt: skip
        )
    paid_map = choropleth(
        regions,
        title=_("Uitgekeerd per provincie, schadejaar %(year)s") % {"year": year},
        class_label=lambda low, high: f"€ {format_number(low)} – € {format_number(high)}",
        no_data_label=_("afgeschermd of geen besloten aanvragen"),
        id_prefix="faunaschade-kaart",
    )
    return year, paid_map


def _totals_chart(totals) -> str:
    """A static SVG bar chart of the published totals (no JavaScript needed)."""
    from koers.charts.render import render_svg

    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 560,
        "height": 220,
        "data": {
            "values": [{"jaar": str(t.year), "miljoen": float(t.paid / 1_000_000)} for t in totals]
        },
        "mark": {"type": "bar", "color": "#1f5f8b"},
        "encoding": {
            "x": {"field": "jaar", "type": "ordinal", "title": _("Jaar (zoals BIJ12 rapporteert)")},
            "y": {"field": "miljoen", "type": "quantitative", "title": _("Uitgekeerd (mln euro)")},
        },
    }
    return render_svg(spec)


# -- the claims handler's workspace ----------------------------------------------------


def _handler(view):
    """Signed in, and a BIJ12 claims handler: claims hold personal data (AVG)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        require(request.user, Action.HANDLE_CLAIMS)
        return view(request, *args, **kwargs)

    return wrapped


@_handler
def claim_list(request):
    """Claims by state and deadline: the most urgent first."""
    state = request.GET.get("status", "")
    claims = Claim.objects.select_related("province").prefetch_related("items")
    if state in ClaimState.values:
        claims = claims.filter(state=state)
    rows = [(claim, claims_mod.next_deadline(claim)) for claim in claims]
    rows.sort(key=lambda row: (row[1] is None, row[1][1] if row[1] else date.max, row[0].pk))
    counts = {s.label: Claim.objects.filter(state=s).count() for s in ClaimState}
    return render(
        request,
        "faunaschade/claims.html",
        {"rows": rows, "counts": counts, "states": ClaimState.choices, "state": state,
         "today": date.today(), "nav": "faunaschade"},
    )  # fmt: skip


@_handler
def claim_new(request):
    form = ApplicationForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            claim = claims_mod.submit(
                form.claim_data(), user=request.user, applicant=form.cleaned_data["applicant"]
            )
        except ClaimError as exc:
            error = exc.message
        else:
            messages.success(request, _("Aanvraag %(pk)s is ingediend.") % {"pk": claim.pk})
            return redirect("faunaschade:claim", pk=claim.pk)
    return render(
        request,
        "faunaschade/claim_new.html",
        {"form": form, "error": error, "nav": "faunaschade"},
        status=400 if request.method == "POST" else 200,
    )


@_handler
def claim_detail(request, pk: int):
    claim = get_object_or_404(Claim.objects.select_related("province"), pk=pk)
    items = list(claim.items.all())
    error = ""
    taxation = TaxationForm(items=items)
    decision_form = DecisionForm()
    date_forms = {step: DateForm(prefix=step) for step in ("betaling", "bezwaar", "afhandeling")}
    if request.method == "POST":
        step = request.POST.get("stap", "")
        try:
            if step == "taxatie":
                taxation = TaxationForm(request.POST, items=items)
                if taxation.is_valid():
                    claims_mod.record_taxation(
                        claim, taxation.amounts(), taxed_on=taxation.cleaned_data["taxed_on"],
                        user=request.user,
                    )  # fmt: skip
                    return _done(request, claim, _("De taxatie is vastgelegd."))
            elif step == "besluit":
                decision_form = DecisionForm(request.POST)
                if decision_form.is_valid():
                    d = decision_form.cleaned_data
                    claims_mod.decide(
                        claim, decided_on=d["decided_on"], user=request.user,
                        payout=d["own_amount"], reason=d["reason"],
                    )  # fmt: skip
                    return _done(request, claim, _("Het besluit is vastgelegd."))
            elif step in date_forms:
                date_form = date_forms[step] = DateForm(request.POST, prefix=step)
                if date_form.is_valid():
                    on = date_form.cleaned_data["on"]
                    if step == "betaling":
                        claims_mod.pay(claim, paid_on=on, user=request.user)
                    elif step == "bezwaar":
                        claims_mod.file_objection(claim, filed_on=on, user=request.user)
                    else:
                        claims_mod.close(
                            claim, closed_on=on, user=request.user,
                            result=date_form.cleaned_data["result"],
                        )  # fmt: skip
                    return _done(request, claim, _("De stap is vastgelegd."))
            else:
                error = _("Onbekende stap.")
        except (ClaimStepError, ClaimError) as exc:
            error = exc.message
        claim.refresh_from_db()
    proposal = None
    if claim.state == ClaimState.TAXED:
        proposal = claims_mod.propose(claim)
    return render(
        request,
        "faunaschade/claim.html",
        {
            "claim": claim,
            "items": items,
            "error": error,
            "taxation": taxation,
            "decision_form": decision_form,
            "pay_form": date_forms["betaling"],
            "objection_form": date_forms["bezwaar"],
            "close_form": date_forms["afhandeling"],
            "proposal": proposal,
            "deadline": claims_mod.next_deadline(claim),
            "objection_deadline": claims_mod.objection_deadline(claim),
            "nav": "faunaschade",
        },
        status=400 if request.method == "POST" else 200,
    )


def _done(request, claim, message):
    messages.success(request, message)
    return redirect("faunaschade:claim", pk=claim.pk)
