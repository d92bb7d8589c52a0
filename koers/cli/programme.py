from pathlib import Path

import click

from koers.cli.base import FORMAT_OPTION, echo_json, setup_django


@click.group()
def programme() -> None:
    """Show the programme, or import its official texts."""


@programme.command("show")
@FORMAT_OPTION
def show(output_format: str) -> None:
    """Print the themes, goals, principles and collaboration functions."""
    setup_django()
    from koers.programme.queries import current_programme, programme_as_dict

    data = programme_as_dict(current_programme())
    if output_format == "json":
        echo_json(data)
        return
    click.echo(f"{data['name']} ({data['period'][0]}–{data['period'][1]})")
    for theme in data["themes"]:
        click.echo(f"\n{theme['number']} {theme['name']}")
        for goal in theme["goals"]:
            click.echo(f"  {goal['number']}  {goal['text'] or goal['title']}")


@programme.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@FORMAT_OPTION
def import_(path: Path, output_format: str) -> None:
    """Read the official texts from a text export of the Bestuursprogramma.

    Re-importing the same document changes nothing; a changed document adds new goal
    versions for exactly the goals whose text changed.
    """
    setup_django()
    from koers.programme.importer import import_programme_text

    result = import_programme_text(path)
    if output_format == "json":
        echo_json(result.as_dict())
    else:
        click.echo(result.summary())
