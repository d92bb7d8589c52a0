from pathlib import Path

import click

from koers.cli.base import FORMAT_OPTION, echo_json, setup_django


@click.group()
def areas() -> None:
    """List areas or import their boundaries."""


@areas.command("list")
@FORMAT_OPTION
def list_(output_format: str) -> None:
    """Print every area with its type and codes (CBS, NUTS2, TOOI)."""
    setup_django()
    from koers.areas.queries import areas_as_dicts

    rows = areas_as_dicts()
    if output_format == "json":
        echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['code']:<6} {row['type']:<12} {row['nuts2'] or '-':<5} {row['name']}")


@areas.command("import-boundaries")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--crs",
    type=click.Choice(["EPSG:28992", "EPSG:4326"]),
    default=None,
    help="Coordinate system of the file; detected from the file or its coordinates if omitted.",
)
def import_boundaries(path: Path, crs: str | None) -> None:
    """Store GeoJSON boundaries (RD New or WGS84) on the areas with matching codes."""
    setup_django()
    from koers.areas.boundaries import import_boundaries as run

    result = run(path, crs=crs)
    click.echo(f"{len(result.updated)} boundaries imported from {path} ({result.crs})")


@areas.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def load(path: Path) -> None:
    """Create or update areas and their parents, with validity dates (docs/areas.md)."""
    setup_django()
    from koers.areas.builtin import load_area_file

    click.echo(f"{load_area_file(path)} changes")
