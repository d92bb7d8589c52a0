"""`koers voorbeeld`: load or remove the example content (voorbeeldgegevens)."""

from __future__ import annotations

import click

from koers.cli.base import fail, setup_django


@click.group()
def voorbeeld() -> None:
    """Example content: two marked example work programmes, to show a working programme."""


@voorbeeld.command("laden")
@click.option(
    "--jaar", "year", type=int, help="Year of the example programmes (default: this year)."
)
def load(year: int | None) -> None:
    """Load the example work programmes (themes 2.1 and 2.3); run again to refresh them.

    Every page that shows them says "voorbeeldgegevens". A real work programme of the same
    theme and year is never touched.
    """
    setup_django()
    from koers.workprogramme.examples import ExampleError, load_examples

    try:
        loaded = load_examples(year=year)
    except ExampleError as exc:
        fail(f"example content not loaded (is the programme loaded? run koers init): {exc}")
    for item in loaded:
        if item.skipped:
            click.echo(f"work programme {item.theme} {item.year}: a real one exists, left alone")
        else:
            click.echo(
                f"work programme {item.theme} {item.year}: {item.activities} example activities"
            )


@voorbeeld.command("verwijderen")
def remove() -> None:
    """Remove every example record (real work programmes stay)."""
    setup_django()
    from koers.workprogramme.examples import remove_examples

    click.echo(f"{remove_examples()} example activities removed")
