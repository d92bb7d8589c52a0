"""The ``koers`` command: a thin click group; each command delegates to an app function."""

from __future__ import annotations

import sys

import click

from koers.cli.analytics import lineage, progress, query, refresh
from koers.cli.areas import areas
from koers.cli.backup import backup, restore
from koers.cli.base import ACTING_AS, fail
from koers.cli.deliveries import completeness, import_, indicators, template
from koers.cli.doctor import doctor
from koers.cli.export import export, open_data
from koers.cli.faunaschade import faunaschade
from koers.cli.init import init
from koers.cli.kennis import kennis
from koers.cli.openapi import openapi
from koers.cli.overleg import overleg
from koers.cli.programme import programme
from koers.cli.rapportage import rapportage
from koers.cli.serve import serve
from koers.cli.tokens import tokens
from koers.cli.users import users
from koers.cli.voorbeeld import voorbeeld
from koers.cli.werkprogramma import werkprogramma
from koers.cli.worker import worker
from koers.cli.workflow import deliveries, publish


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="koers")
@click.option(
    "--as",
    "acting_as",
    metavar="USER",
    help="Koers user recorded as the actor of every change (audit log, deliveries); "
    "without it the operating-system account is recorded.",
)
@click.pass_context
def cli(ctx: click.Context, acting_as: str | None) -> None:
    """Koers: the programme and monitoring platform of the twelve Dutch provinces.

    Without a command, `koers` serves the web application (same as `koers serve`).
    """
    ctx.meta[ACTING_AS] = acting_as
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


for command in (
    serve, init, programme, areas, indicators, import_, template, completeness,
    refresh, query, progress, lineage, openapi, export, open_data,
):  # fmt: skip
    cli.add_command(command)
cli.add_command(backup)
cli.add_command(restore)
cli.add_command(worker)
cli.add_command(tokens)
cli.add_command(users)
cli.add_command(doctor)
cli.add_command(deliveries)
cli.add_command(publish)
cli.add_command(rapportage)
cli.add_command(werkprogramma)
cli.add_command(voorbeeld)
cli.add_command(faunaschade)
cli.add_command(kennis)
cli.add_command(overleg)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: errors become one line on stderr and exit code 1."""
    try:
        code = cli.main(args=argv, prog_name="koers", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        fail("aborted")
    except Exception as exc:  # noqa: BLE001 - the one place that turns any error into a line
        fail(f"{exc}" if getattr(exc, "code", None) else f"{type(exc).__name__}: {exc}")
    sys.exit(code if isinstance(code, int) else 0)
