import csv
import sys

import click

from koers.cli.base import FORMAT_OPTION, echo_json, fail, setup_django


def echo_finite_json(data) -> None:
    """JSON with null where a figure is not finite (an overflowed sum): Infinity is not JSON."""
    from koers.api.renderers import finite_only

    echo_json(finite_only(data))


@click.command()
@click.option("--indicator", "codes", multiple=True, help="Only this indicator (repeatable).")
def refresh(codes: tuple[str, ...]) -> None:
    """Recompute the materialised aggregates (all indicators, or the given ones)."""
    setup_django()
    from koers.analytics.store import refresh_indicators

    with click.progressbar(length=5, label="refreshing", file=sys.stderr) as bar:
        state = {"step": None}

        def progress(step: str, done: int, total: int) -> None:
            if step != state["step"]:
                state["step"] = step
                bar.update(1)

        report = refresh_indicators(list(codes) or None, progress=progress)
    click.echo(
        f"{len(report.indicators)} indicators, {report.rows} aggregates in {report.seconds:.2f} s"
    )


@click.command()
@click.option("--indicator", required=True, help="Indicator code.")
@click.option("--area", help="Area code, e.g. PV25 or NL01.")
@click.option("--level", help="Area level: land, provincie, gebied, res_regio, gemeente.")
@click.option("--period", help="Period code: 2023, 2023-Q4, 2023-03, 2023-H1 or 2015/2020.")
@click.option("--period-type", help="year, half_year, quarter, month or window.")
@click.option("--breakdown", "parts", multiple=True, help="DIM=CODE (repeatable); default total.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def query(indicator, area, level, period, period_type, parts, output_format) -> None:
    """Print materialised aggregates with value, coverage, reconciliation and lineage id."""
    setup_django()
    from koers.analytics.store import aggregates
    from koers.engine.breakdown import canonical_breakdown

    breakdown = canonical_breakdown(dict(p.split("=", 1) for p in parts)) if parts else "_T"
    rows = aggregates(
        indicator,
        area=area,
        level=level,
        period=period,
        period_type=period_type,
        breakdown=breakdown,
    ).to_pylist()
    if not rows:
        fail(f"no aggregates for {indicator} (run `koers refresh` after publishing data)")
    if output_format == "json":
        echo_finite_json(rows)
    elif output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    else:
        for r in rows:
            click.echo(query_line(r))


def query_line(r: dict) -> str:
    """One aggregate as text: the period as published, coverage ("as reported" where the rule
    is none) and, where a total was reported and computed, the reconciliation."""
    from koers.engine.periods import period_label

    coverage = (
        f"{r['coverage_count']}/{r['coverage_expected']}"
        if r["coverage_expected"] or r["reported_value"] is None
        else "as reported"
    )
    line = (
        f"{r['area']:<6} {period_label(r['period']):<10} {r['breakdown']:<24} "
        f"{r['value'] if r['value'] is not None else '—':>14} {coverage} {r['status']}"
    )
    if r["within_tolerance"] is not None:
        verdict = "ok" if r["within_tolerance"] else "OUTSIDE TOLERANCE"
        line += (
            f"  reported {r['reported_value']:g} computed {r['computed_value']:g} "
            f"difference {r['difference']:+.6g} (tolerance {r['tolerance']:g}, {verdict})"
        )
    return line


@click.command()
@click.option("--indicator", required=True, help="Indicator code.")
@click.option("--area", required=True, help="Area code, e.g. NL01.")
@FORMAT_OPTION
def progress(indicator: str, area: str, output_format: str) -> None:
    """Print status, value and forecast for each target of an indicator in an area."""
    setup_django()
    from koers.analytics.progress import STATUS_LABELS, progress_for
    from koers.indicators.models import Target

    targets = Target.objects.filter(indicator__code=indicator, area__code=area)
    if not targets:
        fail(f"no targets for {indicator} in {area}")
    results = [progress_for(t) for t in targets]
    if output_format == "json":
        echo_finite_json(results)
        return
    for r in results:
        line = (
            f"{r['indicator']} {r['area']}: {STATUS_LABELS[r['status']]} (value {r['value']:.3f})"
            if r["value"] is not None
            else f"{r['indicator']} {r['area']}: {STATUS_LABELS[r['status']]}"
        )
        if r["forecast"]:
            f = r["forecast"]
            line += f"; verwacht in {f['year']}: {f['value']:.4g}"
            if f["low"] is not None:
                line += f" ({f['low']:.4g}–{f['high']:.4g})"
        click.echo(line)


@click.command()
@click.argument("lineage_id")
@FORMAT_OPTION
def lineage(lineage_id: str, output_format: str) -> None:
    """Waar komt dit getal vandaan? List the observations behind an aggregate."""
    setup_django()
    from koers.analytics.lineage import trace_lineage

    result = trace_lineage(lineage_id)
    if output_format == "json":
        echo_finite_json(result)
        return
    agg = result["aggregate"] or {}
    click.echo(f"{lineage_id}: {agg.get('value')}")
    for o in result["observations"]:
        click.echo(
            f"  {o['role']:<10} {o['indicator']} {o['area']} {o['period']} "
            f"{o['value']}  ← {o['source_file']} row {o['source_row']} "
            f"(delivery {o['delivery_id']}, v{o['version']})"
        )
