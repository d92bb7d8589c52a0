"""`koers deliveries list` and `koers publish`: a delivery's place in the workflow."""

from __future__ import annotations

import click

from koers.cli.base import FORMAT_OPTION, echo_json, fail, setup_django


@click.group()
def deliveries() -> None:
    """List deliveries and their place in the workflow."""


@deliveries.command("list")
@click.option("--status", help="Only deliveries with this status (e.g. approved).")
@click.option("--province", help="Only deliveries for this province (e.g. PV25).")
@click.option("--limit", default=50, show_default=True, type=int, help="At most this many.")
@FORMAT_OPTION
def list_(status: str | None, province: str | None, limit: int, output_format: str) -> None:
    """Print the newest deliveries: number, status, province, file and counts."""
    setup_django()
    from koers.deliveries.models import Delivery
    from koers.deliveries.reports import delivery_summary

    rows = Delivery.objects.select_related("file", "province")
    if status:
        rows = rows.filter(status=status)
    if province:
        rows = rows.filter(province__code=province)
    summaries = [delivery_summary(d) for d in rows[: max(limit, 0)]]
    if output_format == "json":
        echo_json(
            [{k: v for k, v in s.items() if k not in {"errors", "warnings"}} for s in summaries]
        )
        return
    if not summaries:
        click.echo("no deliveries")
        return
    click.echo(f"{'#':>6}  {'status':<10} {'province':<8} {'created':>9}  file")
    for s in summaries:
        click.echo(
            f"{s['delivery']:>6}  {s['status']:<10} {s['province'] or '-':<8} "
            f"{s['observations_created']:>9}  {s['file']}"
        )


@click.command()
@click.argument("delivery_id", type=int, metavar="DELIVERY")
@click.option("--note", default="koers publish", show_default=True, help="Recorded with the step.")
def publish(delivery_id: int, note: str) -> None:
    """Publish a delivery that has been validated and approved (see `koers deliveries list`)."""
    setup_django()
    from koers.cli.base import acting_user
    from koers.deliveries.models import Delivery
    from koers.deliveries.workflow import WorkflowError, transition

    delivery = Delivery.objects.filter(pk=delivery_id).first()
    if delivery is None:
        fail(f"delivery {delivery_id} does not exist (see `koers deliveries list`)")
    if delivery.status != "approved":
        fail(
            f"delivery {delivery_id} is {delivery.status}; only an approved delivery can be "
            "published (it needs submitting and a second person's approval first)"
        )
    try:
        delivery = transition(delivery, "published", user=acting_user(), note=note)
    except WorkflowError as exc:
        fail(str(exc))
    click.echo(f"delivery {delivery.pk}: published")
