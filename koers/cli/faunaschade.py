"""``koers faunaschade``: decide a claim from a JSON file, compare the provinces' regimes.

Both work without a database: the rules are a plain library (koers/faunaschade/rules/).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from koers.cli.base import fail, setup_django

REGIMES = click.option(
    "--regimes",
    "regimes_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with regime files to use instead of the shipped ones (docs/faunaschade.md).",
)


def _regimes(regimes_dir: Path | None):
    from koers.faunaschade.rules.regime import RegimeError, load_regimes
    from koers.faunaschade.rules.shipped import shipped_regimes

    try:
        if regimes_dir is None:
            return shipped_regimes()
        return tuple(
            load_regimes(p for p in regimes_dir.glob("*.yaml") if p.name != "soorten.yaml")
        )
    except RegimeError as exc:
        fail(exc.message)


@click.group()
def faunaschade() -> None:
    """Wildlife-damage compensation: decide a claim, compare the provinces' regimes."""


@faunaschade.command("beslis")
@click.argument("claim_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--regime", "regime_id", help="Decide under this regime id instead of the one in force."
)
@REGIMES
def decide_claim(claim_file: Path, regime_id: str | None, regimes_dir: Path | None) -> None:
    """Print the decision on the claim in CLAIM_FILE as JSON, with every step and its article."""
    from koers.faunaschade.rules.calculation import decide
    from koers.faunaschade.rules.claim import ClaimError, read_claim
    from koers.faunaschade.rules.regime import regime_for
    from koers.faunaschade.rules.shipped import shipped_species

    try:
        data = json.loads(claim_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        fail(f"{claim_file.name}: geen geldige JSON ({exc})")
    try:
        claim = read_claim(data, shipped_species())
    except ClaimError as exc:
        fail(f"{claim_file.name}: {exc.message}")
    regimes = _regimes(regimes_dir)
    if regime_id:
        regime = next((r for r in regimes if r.id == regime_id), None)
        if regime is None:
            fail(f"regime {regime_id!r} bestaat niet; bekend: {', '.join(r.id for r in regimes)}")
    else:
        regime = regime_for(regimes, claim.province, claim.decisive_dates)
        if regime is None:
            fail(
                f"{claim_file.name}: geen regime voor {claim.province} op aanvraagdatum "
                f"{claim.applied_on.isoformat()} en schadedatum {claim.noticed_on.isoformat()}; "
                "kies er een met --regime, of vraag een behandelaar"
            )
    click.echo(json.dumps(decide(claim, regime).as_dict(), ensure_ascii=False, indent=2))


@faunaschade.command("regimes")
@click.option(
    "--datum",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Compare the regimes in force on this date (default: today).",
)
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a text table.")
@REGIMES
def compare_regimes(on, as_json: bool, regimes_dir: Path | None) -> None:
    """The provinces' regimes side by side: every parameter, "onbekend" where unknown."""
    from koers.faunaschade.rules.comparison import compare

    day = on.date() if on else date.today()
    rows = compare(_regimes(regimes_dir), day)
    if as_json:
        payload = {
            "datum": day.isoformat(),
            "parameters": [
                {
                    "parameter": key,
                    "naam": label,
                    "provincies": {
                        p: None if c is None else {"waarde": c.text, "bron": c.source, "tag": c.tag}
                        for p, c in row.items()
                    },
                }
                for key, label, row in rows
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"Regimes faunaschade op {day.isoformat()}")
    for _key, label, row in rows:
        click.echo(f"\n{label}")
        for province, cell in row.items():
            text = "geen regime bekend" if cell is None else f"{cell.text}  [{cell.source}]"
            click.echo(f"  {province}  {text}")


@faunaschade.command("opschonen")
def remove_personal_data() -> None:
    """Remove the personal data of claims closed longer ago than KOERS_FAUNASCHADE_RETENTION_DAYS.

    The figures (province, species, crop, amounts, dates) stay for the monitor.
    """
    setup_django()
    from koers.faunaschade.claims import remove_personal_data as remove

    click.echo(f"personal data removed from {remove()} claim(s)")


@faunaschade.command("aanleveren")
@click.option("--schadejaar", "year", required=True, help="The damage year, e.g. 2024/25.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The CSV to write (import it with `koers import FILE`; mapping koers-faunaschade).",
)
def deliver_claims(year: str, out: Path) -> None:
    """Write the taxed and paid damage of the decided claims of a damage year as a delivery
    file: per province, species and crop; cells of fewer than three claims confidential."""
    import re

    if not re.fullmatch(r"\d{4}/\d{2}", year) or int(year[5:]) != (int(year[:4]) + 1) % 100:
        fail(f"--schadejaar {year!r}: write the damage year as 2024/25")
    setup_django()
    from koers.faunaschade.delivery import claims_csv

    out.write_text(claims_csv(year), encoding="utf-8")
    click.echo(
        f"wrote {out}; import it with: koers import {out} --mapping {_mapping('koers-faunaschade')}"
    )


@faunaschade.command("jaarcijfers")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def yearly_totals(out: Path) -> None:
    """Write BIJ12's published yearly totals (with their sources in jaarcijfers.yaml) as a
    delivery file of reported national figures (mapping bij12-faunaschade-jaarcijfers)."""
    setup_django(needs_data=False)
    from koers.faunaschade.delivery import yearly_totals_csv

    out.write_text(yearly_totals_csv(), encoding="utf-8")
    mapping = _mapping("bij12-faunaschade-jaarcijfers")
    click.echo(f"wrote {out}; import it with: koers import {out} --mapping {mapping}")


def _mapping(name: str) -> Path:
    """The shipped mapping of a faunaschade delivery file."""
    return Path(__file__).resolve().parents[1] / "deliveries" / "mappings" / f"{name}.yaml"
