"""The real province boundaries (CBS, 2023) for the map tests."""

import json

import pytest


@pytest.fixture
def geometries(shared_data):
    collection = json.loads((shared_data / "geo" / "provincie_2023_wgs84.geojson").read_text())
    return {f["properties"]["statcode"]: f["geometry"] for f in collection["features"]}
