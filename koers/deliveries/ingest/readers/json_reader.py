"""JSON reader: a list of objects, or `{"observations": [...]}`; keys are the columns.

Row numbers count the objects from 2, as if the list were a table under a header row,
so object 1 is row 2 (the same number a CSV export of the same data would give).
Numbers keep their JSON spelling, null and absent keys are blank.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa

from koers.deliveries.ingest.errors import UnreadableFileError
from koers.deliveries.ingest.mapping import FormatOptions
from koers.deliveries.ingest.readers.base import RawBatch


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

    def open(self, path: Path, options: FormatOptions) -> JsonSource:
        return JsonSource(path, options)


class JsonSource:
    def __init__(self, path: Path, options: FormatOptions) -> None:
        try:
            utf8 = codecs.lookup(options.encoding).name == "utf-8"
            data = json.loads(path.read_text(encoding="utf-8-sig" if utf8 else options.encoding))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UnreadableFileError(f"not valid JSON: {exc}") from exc
        if isinstance(data, dict):
            data = data.get("observations")
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise UnreadableFileError('expected a list of objects or {"observations": [...]}')
        self._records: list[dict[str, Any]] = data
        self.header = list(dict.fromkeys(str(key) for record in data for key in record))

    def batches(self, columns: Sequence[str], *, batch_rows: int) -> Iterator[RawBatch]:
        for start in range(0, len(self._records), batch_rows):
            chunk = self._records[start : start + batch_rows]
            arrays = {
                name: pa.array([_text(record.get(name)) for record in chunk], pa.string())
                for name in columns
            }
            rows = pa.array(range(start + 2, start + 2 + len(chunk)), pa.int64())
            yield RawBatch(columns=arrays, source_row=rows)
