"""The report is data: typed errors with stable codes, counted, filtered and published."""

import json
from pathlib import Path

import pyarrow as pa

from koers.deliveries.ingest import ERROR_TYPES, ValidationReport
from koers.deliveries.ingest.validation.findings import Finding
from koers.deliveries.ingest.validation.rules import Outlier, UnknownArea


def delivery_rules() -> dict:
    """The delivery rules; other apps (werkprogramma's Excel) subclass ValidationError too,
    with rules and parameters of their own, documented with them."""
    return {
        code: error
        for code, error in ERROR_TYPES.items()
        if error.__module__.startswith("koers.deliveries.ingest")
    }


def test_every_rule_has_a_stable_code_title_description_and_both_messages():
    assert len(ERROR_TYPES) >= 19
    for code, error in ERROR_TYPES.items():
        assert error.code == code and code == code.lower() and " " not in code
        assert error.title and error.description
        assert error.severity in ("error", "warning")
        assert "{" in error.template_nl and "{" in error.template_en
        assert error.template_nl != error.template_en


def test_every_message_template_can_be_filled_from_what_the_checks_give():
    params = {
        "reason": "r",
        "mapping": "m",
        "expected": 3,
        "actual": 2,
        "expected_nl": "getal",
        "expected_en": "a number",
        "actual_en": "quarter",
        "indicator": "i",
        "range_nl": "tussen 0 en 1",
        "range_en": "between 0 and 1",
        "end": "2099-12-31",
        "today": "2026-01-01",
        "length": 20000,
        "limit": 10000,
        "size": 99,
        "size_mb": "4.7",
        "limit_mb": "500.0",
        "expanded_mb": "1024.0",
        "member": "xl/worksheets/sheet1.xml",
        "ratio": "1000",
        "limit_ratio": "100",
        "first_row": 2,
        "key": "k",
        "dimension": "d",
        "parts": "5",
        "median": "1",
        "score": "4.0",
        "change": "+60%",
        "previous_period": "2022",
        "previous": "1",
        "point": "1.5",
    }
    for error in delivery_rules().values():
        instance = error(file="f.csv", row=7, column="kolom", value="x", params=params)
        assert instance.message_nl and instance.message_en


def test_findings_become_errors_with_file_row_column_rule_value_and_message():
    report = ValidationReport(file="levering.csv")
    mask = pa.array([False, True, False, True])
    values = pa.array(["PV20", "XX01 ", "PV21", "YY"])
    report.add_finding(Finding(UnknownArea, mask, "RegioS", values), pa.array([2, 3, 4, 5]))
    assert report.to_dict() == {
        "errors": [
            {
                "file": "levering.csv",
                "row": 3,
                "column": "RegioS",
                "rule": "unknown_area",
                "value": "XX01",
                "message": "Rij 3, kolom 'RegioS': gebiedscode 'XX01' is onbekend.",
                "message_en": "Row 3, column 'RegioS': area code 'XX01' is unknown.",
            },
            {
                "file": "levering.csv",
                "row": 5,
                "column": "RegioS",
                "rule": "unknown_area",
                "value": "YY",
                "message": "Rij 5, kolom 'RegioS': gebiedscode 'YY' is onbekend.",
                "message_en": "Row 5, column 'RegioS': area code 'YY' is unknown.",
            },
        ],
        "warnings": [],
        "error_counts": {"unknown_area": 2},
        "warning_counts": {},
    }
    assert report.to_dict(language="en")["errors"][0]["message"] == (
        "Row 3, column 'RegioS': area code 'XX01' is unknown."
    )
    json.dumps(report.to_dict())  # publishable as is


def test_warnings_do_not_make_a_report_invalid_and_can_be_filtered():
    report = ValidationReport(file="f.csv")
    params = {"median": "1", "score": "9.0"}
    report.add(Outlier(file="f.csv", row=4, column="waarde", value="10", params=params))
    assert report.valid
    assert report.count() == 1 and report.count(severity="error") == 0
    assert report.counts_by_rule() == {"outlier": 1}
    assert [w.row for w in report.warnings] == [4]
    assert report.filter(rule="outlier", column="waarde", row=4) == report.warnings
    assert report.filter(row=5) == []
    report.add(UnknownArea(file="f.csv", row=2, column="RegioS", value="XX"))
    assert not report.valid
    assert [e.rule for e in report.filter()] == ["unknown_area", "outlier"]  # by row


def test_every_rule_is_documented_in_the_mapping_guide():
    guide = (Path(__file__).resolve().parents[4] / "docs" / "mapping.md").read_text()
    undocumented = [code for code in delivery_rules() if f"| `{code}` |" not in guide]
    assert not undocumented, f"add these rules to docs/mapping.md: {undocumented}"
