"""The findings of a delivery as `koers import` prints them: the first few of each rule,
then one line with how many more there are, so a file with 40,000 errors stays readable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

SHOWN_PER_RULE = 10

_MORE = {
    "nl": "… en {count} meer van deze regel ({rule})",
    "en": "… and {count} more of this rule ({rule})",
}


def findings_lines(
    findings: list[dict[str, Any]],
    counts: dict[str, int],
    *,
    language: str = "nl",
    per_rule: int = SHOWN_PER_RULE,
) -> Iterator[str]:
    """One line per shown finding, and per rule a line with the number not shown.

    `counts` is the report's exact count per rule (`error_counts`/`warning_counts`);
    the report itself keeps only the first findings of each rule in detail.
    """
    shown: dict[str, int] = {}
    for finding in findings:
        rule = finding["rule"]
        if shown.get(rule, 0) >= per_rule:
            continue
        shown[rule] = shown.get(rule, 0) + 1
        message = finding["message_en"] if language == "en" else finding["message"]
        value = json.dumps(finding["value"], ensure_ascii=False)
        yield (
            f"  {finding['file']}:{finding['row']} [{finding['column']}] {rule}: "
            f"{message} ({value})"
        )
    for rule, count in counts.items():
        hidden = count - shown.get(rule, 0)
        if hidden > 0:
            yield "  " + _MORE.get(language, _MORE["en"]).format(count=hidden, rule=rule)
