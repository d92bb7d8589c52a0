"""CSV, Parquet and JSON hold exactly the published observations, with their provenance."""

import json
import math

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

KEY = ("indicator", "area", "period", "breakdown", "value_kind")


def read_csv(path) -> pa.Table:
    """Codes stay text: a period such as 2020 is not a number."""
    return pacsv.read_csv(
        path, convert_options=pacsv.ConvertOptions(column_types={"period": pa.string()})
    )


def as_dict(rows: list[dict]) -> dict:
    return {tuple(r[k] for k in KEY): r["value"] for r in rows}


def same_values(got: dict, expected: dict) -> bool:
    return got.keys() == expected.keys() and all(
        (got[k] is None and expected[k] is None)
        or (got[k] is not None and expected[k] is not None and math.isclose(got[k], expected[k]))
        for k in expected
    )


def test_combined_csv_is_exactly_the_published_observations(exported):
    rows = read_csv(exported.folder / "alle-indicatoren.csv").to_pylist()
    expected = exported.database  # the published deliveries' observations, read via the ORM
    assert len(rows) == len(expected) == exported.report.rows
    assert same_values(as_dict(rows), expected)
    manure = {"ammoniakemissie_mest", "stikstofuitscheiding_dieren", "fosfaatuitscheiding_dieren"}
    assert not manure & {r["indicator"] for r in rows}, "a validated delivery leaked out"


def test_an_approved_correction_stays_out_until_it_is_published(exported):
    deliveries = exported.deliveries
    rows = pq.read_table(exported.folder / "indicatoren" / "wind_vermogen.parquet").to_pylist()
    (national_2020,) = [r for r in rows if (r["area"], r["period"]) == ("NL01", "2020")]
    lines = deliveries.wind_file.read_text().splitlines()
    (source_line,) = [line for line in lines if ",NL01,2020JJ00," in line]
    assert national_2020["value"] == float(source_line.split(",")[11])
    assert national_2020["value"] != deliveries.corrected_value
    assert national_2020["version"] == 1 and national_2020["delivery_id"] == deliveries.wind.pk


def test_every_row_names_its_source_delivery_and_file_row(exported):
    deliveries = exported.deliveries
    rows = pq.read_table(exported.folder / "alle-indicatoren.parquet").to_pylist()
    published_at = exported.published_at[deliveries.wind.pk]
    lines = deliveries.wind_file.read_text().splitlines()
    wind_rows = [r for r in rows if r["delivery_id"] == deliveries.wind.pk]
    assert wind_rows
    for row in wind_rows:
        assert row["source"] == "CBS 70960ned"
        assert row["source_file"] == "70960ned_windenergie_op_land.csv"
        assert row["published_at"] == published_at.replace(microsecond=0)
        cells = lines[row["source_row"] - 1].split(",")
        assert (cells[1], cells[2][:4]) == (row["area"], row["period"])
    renewables = {r["source"] for r in rows if r["delivery_id"] == deliveries.renewables.pk}
    assert renewables == {"CBS 85004NED"}


def test_blank_cbs_cells_are_published_as_missing_not_zero(exported):
    rows = read_csv(exported.folder / "indicatoren" / "wind_vermogen.csv").to_pylist()
    (early,) = [r for r in rows if (r["area"], r["period"]) == ("PV25", "1995")]
    assert early["value"] is None and early["obs_status"] == "missing"


def test_per_indicator_files_add_a_column_per_breakdown_dimension(exported):
    folder = exported.folder / "indicatoren"
    rows = read_csv(folder / "hernieuwbaar_elektrisch_vermogen.csv").to_pylist()
    assert {r["BronEnTechniek"] for r in rows} == {"E006590", "A050176", "A050177", "E006637"}
    for row in rows:
        assert row["breakdown"] == f"BronEnTechniek={row['BronEnTechniek']}"
    assert "PV99" in {r["area"] for r in rows}, "the unallocated area is part of the data"
    combined = read_csv(exported.folder / "alle-indicatoren.csv").num_rows
    tidy = [p for p in folder.glob("*.csv") if not p.name.endswith(".sdmx.csv")]
    assert len(tidy) == exported.report.indicators
    assert sum(read_csv(p).num_rows for p in tidy) == combined


def test_json_carries_licence_metadata_and_the_same_rows(exported):
    document = json.loads((exported.folder / "alle-indicatoren.json").read_text())
    assert document["licence"]["name"] == "CC-BY-4.0"
    meta = {i["code"]: i for i in document["indicators"]}
    assert meta["wind_vermogen"]["unit"] == "MW"
    assert meta["wind_vermogen"]["source"] == "CBS 70960ned"
    parquet = pq.read_table(exported.folder / "alle-indicatoren.parquet").to_pylist()
    assert same_values(as_dict(document["observations"]), as_dict(parquet))
    single = json.loads((exported.folder / "indicatoren" / "wind_vermogen.json").read_text())
    assert [i["code"] for i in single["indicators"]] == ["wind_vermogen"]


def test_no_file_in_any_format_mentions_unpublished_data(exported):
    unpublished = ("ammoniakemissie_mest", "84071", "_correctie.csv")
    files = [p for p in exported.folder.rglob("*") if p.is_file()]
    for path in files:
        if path.suffix == ".parquet":
            text = str(pq.read_table(path).to_pylist())
        else:
            text = path.read_text(encoding="utf-8")
        assert not [word for word in unpublished if word in text], path
    # DSD, package, 7 formats per indicator and combined, two pages and the manifest
    assert len(files) == 2 + 7 * (1 + exported.report.indicators) + 2 + 1
