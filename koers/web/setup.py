"""`koers init`: bring a database to a working state; safe to run any number of times."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.management import call_command

from koers.areas.builtin import load_builtin_areas
from koers.indicators.catalogue import load_catalogue
from koers.indicators.targets import load_targets
from koers.meetings.gremia import load_gremia
from koers.programme.loader import load_programme_definition


def initialise() -> Iterator[str]:
    """Migrate, then load the programme, the built-in areas, the starter catalogue and targets."""
    call_command("migrate", interactive=False, verbosity=0)
    yield "database migrated"
    changed = load_programme_definition()
    yield f"programme loaded ({changed} changes)"
    yield f"gremia loaded ({load_gremia()} bodies)"
    changed = load_builtin_areas()
    yield f"areas loaded ({changed} changes)"
    loaded = load_catalogue()
    yield f"indicator catalogue loaded ({len(loaded.created) + len(loaded.updated)} changes)"
    loaded = load_targets()
    yield f"targets loaded ({len(loaded.created) + len(loaded.updated)} changes)"
