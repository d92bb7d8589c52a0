"""The enumerations the API shows, in Dutch like its keys (`"periodiciteit": "jaar"`).

Each table maps a stored machine value (English, stable: used inside Koers, in the
catalogue, the mappings and the open-data files) to its API value (Dutch, stable: what the
API emits and documents). docs/api/values.md lists every pair; a test keeps it in step.
Filters take the Dutch value, and the machine value too, so no client breaks on either.
"""

from __future__ import annotations

from rest_framework import serializers

PERIODICITEIT = {
    "year": "jaar",
    "half_year": "halfjaar",
    "quarter": "kwartaal",
    "month": "maand",
    "financial_year": "boekjaar",
    "academic_year": "schooljaar",
    "schadejaar": "schadejaar",
}
PERIODETYPE = {**PERIODICITEIT, "window": "meerjarig"}
OPTELLEN_OVER_GEBIEDEN = {
    "sum": "optellen",
    "ratio": "verhouding",
    "weighted_mean": "gewogen_gemiddelde",
    "none": "niet_optellen",
}
OPTELLEN_OVER_TIJD = {
    "sum": "optellen",
    "last": "laatste",
    "mean": "gemiddelde",
    "none": "niet_samenvoegen",
}
INDICATORSTATUS = {
    "active": "actief",
    "awaiting_data": "wacht_op_data",
    "peer": "vergelijkingsdata",
}
#: As in the delivery template's `waardetype` column.
WAARDETYPE = {"realisation": "realisatie", "target": "doel", "forecast": "prognose"}
#: As in the delivery template's `status` column.
WAARNEMINGSTATUS = {
    "normal": "normaal",
    "estimated": "geschat",
    "provisional": "voorlopig",
    "missing": "ontbrekend",
    "confidential": "vertrouwelijk",
}
AGGREGAATSTATUS = {"ok": "ok", "partial": "gedeeltelijk", "missing": "ontbrekend"}

#: Every table by the API field that shows it (docs/api/values.md follows this order).
TABLES: dict[str, dict[str, str]] = {
    "periodiciteit": PERIODICITEIT,
    "periodetype": PERIODETYPE,
    "optellenOverGebieden": OPTELLEN_OVER_GEBIEDEN,
    "optellenOverTijd": OPTELLEN_OVER_TIJD,
    "status (indicator)": INDICATORSTATUS,
    "waardetype": WAARDETYPE,
    "status (waarneming)": WAARNEMINGSTATUS,
    "status (aggregaat)": AGGREGAATSTATUS,
}


class DutchChoiceField(serializers.ChoiceField):
    """A stored machine value shown as its Dutch API value; input may be either."""

    def __init__(self, values: dict[str, str], **kwargs) -> None:
        self.api_values = values
        self.machine_values = {dutch: machine for machine, dutch in values.items()}
        super().__init__(choices=list(values.values()), **kwargs)

    def to_representation(self, value):
        if value in (None, ""):
            return None
        return self.api_values.get(str(value), str(value))

    def to_internal_value(self, data):
        text = str(data).strip()
        if text in self.machine_values:
            return self.machine_values[text]
        if text in self.api_values:
            return text
        self.fail("invalid_choice", input=data)
