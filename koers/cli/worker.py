import click

from koers.cli.base import setup_django


@click.command()
@click.option("--batch", is_flag=True, help="Run every job that is waiting, then stop.")
@click.option(
    "--interval",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0.05),
    help="Seconds between looks at an empty queue.",
)
def worker(batch: bool, interval: float) -> None:
    """Run the job queue: imports, refreshes and open-data builds.

    On start it repairs what a crash left (interrupted imports, jobs of a worker that
    died). Ctrl-C or SIGTERM lets the job in hand finish; a second Ctrl-C stops at once.
    """
    setup_django()
    from koers.jobs.worker import run_worker

    run_worker(batch=batch, interval=interval, echo=click.echo)
