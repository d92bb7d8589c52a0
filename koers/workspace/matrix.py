"""The completeness matrix: one row per indicator × period, one column per province."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class State:
    """A completeness state as shown: its label always, its colour and symbol as extras."""

    code: str
    label: str
    css: str
    symbol: str


STATES = {
    state.code: state
    for state in (
        State("approved", _("goedgekeurd"), "good", "✓"),
        State("received", _("ontvangen"), "fair", "●"),
        State("late", _("te laat"), "bad", "!"),
        State("expected", _("verwacht"), "none", "○"),
    )
}


@dataclass
class MatrixRow:
    indicator: str
    label: str
    period: str
    due: str
    states: list[State]


@dataclass
class Matrix:
    provinces: list  # Area objects, in column order
    rows: list[MatrixRow] = field(default_factory=list)

    @property
    def totals(self) -> list[tuple[State, int]]:
        counts = Counter(state.code for row in self.rows for state in row.states)
        return [(state, counts[code]) for code, state in STATES.items()]


def completeness_matrix(
    rows: list[dict], provinces: list, *, labels: dict[str, str] | None = None
) -> Matrix:
    """Reshape completeness_rows() output; newest period first within each indicator."""
    labels = labels or {}
    states: dict[tuple[str, str], dict[str, str]] = {}
    due: dict[tuple[str, str], str] = {}
    for row in rows:
        key = (row["indicator"], row["period"])
        states.setdefault(key, {})[row["province"]] = row["state"]
        due[key] = row["due"]
    matrix = Matrix(provinces=list(provinces))
    for indicator, period in sorted(states, key=lambda k: (k[0], _descending(k[1]))):
        found = states[(indicator, period)]
        matrix.rows.append(
            MatrixRow(
                indicator,
                labels.get(indicator, indicator),
                period,
                due[(indicator, period)],
                [STATES[found.get(p.code, "expected")] for p in matrix.provinces],
            )
        )
    return matrix


def _descending(period: str) -> tuple:
    return tuple(-ord(char) for char in period)


def outstanding(rows: list[dict], *, province: str) -> list[dict]:
    """What a province still has to deliver: late first, then expected, newest period first."""
    mine = [r for r in rows if r["province"] == province and r["state"] in ("late", "expected")]
    return sorted(
        mine, key=lambda r: (r["state"] != "late", _descending(r["period"]), r["indicator"])
    )
