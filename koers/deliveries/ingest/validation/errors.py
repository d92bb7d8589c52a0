"""Validation errors as data: one class per rule, with a stable `code`, a title, a
description and a Dutch and an English message template.

Templates may use {row}, {column} and {value} plus the rule's own parameters. Instances
name the file, row, column, rule and value, so a steward can fix every problem in one go.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

ERROR_TYPES: dict[str, type[ValidationError]] = {}


@dataclass(frozen=True)
class ValidationError:
    """One problem in a delivered file; `severity` is 'error' or 'warning'."""

    code: ClassVar[str] = "validation_error"
    title: ClassVar[str] = "Validation error"
    description: ClassVar[str] = ""
    template_nl: ClassVar[str] = "Rij {row}, kolom '{column}': ongeldige waarde '{value}'."
    template_en: ClassVar[str] = "Row {row}, column '{column}': invalid value '{value}'."
    severity: ClassVar[str] = "error"

    file: str
    row: int | None
    column: str | None
    value: str | None
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def rule(self) -> str:
        return self.code

    @property
    def type(self) -> str:
        return self.code

    def _format(self, template: str) -> str:
        fields = {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "value_nl": _dutch(self.value),  # a number as a Dutch reader writes it
            "suggestion_nl": "",  # "Bedoelt u 'PV25'?" where a rule found a close code
            "suggestion_en": "",
            **self.params,
        }
        text = template.format(**{name: shown(item) for name, item in fields.items()})
        return text.rstrip()  # an optional last part (a suggestion) may be blank

    @property
    def message_nl(self) -> str:
        return self._format(self.template_nl)

    @property
    def message_en(self) -> str:
        return self._format(self.template_en)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" in cls.__dict__:
            if cls.code in ERROR_TYPES:
                raise ValueError(f"rule {cls.code!r} declared twice")
            ERROR_TYPES[cls.code] = cls

    def to_dict(self, *, language: str = "nl") -> dict[str, Any]:
        """The finding as JSON: `message` in `language`, and `message_en` always, so a stored
        report can be shown in either language later."""
        message = self.message_en if language == "en" else self.message_nl
        return {
            "file": self.file,
            "row": self.row,
            "column": shown(self.column),
            "rule": self.code,
            "value": shown(self.value),
            "message": message,
            "message_en": self.message_en,
        }


@dataclass(frozen=True)
class ValidationWarning(ValidationError):
    """A finding that does not block the import but asks a steward to look."""

    severity: ClassVar[str] = "warning"


SHOWN_CHARS = 100  # a cell quoted in a message or report: enough to find it, never 10 MB


def shown(value: Any) -> Any:
    """A value as quoted in a report: at most SHOWN_CHARS characters, NUL made visible (␀),
    numbers without scientific notation. Other values pass unchanged."""
    if isinstance(value, float):
        return number_text(value)
    if not isinstance(value, str):
        return value
    text = value.replace("\x00", "\u2400")
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


_PLAIN_UP_TO = 1e15  # beyond this, digits stop meaning anything: say "1.5 × 10^18"


def number_text(value: float) -> str:
    """A number as a person reads it in a message: `1500000`, `0.25`, `1 × 10^30`.

    Never scientific notation like `1.5e+06`; blank for NaN, `∞` for infinities.
    """
    if value != value:
        return ""
    if value in (math.inf, -math.inf):
        return "∞" if value > 0 else "-∞"
    size = abs(value)
    if size and not 1e-6 <= size < _PLAIN_UP_TO:
        mantissa, exponent = f"{value:.3e}".split("e")
        return f"{mantissa.rstrip('0').rstrip('.')} × 10^{int(exponent)}"
    if float(value).is_integer():
        return str(int(value))
    text = format(Decimal(f"{value:.12g}"), "f")  # 12 digits: 0.1 + 0.2 reads 0.3
    return text.rstrip("0").rstrip(".") if "." in text else text


def _dutch(value: Any) -> Any:
    """``value`` as a Dutch number when it is one (`1500000` -> `1.500.000`), else as is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_text_nl(float(value))
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value
        if math.isfinite(number) and value.strip().lstrip("-").replace(".", "", 1).isdigit():
            return number_text_nl(number)
    return value


_GROUP_FROM = 10_000  # Dutch style: 1500 stays 1500, 15000 becomes 15.000


def number_text_nl(value: float) -> str:
    """A number the Dutch way, for a Dutch message: `1.500.000`, `0,25`, `1,5 × 10^18`.

    A decimal comma and a point between thousands (from five digits on, as the Taalunie
    advises); never scientific notation.
    """
    text = number_text(value)
    if "×" in text:
        mantissa, _, rest = text.partition(" ")
        return f"{mantissa.replace('.', ',')} {rest}"
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if whole.isdigit() and abs(value) >= _GROUP_FROM:
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"
