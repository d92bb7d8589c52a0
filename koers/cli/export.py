"""`koers export`: write the published open data to a folder, laid out like /open-data/."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from koers.cli.base import setup_django

FORMATS = ["csv", "parquet", "json", "datapackage", "sdmx", "dcat"]


@click.command()
@click.option(
    "--format",
    "formats",
    type=click.Choice(FORMATS),
    multiple=True,
    help="Format to write (repeatable); default: all of them.",
)
@click.option(
    "--out",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into (created if needed).",
)
@click.option("--indicator", "codes", multiple=True, help="Only this indicator (repeatable).")
@click.option(
    "--base-url",
    default="http://127.0.0.1:8000",
    show_default=True,
    help="Public address of this Koers, used for the download links in DCAT.",
)
@click.option("--licence", default="CC-BY-4.0", show_default=True, help="CC-BY-4.0 or CC0-1.0.")
def export(formats, folder, codes, base_url, licence) -> None:
    """Export the published data (never unpublished data) as open data files."""
    setup_django()
    from koers.publication.export import export as run_export

    chosen = list(formats) or FORMATS
    with click.progressbar(length=len(chosen), label="exporting", file=sys.stderr) as bar:
        report = run_export(
            folder,
            formats=chosen,
            base_url=base_url,
            indicators=list(codes) or None,
            licence_name=licence,
            progress=lambda name: bar.update(1),
        )
    timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in report.seconds.items())
    click.echo(
        f"{report.indicators} indicators, {report.rows} observations, "
        f"{len(report.files)} files in {report.folder} ({timings})"
    )


@click.group("open-data")
def open_data() -> None:
    """The prebuilt open data that /open-data/ serves (docs/open-data.md)."""


@open_data.command("build")
@click.option(
    "--base-url",
    default=None,
    help="Public address for the DCAT links; default: the KOERS_PUBLIC_URL setting.",
)
@click.option("--licence", default="CC-BY-4.0", show_default=True, help="CC-BY-4.0 or CC0-1.0.")
def build(base_url, licence) -> None:
    """Build every download and the page now, and make them the ones served."""
    setup_django()
    from koers.publication.build import build_open_data

    with click.progressbar(length=len(FORMATS), label="building", file=sys.stderr) as bar:
        report = build_open_data(
            base_url=base_url, licence_name=licence, progress=lambda name: bar.update(1)
        )
    if report.superseded:
        click.echo("a build that read newer data finished first; it stays current")
        return
    click.echo(
        f"{report.indicators} indicators, {report.rows} observations, {report.files} files "
        f"in {report.folder} ({report.seconds:.1f} s)"
    )
