"""Built-in areas and boundary import from the real CBS/PDOK files."""

import pytest

from koers.areas.boundaries import RD_NEW, WGS84, BoundaryError, detect_crs, import_boundaries
from koers.areas.builtin import load_builtin_areas
from koers.areas.models import Area, AreaLink

PROVINCES = {
    "PV20": ("Groningen", "NL11"),
    "PV21": ("Fryslân", "NL12"),
    "PV22": ("Drenthe", "NL13"),
    "PV23": ("Overijssel", "NL21"),
    "PV24": ("Flevoland", "NL23"),
    "PV25": ("Gelderland", "NL22"),
    "PV26": ("Utrecht", "NL35"),
    "PV27": ("Noord-Holland", "NL32"),
    "PV28": ("Zuid-Holland", "NL36"),
    "PV29": ("Zeeland", "NL34"),
    "PV30": ("Noord-Brabant", "NL41"),
    "PV31": ("Limburg", "NL42"),
}


def test_the_country_the_provinces_and_unallocated_are_built_in(db):
    load_builtin_areas()
    provinces = {a.code: (a.name, a.nuts2) for a in Area.objects.filter(type="provincie")}
    assert provinces == PROVINCES
    assert Area.objects.get(code="NL01").type == "land"
    assert Area.objects.get(code="PV99").type == "unallocated"
    gelderland = Area.objects.get(code="PV25")
    assert gelderland.tooi == "https://identifier.overheid.nl/tooi/id/provincie/pv25"
    parents = set(AreaLink.objects.values_list("parent__code", flat=True))
    assert parents == {"NL01"}
    assert AreaLink.objects.count() == 13  # 12 provinces and PV99


def test_loading_twice_changes_nothing(db):
    load_builtin_areas()
    assert load_builtin_areas() == 0


def _centroid(geometry):
    points = []

    def walk(node):
        if isinstance(node[0], (int, float)):
            points.append(node)
        else:
            for child in node:
                walk(child)

    walk(geometry["coordinates"])
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def test_rd_new_without_crs_member_is_recognised(shared_data):
    import json

    collection = json.loads((shared_data / "geo" / "provincie_2025_rd.geojson").read_text())
    assert "crs" not in collection
    assert detect_crs(collection) == RD_NEW
    wgs = json.loads((shared_data / "geo" / "provincie_2023_wgs84.geojson").read_text())
    assert detect_crs(wgs) == WGS84


def test_both_boundary_files_put_the_same_provinces_in_the_same_place(db, shared_data):
    load_builtin_areas()
    result = import_boundaries(shared_data / "geo" / "provincie_2023_wgs84.geojson")
    assert result.crs == WGS84 and len(result.updated) == 12
    wgs = {a.code: _centroid(a.geometry) for a in Area.objects.exclude(geometry=None)}
    result = import_boundaries(shared_data / "geo" / "provincie_2025_rd.geojson")
    assert result.crs == RD_NEW and sorted(result.updated) == sorted(PROVINCES)
    rd = {a.code: _centroid(a.geometry) for a in Area.objects.exclude(geometry=None)}
    assert wgs.keys() == rd.keys() == PROVINCES.keys()
    for code in PROVINCES:
        lon, lat = rd[code]
        assert 3.2 < lon < 7.3 and 50.7 < lat < 53.6, code
        # Simplified outlines differ a little; centroids agree within ~2 km.
        assert abs(lon - wgs[code][0]) < 0.03 and abs(lat - wgs[code][1]) < 0.02, code


def test_unknown_area_in_boundaries_is_an_error_and_stores_nothing(db, tmp_path, shared_data):
    load_builtin_areas()
    text = (shared_data / "geo" / "provincie_2023_wgs84.geojson").read_text()
    broken = tmp_path / "broken.geojson"
    broken.write_text(text.replace('"PV31"', '"PV77"'))
    with pytest.raises(BoundaryError, match="unknown area code 'PV77'"):
        import_boundaries(broken)
    assert not Area.objects.exclude(geometry=None).exists()
