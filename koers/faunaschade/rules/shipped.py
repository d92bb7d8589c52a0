"""The regimes and the species vocabulary that ship in ``koers/faunaschade/regimes/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from koers.faunaschade.rules.claim import Species
from koers.faunaschade.rules.regime import Regime, load_regimes

REGIMES_DIR = Path(__file__).resolve().parent.parent / "regimes"


@cache
def shipped_regimes() -> tuple[Regime, ...]:
    return tuple(load_regimes(p for p in REGIMES_DIR.glob("*.yaml") if p.name != "soorten.yaml"))


@cache
def shipped_species() -> Species:
    data = yaml.safe_load((REGIMES_DIR / "soorten.yaml").read_text(encoding="utf-8"))
    return {code: tuple(entry.get("groups", ())) for code, entry in data.items()}


def species_names() -> dict[str, str]:
    data = yaml.safe_load((REGIMES_DIR / "soorten.yaml").read_text(encoding="utf-8"))
    return {code: entry["name"] for code, entry in data.items()}
