from pathlib import Path

import click

from koers.cli.base import (
    FORMAT_OPTION,
    acting_user,
    actor_description,
    echo_json,
    fail,
    setup_django,
)


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Mapping file (YAML); not needed for a filled-in Koers template.",
)
@click.option("--province", help="Deliver for this province (e.g. PV25); limits the scope.")
@click.option(
    "--publish",
    is_flag=True,
    help="Also submit, approve and publish the delivery (for trusted sources such as CBS).",
)
@FORMAT_OPTION
def import_(
    path: Path, mapping: Path | None, province: str | None, publish: bool, output_format: str
) -> None:
    """Import a delivery file: validate it, keep the original and store its observations.

    All or nothing: a file with any error stores no observation. Exits 0 when the
    delivery was stored (and published, with --publish), 1 when it was rejected, and 3
    when --publish found nothing to publish because every value is published already.
    """
    setup_django()
    from koers.deliveries.reports import delivery_summary
    from koers.deliveries.storing import receive

    delivery = receive(
        path, mapping_path=mapping, province=province, channel="cli", user=acting_user()
    )
    nothing_to_publish = None
    if publish and delivery.status == "validated" and delivery.observations_created:
        from koers.deliveries.workflow import transition

        for status in ("submitted", "approved", "published"):
            delivery = transition(
                delivery, status, user=None, note=f"koers import --publish ({actor_description()})"
            )
    elif publish and delivery.status == "validated":
        nothing_to_publish = _already_published(delivery)
    summary = delivery_summary(delivery)
    if output_format == "json":
        echo_json(summary)
    else:
        click.echo(
            f"delivery {summary['delivery']}: {summary['status']}, {summary['rows']} rows, "
            f"{summary['observations_created']} observations created, "
            f"{summary['observations_superseded']} superseded"
            + (" (no changes)" if summary["no_changes"] else "")
        )
        from koers.cli.findings_text import findings_lines
        from koers.config import config

        for key in ("errors", "warnings"):
            counts = summary[key[:-1] + "_counts"]
            for line in findings_lines(summary[key], counts, language=config("KOERS_LANGUAGE")):
                click.echo(line, err=True)
    if summary["status"] == "rejected":
        raise SystemExit(1)
    if nothing_to_publish:
        click.echo(f"koers: nothing to publish: {nothing_to_publish}", err=True)
        raise SystemExit(3)


def _already_published(delivery) -> str:
    """Why ``--publish`` has nothing to do: every value of the file is published already."""
    from koers.deliveries.models import Delivery

    earlier = (
        Delivery.objects.filter(file=delivery.file, status="published")
        .exclude(pk=delivery.pk)
        .order_by("-pk")
        .first()
    )
    where = f"by delivery {earlier.pk}, the same file" if earlier else "by earlier deliveries"
    return f"every value in delivery {delivery.pk} is already published {where}"


@click.group()
def indicators() -> None:
    """Manage the indicator catalogue."""


@indicators.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def load(path: Path) -> None:
    """Create or update indicators from a catalogue file, or targets from a target file (YAML)."""
    setup_django()
    from koers.indicators.catalogue import load_catalogue
    from koers.indicators.targets import is_target_file, load_targets

    click.echo((load_targets if is_target_file(path) else load_catalogue)(path).summary())


@indicators.command("list")
@FORMAT_OPTION
def list_(output_format: str) -> None:
    """Print the indicators with their rules and status."""
    setup_django()
    from koers.indicators.queries import indicators_as_dicts

    rows = indicators_as_dicts()
    if output_format == "json":
        echo_json(rows)
        return
    for row in rows:
        click.echo(
            f"{row['code']:<32} {row['area_rule']:<13} {row['time_rule']:<5} {row['status']}"
        )


@click.command()
@click.option("--province", required=True, help="Province code, e.g. PV25.")
@click.option("--indicators", "codes", required=True, help="Comma-separated indicator codes.")
@click.option("--period", required=True, help="Period, e.g. 2024 or 2024-Q1.")
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["xlsx", "csv"]),
    default="xlsx",
    show_default=True,
    help="File format.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file.")
def template(province: str, codes: str, period: str, file_format: str, out: Path | None) -> None:
    """Write a template with exactly the rows a province is expected to fill in."""
    setup_django()
    from koers.deliveries.templates import write_template

    target = out or Path(f"koers-{province}-{period}.{file_format}")
    rows = write_template(
        target,
        province=province,
        indicators=codes.split(","),
        period=period,
        file_format=file_format,
    )
    click.echo(f"{target}: {rows} rows to fill in")


@click.command()
@click.option("--indicator", help="Only this indicator.")
@FORMAT_OPTION
def completeness(indicator: str | None, output_format: str) -> None:
    """Show expected, received, approved and late deliveries per province and indicator."""
    setup_django()
    from koers.deliveries.completeness import completeness_rows

    rows = completeness_rows(indicator=indicator)
    if output_format == "json":
        echo_json(rows)
        return
    if not rows:
        fail("no expected deliveries (is the indicator catalogue loaded?)")
    click.echo(f"{'indicator':<30} {'province':<8} {'period':<8} state")
    for row in rows:
        click.echo(f"{row['indicator']:<30} {row['province']:<8} {row['period']:<8} {row['state']}")
