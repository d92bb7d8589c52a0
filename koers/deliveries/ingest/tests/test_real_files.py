"""Every real CBS file and the Canadian Open SDG file reads with its shipped mapping.

The expectations are derived independently, with Python's csv module, from the same
files: one observation per kept row and mapped value column, blanks as missing (NULL,
never 0), every value equal to its cell, areas skipped only where the mapping says so.
"""

from collections import Counter

import pyarrow.compute as pc
import pytest

from koers.deliveries.ingest import OBSERVATION_SCHEMA, find_shipped_mapping, read_delivery

from .conftest import csv_rows, ingest_table

# file -> (delimiter, area column, area prefixes skipped on purpose, mapped value columns)
CASES = {
    "cbs/70960ned_windenergie_op_land.csv": (
        ",",
        "RegioS",
        (),
        [
            "InGebruikGenomenWindmolens_1",
            "UitGebruikGenomenWindmolens_2",
            "OpgesteldeWindmolensEindeVanJaar_3",
            "InGebruikGenomenVermogen_7",
            "OpgesteldVermogenEindeJaar_9",
            "NietGenormaliseerdeProductie_11",
        ],
    ),
    "cbs/85004ned_hernieuwbare_elektriciteit.csv": (
        ",",
        "RegioS",
        ("ES", "ET"),
        [
            "OpgesteldElektrischVermogen_1",
            "NietGenormaliseerdeProductie_2",
            "GenormaliseerdeProductie_3",
        ],
    ),
    "cbs/84071ned_dierlijke_mest_ammoniak.csv": (
        ",",
        "RegioS",
        ("LD", "LG", "CO", "RS"),
        [
            "AmmoniakemissieN_4",
            "StikstofuitscheidingN_2",
            "FosfaatuitscheidingP2O5_8",
            "StikstofInOpgeslagenMestEnWeidemest_7",
            "TotaalBemestbareCultuurgrond_22",
            "StikstofInDierlijkeMestPerHectare_9",
        ],
    ),
    "cbs/37259_bevolkingsontwikkeling_regio.csv": (
        ",",
        "Regions",
        ("GM", "CR", "LD"),
        [
            "PopulationOn1January_1",
            "LiveBornChildren_3",
            "LiveBornChildrenRatio_4",
            "Deaths_5",
            "DeathsRatio_6",
            "PopulationOn31December_20",
        ],
    ),
    "cbs/80202ned_doodsoorzaken_regio.csv": (
        ";",
        "RegioS",
        (),
        ["k_17111Wegverkeersongevallen_83", "TotaalAlleOnderliggendeDoodsoorzaken_1"],
    ),
    "sdg/canada_indicator_13-1-1.csv": (",", "Geography", (), ["Value"]),
}


def expected_cells(path, delimiter, area_column, skipped, columns):
    """{(source_row, column): cell} for every kept row, read with the csv module."""
    header, rows = csv_rows(path, delimiter)
    area_at = header.index(area_column)
    cells = {}
    dropped = 0
    for number, row in enumerate(rows, start=2):
        if row[area_at].strip().startswith(skipped) and skipped:
            dropped += 1
            continue
        for column in columns:
            cells[(number, column)] = row[header.index(column)]
    return cells, len(rows), dropped


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_file_reads_completely_with_its_shipped_mapping(real_data, context, name):
    path = real_data / name
    delimiter, area_column, skipped, columns = CASES[name]
    cells, rows, dropped = expected_cells(path, delimiter, area_column, skipped, columns)

    table, ingest = ingest_table(path, find_shipped_mapping(path), context)

    assert ingest.report.valid, ingest.report.to_dict()["errors"][:5]
    assert ingest.rows_read == rows
    assert ingest.rows_skipped == dropped
    assert table.num_rows == len(cells) == (rows - dropped) * len(columns)
    got = {
        (row, column): (value, status, raw)
        for row, column, value, status, raw in zip(
            *(
                table[c].to_pylist()
                for c in ("source_row", "source_column", "value", "status", "raw_value")
            ),
            strict=True,
        )
    }
    assert got.keys() == cells.keys()
    for key, cell in cells.items():
        value, status, raw = got[key]
        assert raw == cell
        if cell.strip():
            assert (value, status) == (float(cell), "normal"), key
        else:
            assert (value, status) == (None, "missing"), key  # blank is missing, never 0


def test_blank_cells_are_counted_as_missing_not_zero(real_data, context):
    path = real_data / "cbs/70960ned_windenergie_op_land.csv"
    header, rows = csv_rows(path)
    blanks = sum(
        1
        for row in rows
        for i, cell in enumerate(row)
        if header[i] == "OpgesteldVermogenEindeJaar_9" and not cell
    )
    table, _ = ingest_table(path, find_shipped_mapping(path), context)
    wind = table.filter(pc.equal(table["indicator"], "wind_vermogen"))
    assert blanks == 61  # provinces before 2003
    assert wind.filter(pc.equal(wind["status"], "missing")).num_rows == blanks
    assert wind.filter(pc.is_null(wind["value"])).num_rows == blanks


def test_padded_cbs_codes_pv99_and_res_regions(real_data, context):
    path = real_data / "cbs/85004ned_hernieuwbare_elektriciteit.csv"
    table, _ = ingest_table(path, find_shipped_mapping(path), context)
    areas = set(table["area"].to_pylist())
    assert areas == {"NL01", "PV99", *(f"PV{n}" for n in range(20, 32))}
    assert set(table["breakdown"].to_pylist()) == {
        f"BronEnTechniek={code}" for code in ("E006590", "A050176", "A050177", "E006637")
    }
    assert set(table["period"].to_pylist()) == {str(year) for year in range(2018, 2025)}


def test_population_keeps_provinces_and_splits_by_sex(real_data, context):
    path = real_data / "cbs/37259_bevolkingsontwikkeling_regio.csv"
    table, ingest = ingest_table(path, find_shipped_mapping(path), context)
    assert not any(a.startswith(("GM", "CR", "LD")) for a in table["area"].to_pylist())
    assert set(table["breakdown"].to_pylist()) == {"_T", "Geslacht=M", "Geslacht=V"}
    _, rows = csv_rows(path)
    municipalities = sum(1 for row in rows if row[3].startswith("GM"))
    assert ingest.rows_skipped >= municipalities > 13000


def test_untyped_dataset_export_with_bom_quotes_and_padding(real_data, context):
    path = real_data / "cbs/80202ned_doodsoorzaken_regio.csv"
    header, rows = csv_rows(path, ";")
    first = dict(zip(header, rows[0], strict=True))
    table, _ = ingest_table(path, find_shipped_mapping(path), context)
    row = table.filter(
        pc.and_(pc.equal(table["source_row"], 2), pc.equal(table["indicator"], "verkeersdoden"))
    ).to_pylist()[0]
    assert row["area"] == first["RegioS"].strip() == "PV20"
    assert row["period"] == "1996"
    assert row["breakdown"] == "_T"  # Geslacht T001038 and Leeftijd 10000 are both totals
    assert row["value"] == float(first["k_17111Wegverkeersongevallen_83"]) == 47
    ages = {b for b in table["breakdown"].to_pylist() if b != "_T"}
    assert len(ages) == 9 and all(b.startswith("Leeftijd=") for b in ages)


def test_open_sdg_blanks_mean_national_and_total(real_data, context):
    path = real_data / "sdg/canada_indicator_13-1-1.csv"
    header, rows = csv_rows(path)
    headline = [row for row in rows if row[1] == "" and row[2] == ""]
    table, _ = ingest_table(path, find_shipped_mapping(path), context)
    national_total = table.filter(
        pc.and_(pc.equal(table["area"], "CA"), pc.equal(table["breakdown"], "_T"))
    )
    assert national_total.num_rows == len(headline) == 35
    counts = Counter(zip(table["area"].to_pylist(), table["breakdown"].to_pylist(), strict=True))
    assert counts[("CA-AB", "_T")] == 35  # "Provincial Inventory Total" is the province's total
    assert counts[("CA-YT", "_T")] == 35  # "Territorial Inventory Total" likewise
    assert counts[("CA", "Sector=OIL_GAS")] == 35


def test_batches_have_a_fixed_number_of_rows_except_the_last(real_data, context):
    path = real_data / "cbs/37259_bevolkingsontwikkeling_regio.csv"
    ingest = read_delivery(path, find_shipped_mapping(path), context, batch_rows=1000)
    batches = list(ingest)
    sizes = [batch.num_rows for batch in batches]
    assert sum(sizes) == ingest.observations == (15630 - ingest.rows_skipped) * 6
    assert set(sizes[:-1]) == {1000} and 0 < sizes[-1] <= 1000
    assert all(batch.schema.equals(OBSERVATION_SCHEMA) for batch in batches)
    assert list(ingest.batches()) == []  # the stream is single-use
