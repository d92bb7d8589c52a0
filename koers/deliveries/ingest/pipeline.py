"""One delivered file in, a stream of canonical observation batches out, plus a report.

    ingest = read_delivery(path, mapping, context)
    for batch in ingest:          # pyarrow RecordBatches in OBSERVATION_SCHEMA
        stage(batch)
    if ingest.report.valid: ...   # complete once the stream is consumed

Iterating is `read_batches()` followed by `finish()` (the whole-file checks); a caller
may run the two itself, e.g. reading in a worker thread and finishing in its own.

Rows that fail a row or observation check are left out of the stream; duplicates,
parts-versus-total and the history warnings are only known at the end, so a caller must
look at `report.valid` after the last batch before storing anything (all or nothing).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.errors import (
    IngestError,
    NoMappingError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from koers.deliveries.ingest.limit_checks import LimitExceeded
from koers.deliveries.ingest.mapping import Mapping
from koers.deliveries.ingest.observations import build_segment, finalise
from koers.deliveries.ingest.readers import RawBatch, RawSource, open_source
from koers.deliveries.ingest.rebatch import Rebatcher
from koers.deliveries.ingest.report import ValidationReport
from koers.deliveries.ingest.rows import build_row_frame
from koers.deliveries.ingest.shipped import find_shipped_mapping
from koers.deliveries.ingest.template import template_mapping_for
from koers.deliveries.ingest.validation.breakdown_notes import mapping_notes
from koers.deliveries.ingest.validation.context import ValidationContext
from koers.deliveries.ingest.validation.file_checks import FILE_CHECKS
from koers.deliveries.ingest.validation.findings import CheckContext, combined_failures
from koers.deliveries.ingest.validation.ledger import Ledger
from koers.deliveries.ingest.validation.observation_checks import OBSERVATION_CHECKS
from koers.deliveries.ingest.validation.row_checks import ROW_CHECKS
from koers.deliveries.ingest.validation.rules import (
    CellTooLong,
    ExtraFields,
    MissingColumn,
    NulCharacter,
    ShortRow,
    UnknownIndicator,
    UnreadableFile,
)
from koers.deliveries.ingest.validation.series_checks import SERIES_CHECKS, series_points

BATCH_ROWS = 65_536


def resolve_mapping(path: Path, source: RawSource, mapping: Mapping | None) -> Mapping:
    """The given mapping, else the template layout, else a shipped mapping for the file name."""
    found = mapping or template_mapping_for(source.header) or find_shipped_mapping(path)
    if found is None:
        raise NoMappingError(
            f"{path.name} is not in the Koers template layout and no mapping matches it",
            path=str(path),
        )
    return found


class Ingest:
    """Reads, normalises and validates one file; iterate it once for the batches."""

    def __init__(
        self,
        path: Path,
        mapping: Mapping | None,
        context: ValidationContext,
        *,
        batch_rows: int = BATCH_ROWS,
    ) -> None:
        self.path = Path(path)
        self.report = ValidationReport(
            file=self.path.name, max_errors_per_rule=context.max_errors_per_rule
        )
        self.rows_read = 0  # data rows in the file, skipped and rejected ones included
        self.rows_skipped = 0  # rows of areas the mapping skips on purpose
        self.observations = 0  # observation rows emitted
        self.batch_rows = batch_rows
        self._source: RawSource | None = None
        try:
            options = mapping.format if mapping else None
            self._source = open_source(self.path, options, limits=context.limits)
        except LimitExceeded as exc:
            self.report.add(exc.error(self.path.name))
            self.mapping = mapping
        except (UnreadableFileError, UnsupportedFormatError) as exc:
            self._unreadable(exc)
            self.mapping = mapping
        else:
            self.mapping = resolve_mapping(self.path, self._source, mapping)
        self._context = context
        self._stream: Iterator[pa.RecordBatch] | None = None
        self._checks: CheckContext | None = None
        self._ledger: Ledger | None = None  # set while reading; the whole-file checks use it

    def _unreadable(self, exc: IngestError) -> None:
        reason = {"reason": exc.message}
        self.report.add(
            UnreadableFile(file=self.path.name, row=None, column=None, value=None, params=reason)
        )

    def __iter__(self) -> Ingest:
        return self

    def __next__(self) -> pa.RecordBatch:
        if self._stream is None:
            self._stream = self._run()
        return next(self._stream)

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The observation batches (the same single-use stream as iterating the Ingest)."""
        return iter(self)

    def _run(self) -> Iterator[pa.RecordBatch]:
        yield from self.read_batches()
        self.finish()

    def read_batches(self) -> Iterator[pa.RecordBatch]:
        """The batches without the whole-file checks; call `finish()` after the last one.

        Reading never calls back into the caller (no history lookup), so a caller may run
        it in another thread and keep `finish()`, which may query a database, in its own.
        """
        if self._source is None or self.mapping is None:
            return
        self._checks = CheckContext(self._context, self.mapping, self.path.name)
        for note in mapping_notes(self.mapping, self.path.name):  # overlapping breakdowns
            self.report.add(note)
        values = self._usable_values()
        if values is None:
            return
        self._ledger = Ledger(temp_dir=self._context.temp_dir)
        try:
            for batch in self._observations(self._checks, values):
                self._ledger.observe(batch)
                self.observations += batch.num_rows
                yield batch
        except LimitExceeded as exc:
            self.report.add(exc.error(self.path.name))
        except UnreadableFileError as exc:
            self._unreadable(exc)

    def finish(self) -> None:
        """Run the whole-file checks (duplicates, parts, history) and complete the report."""
        if self._ledger is not None:
            ledger, self._ledger = self._ledger, None  # its memory goes with the checks
            self._finish(ledger, self._checks)
        self.report.complete = True

    def _usable_values(self):
        """The value columns to read, after header-level checks; None if nothing can be read."""
        header = set(self._source.header)
        missing = [c for c in self.mapping.columns() if c not in header]
        for column in missing:
            params = {"mapping": self.mapping.name}
            self.report.add(
                MissingColumn(file=self.path.name, row=1, column=column, value=None, params=params)
            )
        # All it can in one pass: a missing value column drops only its own values; without
        # an area, period or breakdown column no row can be placed, so nothing is read.
        feeds = [_value_columns(spec) for spec in self.mapping.values]
        if set(missing) - set().union(*feeds):
            return None
        usable = []
        for spec, columns in zip(self.mapping.values, feeds, strict=True):
            if columns & set(missing):
                continue
            if spec.indicator is not None and spec.indicator not in self._context.indicators:
                self.report.add(
                    UnknownIndicator(
                        file=self.path.name, row=1, column=spec.column, value=spec.indicator
                    )
                )
            else:
                usable.append(spec)
        return usable

    def _observations(self, checks: CheckContext, values) -> Iterator[pa.RecordBatch]:
        raw_rows = max(1024, self.batch_rows // max(1, len(values)))
        rebatch = Rebatcher(self.batch_rows)
        columns = dataclasses.replace(self.mapping, values=tuple(values)).columns()
        for raw in self._source.batches(columns, batch_rows=raw_rows):
            for batch in self._normalise(raw, checks, values):
                yield from rebatch.push(batch)
        yield from rebatch.flush()

    def _normalise(self, raw: RawBatch, checks: CheckContext, values) -> Iterator[pa.RecordBatch]:
        self.rows_read += raw.num_rows + len(raw.problems)
        for problem in raw.problems:
            error = ShortRow if problem.short else ExtraFields
            params = {"expected": problem.expected, "actual": problem.actual}
            column = problem.first_missing
            self.report.add(
                error(
                    file=self.path.name, row=problem.row, column=column, value=None, params=params
                )
            )
        if not raw.num_rows:
            return
        frame = build_row_frame(raw, self.mapping)
        findings = [f for check in ROW_CHECKS for f in check.check(frame, checks)]
        for finding in findings:
            self.report.add_finding(finding, frame.source_row)
        failed = combined_failures(findings, frame.num_rows)
        self.rows_skipped += int(pc.sum(frame.skipped).as_py() or 0)
        # All errors in one pass: a row with a bad area still has its value checked; it is
        # left out of the stream with the rows that fail an observation check. A cell that
        # cannot be stored at all (NUL, too long) is reported once, not again per rule.
        unreadable = combined_failures(
            [f for f in findings if f.error in (NulCharacter, CellTooLong)], frame.num_rows
        )
        ignored = frame.skipped if unreadable is None else pc.or_(frame.skipped, unreadable)
        rows = pc.indices_nonzero(pc.invert(ignored))
        row_failed = None if failed is None else failed.take(rows)
        for spec in values:
            segment = build_segment(frame, raw, rows, spec, self.mapping)
            found = [f for check in OBSERVATION_CHECKS for f in check.check(segment, checks)]
            for finding in found:
                self.report.add_finding(finding, segment.column("source_row"))
            failures = combined_failures(found, segment.batch.num_rows)
            if row_failed is not None:
                failures = row_failed if failures is None else pc.or_(failures, row_failed)
            yield finalise(segment, failures)

    def _finish(self, ledger: Ledger, checks: CheckContext) -> None:
        """The whole-file checks, one ledger partition (indicator and area) at a time."""
        for data in ledger.parts():
            for check in FILE_CHECKS:
                for tally in check.finish(data, checks):
                    self.report.add_tally(tally)
            points = series_points(data, checks)
            if points is None:
                continue
            for check in SERIES_CHECKS:
                for tally in check.finish(points, data, checks):
                    self.report.add_tally(tally)


def _value_columns(spec) -> set[str]:
    """The columns one value column of a mapping reads besides the row's codes."""
    names = (spec.column, spec.indicator_column, spec.value_kind_column, spec.status_column)
    return {name for name in names if name}


def read_delivery(
    path: Path, mapping: Mapping | None, context: ValidationContext, *, batch_rows: int = BATCH_ROWS
) -> Ingest:
    """Stream canonical observations from `path`; the report is complete after the stream."""
    return Ingest(path, mapping, context, batch_rows=batch_rows)
