"""The report as HTML (a fragment for the site, a standalone document) and as tagged PDF/UA."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from koers.reporting.content import ReportContent

#: WeasyPrint writes a tagged PDF that meets PDF/UA-1 (structure tags, title, language).
PDF_VARIANT = "pdf/ua-1"


def title_of(year: int) -> str:
    return _("Voortgangsrapportage %(year)s") % {"year": year}


def render_body(content: ReportContent) -> str:
    """The report's sections (h2 and below), shared by the page, the document and the PDF."""
    return render_to_string("reporting/report_body.html", {"report": content})


def render_document(content: ReportContent, body: str, *, version: int) -> str:
    """A standalone, accessible HTML document: its own title, language and print styles."""
    return render_to_string(
        "reporting/report_document.html",
        {
            "report": content,
            "body": mark_safe(body),  # noqa: S308 - rendered by our own template just now
            "title": title_of(content.year),
            "description": _(
                "De voortgang van de doelen van het Bestuursprogramma IPO, per thema."
            ),
            "language": "nl",
            "version": version,
            "generated_on": content.generated_on,
        },
    )


def render_pdf(document: str) -> bytes:
    """The document as a tagged PDF/UA-1 file (WeasyPrint, with Pango from the system)."""
    from weasyprint import HTML  # heavy import: only when a PDF is made

    return HTML(string=document).write_pdf(pdf_variant=PDF_VARIANT)
