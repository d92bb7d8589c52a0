"""`koers werkprogramma`: a work programme per theme and year, in and out of Excel."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from koers.cli.base import FORMAT_OPTION, echo_json, fail, setup_django


@click.group()
def werkprogramma() -> None:
    """Work programmes (werkprogramma's) per BAC theme and year: Excel in and out."""


@werkprogramma.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Store the changes without asking.")
@click.option("--dry-run", is_flag=True, help="Only show what would change; store nothing.")
@FORMAT_OPTION
def import_(path: Path, yes: bool, dry_run: bool, output_format: str) -> None:
    """Read a work programme from an .xlsx laid out like `koers werkprogramma export` writes.

    Every problem is listed (sheet, row, column, rule, value) and nothing is stored when
    there is one. Otherwise the changes against the stored programme are shown first and
    stored, all or nothing, after confirmation. Exits 1 when the file has errors.
    """
    setup_django()
    from koers.cli.findings_text import findings_lines
    from koers.workprogramme import importing

    parsed = importing.read(path)
    if not parsed.ok:
        findings = [f.to_dict() for f in parsed.findings]
        if output_format == "json":
            echo_json({"file": parsed.file, "stored": False, "findings": findings})
        else:
            counts = Counter(f.code for f in parsed.findings)
            click.echo(f"{parsed.file}: {len(parsed.errors)} errors, nothing stored")
            for line in findings_lines(findings, dict(counts)):
                click.echo(line)
        raise SystemExit(1)
    plan = importing.plan(parsed)
    if output_format == "text":
        _show(plan, parsed)
    store = plan.has_changes and not dry_run
    if store and not yes and output_format == "text":
        click.confirm("Store these changes?", abort=True)
    if store:
        try:
            importing.store(parsed, expected=plan.fingerprint)
        except importing.WorkbookRejected as exc:
            fail(str(exc))
    if output_format == "json":
        echo_json(
            {
                "file": parsed.file,
                "theme": plan.theme,
                "year": plan.year,
                "stored": store,
                "counts": plan.counts(),
                "changes": [
                    {"kind": c.kind, "code": c.code, "title": c.title, "row": c.row,
                     "fields": [vars(f) for f in c.fields]}
                    for c in plan.changes
                ],
                "findings": [f.to_dict() for f in parsed.findings],
            }
        )  # fmt: skip
    elif store:
        click.echo(f"stored work programme {plan.theme} {plan.year}")


def _show(plan, parsed) -> None:
    state = "new" if plan.new_programme else "existing"
    click.echo(f"work programme {plan.theme} {plan.year} ({state}): {plan.counts()}")
    for warning in parsed.warnings:
        click.echo(f"  warning: {warning.message_en}")
    if plan.title_change:
        click.echo(f"  title: {plan.title_change.old!r} -> {plan.title_change.new!r}")
    for change in plan.changes:
        click.echo(f"  {change.kind} {change.code} {change.title}")
        for field in change.fields:
            click.echo(f"      {field.column}: {field.old!r} -> {field.new!r}")
    if not plan.has_changes:
        click.echo("no changes")


@werkprogramma.command("export")
@click.option("--thema", "theme", required=True, help="Theme number, e.g. 2.1.")
@click.option("--jaar", "year", required=True, type=int, help="Year, e.g. 2026.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: werkprogramma-THEMA-JAAR.xlsx).",
)
def export(theme: str, year: int, out: Path | None) -> None:
    """Write a work programme as .xlsx, the layout `koers werkprogramma import` reads.

    Without a stored programme for that theme and year it writes the empty template.
    """
    setup_django()
    from koers.workprogramme import importing

    target = out or Path(f"werkprogramma-{theme}-{year}.xlsx")
    try:
        count = importing.export(target, theme=theme, year=year)
    except importing.WorkbookRejected as exc:
        fail(str(exc))
    click.echo(f"{target}: {count} activities")
