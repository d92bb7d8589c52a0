"""JSON reader: a list of objects, or `{"observations": [...]}`; keys are the columns.

Row numbers count the objects from 2, as if the list were a table under a header row,
so object 1 is row 2 (the same number a CSV export of the same data would give).
Numbers keep their JSON spelling, null and absent keys are blank. Nesting deeper than
`max_json_depth` (the list and the objects count as two levels) is refused.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa

from koers.deliveries.ingest.errors import UnreadableFileError
from koers.deliveries.ingest.limit_checks import LimitExceeded, check_cells, check_columns
from koers.deliveries.ingest.limits import IngestLimits
from koers.deliveries.ingest.mapping import FormatOptions
from koers.deliveries.ingest.readers.base import RawBatch
from koers.deliveries.ingest.validation.rules import JsonTooDeep


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)  # nested values are shown, then rejected


class JsonReader:
    name: ClassVar[str] = "json"

    def detect(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() == ".json" or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (
            b"[",
            b"{",
        )

    def open(self, path: Path, options: FormatOptions, *, limits: IngestLimits) -> JsonSource:
        return JsonSource(path, options, limits)


def _depth(value: Any, limit: int) -> int:
    """The nesting depth of `value` (a scalar is 0), counted no further than limit + 1."""
    depth, level = 0, [value]
    while level and depth <= limit:
        nested = [v for v in level if isinstance(v, (list, dict))]
        if not nested:
            break
        depth += 1
        level = [item for v in nested for item in (v.values() if isinstance(v, dict) else v)]
    return depth


class JsonSource:
    def __init__(self, path: Path, options: FormatOptions, limits: IngestLimits) -> None:
        try:
            utf8 = codecs.lookup(options.encoding).name == "utf-8"
            data = json.loads(path.read_text(encoding="utf-8-sig" if utf8 else options.encoding))
        except RecursionError as exc:  # the parser's own guard: far deeper than any limit
            raise LimitExceeded(JsonTooDeep, limit=limits.max_json_depth) from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UnreadableFileError(f"not valid JSON: {exc}") from exc
        if isinstance(data, dict):
            data = data.get("observations")
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise UnreadableFileError('expected a list of objects or {"observations": [...]}')
        deep = [v for record in data for v in record.values() if isinstance(v, (list, dict))]
        if 1 + _depth(deep, limits.max_json_depth) > limits.max_json_depth:  # list + objects
            raise LimitExceeded(JsonTooDeep, limit=limits.max_json_depth)
        self._records: list[dict[str, Any]] = data
        self.header = list(dict.fromkeys(str(key) for record in data for key in record))
        check_columns(len(self.header), limits)
        check_cells(sum(len(record) for record in data), limits)

    def batches(self, columns: Sequence[str], *, batch_rows: int) -> Iterator[RawBatch]:
        for start in range(0, len(self._records), batch_rows):
            chunk = self._records[start : start + batch_rows]
            arrays = {
                name: pa.array([_text(record.get(name)) for record in chunk], pa.string())
                for name in columns
            }
            rows = pa.array(range(start + 2, start + 2 + len(chunk)), pa.int64())
            yield RawBatch(columns=arrays, source_row=rows)
