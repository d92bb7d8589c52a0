"""The lineage page's content: one traced figure with names, numbers and files written out."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from koers.areas.models import Area
from koers.deliveries.models import Delivery
from koers.engine.lineage import parse_lineage_id
from koers.indicators.models import Indicator
from koers.web.figures import breakdown_label, current_language
from koers.web.numbers import format_value
from koers.web.rules_text import aggregation_rules

ROLES = {
    "reported": _("totaal zoals de bron het zelf meldt"),
    "computed": _("telt mee in de berekening"),
    "component": _("onderdeel van de formule"),
    "weight": _("gewicht"),
}


def lineage_context(traced: dict) -> dict | None:
    """Template context for `trace_lineage()`'s answer; None when the indicator is gone."""
    aggregate = traced["aggregate"]
    observations = traced["observations"]
    codes = {aggregate["indicator"], *(o["indicator"] for o in observations)}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    indicator = indicators.get(aggregate["indicator"])
    if indicator is None:
        return None
    area_codes = {aggregate["area"], *(o["area"] for o in observations)}
    names = {
        a.code: a.display_name(current_language()) for a in Area.objects.filter(code__in=area_codes)
    }
    deliveries = {
        d.pk: d
        for d in Delivery.objects.select_related("file").filter(
            pk__in={o["delivery_id"] for o in observations if o.get("delivery_id")}
        )
    }
    rows = []
    for obs in observations:
        obs_indicator = indicators.get(obs["indicator"], indicator)
        rows.append(
            {
                **obs,
                "role_label": ROLES.get(obs["role"], obs["role"]),
                "indicator_label": obs_indicator.label,
                "area_name": names.get(obs["area"], obs["area"]),
                "breakdown_label": breakdown_label(obs_indicator, obs["breakdown"]),
                "value_text": format_value(obs["value"], obs_indicator),
                "delivery": deliveries.get(obs.get("delivery_id")),
            }
        )
    used = {}
    for row in rows:
        if row["delivery"] is not None:
            used.setdefault(row["delivery"].pk, {"delivery": row["delivery"], "count": 0})
            used[row["delivery"].pk]["count"] += 1
    key = parse_lineage_id(traced["lineage_id"])
    aggregate = {**aggregate, "area_name": names.get(aggregate["area"], aggregate["area"])}
    return {
        "lineage_id": traced["lineage_id"],
        "indicator": indicator,
        "aggregate": aggregate,
        "breakdown_label": breakdown_label(indicator, key.breakdown),
        "value_text": format_value(aggregate["value"], indicator),
        "observations": sorted(rows, key=lambda r: (r["role"] != "reported", r["area"])),
        "show_indicator": any(
            r["indicator"] != indicator.code or r["breakdown"] != key.breakdown for r in rows
        ),
        "deliveries": sorted(used.values(), key=lambda d: d["delivery"].pk),
        "rules": aggregation_rules(indicator),
    }
