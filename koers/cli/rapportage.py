"""`koers rapportage`: make the yearly progress report and write it to a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from koers.cli.base import acting_user, setup_django


@click.command("rapportage")
@click.option(
    "--jaar",
    "year",
    type=click.IntRange(2000, 2100),
    required=True,
    help="Year the report covers, e.g. 2026.",
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["html", "pdf"]),
    default="pdf",
    show_default=True,
    help="Write the standalone HTML document or the tagged PDF (PDF/UA-1).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the report into (created when missing).",
)
@click.option(
    "--publiceren",
    "publish",
    is_flag=True,
    help="Also publish this version: its stable URL, the feed and the catalogue.",
)
def rapportage(year: int, file_format: str, out: Path, publish: bool) -> None:
    """Make a new version of the progress report for GS and PS and write it to --out.

    Every run keeps a new version in Koers (earlier versions stay); the report is computed
    from the published figures, the work programmes and the adopted review.
    """
    setup_django()
    from koers.reporting.service import file_of, generate_report, publish_report

    user = acting_user()
    report = generate_report(year, user=user, pdf=file_format == "pdf")
    if publish:
        publish_report(report, user=user)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"voortgangsrapportage-{year}-v{report.version}.{file_format}"
    shutil.copyfile(file_of(report, file_format), target)
    state = "published" if publish else "not published"
    click.echo(f"{target} (version {report.version}, {state})")
