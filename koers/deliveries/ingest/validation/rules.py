"""Every validation rule of a delivery, one class each (codes are stable: do not rename)."""

from __future__ import annotations

from koers.deliveries.ingest.validation.errors import ValidationError, ValidationWarning


class UnreadableFile(ValidationError):
    code = "unreadable_file"
    title = "File cannot be read"
    description = "The bytes are not a file of the expected format or encoding."
    template_nl = "Het bestand kan niet gelezen worden: {reason}"
    template_en = "The file cannot be read: {reason}"


class MissingColumn(ValidationError):
    code = "missing_column"
    title = "Mapped column missing"
    description = "The mapping names a column that is not in the header row."
    template_nl = "Kolom '{column}' staat in de mapping '{mapping}' maar niet in de kopregel."
    template_en = "Column '{column}' is in mapping '{mapping}' but not in the header row."


class ShortRow(ValidationError):
    code = "short_row"
    title = "Truncated row"
    description = "The row has fewer fields than the header: it was cut off or lost a separator."
    template_nl = (
        "Rij {row} heeft {actual} velden, de kopregel {expected}: kolom '{column}' ontbreekt."
    )
    template_en = (
        "Row {row} has {actual} fields, the header {expected}: column '{column}' is missing."
    )


class ExtraFields(ValidationError):
    code = "extra_fields"
    title = "Row has extra fields"
    description = "The row has more non-empty fields than the header has columns."
    template_nl = (
        "Rij {row} heeft {actual} velden, meer dan de {expected} kolommen van de kopregel."
    )
    template_en = "Row {row} has {actual} fields, more than the {expected} header columns."


class RequiredValueMissing(ValidationError):
    code = "required_value_missing"
    title = "Required value missing"
    description = "Area, period, indicator and breakdown codes cannot be blank."
    template_nl = "Rij {row}: kolom '{column}' is leeg, maar is verplicht."
    template_en = "Row {row}: column '{column}' is blank but required."


class WrongType(ValidationError):
    code = "wrong_type"
    title = "Not a number"
    description = "A value cell holds text that is not a number of the indicator's value type."
    template_nl = "Rij {row}, kolom '{column}': '{value}' is geen {expected_nl}."
    template_en = "Row {row}, column '{column}': '{value}' is not {expected_en}."


class DecimalComma(ValidationError):
    code = "decimal_comma"
    title = "Decimal comma"
    description = (
        "A number written with a decimal comma (12,5) in a file read with a decimal point; "
        "a mapping (or the upload form) can declare Dutch number notation instead."
    )
    template_nl = (
        "Rij {row}, kolom '{column}': '{value}' heeft een decimale komma; gebruik een punt "
        "({point}), of kies de Nederlandse getalnotatie."
    )
    template_en = (
        "Row {row}, column '{column}': '{value}' has a decimal comma; use a point ({point}), "
        "or choose Dutch number notation."
    )


class UnknownArea(ValidationError):
    code = "unknown_area"
    title = "Unknown area"
    description = "The area code is not known and the mapping does not skip it explicitly."
    template_nl = "Rij {row}, kolom '{column}': gebiedscode '{value}' is onbekend. {suggestion_nl}"
    template_en = "Row {row}, column '{column}': area code '{value}' is unknown. {suggestion_en}"


class AreaOutOfScope(ValidationError):
    code = "area_out_of_scope"
    title = "Area outside the province"
    description = "A steward may only deliver figures for the areas of their own province."
    template_nl = "Rij {row}, kolom '{column}': u mag niet leveren voor gebied '{value}'."
    template_en = "Row {row}, column '{column}': you may not deliver for area '{value}'."


class UnknownPeriodCode(ValidationError):
    code = "unknown_period_code"
    title = "Unknown period code"
    description = "Periods are 2023, 2023-H1, 2023-Q4, 2023-03 or CBS codes like 2023JJ00."
    template_nl = "Rij {row}, kolom '{column}': '{value}' is geen geldige periodecode."
    template_en = "Row {row}, column '{column}': '{value}' is not a valid period code."


class WrongPeriodicity(ValidationError):
    code = "wrong_periodicity"
    title = "Wrong periodicity"
    description = "The period is valid but not of the periodicity the indicator is measured in."
    template_nl = (
        "Rij {row}, kolom '{column}': periode '{value}' is een {actual}; indicator "
        "'{indicator}' verwacht een {expected}."
    )
    template_en = (
        "Row {row}, column '{column}': period '{value}' is a {actual_en}; indicator "
        "'{indicator}' expects a {expected_en}."
    )


class UnknownBreakdownCode(ValidationError):
    code = "unknown_breakdown_code"
    title = "Unknown breakdown code"
    description = "The breakdown dimension or code is not in the indicator's code lists."
    template_nl = (
        "Rij {row}, kolom '{column}': uitsplitsing '{value}' is niet toegestaan voor "
        "indicator '{indicator}'."
    )
    template_en = (
        "Row {row}, column '{column}': breakdown '{value}' is not allowed for indicator "
        "'{indicator}'."
    )


class UnknownIndicator(ValidationError):
    code = "unknown_indicator"
    title = "Unknown indicator"
    description = "The indicator code is not in the catalogue."
    template_nl = (
        "Rij {row}, kolom '{column}': indicator '{value}' staat niet in de catalogus. "
        "{suggestion_nl}"
    )
    template_en = (
        "Row {row}, column '{column}': indicator '{value}' is not in the catalogue. {suggestion_en}"
    )


class UnknownValueKind(ValidationError):
    code = "unknown_value_kind"
    title = "Unknown value kind"
    description = "The value kind is realisatie, doel or prognose (realisation, target, forecast)."
    template_nl = (
        "Rij {row}, kolom '{column}': waardetype '{value}' is onbekend (realisatie, doel "
        "of prognose)."
    )
    template_en = (
        "Row {row}, column '{column}': value kind '{value}' is unknown (realisation, "
        "target or forecast)."
    )


class UnknownStatus(ValidationError):
    code = "unknown_status"
    title = "Unknown status"
    description = "The status is normaal, geschat, voorlopig, ontbrekend or vertrouwelijk."
    template_nl = "Rij {row}, kolom '{column}': status '{value}' is onbekend."
    template_en = "Row {row}, column '{column}': status '{value}' is unknown."


class OutOfRange(ValidationError):
    code = "out_of_range"
    title = "Value out of range"
    description = (
        "The value lies outside the indicator's plausible range: its own minimum and maximum, "
        "else a range derived from its unit (a percentage lies between 0 and 100)."
    )
    template_nl = (
        "Rij {row}, kolom '{column}': waarde {value_nl} is niet plausibel voor indicator "
        "'{indicator}': die moet {range_nl}."
    )
    template_en = (
        "Row {row}, column '{column}': value {value} is not plausible for indicator "
        "'{indicator}': it must {range_en}."
    )


class PeriodNotEnded(ValidationError):
    code = "period_not_ended"
    title = "Realisation for a period that has not ended"
    description = (
        "A realisation can only be measured once its period is over; targets and forecasts "
        "may lie in the future."
    )
    template_nl = (
        "Rij {row}, kolom '{column}': periode '{value}' loopt tot en met {end}; een realisatie "
        "kan pas daarna geleverd worden (vandaag is {today})."
    )
    template_en = (
        "Row {row}, column '{column}': period '{value}' runs until {end}; a realisation can "
        "only be delivered after that (today is {today})."
    )


class NulCharacter(ValidationError):
    code = "nul_character"
    title = "NUL character in a cell"
    description = "A cell holds a NUL byte (0x00), which no database can store as text."
    template_nl = (
        "Rij {row}, kolom '{column}': de cel bevat een NUL-teken (byte 0); haal het weg. "
        "Inhoud: '{value}'."
    )
    template_en = (
        "Row {row}, column '{column}': the cell holds a NUL character (byte 0); remove it. "
        "Content: '{value}'."
    )


class CellTooLong(ValidationError):
    code = "cell_too_long"
    title = "Cell too long"
    description = "A cell or header name is longer than KOERS_MAX_CELL_CHARS characters."
    template_nl = (
        "Rij {row}, kolom '{column}': de cel heeft {length} tekens, meer dan de grens van "
        "{limit}. Begin: '{value}'."
    )
    template_en = (
        "Row {row}, column '{column}': the cell has {length} characters, more than the limit "
        "of {limit}. Start: '{value}'."
    )


class FileTooLarge(ValidationError):
    code = "file_too_large"
    title = "File too large"
    description = "The file is larger than KOERS_MAX_FILE_MB; split the delivery."
    template_nl = "Het bestand is {size_mb} MB, meer dan de grens van {limit_mb} MB."
    template_en = "The file is {size_mb} MB, more than the limit of {limit_mb} MB."


class TooManyColumns(ValidationError):
    code = "too_many_columns"
    title = "Too many columns"
    description = "The header row has more columns than KOERS_MAX_COLUMNS."
    template_nl = "De kopregel heeft {actual} kolommen, meer dan de grens van {limit}."
    template_en = "The header row has {actual} columns, more than the limit of {limit}."


class TooManyCells(ValidationError):
    code = "too_many_cells"
    title = "Too many cells"
    description = "The sheet or file has more cells (rows x columns) than KOERS_MAX_CELLS."
    template_nl = (
        "Het bestand heeft {size} cellen, meer dan de grens van {limit}; splits de levering."
    )
    template_en = "The file has {size} cells, more than the limit of {limit}; split the delivery."


class WorkbookExpandsTooMuch(ValidationError):
    code = "workbook_expands_too_much"
    title = "Workbook expands too much"
    description = (
        "An XLSX is a zip archive; one that unpacks to far more than its own size (a zip "
        "bomb) is refused before it is unpacked (KOERS_MAX_XLSX_RATIO, "
        "KOERS_MAX_XLSX_EXPANDED_MB)."
    )
    template_nl = (
        "Het werkboek pakt uit tot {expanded_mb} MB ({member}: {ratio} keer zo groot als "
        "ingepakt); de grens is {limit_ratio} keer en {limit_mb} MB."
    )
    template_en = (
        "The workbook unpacks to {expanded_mb} MB ({member}: {ratio} times its packed size); "
        "the limit is {limit_ratio} times and {limit_mb} MB."
    )


class JsonTooDeep(ValidationError):
    code = "json_too_deep"
    title = "JSON nested too deep"
    description = "The JSON file nests lists or objects deeper than KOERS_MAX_JSON_DEPTH."
    template_nl = "Het JSON-bestand is dieper genest dan {limit} niveaus."
    template_en = "The JSON file is nested deeper than {limit} levels."


class DuplicateKey(ValidationError):
    code = "duplicate_key"
    title = "Duplicate observation"
    description = (
        "Two rows give a value for the same indicator, area, period, breakdown and value kind."
    )
    template_nl = "Rij {row}, kolom '{column}': dezelfde waarneming als rij {first_row} ({key})."
    template_en = "Row {row}, column '{column}': the same observation as row {first_row} ({key})."


class PartsExceedTotal(ValidationError):
    code = "parts_exceed_total"
    title = "Parts exceed the total"
    description = "The parts of a breakdown add up to more than the total given for it."
    template_nl = (
        "Rij {row}, kolom '{column}': de delen van {dimension} tellen op tot {parts}, "
        "meer dan het totaal {value}."
    )
    template_en = (
        "Row {row}, column '{column}': the parts of {dimension} add up to {parts}, more "
        "than the total {value}."
    )


class Outlier(ValidationWarning):
    code = "outlier"
    title = "Outlier against the area's history"
    description = (
        "Modified z-score above the threshold against this series' own history (at least 5 points)."
    )
    template_nl = (
        "Rij {row}, kolom '{column}': waarde {value} wijkt sterk af van de reeks "
        "(mediaan {median}, score {score})."
    )
    template_en = (
        "Row {row}, column '{column}': value {value} is far from the series (median "
        "{median}, score {score})."
    )


class LargeJump(ValidationWarning):
    code = "large_jump"
    title = "Large jump from the previous period"
    description = "The value changed by more than the threshold since the previous period."
    template_nl = (
        "Rij {row}, kolom '{column}': waarde {value} is {change} t.o.v. "
        "{previous_period} ({previous})."
    )
    template_en = (
        "Row {row}, column '{column}': value {value} is {change} against "
        "{previous_period} ({previous})."
    )
