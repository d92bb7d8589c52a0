"""Public pages of faunaschade: the provinces' regimes side by side (public policy)."""

from __future__ import annotations

from datetime import date

from django.shortcuts import render
from django.utils.translation import gettext as _

from koers.areas.models import Area
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
