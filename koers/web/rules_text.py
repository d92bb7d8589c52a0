"""An indicator's aggregation rules in plain language, for its page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from koers.indicators.models import Indicator


def _period_word(indicator: Indicator) -> str:
    return {
        "year": _("jaren"),
        "half_year": _("halfjaren"),
        "quarter": _("kwartalen"),
        "month": _("maanden"),
    }.get(indicator.periodicity, _("perioden"))


def _last_period(indicator: Indicator) -> str:
    return {
        "year": _("het laatste jaar"),
        "half_year": _("het laatste halfjaar"),
        "quarter": _("het laatste kwartaal"),
        "month": _("de laatste maand"),
    }.get(indicator.periodicity, _("de laatste periode"))


def time_rule_text(indicator: Indicator) -> str:
    periods = _period_word(indicator)
    return {
        "last": _("voorraad: %(last)s telt") % {"last": _last_period(indicator)},
        "sum": _("stroom: %(periods)s worden opgeteld") % {"periods": periods},
        "mean": _("gemiddelde: het gemiddelde van de %(periods)s") % {"periods": periods},
        "none": _("%(periods)s worden niet samengevoegd; elke periode staat op zichzelf")
        % {"periods": periods[:1].upper() + periods[1:]},
    }.get(indicator.time_rule, indicator.time_rule)


def area_rule_text(indicator: Indicator) -> str:
    if indicator.area_rule == "ratio":
        return _(
            "aandeel: berekend uit teller (%(numerator)s) en noemer (%(denominator)s), "
            "nooit een gemiddelde van de provinciecijfers"
        ) % {
            "numerator": indicator.numerator.label if indicator.numerator else "?",
            "denominator": indicator.denominator.label if indicator.denominator else "?",
        }
    if indicator.area_rule == "weighted_mean":
        return _("gewogen gemiddelde van de provincies, gewogen naar %(weight)s") % {
            "weight": indicator.weight.label if indicator.weight else "?"
        }
    if indicator.area_rule == "none":
        return _("niet op te tellen: er is alleen een cijfer per gebied")
    return _("optellen: de provincies (en het niet in te delen deel) tellen op tot Nederland")


def aggregation_rules(indicator: Indicator) -> list[tuple[str, str]]:
    """(what, rule) pairs: over areas, over time and, for derived indicators, the formula."""
    rules = [
        (_("Over gebieden"), area_rule_text(indicator)),
        (_("Over de tijd"), time_rule_text(indicator)),
    ]
    if indicator.formula:
        rules.append((_("Afgeleid"), _("berekend met de formule %(formula)s") % {
            "formula": indicator.formula
        }))  # fmt: skip
    if indicator.scale and indicator.scale != 1:
        rules.append((_("Schaal"), _("vermenigvuldigd met %(scale)s") % {
            "scale": f"{indicator.scale:g}"
        }))  # fmt: skip
    rules.append(
        (
            _("Nul"),
            _("nul is een echte waarde")
            if indicator.zero_significant
            else _("nul betekent: niets gemeld"),
        )
    )
    return rules
