"""A mapping says how one delivered file becomes canonical observations.

It is loaded from YAML by `load_mapping` (see docs/mapping.md for every key) into these
frozen dataclasses. Code maps are read-only dicts, so a loaded mapping cannot drift.
"""

from __future__ import annotations

from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from types import MappingProxyType


def _frozen() -> AbcMapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class FormatOptions:
    """How to read the bytes; None means detect (type from content, delimiter by sniffing)."""

    type: str | None = None
    delimiter: str | None = None
    encoding: str = "utf-8"
    decimal: str = "."
    sheet: str | None = None


@dataclass(frozen=True)
class CodeSource:
    """Where a code comes from (a column or a constant) and how it is translated.

    Cells are trimmed; a blank cell becomes `blank` (None: blank is an error); any other code
    is looked up in `codes` and passes through unchanged when it is not there.
    """

    column: str | None = None
    constant: str | None = None
    codes: AbcMapping[str, str] = field(default_factory=_frozen)
    blank: str | None = None
    overlapping: bool = False  # breakdowns only: parts may overlap (multiple answers)

    def translate(self, raw: str) -> str | None:
        code = raw.strip()
        if not code:
            return self.blank
        return self.codes.get(code, code)


@dataclass(frozen=True)
class PeriodSource(CodeSource):
    """A CodeSource whose result is parsed as a period (style auto, cbs or canonical).

    With `parts`, the period is spread over several columns (Jaar, Kwartaal): each part is
    translated through `codes` on its own and the parts are joined with `-` (2023-Q1).
    """

    style: str = "auto"
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaSource(CodeSource):
    """A CodeSource whose area may be spread over `levels`, columns from the widest to the
    narrowest (Country, Region, Local Authority): the narrowest non-blank cell names the
    area. The hierarchy comes from the area register, never from these columns."""

    levels: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowFilter:
    """Rows kept or skipped on purpose by their cells (trimmed, exact): a row is read only
    if every `keep` column holds one of its values and no `skip` column does."""

    keep: AbcMapping[str, frozenset[str]] = field(default_factory=_frozen)
    skip: AbcMapping[str, frozenset[str]] = field(default_factory=_frozen)

    def columns(self) -> list[str]:
        return [*self.keep, *self.skip]


@dataclass(frozen=True)
class SkipAreas:
    """Areas dropped on purpose (e.g. municipalities in a CBS regional table)."""

    prefixes: tuple[str, ...] = ()
    codes: frozenset[str] = frozenset()

    def skips(self, code: str | None) -> bool:
        return code is not None and (code in self.codes or code.startswith(self.prefixes))


@dataclass(frozen=True)
class ValueColumn:
    """One column of numbers and the indicator it feeds; constants or per-row columns."""

    column: str
    indicator: str | None = None
    indicator_column: str | None = None
    indicator_codes: AbcMapping[str, str] = field(default_factory=_frozen)  # for the column
    value_kind: str = "realisation"
    value_kind_column: str | None = None
    status_column: str | None = None
    multiplier: float = 1.0


@dataclass(frozen=True)
class Mapping:
    """The full mapping of one file layout; `name` and `file` appear in every error."""

    name: str
    area: CodeSource
    period: PeriodSource
    values: tuple[ValueColumn, ...]
    file: str = "<mapping>"
    description: str = ""
    format: FormatOptions = field(default_factory=FormatOptions)
    skip_areas: SkipAreas = field(default_factory=SkipAreas)
    breakdowns: AbcMapping[str, CodeSource] = field(default_factory=_frozen)
    breakdown_column: str | None = None
    special_values: AbcMapping[str, str] = field(default_factory=_frozen)
    file_patterns: tuple[str, ...] = ()
    source: AbcMapping[str, str] = field(default_factory=_frozen)
    row_filter: RowFilter = field(default_factory=RowFilter)

    def columns(self) -> list[str]:
        """Every source column the mapping reads, in a stable order without repeats."""
        wanted: list[str | None] = [self.area.column, *getattr(self.area, "levels", ())]
        wanted += [self.period.column, *self.period.parts, *self.row_filter.columns()]
        wanted.append(self.breakdown_column)
        wanted += [spec.column for spec in self.breakdowns.values()]
        for value in self.values:
            wanted += [
                value.column,
                value.indicator_column,
                value.value_kind_column,
                value.status_column,
            ]
        return list(dict.fromkeys(c for c in wanted if c))

    def dimension_column(self, dim: str) -> str | None:
        """The source column to name in errors about breakdown dimension `dim`."""
        spec = self.breakdowns.get(dim)
        return spec.column if spec and spec.column else self.breakdown_column
