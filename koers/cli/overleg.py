"""`koers overleg`: the bodies of IPO, follow-up reminders and the search index."""

from __future__ import annotations

import click

from koers.cli.base import setup_django


@click.group()
def overleg() -> None:
    """Meetings and positions (Overleg): bodies, follow-up reminders, search index."""


@overleg.command("gremia")
def gremia() -> None:
    """Create the IPO bodies where missing: IPO-bestuur, ALV, the Huis and one BAC per theme."""
    setup_django()
    from koers.meetings.gremia import load_gremia

    click.echo(f"{load_gremia()} gremia")


@overleg.command("herinneren")
def herinneren() -> None:
    """E-mail each province's stewards the follow-up steps that are overdue.

    A step is overdue KOERS_FOLLOW_UP_DUE_DAYS after its meeting. Run it daily (cron or a
    timer); the e-mails go through Django's e-mail backend (the console in development).
    """
    setup_django()
    from koers.meetings.followup import send_reminders

    click.echo(f"{send_reminders()} reminder e-mails sent")


@overleg.command("herindexeren")
def herindexeren() -> None:
    """Rebuild the search index of every registered kind (meetings, positions, documents …)."""
    setup_django()
    from koers.search.service import reindex

    click.echo(f"{reindex()} documents indexed")
