"""A workbook's findings in the shape of a delivery's report (koers/workspace/findings.py), so
the same template shows them, with Dutch rule titles."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from koers.deliveries.ingest.validation.errors import ValidationError
from koers.workspace.findings import RuleGroup, group_findings

RULE_TITLES = {
    "werkprogramma_missing_sheet": _("Blad ontbreekt"),
    "werkprogramma_missing_column": _("Kolom ontbreekt"),
    "werkprogramma_unknown_theme": _("Onbekend thema"),
    "werkprogramma_bad_year": _("Ongeldig jaar"),
    "werkprogramma_required": _("Verplichte waarde ontbreekt"),
    "werkprogramma_duplicate_code": _("Activiteitcode dubbel"),
    "werkprogramma_unknown_goal": _("Onbekend doelnummer"),
    "werkprogramma_goal_other_theme": _("Doel van een ander thema"),
    "werkprogramma_unknown_indicator": _("Onbekende indicator"),
    "werkprogramma_unknown_province": _("Onbekende provincie"),
    "werkprogramma_bad_date": _("Ongeldige datum"),
    "werkprogramma_end_before_start": _("Einde voor de start"),
    "werkprogramma_unknown_status": _("Onbekende status"),
    "werkprogramma_reason_required": _("Reden ontbreekt"),
    "werkprogramma_bad_amount": _("Ongeldig bedrag"),
    "werkprogramma_negative_amount": _("Negatief bedrag"),
    "werkprogramma_unknown_activity": _("Onbekende activiteit"),
    "werkprogramma_too_many_rows": _("Te veel rijen"),
    "werkprogramma_not_your_theme": _("Niet uw thema"),
}


def grouped(findings: list[ValidationError]) -> list[RuleGroup]:
    groups = group_findings([f.to_dict() for f in findings])
    for group in groups:
        if group.rule in RULE_TITLES:
            group.title = str(RULE_TITLES[group.rule])
    return groups
