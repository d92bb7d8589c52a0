"""Why a report could not be made or found, each with a stable code."""

from __future__ import annotations

from koers.errors import KoersError


class ReportError(KoersError):
    code = "report"
    title = "Voortgangsrapportage"


class ReportFileMissing(ReportError):
    """The kept file of a report version is gone from the data folder."""

    code = "report_file_missing"


class PdfFailed(ReportError):
    """WeasyPrint could not write the PDF (for example Pango is missing); nothing was kept."""

    code = "report_pdf_failed"
