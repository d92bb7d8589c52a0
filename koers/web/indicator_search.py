"""Search and filters of the public indicator list: one GET form, no JavaScript needed.

`IndicatorSearch.from_query()` reads the form; `search_indicators()` applies it to the
public indicators and their newest national figures, and offers the choices of each filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from koers.engine.periods import parse_period
from koers.indicators.models import Indicator, Periodicity

HAS_TARGET = {"ja": True, "nee": False}


@dataclass(frozen=True)
class IndicatorSearch:
    """What the visitor asked for; empty fields filter nothing."""

    text: str = ""
    theme: str = ""  # theme number, e.g. "2.1"
    goal: str = ""  # goal number, e.g. "2.1.2"
    source: str = ""  # source producer, e.g. "CBS"
    frequency: str = ""  # a Periodicity value
    target: str = ""  # "ja" | "nee" | ""
    updated_since: int | None = None  # newest figure from this year or later

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> IndicatorSearch:
        """Read the GET form (`zoek`, `thema`, `doel`, `bron`, `frequentie`, `streefwaarde`,
        `bijgewerkt`); unknown values are ignored, never an error."""
        since = (query.get("bijgewerkt") or "").strip()
        target = (query.get("streefwaarde") or "").strip()
        frequency = (query.get("frequentie") or "").strip()
        return cls(
            text=(query.get("zoek") or "").strip()[:100],
            theme=(query.get("thema") or "").strip(),
            goal=(query.get("doel") or "").strip(),
            source=(query.get("bron") or "").strip(),
            frequency=frequency if frequency in Periodicity.values else "",
            target=target if target in HAS_TARGET else "",
            updated_since=int(since) if since.isdigit() and len(since) == 4 else None,
        )

    @property
    def active(self) -> bool:
        return any(
            (self.text, self.theme, self.goal, self.source, self.frequency, self.target)
        ) or (self.updated_since is not None)

    def matches(self, indicator: Indicator, latest: dict | None, *, has_target: bool) -> bool:
        goals = list(indicator.goals.all())
        if self.text and not _contains_text(indicator, self.text):
            return False
        if self.theme and not any(g.theme.number == self.theme for g in goals):
            return False
        if self.goal and not any(g.number == self.goal for g in goals):
            return False
        if self.source and indicator.source_producer != self.source:
            return False
        if self.frequency and indicator.periodicity != self.frequency:
            return False
        if self.target and HAS_TARGET[self.target] != has_target:
            return False
        return self.updated_since is None or (
            latest is not None and newest_year(latest) >= self.updated_since
        )


def _contains_text(indicator: Indicator, text: str) -> bool:
    """Every word appears in the code, the name or the description (either language)."""
    haystack = " ".join(
        (
            indicator.code,
            indicator.name,
            indicator.name_en,
            indicator.description,
            indicator.description_en,
            indicator.source_table,
        )
    ).casefold()
    return all(word in haystack for word in text.casefold().split())


def newest_year(latest: dict) -> int:
    """The calendar year in which the newest figure's period ends."""
    return parse_period(latest["period"]).end.year


@dataclass
class SearchResult:
    search: IndicatorSearch
    found: list[Indicator]
    themes: list[tuple[str, str]] = field(default_factory=list)
    goals: list[tuple[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    frequencies: list[tuple[str, str]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    target_choices = (("", _("alle")), ("ja", _("met streefwaarde")), ("nee", _("zonder")))


def search_indicators(
    indicators: Iterable[Indicator],
    latest: Mapping[str, dict | None],
    *,
    with_target: set[int],
    search: IndicatorSearch,
) -> SearchResult:
    """The indicators that match, and the choices each filter offers (from all indicators).

    `indicators` come with `goals__theme` prefetched; `latest` maps a code to its newest
    national figure; `with_target` holds the ids of indicators that have a target.
    """
    indicators = list(indicators)
    found = [
        i
        for i in indicators
        if search.matches(i, latest.get(i.code), has_target=i.pk in with_target)
    ]
    goals = {g.number: g for i in indicators for g in i.goals.all()}
    themes = {g.theme.number: g.theme for g in goals.values()}
    used = {i.periodicity for i in indicators}
    return SearchResult(
        search=search,
        found=found,
        themes=[(n, f"{n} {themes[n].label}") for n in sorted(themes, key=_number_key)],
        goals=[(n, f"{n} {goals[n].label}") for n in sorted(goals, key=_number_key)],
        sources=sorted({i.source_producer for i in indicators if i.source_producer}),
        frequencies=[(value, label) for value, label in Periodicity.choices if value in used],
        years=sorted({newest_year(row) for row in latest.values() if row}, reverse=True),
    )


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())
