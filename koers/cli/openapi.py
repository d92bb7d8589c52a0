from pathlib import Path

import click

from koers.cli.base import fail, setup_django


@click.command()
@click.option("--check", is_flag=True, help="Only compare; exit 1 when the committed copy drifts.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The committed document (default: docs/api/openapi.yaml in the source tree).",
)
def openapi(check: bool, output: Path | None) -> None:
    """Write the OpenAPI document of /api/v1 to docs/api/openapi.yaml, or check it (CI)."""
    setup_django(needs_data=False)
    from koers.api.openapi import COMMITTED, drift, write_committed

    path = output or COMMITTED
    if check:
        changed = drift(path)
        if changed:
            fail(
                f"{path} differs from the served OpenAPI document in: {', '.join(changed)}; "
                "run `koers openapi` and commit the result"
            )
        click.echo(f"{path} matches the served OpenAPI document")
        return
    click.echo(f"wrote {write_committed(path)}")
