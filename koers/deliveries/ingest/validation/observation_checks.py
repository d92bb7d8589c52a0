"""Checks on every observation: indicator, value kind, status, number type, periodicity,
breakdown codes, plausible range and (for realisations) a period that is over, each
against the indicator's spec in the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.breakdown import parse_breakdown
from koers.deliveries.ingest.codes import fill_false, map_unique, map_unique_pairs
from koers.deliveries.ingest.errors import BreakdownError, PeriodCodeError
from koers.deliveries.ingest.observations import Segment
from koers.deliveries.ingest.period_types import NAMES_EN, NAMES_NL, computable_from
from koers.deliveries.ingest.periods import period_end, periodicity
from koers.deliveries.ingest.schema import STATUS_WORDS, VALUE_KIND_WORDS
from koers.deliveries.ingest.validation.findings import CheckContext, Finding, ObservationCheck
from koers.deliveries.ingest.validation.plausibility import plausible_range, range_text
from koers.deliveries.ingest.validation.rules import (
    DecimalComma,
    OutOfRange,
    PeriodNotEnded,
    RequiredValueMissing,
    UnknownBreakdownCode,
    UnknownIndicator,
    UnknownStatus,
    UnknownValueKind,
    WrongPeriodicity,
    WrongType,
)
from koers.deliveries.ingest.validation.suggestions import suggestion_texts
from koers.deliveries.ingest.values import DECIMAL_COMMA

_PERIODICITY_NL = NAMES_NL


class IndicatorCodes:
    """A per-row indicator must be given and be in the catalogue."""

    def check(self, segment: Segment, context: CheckContext) -> Iterator[Finding]:
        column = segment.spec.indicator_column
        if column is None:
            return  # a constant indicator is checked once, against the header
        indicator = segment.column("indicator")
        known = pa.array(sorted(context.validation.indicators), pa.string())
        yield Finding(RequiredValueMissing, pc.is_null(indicator), column, "")
        unknown = pc.and_(pc.is_valid(indicator), pc.invert(pc.is_in(indicator, known)))
        params = _suggestions(indicator, known) if pc.any(unknown).as_py() else {}
        yield Finding(UnknownIndicator, unknown, column, indicator, params)


def _suggestions(codes: pa.Array, known: pa.Array) -> dict[str, pa.Array]:
    """Per row "Bedoelt u 'X'?" (and English) for codes close to a known one."""
    names = known.to_pylist()
    texts = map_unique(codes, lambda code: suggestion_texts(code, names)[0], pa.string())
    texts_en = map_unique(codes, lambda code: suggestion_texts(code, names)[1], pa.string())
    return {"suggestion_nl": texts, "suggestion_en": texts_en}


class ValueKindAndStatus:
    """Value kind and status words must be ones Koers knows (Dutch or English)."""

    def check(self, segment: Segment, context: CheckContext) -> Iterator[Finding]:
        spec = segment.spec
        for column, raw_name, words, error in (
            (spec.value_kind_column, "_value_kind_raw", VALUE_KIND_WORDS, UnknownValueKind),
            (spec.status_column, "_status_raw", STATUS_WORDS, UnknownStatus),
        ):
            if column:
                raw = segment.column(raw_name)
                unknown = map_unique(raw, _unknown_word(words), pa.bool_())
                yield Finding(error, unknown, column, raw)


def _unknown_word(words: dict[str, str]):
    def unknown(text: str) -> bool:
        key = text.strip().lower()
        return bool(key) and key not in words

    return unknown


class NumberType:
    """A value cell holds a number (a whole number for integer indicators) or is blank."""

    def check(self, segment: Segment, context: CheckContext) -> Iterator[Finding]:
        column, raw = segment.spec.column, segment.column("raw_value")
        bad = segment.column("_bad_number")
        if context.mapping.format.decimal == "." and pc.any(bad).as_py():
            comma = fill_false(
                pc.match_substring_regex(pc.utf8_trim_whitespace(raw), DECIMAL_COMMA)
            )
            point = map_unique(raw, _with_point, pa.string())
            yield Finding(DecimalComma, pc.and_(bad, comma), column, raw, {"point": point})
            bad = pc.and_(bad, pc.invert(comma))
        text = {"expected_nl": "getal", "expected_en": "a number"}
        yield Finding(WrongType, bad, column, raw, text)
        indicators = segment.column("indicator")
        whole_only = [code for code in _present(indicators) if _spec(context, code, "integer")]
        if not whole_only:
            return
        value = segment.column("value")
        integer = pc.is_in(indicators, pa.array(whole_only, pa.string()))
        fraction = pc.not_equal(value, pc.floor(value))
        text = {"expected_nl": "geheel getal", "expected_en": "a whole number"}
        yield Finding(WrongType, pc.and_(integer, fill_false(fraction)), column, raw, text)


def _with_point(text: str | None) -> str | None:
    """12,5 -> 12.5 and 1.234,5 -> 1234.5: the number as the file's notation wants it."""
    return text.strip().replace(".", "").replace(",", ".") if text else text


def _present(indicators: pa.Array) -> list[str]:
    return [code for code in pc.unique(indicators).to_pylist() if code is not None]


def _spec(context: CheckContext, code: str, value_type: str) -> bool:
    spec = context.validation.indicators.get(code)
    return spec is not None and spec.value_type == value_type


class Periodicity:
    """The period must be of the indicator's periodicity (a yearly indicator takes 2023).

    A coarser period the time rule can compute (the year next to its months) is a reported
    total over time; with time rule `none` every periodicity is its own series.
    """

    def check(self, segment: Segment, context: CheckContext) -> Iterator[Finding]:
        specs = context.validation.indicators

        def expected_if_wrong(indicator: str | None, period: str | None) -> str | None:
            spec = specs.get(indicator) if indicator and period else None
            if spec is None or spec.periodicity is None or periodicity(period) == spec.periodicity:
                return None
            if spec.time_rule == "none" or computable_from(periodicity(period), spec.periodicity):
                return None
            return spec.periodicity

        indicator, period = segment.column("indicator"), segment.column("period")
        expected = map_unique_pairs(indicator, period, expected_if_wrong, pa.string())
        actual = map_unique(period, lambda p: p and periodicity(p), pa.string())
        params = {
            "indicator": indicator,
            "expected": map_unique(expected, lambda e: _PERIODICITY_NL.get(e, e), pa.string()),
            "actual": map_unique(actual, lambda a: _PERIODICITY_NL.get(a, a), pa.string()),
            # one language per message: the English text gets English period names
            "expected_en": map_unique(expected, lambda e: NAMES_EN.get(e, e), pa.string()),
            "actual_en": map_unique(actual, lambda a: NAMES_EN.get(a, a), pa.string()),
        }
        column = context.mapping.period.column
        yield Finding(WrongPeriodicity, pc.is_valid(expected), column, period, params)


class BreakdownCodes:
    """Every `dim=code` of the breakdown must be in the indicator's code lists."""

    def check(self, segment: Segment, context: CheckContext) -> Iterator[Finding]:
        specs, mapping = context.validation.indicators, context.mapping

        def offending(indicator: str | None, breakdown: str | None) -> str | None:
            spec = specs.get(indicator) if indicator and breakdown else None
            if spec is None:
                return None
            try:
                return spec.disallowed_part(parse_breakdown(breakdown))
            except BreakdownError:
                return breakdown

        def column_of(part: str | None) -> str | None:
            dim = part.partition("=")[0] if part else None
            return (mapping.dimension_column(dim) if dim else None) or dim

        indicator, breakdown = segment.column("indicator"), segment.column("breakdown")
        part = map_unique_pairs(indicator, breakdown, offending, pa.string())
        columns = map_unique(part, column_of, pa.string())
        params = {"indicator": indicator}
        yield Finding(UnknownBreakdownCode, pc.is_valid(part), columns, part, params)


class ValueRange:
    """A value lies within the indicator's plausible range (validation/plausibility.py)."""

    def check(self, segment: Segment, context: CheckContext) -> Iterator[Finding]:
        indicator, value = segment.column("indicator"), segment.column("value")
        for code in _present(indicator):
            spec = context.validation.indicators.get(code)
            if spec is None:
                continue
            low, high = plausible_range(spec)
            outside = pc.or_(fill_false(pc.less(value, low)), fill_false(pc.greater(value, high)))
            mask = pc.and_(fill_false(pc.equal(indicator, code)), outside)
            params = {"indicator": code, **range_text(low, high)}
            yield Finding(OutOfRange, mask, segment.spec.column, value, params)


class RealisationPeriodEnded:
    """A realisation is for a period that is over: no figures for 2099, or for this year."""

    def check(self, segment: Segment, context: CheckContext) -> Iterator[Finding]:
        today = context.validation.current_date()

        def end_if_open(period: str | None) -> str | None:
            if not period:
                return None
            try:
                end = period_end(period)
            except PeriodCodeError:
                return None  # an unknown period is an error of its own
            return end.isoformat() if end >= today else None

        period = segment.column("period")
        end = map_unique(period, end_if_open, pa.string())
        realisation = fill_false(pc.equal(segment.column("value_kind"), "realisation"))
        mask = pc.and_(realisation, pc.is_valid(end))
        params = {"end": end, "today": today.isoformat()}
        yield Finding(PeriodNotEnded, mask, context.mapping.period.column, period, params)


OBSERVATION_CHECKS: tuple[ObservationCheck, ...] = (
    IndicatorCodes(),
    ValueKindAndStatus(),
    NumberType(),
    Periodicity(),
    BreakdownCodes(),
    ValueRange(),
    RealisationPeriodEnded(),
)
