"""IndicatorSpecs from the indicator catalogue YAML (koers/indicators/catalogue.yaml).

The Django side builds specs from its Indicator table; this reader serves tests,
benchmarks and the CLI before a database exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from koers.deliveries.ingest.validation.context import IndicatorSpec

CATALOGUE_PATH = Path(__file__).resolve().parents[3] / "indicators" / "catalogue.yaml"


def spec_from_entry(entry: dict[str, Any]) -> IndicatorSpec:
    """One catalogue indicator as an IndicatorSpec."""
    allowed: dict[str, frozenset[str]] = {}
    parents: dict[str, dict[str, str]] = {}
    for dim, spec in (entry.get("breakdowns") or {}).items():
        codes = spec.get("codes") or []
        allowed[dim] = frozenset(str(code["code"]) for code in codes)
        declared = {str(c["code"]): str(c["parent"]) for c in codes if c.get("parent")}
        if declared:
            parents[dim] = declared
    return IndicatorSpec(
        code=entry["code"],
        value_type=entry.get("value_type", "number"),
        minimum=entry.get("min"),
        maximum=entry.get("max"),
        periodicity=entry.get("periodicity"),
        breakdowns=allowed,
        parents=parents,
        decimals=entry.get("decimals"),
        area_rule=entry.get("area_rule") or "sum",
        time_rule=entry.get("time_rule") or "sum",
        unit=entry.get("unit"),
    )


def load_catalogue(path: Path | str = CATALOGUE_PATH) -> list[dict[str, Any]]:
    """The catalogue's indicator entries as plain dicts."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return list(data["indicators"])


def specs_from_catalogue(path: Path | str = CATALOGUE_PATH) -> dict[str, IndicatorSpec]:
    """Every catalogue indicator as an IndicatorSpec, by code."""
    return {entry["code"]: spec_from_entry(entry) for entry in load_catalogue(path)}
