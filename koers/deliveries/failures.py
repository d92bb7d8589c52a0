"""Why an import failed rather than being rejected: findings the report can carry."""

from __future__ import annotations

from koers.deliveries.ingest import ValidationReport
from koers.deliveries.ingest.validation.errors import ValidationError


class ImportInterrupted(ValidationError):
    code = "import_interrupted"
    title = "Import interrupted"
    description = "The process importing the file stopped before it finished (killed, crashed)."
    template_nl = "Import onderbroken: {reason}. Lever het bestand opnieuw aan."
    template_en = "Import interrupted: {reason}. Please deliver the file again."


class ImportFailed(ValidationError):
    code = "import_failed"
    title = "Import failed"
    description = "Storing the file's values failed for a reason outside the file."
    template_nl = "Import mislukt: {reason}. Lever het bestand opnieuw aan."
    template_en = "Import failed: {reason}. Please deliver the file again."


def failure_report(error: type[ValidationError], *, file: str, reason: str) -> dict:
    """A report with the one finding that says why the import did not finish."""
    report = ValidationReport(file=file)
    report.add(error(file=file, row=None, column=None, value=None, params={"reason": reason}))
    report.complete = True
    return report.to_dict()
