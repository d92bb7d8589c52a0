"""The sheets and columns of a work-programme workbook, shared by the writer and the reader,
and the values one activity row holds."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from decimal import Decimal

PROGRAMME_SHEET = "werkprogramma"
ACTIVITIES_SHEET = "activiteiten"
MILESTONES_SHEET = "mijlpalen"
CONTRIBUTIONS_SHEET = "bijdragen"
HELP_SHEET = "toelichting"

#: Key cells of the programme sheet (column A the key, column B the value).
PROGRAMME_KEYS = ("thema", "jaar", "titel")

#: Column of the activities sheet → field of ActivityValues.
ACTIVITY_COLUMNS: dict[str, str] = {
    "code": "code",
    "titel": "title",
    "omschrijving": "description",
    "doelen": "goals",
    "indicatoren": "indicators",
    "trekker": "lead_province",
    "deelnemers": "participating_provinces",
    "contactpersoon": "contact",
    "start": "start",
    "einde": "end",
    "status": "status",
    "reden": "status_reason",
    "ipo_budget_euro": "ipo_budget",
    "ipo_budget_gerealiseerd_euro": "ipo_budget_realised",
    "fte": "fte",
    "fte_gerealiseerd": "fte_realised",
    "risicos": "risks",
}
REQUIRED_COLUMNS = ("code", "titel", "doelen", "trekker", "start", "einde")
MILESTONE_COLUMNS = ("activiteit", "titel", "datum", "behaald")
CONTRIBUTION_COLUMNS = ("activiteit", "provincie", "bedrag_euro")

#: Separator of a cell with more than one value (doelen, indicatoren, deelnemers).
LIST_SEPARATOR = ";"

HELP_LINES = (
    "Dit werkprogramma is door Koers gemaakt; lees het terug in via Koers "
    "(Werkprogramma → Excel inlezen) of met `koers werkprogramma import BESTAND`.",
    "Blad 'werkprogramma': het thema (bijvoorbeeld 2.1) en het jaar. Niet wijzigen bij een "
    "nieuwe versie van hetzelfde werkprogramma.",
    "Blad 'activiteiten': één rij per activiteit. De code (A1, A2, …) blijft gelijk bij een "
    "nieuwe versie: zo ziet Koers wat er veranderd is.",
    "Doelen, indicatoren en deelnemers: scheid meerdere waarden met een puntkomma (2.1.1; 2.1.2).",
    "Trekker en deelnemers: de provinciecode (PV25) of de naam (Gelderland).",
    "Datums als 2026-03-31 of 31-3-2026. Bedragen in euro's, zonder punt voor duizendtallen "
    "of met een komma voor de centen; fte met hoogstens twee decimalen.",
    "Status: gepland, lopend, afgerond, vertraagd of gestopt; bij vertraagd of gestopt is "
    "een reden verplicht.",
    "Blad 'mijlpalen' en 'bijdragen': de activiteit is de code uit het blad 'activiteiten'. "
    "Een activiteit die niet meer in het bestand staat, wordt bij het inlezen verwijderd.",
)


@dataclass(frozen=True)
class MilestoneValues:
    title: str
    date: datetime.date
    done: bool = False


@dataclass(frozen=True)
class ContributionValues:
    province: str
    amount: Decimal


@dataclass(frozen=True)
class ActivityValues:
    """What one row of the activities sheet (with its milestones and contributions) says."""

    code: str
    title: str
    description: str
    goals: tuple[str, ...]
    indicators: tuple[str, ...]
    lead_province: str
    participating_provinces: tuple[str, ...]
    contact: str
    start: datetime.date
    end: datetime.date
    status: str
    status_reason: str
    ipo_budget: Decimal
    ipo_budget_realised: Decimal | None
    fte: Decimal
    fte_realised: Decimal | None
    risks: str
    milestones: tuple[MilestoneValues, ...] = ()
    contributions: tuple[ContributionValues, ...] = ()

    def differences(self, other: ActivityValues) -> list[str]:
        """Names of the fields whose values differ from ``other``'s."""
        return [f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)]


#: The column (or sheet) a field is shown under in a change preview.
FIELD_COLUMNS = {field: column for column, field in ACTIVITY_COLUMNS.items()} | {
    "milestones": MILESTONES_SHEET,
    "contributions": CONTRIBUTIONS_SHEET,
}


def cell_text(value: object) -> str:
    """A value as a workbook cell and a change preview show it."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return f"{LIST_SEPARATOR} ".join(cell_text(item) for item in value)
    if isinstance(value, MilestoneValues):
        return f"{value.date.isoformat()} {value.title}" + (" (behaald)" if value.done else "")
    if isinstance(value, ContributionValues):
        return f"{value.province}: € {cell_text(value.amount)}"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else f"{value:f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
