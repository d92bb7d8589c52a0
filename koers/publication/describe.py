"""What the catalogue says about a published indicator, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from koers.engine.periods import parse_period
from koers.indicators.models import Indicator


@dataclass(frozen=True)
class IndicatorInfo:
    """One dataset: an indicator's metadata plus what its published data covers."""

    code: str
    name: dict[str, str]
    description: dict[str, str]
    unit: str
    unit_multiplier: int
    decimals: int
    periodicity: str
    status: str
    #: dimension → [{"code": ..., "name": {"nl": ..., "en": ...}}], always with _T
    breakdowns: dict[str, list[dict]]
    source_producer: str
    source_table: str
    method: str
    owner: str
    themes: tuple[str, ...]
    rows: int = 0
    periods: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: who made the figures: (name, government identifier or None)
    creators: tuple[tuple[str, str | None], ...] = ()
    last_published: datetime | None = None

    def label(self, language: str) -> str:
        return self.name.get(language) or self.name["nl"]

    @property
    def source_label(self) -> str:
        return " ".join(p for p in (self.source_producer, self.source_table) if p)

    @property
    def temporal(self) -> tuple[date, date] | None:
        """First and last day covered by the published periods."""
        if not self.periods:
            return None
        parsed = [parse_period(p) for p in self.periods]
        return min(p.start for p in parsed), max(p.end for p in parsed)


def _code_lists(breakdowns: dict) -> dict[str, list[dict]]:
    out = {}
    for dim, spec in sorted((breakdowns or {}).items()):
        codes = [
            {"code": str(c["code"]), "name": dict(c.get("name") or {"nl": str(c["code"])})}
            for c in (spec or {}).get("codes", [])
        ]
        if not any(c["code"] == "_T" for c in codes):
            codes.insert(0, {"code": "_T", "name": {"nl": "Totaal", "en": "Total"}})
        out[dim] = codes
    return out


def describe_indicators(codes: list[str]) -> dict[str, IndicatorInfo]:
    """IndicatorInfo for each code, read from the indicator catalogue in one query."""
    out = {}
    for ind in Indicator.objects.filter(code__in=codes).prefetch_related("goals__theme"):
        out[ind.code] = IndicatorInfo(
            code=ind.code,
            name={"nl": ind.name, "en": ind.name_en or ind.name},
            description={
                "nl": ind.description or ind.name,
                "en": ind.description_en or ind.name_en or ind.description or ind.name,
            },
            unit=ind.unit,
            unit_multiplier=ind.unit_multiplier,
            decimals=ind.decimals,
            periodicity=ind.periodicity,
            status=ind.status,
            breakdowns=_code_lists(ind.breakdowns),
            source_producer=ind.source_producer,
            source_table=ind.source_table,
            method=ind.method,
            owner=ind.owner,
            themes=tuple(sorted({g.theme.number for g in ind.goals.all()})),
        )
    return out
