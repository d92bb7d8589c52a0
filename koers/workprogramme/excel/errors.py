"""Findings of a work-programme workbook: one class per rule, with a stable code, shaped like
a delivery's validation errors (file, row, column, rule, value) so the same report shows them.

Every template starts with the sheet, because a workbook has four.
"""

from __future__ import annotations

from koers.deliveries.ingest.validation.errors import ValidationError, ValidationWarning

_WHERE_NL = "Blad '{sheet}', rij {row}, kolom '{column}': "
_WHERE_EN = "Sheet '{sheet}', row {row}, column '{column}': "


class MissingSheet(ValidationError):
    code = "werkprogramma_missing_sheet"
    title = "Sheet missing"
    description = "The workbook lacks a sheet of the template Koers generates."
    template_nl = "Het blad '{sheet}' ontbreekt; gebruik het sjabloon dat Koers maakt."
    template_en = "The sheet '{sheet}' is missing; use the template Koers generates."


class MissingColumnInSheet(ValidationError):
    code = "werkprogramma_missing_column"
    title = "Column missing"
    description = "A column of the template is not in the sheet's header row."
    template_nl = "Blad '{sheet}': de kolom '{column}' ontbreekt in de kopregel."
    template_en = "Sheet '{sheet}': the column '{column}' is missing from the header row."


class UnknownTheme(ValidationError):
    code = "werkprogramma_unknown_theme"
    title = "Unknown theme"
    description = "The programme sheet names a theme number that is not in the programme."
    template_nl = _WHERE_NL + "het thema '{value}' bestaat niet (bijvoorbeeld 2.1)."
    template_en = _WHERE_EN + "there is no theme '{value}' (for example 2.1)."


class BadYear(ValidationError):
    code = "werkprogramma_bad_year"
    title = "Invalid year"
    description = "The year of a work programme is a whole year such as 2026."
    template_nl = _WHERE_NL + "'{value}' is geen jaar (bijvoorbeeld 2026)."
    template_en = _WHERE_EN + "'{value}' is not a year (for example 2026)."


class RequiredValue(ValidationError):
    code = "werkprogramma_required"
    title = "Value required"
    description = "This column must be filled in for every activity."
    template_nl = _WHERE_NL + "deze kolom is verplicht."
    template_en = _WHERE_EN + "this column is required."


class DuplicateCode(ValidationError):
    code = "werkprogramma_duplicate_code"
    title = "Activity code used twice"
    description = "An activity code identifies one activity within its work programme."
    template_nl = _WHERE_NL + "de code '{value}' staat al op rij {first_row}."
    template_en = _WHERE_EN + "the code '{value}' is already used on row {first_row}."


class UnknownGoal(ValidationError):
    code = "werkprogramma_unknown_goal"
    title = "Unknown goal number"
    description = "A goal number that is not one of the programme's strategic goals."
    template_nl = _WHERE_NL + "doel '{value}' bestaat niet in het programma."
    template_en = _WHERE_EN + "goal '{value}' is not in the programme."


class GoalOfOtherTheme(ValidationWarning):
    code = "werkprogramma_goal_other_theme"
    title = "Goal of another theme"
    description = "The activity serves a goal of another BAC; allowed, but worth a look."
    template_nl = _WHERE_NL + "doel '{value}' hoort bij thema {goal_theme}, niet bij {theme}."
    template_en = _WHERE_EN + "goal '{value}' belongs to theme {goal_theme}, not {theme}."


class UnknownIndicator(ValidationError):
    code = "werkprogramma_unknown_indicator"
    title = "Unknown indicator"
    description = "An indicator code that is not in Koers' catalogue."
    template_nl = _WHERE_NL + "indicator '{value}' bestaat niet in de catalogus."
    template_en = _WHERE_EN + "indicator '{value}' is not in the catalogue."


class UnknownProvince(ValidationError):
    code = "werkprogramma_unknown_province"
    title = "Unknown province"
    description = "Not one of the twelve provinces, by code (PV25) or name (Gelderland)."
    template_nl = _WHERE_NL + "'{value}' is geen provincie (gebruik PV20–PV31 of de naam)."
    template_en = _WHERE_EN + "'{value}' is not a province (use PV20–PV31 or the name)."


class BadDate(ValidationError):
    code = "werkprogramma_bad_date"
    title = "Invalid date"
    description = "A date is written as 2026-03-31 or 31-3-2026, or is a date cell."
    template_nl = _WHERE_NL + "'{value}' is geen datum (schrijf 2026-03-31 of 31-3-2026)."
    template_en = _WHERE_EN + "'{value}' is not a date (write 2026-03-31 or 31-3-2026)."


class EndBeforeStart(ValidationError):
    code = "werkprogramma_end_before_start"
    title = "End before start"
    description = "An activity cannot end before it starts."
    template_nl = _WHERE_NL + "het einde {value} ligt voor de start {start}."
    template_en = _WHERE_EN + "the end {value} is before the start {start}."


class UnknownStatus(ValidationError):
    code = "werkprogramma_unknown_status"
    title = "Unknown status"
    description = "The status is gepland, lopend, afgerond, vertraagd or gestopt."
    template_nl = _WHERE_NL + "'{value}' is geen status (kies uit {allowed})."
    template_en = _WHERE_EN + "'{value}' is not a status (choose from {allowed})."


class ReasonRequired(ValidationError):
    code = "werkprogramma_reason_required"
    title = "Reason required"
    description = "An activity that is vertraagd or gestopt needs a reason."
    template_nl = _WHERE_NL + "geef een reden bij de status '{value}'."
    template_en = _WHERE_EN + "give a reason for the status '{value}'."


class BadAmount(ValidationError):
    code = "werkprogramma_bad_amount"
    title = "Invalid amount"
    description = "An amount in euros or FTE: a number with at most two decimals."
    template_nl = _WHERE_NL + "'{value}' is geen bedrag of aantal met hoogstens twee decimalen."
    template_en = _WHERE_EN + "'{value}' is not a number with at most two decimals."


class NegativeAmount(ValidationError):
    code = "werkprogramma_negative_amount"
    title = "Negative amount"
    description = "A budget, contribution or FTE cannot be negative."
    template_nl = _WHERE_NL + "het bedrag {value} is negatief."
    template_en = _WHERE_EN + "the amount {value} is negative."


class UnknownActivity(ValidationError):
    code = "werkprogramma_unknown_activity"
    title = "Unknown activity code"
    description = "A milestone or contribution names an activity code not in 'activiteiten'."
    template_nl = _WHERE_NL + "de activiteit '{value}' staat niet in het blad 'activiteiten'."
    template_en = _WHERE_EN + "the activity '{value}' is not in the sheet 'activiteiten'."


class TooManyActivities(ValidationError):
    code = "werkprogramma_too_many_rows"
    title = "Too many rows"
    description = "A work programme holds at most a few hundred activities; this is not one."
    template_nl = "Blad '{sheet}' heeft meer dan {limit} rijen; is dit wel een werkprogramma?"
    template_en = "Sheet '{sheet}' has more than {limit} rows; is this a work programme?"


class NotYourTheme(ValidationError):
    code = "werkprogramma_not_your_theme"
    title = "Not your theme"
    description = "A theme lead imports only the work programmes of their own themes."
    template_nl = "U mag het werkprogramma van thema {value} niet wijzigen."
    template_en = "You may not change the work programme of theme {value}."
