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


def setup_django() -> None:
    """Start Django once, on first use, so `--help` stays instant."""
    import django
    from django.apps import apps

    if not apps.ready:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
        django.setup()


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def fail(message: str) -> NoReturn:
    click.echo(f"koers: error: {message}", err=True)
    sys.exit(1)
