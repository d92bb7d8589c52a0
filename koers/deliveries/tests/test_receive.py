"""Receiving deliveries: all or nothing, kept originals, versions, idempotent re-imports."""

import csv

import pytest

from koers.deliveries.files import stored_path
from koers.deliveries.models import Delivery, Observation
from koers.deliveries.storing import receive
from koers.deliveries.tests.conftest import publish
from koers.deliveries.versions import published_as_of


def _source_rows(path, encoding="utf-8-sig", delimiter=","):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_wind_file_stores_one_observation_per_mapped_cell(catalogue, wind, mapping):
    delivery = receive(wind, mapping_path=mapping("70960"))
    assert delivery.status == "validated", delivery.report["errors"][:3]
    rows = _source_rows(wind)
    assert delivery.rows == len(rows)
    mapped = {v["source_column"] for v in Observation.objects.values("source_column")}
    expected = len(rows) * len(mapped)
    assert Observation.objects.count() == delivery.observations_created == expected
    assert stored_path(delivery.file.sha256).read_bytes() == wind.read_bytes()


def test_blank_cells_are_missing_not_zero(catalogue, wind, mapping):
    receive(wind, mapping_path=mapping("70960"))
    rows = _source_rows(wind)
    column = "InGebruikGenomenWindmolens_1"
    blanks = [r for r in rows if not r[column].strip()]
    assert blanks
    for row in blanks:
        obs = Observation.objects.get(
            area__code=row["RegioS"].strip(), period=row["Perioden"][:4], source_column=column
        )
        assert obs.value is None and obs.status == "missing"
    assert Observation.objects.filter(source_column=column, value=0).count() == sum(
        1 for r in rows if r[column].strip() and float(r[column]) == 0
    )


def test_reimporting_the_same_file_changes_nothing(catalogue, wind, mapping):
    publish(receive(wind, mapping_path=mapping("70960")))
    before = Observation.objects.count()
    again = receive(wind, mapping_path=mapping("70960"))
    assert again.status == "validated"
    assert again.observations_created == 0 and again.observations_superseded == 0
    assert Observation.objects.count() == before


def test_changed_values_create_versions_for_exactly_those_values(
    catalogue, wind, mapping, tmp_path
):
    first = publish(receive(wind, mapping_path=mapping("70960")))
    text = wind.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if ",PV25,2020JJ00," in line)
    cells = lines[target].rstrip("\n").split(",")
    header = lines[0].rstrip("\n").split(",")
    column = header.index("OpgesteldVermogenEindeJaar_9")
    old = float(cells[column])
    cells[column] = str(old + 10)
    lines[target] = ",".join(cells) + "\n"
    changed = tmp_path / "wind-gecorrigeerd.csv"
    changed.write_text("".join(lines), encoding="utf-8")
    second = receive(changed, mapping_path=mapping("70960"))
    assert (second.observations_created, second.observations_superseded) == (1, 1)
    second = publish(second)
    versions = Observation.objects.filter(
        area__code="PV25", period="2020", source_column="OpgesteldVermogenEindeJaar_9"
    ).order_by("version")
    assert [(o.version, o.value, o.delivery_id) for o in versions] == [
        (1, old, first.pk),
        (2, old + 10, second.pk),
    ]
    assert versions[0].superseded_at is not None
    as_before = published_as_of(
        first.published_at,
        area__code="PV25",
        period="2020",
        source_column="OpgesteldVermogenEindeJaar_9",
    )
    assert [o.value for o in as_before] == [old]


@pytest.mark.parametrize(
    ("breakage", "column", "rule"),
    [
        ("text", "OpgesteldVermogenEindeJaar_9", None),
        ("region", "RegioS", None),
        ("period", "Perioden", None),
        ("duplicate", None, None),
        ("truncate", None, None),
    ],
)
def test_broken_variants_are_rejected_with_row_and_column_and_store_nothing(
    catalogue, wind, mapping, tmp_path, breakage, column, rule
):
    lines = wind.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    row = 41  # 1-based file row (header is row 1)
    cells = lines[row - 1].rstrip("\n").split(",")
    if breakage == "text":
        cells[header.index(column)] = "veel"
    elif breakage == "region":
        cells[header.index(column)] = "PV77"
    elif breakage == "period":
        cells[header.index(column)] = "2019XX00"
    elif breakage == "duplicate":
        lines.insert(row, lines[row - 1])
    elif breakage == "truncate":
        cells = cells[:5]
    if breakage != "duplicate":
        lines[row - 1] = ",".join(cells) + "\n"
    broken = tmp_path / f"wind-{breakage}.csv"
    broken.write_text("".join(lines), encoding="utf-8")
    delivery = receive(broken, mapping_path=mapping("70960"))
    assert delivery.status == "rejected"
    assert Observation.objects.count() == 0
    errors = delivery.report["errors"]
    assert errors, delivery.report
    error = errors[0]
    assert error["file"].endswith(broken.name)
    assert error["row"] == (row + 1 if breakage == "duplicate" else row)
    if column:
        assert error["column"] == column
    assert error["rule"] and error["message"]
    assert stored_path(delivery.file.sha256).exists()  # the original is kept, with its report


def test_a_failing_import_ends_failed_with_a_finding_and_no_rows(
    catalogue, wind, mapping, monkeypatch
):
    from koers.deliveries import versions

    calls = {"n": 0}
    real_insert = versions.insert

    def failing_insert(rows, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("database went away")
        return real_insert(rows, **kwargs)

    monkeypatch.setattr(versions, "insert", failing_insert)
    delivery = receive(wind, mapping_path=mapping("70960"))
    assert calls["n"] == 2  # a first insert ran before the second failed
    assert Observation.objects.count() == 0
    assert Delivery.objects.get().status == delivery.status == "failed"
    (finding,) = delivery.report["errors"]
    assert finding["rule"] == "import_failed" and "database went away" in finding["message"]
