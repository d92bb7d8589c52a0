import click

from koers.cli.base import FORMAT_OPTION, echo_json, setup_django


@click.command()
@click.option("--check", is_flag=True, help="Only report what is wrong; change nothing.")
@FORMAT_OPTION
def doctor(check: bool, output_format: str) -> None:
    """Find and repair what a crash left behind.

    Interrupted imports become `failed` (their rows are removed); stored files nobody
    refers to, originals past their retention and temporary folders of dead processes are
    removed, and so are finished jobs past KOERS_JOB_RETENTION_DAYS; each repair is
    written to the audit log. Exits 0 when all is well or repaired. With --check nothing
    changes, and the exit code is 1 when something is wrong.
    """
    setup_django()
    from koers.deliveries.recovery import recover
    from koers.jobs.retention import clean_finished_jobs

    result = recover(repair=not check)
    jobs = clean_finished_jobs(repair=not check)  # housekeeping: never makes --check fail
    if output_format == "json":
        echo_json({**result.to_dict(), "jobs": jobs.to_dict()})
    else:
        for line in result.lines() + jobs.lines():
            click.echo(line)
        if result.waiting:
            waiting = ", ".join(f"#{pk}" for pk in result.waiting)
            click.echo(f"waiting for a worker (not an error): {waiting}")
        if result.clean:
            click.echo("all is well: no interrupted imports, orphan files or temporary folders")
    if check and not result.clean:
        raise SystemExit(1)
