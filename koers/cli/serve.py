import os
import sys

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers", default=2, show_default=True, type=int, help="Gunicorn worker processes."
)
def serve(host: str, port: int, workers: int) -> None:
    """Serve the web application and API with gunicorn."""
    click.echo(f"Koers serving on http://{host}:{port}/ (stop with Ctrl-C)")
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
        ],
    )
