"""Load a mapping YAML file into a frozen `Mapping`; every mistake names the file and key."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from koers.deliveries.ingest.breakdown import RESERVED
from koers.deliveries.ingest.errors import MappingError
from koers.deliveries.ingest.mapping import (
    AreaSource,
    CodeSource,
    FormatOptions,
    Mapping,
    PeriodSource,
    RowFilter,
    SkipAreas,
    ValueColumn,
)
from koers.deliveries.ingest.period_types import STYLES
from koers.deliveries.ingest.schema import VALUE_KINDS

_TOP = {"name", "description", "source", "files", "format", "area", "skip_areas", "period"}
_TOP |= {"breakdowns", "breakdown_column", "values", "special_values"}
_TOP |= {"row_filter"}
_CODE_KEYS = {"column", "constant", "codes", "blank"}
_VALUE_KEYS = {"column", "indicator", "indicator_column", "value_kind", "value_kind_column"}
_VALUE_KEYS |= {"status_column", "multiplier"}
_VALUE_KEYS |= {"indicator_codes"}
_SPECIAL_STATUSES = ("missing", "confidential")


class _Keys:
    """Walks a parsed YAML document and raises MappingError with the dotted key."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, message: str) -> MappingError:
        return MappingError(message, file=self.file, key=key)

    def table(self, data: Any, key: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(key or "(file)", "must be a mapping of keys to values")
        unknown = sorted(set(map(str, data)) - allowed)
        if unknown:
            where = f"{key}.{unknown[0]}" if key else unknown[0]
            raise self.fail(where, f"unknown key; allowed: {sorted(allowed)}")
        return data

    def text(self, data: Any, key: str, *, required: bool = False) -> str | None:
        if data is None:
            if required:
                raise self.fail(key, "is required")
            return None
        if isinstance(data, (dict, list, bool)):
            raise self.fail(key, "must be text")
        return str(data)

    def choice(self, data: Any, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(data, key) or default
        if value not in choices:
            raise self.fail(key, f"{value!r} is not one of {list(choices)}")
        return value

    def codes(self, data: Any, key: str) -> MappingProxyType:
        if data is None:
            return MappingProxyType({})
        if not isinstance(data, dict):
            raise self.fail(key, "must map source codes to Koers codes")
        return MappingProxyType({str(k).strip(): str(v).strip() for k, v in data.items()})

    def code_source(self, data: Any, key: str, make: Callable[..., CodeSource] = CodeSource):
        extra = {"style", "columns"} if make is PeriodSource else set()
        spec = self.table(data, key, _CODE_KEYS | extra)
        column, constant = self.text(spec.get("column"), f"{key}.column"), spec.get("constant")
        columns = spec.get("columns")
        if columns is not None:
            if column is not None or not isinstance(columns, list) or len(columns) < 2:
                raise self.fail(f"{key}.columns", "must list two or more columns, without 'column'")
            column = str(columns[0])
        if (column is None) == (constant is None):
            raise self.fail(key, "needs exactly one of 'column' or 'constant'")
        kwargs: dict[str, Any] = {
            "column": column,
            "constant": self.text(constant, f"{key}.constant"),
            "codes": self.codes(spec.get("codes"), f"{key}.codes"),
            "blank": self.text(spec.get("blank"), f"{key}.blank"),
        }
        if extra:
            styles = ("auto", "cbs", "canonical", *STYLES)
            kwargs["style"] = self.choice(spec.get("style"), f"{key}.style", styles, "auto")
            kwargs["parts"] = tuple(str(c) for c in (columns or [])[1:])
        return make(**kwargs)


def _format(keys: _Keys, data: Any) -> FormatOptions:
    spec = keys.table(data or {}, "format", {"type", "delimiter", "encoding", "decimal", "sheet"})
    delimiter = keys.text(spec.get("delimiter"), "format.delimiter")
    if delimiter == "auto":
        delimiter = None
    if delimiter is not None and len(delimiter.replace("\\t", "\t")) != 1:
        raise keys.fail("format.delimiter", "must be one character or 'auto'")
    kind = spec.get("type")
    return FormatOptions(
        type=keys.choice(kind, "format.type", ("csv", "xlsx", "json"), "csv") if kind else None,
        delimiter=delimiter.replace("\\t", "\t") if delimiter else None,
        encoding=keys.text(spec.get("encoding"), "format.encoding") or "utf-8",
        decimal=keys.choice(spec.get("decimal"), "format.decimal", (".", ","), "."),
        sheet=keys.text(spec.get("sheet"), "format.sheet"),
    )


def _value(keys: _Keys, data: Any, key: str) -> ValueColumn:
    spec = keys.table(data, key, _VALUE_KEYS)
    indicator = keys.text(spec.get("indicator"), f"{key}.indicator")
    indicator_column = keys.text(spec.get("indicator_column"), f"{key}.indicator_column")
    if (indicator is None) == (indicator_column is None):
        raise keys.fail(key, "needs exactly one of 'indicator' or 'indicator_column'")
    multiplier = spec.get("multiplier", 1)
    if isinstance(multiplier, bool) or not isinstance(multiplier, (int, float)) or multiplier <= 0:
        raise keys.fail(f"{key}.multiplier", "must be a positive number")
    return ValueColumn(
        column=keys.text(spec.get("column"), f"{key}.column", required=True),
        indicator=indicator,
        indicator_column=indicator_column,
        value_kind=keys.choice(
            spec.get("value_kind"), f"{key}.value_kind", VALUE_KINDS, "realisation"
        ),
        indicator_codes=keys.codes(spec.get("indicator_codes"), f"{key}.indicator_codes"),
        value_kind_column=keys.text(spec.get("value_kind_column"), f"{key}.value_kind_column"),
        status_column=keys.text(spec.get("status_column"), f"{key}.status_column"),
        multiplier=float(multiplier),
    )


def _breakdowns(keys: _Keys, data: Any) -> MappingProxyType:
    specs = {}
    for dim, spec in keys.table(data or {}, "breakdowns", set(map(str, data or {}))).items():
        dim = str(dim)
        if not dim.strip() or RESERVED & set(dim):
            raise keys.fail(f"breakdowns.{dim}", "dimension names cannot contain = ; or |")
        specs[dim] = _breakdown_source(keys, spec, f"breakdowns.{dim}")
    return MappingProxyType(specs)


def _skip(keys: _Keys, data: Any) -> SkipAreas:
    spec = keys.table(data or {}, "skip_areas", {"prefixes", "codes"})
    lists = {}
    for name in ("prefixes", "codes"):
        items = spec.get(name) or []
        if not isinstance(items, list):
            raise keys.fail(f"skip_areas.{name}", "must be a list")
        lists[name] = [str(item).strip() for item in items]
    return SkipAreas(prefixes=tuple(lists["prefixes"]), codes=frozenset(lists["codes"]))


def _special(keys: _Keys, data: Any) -> MappingProxyType:
    special = keys.codes(data, "special_values")
    for marker, status in special.items():
        if status not in _SPECIAL_STATUSES:
            raise keys.fail(
                f"special_values.{marker}", f"status must be one of {_SPECIAL_STATUSES}"
            )
    return special


def _breakdown_source(keys: _Keys, data: Any, key: str) -> CodeSource:
    """A breakdown dimension; `overlapping: true` when parts may overlap (multiple answers)."""
    spec = dict(data) if isinstance(data, dict) else data
    overlapping = spec.pop("overlapping", False) if isinstance(spec, dict) else False
    if not isinstance(overlapping, bool):
        raise keys.fail(f"{key}.overlapping", "must be true or false")
    return dataclasses.replace(keys.code_source(spec, key), overlapping=overlapping)


def _area(keys: _Keys, data: Any) -> CodeSource:
    """The area: one column, a constant, or `columns` from widest to narrowest."""
    if not (isinstance(data, dict) and "columns" in data):
        return keys.code_source(data, "area")
    levels = data["columns"]
    if "column" in data or not isinstance(levels, list) or len(levels) < 2:
        raise keys.fail("area.columns", "must list two or more columns, without 'column'")
    levels = tuple(str(column) for column in levels)
    rest = {k: v for k, v in data.items() if k != "columns"}
    base = keys.code_source({**rest, "column": levels[-1]}, "area")
    return AreaSource(column=levels[-1], codes=base.codes, blank=base.blank, levels=levels)


def _row_filter(keys: _Keys, data: Any) -> RowFilter:
    spec = keys.table(data or {}, "row_filter", {"keep", "skip"})
    lists = {}
    for name in ("keep", "skip"):
        columns = spec.get(name) or {}
        if not isinstance(columns, dict):
            raise keys.fail(f"row_filter.{name}", "must map column names to lists of values")
        for column, values in columns.items():
            if not isinstance(values, list) or not values:
                raise keys.fail(f"row_filter.{name}.{column}", "must be a non-empty list")
        lists[name] = MappingProxyType(
            {str(c): frozenset(str(v).strip() for v in vs) for c, vs in columns.items()}
        )
    return RowFilter(keep=lists["keep"], skip=lists["skip"])


def mapping_from_dict(data: Any, *, file: str = "<mapping>") -> Mapping:
    """Build a Mapping from parsed YAML; raises MappingError naming `file` and the key."""
    keys = _Keys(file)
    top = keys.table(data, "", _TOP)
    values = top.get("values")
    if not isinstance(values, list) or not values:
        raise keys.fail("values", "must be a non-empty list of value columns")
    breakdowns = _breakdowns(keys, top.get("breakdowns"))
    breakdown_column = keys.text(top.get("breakdown_column"), "breakdown_column")
    if breakdowns and breakdown_column:
        raise keys.fail("breakdown_column", "use either 'breakdowns' or 'breakdown_column'")
    files = top.get("files") or []
    if not isinstance(files, list):
        raise keys.fail("files", "must be a list of file name patterns")
    return Mapping(
        name=keys.text(top.get("name"), "name", required=True) or "",
        file=file,
        description=keys.text(top.get("description"), "description") or "",
        source=keys.codes(top.get("source"), "source"),
        file_patterns=tuple(str(pattern) for pattern in files),
        format=_format(keys, top.get("format")),
        area=_area(keys, top.get("area")),
        row_filter=_row_filter(keys, top.get("row_filter")),
        skip_areas=_skip(keys, top.get("skip_areas")),
        period=keys.code_source(top.get("period"), "period", PeriodSource),
        breakdowns=breakdowns,
        breakdown_column=breakdown_column,
        values=tuple(_value(keys, spec, f"values[{i}]") for i, spec in enumerate(values)),
        special_values=_special(keys, top.get("special_values")),
    )


MAX_MAPPING_BYTES = 1024 * 1024  # the largest shipped mapping is a few KB


def load_mapping(path: Path | str) -> Mapping:
    """Read and check one mapping YAML file; any unreadable file is a MappingError."""
    path = Path(path)

    def fail(reason: str) -> MappingError:
        return MappingError(f"cannot read mapping: {reason}", file=path.name, key="(file)")

    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise fail(f"larger than {MAX_MAPPING_BYTES // 1024} KB; is this a mapping file?")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise fail(f"not UTF-8 text (byte {exc.start}); is this a mapping file?") from exc
    except RecursionError as exc:
        raise fail("nested too deep") from exc
    except (OSError, yaml.YAMLError) as exc:
        raise fail(str(exc)) from exc
    return mapping_from_dict(data, file=path.name)
