"""Reading and the whole-file checks as two steps, for callers that read in another thread."""

from koers.deliveries.ingest import (
    TEMPLATE_COLUMNS,
    IndicatorSpec,
    ValidationContext,
    read_delivery,
)

from .conftest import write_rows

SPEC = IndicatorSpec(code="bevolking", periodicity="year", minimum=0)


def _file(tmp_path, values):
    rows = [["bevolking", "PV20", "2023", "", "", value, ""] for value in values]
    return write_rows(tmp_path / "levering.csv", list(TEMPLATE_COLUMNS), rows)


def test_reading_does_not_look_up_history_and_finishing_does(tmp_path):
    asked = []

    def history(indicator, area, breakdown):
        asked.append((indicator, area, breakdown))
        return [("2020", 10.0), ("2021", 11.0)]

    context = ValidationContext(
        known_areas=frozenset({"PV20"}), indicators={"bevolking": SPEC}, history=history
    )
    ingest = read_delivery(_file(tmp_path, ["12"]), None, context)
    assert sum(batch.num_rows for batch in ingest.read_batches()) == 1
    assert asked == [] and not ingest.report.complete
    ingest.finish()
    assert asked == [("bevolking", "PV20", "_T")] and ingest.report.complete


def test_duplicates_found_in_the_finish_step_name_both_rows(tmp_path):
    context = ValidationContext(known_areas=frozenset({"PV20"}), indicators={"bevolking": SPEC})
    ingest = read_delivery(_file(tmp_path, ["5", "6"]), None, context, batch_rows=1)
    assert [batch.num_rows for batch in ingest.read_batches()] == [1, 1]
    assert ingest.report.valid  # not known before the whole file is read
    ingest.finish()
    (error,) = ingest.report.errors
    assert (error.rule, error.row, error.params["first_row"]) == ("duplicate_key", 3, 2)
    ingest.finish()  # a second call adds nothing
    assert ingest.report.count("duplicate_key") == 1
