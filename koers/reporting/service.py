"""What other code may do with progress reports: generate a new version for a year,
publish it, and find the kept files. A version, once generated, is never rewritten."""

from __future__ import annotations

import hashlib
import os
import uuid
from datetime import date
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation

from koers.accounts.permissions import Action, require
from koers.config import data_dir
from koers.jobs.tasks import enqueue_open_data_build
from koers.reporting.content import build_content
from koers.reporting.errors import PdfFailed, ReportFileMissing
from koers.reporting.models import Report
from koers.reporting.render import render_body, render_document, render_pdf

__all__ = ["file_of", "generate_report", "latest_published", "publish_report", "published"]

#: The kept files of a version: the site's fragment, the standalone document and the PDF.
FILES = {"body": "inhoud.html", "html": "rapportage.html", "pdf": "rapportage.pdf"}


def _folder(year: int, version: int) -> Path:
    return data_dir() / "reports" / str(year) / f"v{version}"


def _write(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)  # a reader never sees half a file
    return hashlib.sha256(data).hexdigest()


def _previous(year: int) -> tuple[int, dict[str, int]] | None:
    """Last year's counts: its latest published report, else its latest version."""
    reports = Report.objects.filter(year=year - 1)
    chosen = reports.exclude(published_at=None).first() or reports.first()
    return (chosen.year, chosen.summary) if chosen else None


def generate_report(year: int, *, user=None, pdf: bool = True, today: date | None = None) -> Report:
    """Compute the report of ``year`` and keep it as a new version (HTML and tagged PDF).

    ``user`` None is the command line (the actor comes from ``koers --as``); a person on the
    site must be allowed to publish reports.
    """
    if user is not None:
        require(user, Action.PUBLISH_REPORT)
    with translation.override("nl"):
        content = build_content(year, previous=_previous(year), today=today)
        for _attempt in range(3):  # two generations at once: the later one takes the next number
            version = (Report.objects.filter(year=year).aggregate(n=Max("version"))["n"] or 0) + 1
            body = render_body(content)
            document = render_document(content, body, version=version)
            pdf_bytes = _pdf(document, year) if pdf else b""
            folder = _folder(year, version)
            _write(folder / FILES["body"], body.encode())
            html_sha = _write(folder / FILES["html"], document.encode())
            pdf_sha = _write(folder / FILES["pdf"], pdf_bytes) if pdf else ""
            try:
                with transaction.atomic():
                    return Report.objects.create(
                        year=year,
                        version=version,
                        generated_by=user if getattr(user, "is_authenticated", False) else None,
                        summary=content.counts,
                        html_sha256=html_sha,
                        pdf_sha256=pdf_sha,
                    )
            except IntegrityError:
                continue
    raise RuntimeError(f"could not number a new version of the {year} report")


def _pdf(document: str, year: int) -> bytes:
    try:
        return render_pdf(document)
    except (OSError, ValueError, RuntimeError) as exc:  # Pango missing, a bad document, …
        raise PdfFailed(
            f"De PDF van de rapportage {year} kon niet worden gemaakt: {exc}", year=year
        ) from exc


def publish_report(report: Report, *, user=None) -> Report:
    """Publish ``report``: a stable URL, the Atom feed and the DCAT catalogue list it."""
    if user is not None:
        require(user, Action.PUBLISH_REPORT)
    if report.published_at is None:
        report.published_at = timezone.now()
        report.save(update_fields=["published_at"])
        transaction.on_commit(enqueue_open_data_build)  # the DCAT catalogue lists reports
    return report


def published() -> list[Report]:
    return list(Report.objects.exclude(published_at=None))


def latest_published(year: int) -> Report | None:
    return Report.objects.filter(year=year).exclude(published_at=None).first()


def file_of(report: Report, kind: str) -> Path:
    """The kept file (``body``, ``html`` or ``pdf``) of a report version."""
    path = _folder(report.year, report.version) / FILES[kind]
    if not path.is_file():
        raise ReportFileMissing(
            f"Het bestand {FILES[kind]} van {report} ontbreekt in de datamap.",
            year=report.year, version=report.version,
        )  # fmt: skip
    return path
