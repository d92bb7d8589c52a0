"""The validation report of one delivery: data that can be counted, filtered and published.

Counts per rule are exact; detailed errors are kept up to `max_errors_per_rule` per rule
(a file with a million bad rows still has a small report). `to_dict()` gives
`{"errors": [...], "warnings": [...], "error_counts": {rule: n}, "warning_counts": {...}}`
with Dutch messages unless asked for English. Quoted cells are cut at 100 characters.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pyarrow as pa

from koers.deliveries.ingest.validation.errors import ValidationError, shown
from koers.deliveries.ingest.validation.file_checks import Tally
from koers.deliveries.ingest.validation.findings import Finding


def _text(value: Any) -> Any:
    return shown(value.strip() if isinstance(value, str) else value)


def _per_row(item: Any, positions: pa.Array, size: int) -> list[Any]:
    if isinstance(item, (pa.Array, pa.ChunkedArray)):
        return [_text(v) for v in item.take(positions).to_pylist()]
    return [_text(item)] * size


class ValidationReport:
    def __init__(self, *, file: str, max_errors_per_rule: int = 100) -> None:
        self.file = file
        self.max_errors_per_rule = max_errors_per_rule
        self.complete = False  # set once the stream is consumed and whole-file checks ran
        self._details: list[ValidationError] = []
        self._kept: Counter[str] = Counter()
        self._counts: Counter[str] = Counter()
        self._severity: dict[str, str] = {}

    def _room(self, error: type[ValidationError], count: int) -> int:
        self._counts[error.code] += count
        self._severity[error.code] = error.severity
        return max(0, self.max_errors_per_rule - self._kept[error.code])

    def add(self, error: ValidationError) -> None:
        if self._room(type(error), 1):
            self._keep([error])

    def _keep(self, errors: list[ValidationError]) -> None:
        for error in errors:
            self._kept[error.code] += 1
        self._details.extend(errors)

    def add_finding(self, finding: Finding, source_row: pa.Array) -> None:
        """Count a batch-wise finding and keep the first failures in detail."""
        count = finding.count()
        if not count:
            return
        room = self._room(finding.error, count)
        if not room:
            return
        positions = finding.positions()[:room]
        size = len(positions)
        rows = source_row.take(positions).to_pylist()
        columns = _per_row(finding.column, positions, size)
        values = _per_row(finding.value, positions, size)
        params = {name: _per_row(item, positions, size) for name, item in finding.params.items()}
        self._keep(
            [
                finding.error(
                    file=self.file,
                    row=rows[i],
                    column=columns[i],
                    value=values[i],
                    params={name: items[i] for name, items in params.items()},
                )
                for i in range(size)
            ]
        )

    def add_tally(self, tally: Tally) -> None:
        room = self._room(tally.error, tally.count)
        self._keep([error for _, error in zip(range(room), tally.errors, strict=False)])

    @property
    def valid(self) -> bool:
        """True when no rule of severity 'error' fired (warnings do not count)."""
        return not any(self._severity[rule] == "error" for rule in self._counts)

    @property
    def truncated(self) -> bool:
        return any(self._counts[rule] > self._kept[rule] for rule in self._counts)

    def counts_by_rule(self, *, severity: str | None = None) -> dict[str, int]:
        return {
            rule: count
            for rule, count in sorted(self._counts.items())
            if severity is None or self._severity[rule] == severity
        }

    def count(self, rule: str | None = None, *, severity: str | None = None) -> int:
        counts = self.counts_by_rule(severity=severity)
        return counts.get(rule, 0) if rule else sum(counts.values())

    def filter(
        self,
        *,
        rule: str | None = None,
        severity: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> list[ValidationError]:
        """Detailed errors matching every given criterion, ordered by row."""
        return sorted(
            (
                e
                for e in self._details
                if (rule is None or e.code == rule)
                and (severity is None or e.severity == severity)
                and (row is None or e.row == row)
                and (column is None or e.column == column)
            ),
            key=lambda e: (e.row or 0, e.column or "", e.code),
        )

    @property
    def errors(self) -> list[ValidationError]:
        return self.filter(severity="error")

    @property
    def warnings(self) -> list[ValidationError]:
        return self.filter(severity="warning")

    def to_dict(self, *, language: str = "nl") -> dict[str, Any]:
        """The kept details plus the exact number of findings per rule (rule code -> count)."""
        return {
            "errors": [e.to_dict(language=language) for e in self.errors],
            "warnings": [e.to_dict(language=language) for e in self.warnings],
            "error_counts": self.counts_by_rule(severity="error"),
            "warning_counts": self.counts_by_rule(severity="warning"),
        }
