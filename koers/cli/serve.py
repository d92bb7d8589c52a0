"""`koers serve`: production-like by default; `--dev` turns DEBUG on and says so."""

from __future__ import annotations

import errno
import os
import socket
import sys

import click

from koers.cli.base import fail
from koers.cli.startup import require_database_tables, require_local_data
from koers.config import config

DEBUG_WARNING = (
    "DEBUG staat aan (--dev): foutpagina's tonen broncode, instellingen en alle URL's. "
    "Nooit op een openbaar adres gebruiken."
)


def check_settings() -> bool:
    """Load the Django settings once, so a missing secret key fails here, in one line,
    before any worker starts. Returns whether DEBUG is on."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
    from django.conf import settings

    return bool(settings.DEBUG)


def check_port(host: str, port: int) -> None:
    """Fail in one line when another program already listens on ``host:port``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # gunicorn binds with SO_REUSEADDR too, so a socket in TIME_WAIT is no conflict.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                fail(f"port {port} on {host} is already in use; choose another with --port")
            fail(f"cannot listen on {host}:{port}: {exc.strerror}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers", default=2, show_default=True, type=int, help="Gunicorn worker processes."
)
@click.option(
    "--dev",
    is_flag=True,
    help="Development: DEBUG on (tracebacks and URL lists on error pages). "
    "Refused with KOERS_ENV=production.",
)
def serve(host: str, port: int, workers: int, dev: bool) -> None:
    """Serve the web application and API with gunicorn (DEBUG off unless --dev)."""
    if dev and config("KOERS_ENV") == "production":
        fail("--dev cannot be used with KOERS_ENV=production")
    require_local_data()  # before the settings, which would create an empty data folder
    debug = check_settings() or dev
    check_port(host, port)
    require_database_tables()
    if debug:
        click.echo(DEBUG_WARNING)
    click.echo(f"Koers serving on http://{host}:{port}/ (stop with Ctrl-C)")
    sys.stdout.flush()
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "koers.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
            "--timeout",
            "120",
            # The workers' settings read it through koers.config, like every setting.
            *(["--env", "KOERS_DEBUG=true"] if dev else []),
        ],
    )
