"""Shared plumbing for CLI commands: Django start-up, output formats and failure."""

from __future__ import annotations

import json
import os
import sys
from typing import NoReturn

import click

FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output as readable text or as JSON.",
)


#: Key in click's shared ``ctx.meta``: the user name given with ``koers --as``.
ACTING_AS = "koers.acting_as"


def setup_django(*, needs_data: bool = True) -> None:
    """Start Django once, on first use, so `--help` stays instant; then name the actor of
    every audit entry this command makes (``koers --as USER``, else the OS account).

    A command that reads or writes data first checks that the data exists (startup.py);
    `koers init`, `restore` and `openapi` pass ``needs_data=False``."""
    import django
    from django.apps import apps

    if not apps.ready:
        from koers.cli.startup import require_database_tables, require_local_data

        if needs_data:
            require_local_data()
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
        django.setup()
        if needs_data:
            require_database_tables()
    ctx = click.get_current_context(silent=True)
    if ctx is not None and not ctx.meta.get("koers.audit_actor_set"):
        from koers.accounts.audit import command_line_actor

        ctx.meta["koers.audit_actor_set"] = True
        ctx.with_resource(command_line_actor(acting_user()))


def acting_user():
    """The Koers user given with ``koers --as USER``, or None."""
    ctx = click.get_current_context(silent=True)
    username = ctx.meta.get(ACTING_AS) if ctx is not None else None
    if not username:
        return None
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        fail(f"--as {username}: no active Koers user with that name")
    return user


def actor_description() -> str:
    """The person behind this command in words: ``--as`` user, else ``cli:<os account>``."""
    user = acting_user()
    if user is not None:
        return user.username
    from koers.accounts.audit import command_line_details

    return f"cli:{command_line_details()['os_gebruiker']}"


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def fail(message: str) -> NoReturn:
    click.echo(f"koers: error: {message}", err=True)
    sys.exit(1)
