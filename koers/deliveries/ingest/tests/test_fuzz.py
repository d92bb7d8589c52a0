"""Property: any file ends in a report, never an exception (issue 10, the fuzz contract).

Hypothesis writes CSV, XLSX and JSON files full of odd cells (separators, quotes,
newlines, NUL, huge and non-finite numbers, long text, nesting) and plain garbage bytes;
each is read and validated to the end and its report must serialise as strict JSON.
Examples are bounded so the test stays a few seconds on both databases' runs.
"""

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koers.deliveries.ingest import (
    TEMPLATE_COLUMNS,
    TEMPLATE_MAPPING,
    NoMappingError,
    ValidationContext,
    read_delivery,
    specs_from_catalogue,
)
from koers.deliveries.ingest.limits import IngestLimits

from .conftest import DUTCH_AREAS

CONTEXT = ValidationContext(
    known_areas=DUTCH_AREAS,
    indicators=specs_from_catalogue(),
    limits=IngestLimits(max_cell_chars=200, max_cells=5_000, max_columns=40),
    max_errors_per_rule=5,
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

odd = st.sampled_from(["=", ";", "|", ",", '"', "\n", "\r", "\x00", "\t", " ", "é", "€"])
codes = st.sampled_from(
    ["ammoniakemissie_mest", "fiets_aandeel_verplaatsingen", "PV20", "NL01", "XX99", "2020",
     "2099", "2023-Q4", "2023MM13", "_T", "Geslacht=M", "doel", "realisatie", "geschat"]
)  # fmt: skip
numbers = st.sampled_from(
    ["5", "-1", "1e30", "1e999", "NaN", "Infinity", "1,5", "0.1", "", ".", "1e-400"]
) | st.floats(allow_nan=True, allow_infinity=True).map(repr)
cell = st.one_of(
    codes,
    numbers,
    st.text(odd, max_size=6),
    st.text(max_size=30),
    st.builds(lambda a, b, c: a + b + c, codes, st.text(odd, max_size=3), codes),
    st.just("x" * 250),  # over the cell limit of this context
)
good_rows = st.tuples(
    st.sampled_from(["ammoniakemissie_mest", "fiets_aandeel_verplaatsingen"]),
    st.sampled_from(["PV20", "PV21", "NL01"]),
    st.sampled_from(["2019", "2020", "2021-Q2"]),
    st.just(""),
    st.sampled_from(["", "realisatie", "doel"]),
    st.sampled_from(["5", "0", "12.5", "99"]),
    st.just(""),
).map(list)


def _mutated(row: list[str], changes: list[tuple[int, str]]) -> list[str]:
    for at, value in changes:
        row[at % len(row)] = value
    return row


# mostly valid rows with a few odd cells, so odd values reach every later check
odd_cell = st.text(odd, min_size=1, max_size=3) | cell
near_valid = st.builds(
    _mutated, good_rows, st.lists(st.tuples(st.integers(0, 6), odd_cell), min_size=1, max_size=2)
)
rows = st.lists(near_valid | near_valid | st.lists(cell, max_size=9), max_size=25)
headers = st.just(list(TEMPLATE_COLUMNS)) | st.lists(cell, min_size=1, max_size=45)


def _file(suffix: str, data: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="koers-fuzz-"))
    path = folder / f"levering{suffix}"
    path.write_bytes(data)
    return path


def ends_in_a_report(path: Path) -> None:
    try:
        _ends_in_a_report(path)
    finally:  # thousands of examples: leave no folder behind
        shutil.rmtree(path.parent, ignore_errors=True)


def _ends_in_a_report(path: Path) -> None:
    for mapping in (TEMPLATE_MAPPING, None):
        try:
            ingest = read_delivery(path, mapping, CONTEXT, batch_rows=1024)
        except NoMappingError:
            assert mapping is None  # the one documented refusal: nothing fits the file
            continue
        for _ in ingest:
            pass
        assert ingest.report.complete
        json.dumps(ingest.report.to_dict(), allow_nan=False)
        json.dumps(ingest.report.to_dict(language="en"), allow_nan=False)


@FUZZ
@given(header=headers, body=rows, delimiter=st.sampled_from([",", ";", "\t", "|"]))
def test_any_csv_ends_in_a_report(header, body, delimiter):
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\n").writerows([header, *body])
    ends_in_a_report(_file(".csv", text.getvalue().encode("utf-8", "surrogatepass")))


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".json", ".xlsx", ".dat"]))
def test_any_bytes_end_in_a_report(data, suffix):
    ends_in_a_report(_file(suffix, data))


@FUZZ
@given(header=headers, body=rows)
def test_any_workbook_ends_in_a_report(header, body):
    book = openpyxl.Workbook()
    sheet = book.active
    for values in [header, *body]:
        sheet.append([_xml_safe(v) for v in values])
    out = io.BytesIO()
    book.save(out)
    ends_in_a_report(_file(".xlsx", out.getvalue()))


def _xml_safe(value: str) -> str:
    """openpyxl refuses control characters that XML cannot hold; the rest goes in as is."""
    return "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)


json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | cell
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(cell, inner, max_size=3),
    max_leaves=12,
)
records = st.lists(
    st.dictionaries(st.sampled_from(TEMPLATE_COLUMNS) | cell, json_values, max_size=9),
    max_size=20,
)


@FUZZ
@given(data=records | json_values, wrapped=st.booleans())
def test_any_json_ends_in_a_report(data, wrapped):
    document = {"observations": data} if wrapped else data
    ends_in_a_report(_file(".json", json.dumps(document).encode("utf-8", "surrogatepass")))
