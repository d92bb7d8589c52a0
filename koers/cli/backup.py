"""`koers backup DIR` and `koers restore DIR`: thin wrappers over koers.backup.archive."""

from __future__ import annotations

from pathlib import Path

import click

from koers.cli.base import FORMAT_OPTION, echo_json, setup_django


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@FORMAT_OPTION
def backup(folder: Path, output_format: str) -> None:
    """Back up the database, the kept original files and the analytics store into FOLDER.

    Safe while Koers runs: the database is copied from one consistent snapshot (SQLite's
    online backup, or pg_dump), then exactly the original files that snapshot names.
    FOLDER must be new or empty; manifest.json lists every file with its sha256.
    """
    setup_django()
    from dataclasses import asdict

    from koers.backup.archive import backup as take_backup

    summary = take_backup(folder)
    if output_format == "json":
        echo_json(asdict(summary))
        return
    click.echo(
        f"backup in {folder}: database ({summary.database}), {summary.files} original "
        f"files, {summary.analytics_files} analytics files"
    )
    for sha in summary.missing_files:
        click.echo(f"warning: original {sha} was removed before it could be copied", err=True)


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite a data folder or database with data.")
@FORMAT_OPTION
def restore(folder: Path, force: bool, output_format: str) -> None:
    """Restore a backup made by `koers backup` into this (empty) instance.

    Checks every sha256 in the manifest first. Refuses a data folder or database that
    already holds data unless --force. Then runs the recovery (`koers doctor`) and a
    full refresh of the analytics.
    """
    setup_django(needs_data=False)
    from dataclasses import asdict

    from koers.backup.archive import restore as restore_backup

    summary = restore_backup(folder, force=force)
    if output_format == "json":
        echo_json(asdict(summary))
        return
    click.echo(
        f"restored from {folder}: database ({summary.database}), {summary.files} original "
        f"files, {summary.analytics_files} analytics files; analytics refreshed"
        + ("; open-data build queued for the worker" if summary.open_data_queued else "")
    )
    for line in summary.recovery:
        click.echo(line)
