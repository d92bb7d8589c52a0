import click

from koers.cli.base import setup_django


@click.command()
def init() -> None:
    """Migrate the database and load the programme, areas and starter indicator catalogue.

    Idempotent: running it again changes nothing.
    """
    setup_django(needs_data=False)
    from koers.web.setup import initialise

    for line in initialise():
        click.echo(line)
