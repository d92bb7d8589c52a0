"""Fixtures for the workspace: the catalogue, a steward of Gelderland and a real CBS file."""

from __future__ import annotations

from pathlib import Path

import pytest

WIND_COLUMN = "OpgesteldVermogenEindeJaar_9"


@pytest.fixture
def catalogue(register):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()


@pytest.fixture
def steward(catalogue, make_user):
    return make_user("province_steward", province="PV25", name="steward-gelderland")


@pytest.fixture
def gelderland(shared_data, tmp_path):
    """CBS 70960ned cut to the Gelderland rows; ``bad`` puts one wrong value in a cell.

    Returns the path and the file's row number (header = 1) of the changed row.
    """
    source = shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
    lines = source.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], [line for line in lines[1:] if line.split(",")[1] == "PV25"]

    def make(*, bad: str | None = None, period: str = "2020JJ00", name: str = "") -> tuple:
        cells = [row.split(",") for row in rows]
        column = header.split(",").index(WIND_COLUMN)
        index = next(i for i, row in enumerate(cells) if row[2] == period)
        if bad is not None:
            cells[index][column] = bad
        path = Path(tmp_path) / (name or f"70960ned_gelderland_{'fout' if bad else 'goed'}.csv")
        path.write_text("\n".join([header, *(",".join(c) for c in cells)]) + "\n", "utf-8")
        return path, index + 2

    return make


PROVINCE_CODE = "bedrijventerrein_uitgifte"  # the provinces deliver it themselves (catalogue)


@pytest.fixture
def filled_template(tmp_path):
    """A template for ``indicators`` written and filled in as a person would in Excel:
    ``values`` maps a breakdown code (`_T`) to what is typed in its `waarde` cell."""
    from openpyxl import load_workbook

    from koers.deliveries.templates import LAYOUT, write_template

    def make(
        *, province="PV25", period="2024", indicators=(PROVINCE_CODE,), values=None, name=""
    ) -> Path:
        path = Path(tmp_path) / (name or f"koers-{province}-{period}.xlsx")
        write_template(
            path, province=province, indicators=list(indicators), period=period, file_format="xlsx"
        )
        book = load_workbook(path)
        for row in book["aanlevering"].iter_rows(min_row=2):
            part = row[LAYOUT.index("uitsplitsing")].value
            row[LAYOUT.index("waarde")].value = (values or {}).get(part, 12.5)
        book.save(path)
        return path

    return make
