"""Value cells to numbers and statuses, a whole column at a time.

A blank cell is NULL with status `missing`, never 0. A special marker from the mapping
(CBS: `.` missing, `x` confidential) is NULL with that status. Anything else that is not
a finite number is flagged `bad` and becomes a wrong_type error, or a decimal_comma error
when it is a number with a decimal comma in a file read with a decimal point. With Dutch
notation (`decimal: ","`) 12,5 and 1.234,5 are numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.codes import fill_false

NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
#: A number with a decimal comma, thousands optionally grouped by points: 12,5  1.234,5
DUTCH_GROUPED = r"^[+-]?\d{1,3}(\.\d{3})+,\d+$"
DECIMAL_COMMA = r"^[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+$"
_NULL_TEXT = pa.scalar(None, pa.string())
_NULL_NUMBER = pa.scalar(None, pa.float64())


@dataclass(frozen=True)
class ParsedValues:
    value: pa.Array  # float64, NULL where blank, special or bad
    status: pa.Array  # normal | missing | confidential (from blanks and special markers)
    bad: pa.Array  # bool: text that is not a number


def _to_numbers(candidate: pa.Array) -> tuple[pa.Array, pa.Array]:
    """(values, bad) for candidate texts; the fast cast first, the regex only when it fails."""
    try:
        value = pc.cast(candidate, pa.float64())
        bad = fill_false(pc.invert(pc.is_finite(value)))  # nan and inf are not numbers here
    except pa.ArrowInvalid:
        ok = pc.match_substring_regex(candidate, NUMBER)
        value = pc.cast(pc.if_else(ok, candidate, _NULL_TEXT), pa.float64())
        bad = pc.or_(fill_false(pc.invert(ok)), fill_false(pc.is_inf(value)))  # 1e999
    return value, bad


def parse_values(
    raw: pa.Array,
    *,
    decimal: str = ".",
    special: Mapping[str, str] | None = None,
    multiplier: float = 1.0,
) -> ParsedValues:
    """Numbers, statuses and bad-text flags for one column of value cells."""
    text = pc.utf8_trim_whitespace(raw)
    blank = pc.equal(text, "")
    if special:
        markers = pa.array(list(special), pa.string())
        special_status = pc.take(pa.array(list(special.values())), pc.index_in(text, markers))
    else:
        special_status = pa.nulls(len(raw), pa.string())
    no_number = pc.or_(blank, pc.is_valid(special_status))
    if decimal == ",":  # Dutch notation: 12,5 and 1.234,5 (a point alone is a decimal point:
        # an XLSX number cell reads as 1.234 whatever the notation)
        grouped = pc.match_substring_regex(text, DUTCH_GROUPED)
        text = pc.if_else(grouped, pc.replace_substring(text, ".", ""), text)
        text = pc.replace_substring(text, ",", ".")
    value, bad = _to_numbers(pc.if_else(no_number, _NULL_TEXT, text))
    if pc.any(bad).as_py():
        value = pc.if_else(bad, _NULL_NUMBER, value)
    if multiplier != 1.0:
        value = pc.multiply(value, multiplier)
        overflow = fill_false(pc.is_inf(value))  # 1e308 times a multiplier is no number
        if pc.any(overflow).as_py():
            bad, value = pc.or_(bad, overflow), pc.if_else(overflow, _NULL_NUMBER, value)
    status = pc.coalesce(special_status, pc.if_else(blank, "missing", "normal"))
    return ParsedValues(value=value, status=status, bad=bad)
