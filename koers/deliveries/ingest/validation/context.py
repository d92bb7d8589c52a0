"""What the checks need to know, handed in by the caller (the Django side builds it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from koers.deliveries.ingest.breakdown import TOTAL
from koers.deliveries.ingest.limits import IngestLimits

# (indicator, area, breakdown) -> earlier realisations as (period, value), any order.
HistoryLookup = Callable[[str, str, str], Sequence[tuple[str, float]]]


@dataclass(frozen=True)
class IndicatorSpec:
    """The part of a catalogue indicator that validation uses.

    `breakdowns` lists the allowed codes per dimension (include `_T`); `parents` says which
    code a part rolls up into when that is not the total, e.g. solar on roofs -> solar.
    """

    code: str
    value_type: str = "number"  # number | integer
    minimum: float | None = None
    maximum: float | None = None
    periodicity: str | None = None  # year | half_year | quarter | month; None: any
    breakdowns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    parents: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    decimals: int | None = None
    area_rule: str = "sum"  # breakdown parts add up only for `sum` (not means, ratios, medians)
    time_rule: str = "sum"  # `none`: every periodicity is its own series, kept as reported
    unit: str | None = None  # sets the default plausible range (validation/plausibility.py)

    @property
    def additive(self) -> bool:
        """Do breakdown parts add up to their total (a count or amount summed over areas)?"""
        return self.area_rule == "sum"

    def disallowed_part(self, parts: Mapping[str, str]) -> str | None:
        """The first `dim=code` of a parsed breakdown this indicator does not allow, or None."""
        for dim, code in sorted(parts.items()):
            if code not in self.breakdowns.get(dim, ()):
                return f"{dim}={code}"
        return None

    def parent_code(self, dim: str, code: str) -> str:
        """The code that `code` rolls up into within `dim` (the total unless declared)."""
        return self.parents.get(dim, {}).get(code, TOTAL)


@dataclass
class ValidationContext:
    """Known areas and indicators, the steward's scope, history, thresholds and limits."""

    known_areas: frozenset[str]
    indicators: Mapping[str, IndicatorSpec]
    allowed_areas: frozenset[str] | None = None  # None: every known area
    history: HistoryLookup | None = None
    jump_threshold: float = 0.5  # relative change that triggers a large_jump warning
    outlier_threshold: float = 3.5  # modified z-score (Iglewicz and Hoaglin)
    outlier_min_points: int = 5
    max_errors_per_rule: int = 100  # details kept per rule; counts stay exact
    limits: IngestLimits = field(default_factory=IngestLimits)
    today: dt.date | None = None  # None: the real date; realisations must lie before it
    temp_dir: str | None = None  # where the ledger spills; None: the system's temp folder

    def current_date(self) -> dt.date:
        return self.today or dt.date.today()
