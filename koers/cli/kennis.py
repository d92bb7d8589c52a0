"""``koers kennis``: load the areas of area processes (PPLG and others) from GeoJSON."""

from __future__ import annotations

from pathlib import Path

import click

from koers.cli.base import fail, setup_django


@click.group()
def kennis() -> None:
    """The knowledge base of the area processes (leren door te doen)."""


@kennis.command("gebieden")
@click.argument("geojson", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--provincie", required=True, help="The province that supplies the areas (PV20–PV31)."
)
def load_areas(geojson: Path, provincie: str) -> None:
    """Load the areas in GEOJSON (WGS84 or RD New) as areas of type gebied under a province.

    Each feature needs a name in its properties (`naam` or `name`) and may carry a `code`;
    an existing area with that code is updated. All or nothing.
    """
    setup_django()
    from koers.areas.models import Area
    from koers.knowledge.area_upload import AreaFileError, load_areas

    province = Area.objects.filter(code=provincie, type="provincie").first()
    if province is None:
        fail(f"--provincie {provincie!r} is geen provinciecode (PV20–PV31)")
    try:
        loaded = load_areas(
            geojson.read_text(encoding="utf-8"), province=province, origin=geojson.name
        )
    except (AreaFileError, UnicodeDecodeError) as exc:
        fail(getattr(exc, "message", str(exc)))
    click.echo(
        f"{len(loaded.created)} area(s) added, {len(loaded.updated)} updated under {provincie}"
    )
