import pytest

MAPPINGS = __import__("pathlib").Path(__file__).resolve().parents[1] / "mappings"


@pytest.fixture
def catalogue(register):
    from koers.areas.builtin import CANADA_FILE, load_area_file
    from koers.indicators.catalogue import load_catalogue

    load_area_file(CANADA_FILE)
    load_catalogue()


@pytest.fixture
def mapping():
    def find(stem: str):
        matches = sorted(MAPPINGS.glob(f"*{stem}*.yaml"))
        assert len(matches) == 1, f"expected one mapping for {stem}: {matches}"
        return matches[0]

    return find


@pytest.fixture
def wind(shared_data):
    return shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
