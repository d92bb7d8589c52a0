"""A steward, a theme lead and the office; a real PDF; a polygon in RD New."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def theme(register):
    from koers.programme.models import Theme

    return Theme.objects.get(number="2.2")


@pytest.fixture
def goal(theme):
    return theme.goals.order_by("position").first()


@pytest.fixture
def steward(register, make_user):
    return make_user("province_steward", province="PV25", name="steward-gld")


@pytest.fixture
def lead(make_user, theme):
    return make_user("theme_lead", themes=[theme], name="lead-landbouw")


@pytest.fixture
def pdf(tmp_path) -> Path:
    """A real PDF (made by WeasyPrint) whose text holds the word 'bodemdaling'."""
    from weasyprint import HTML

    path = tmp_path / "evaluatie.pdf"
    HTML(
        string="<h1>Evaluatie</h1><p>Het peil omhoog remde de bodemdaling in de polder.</p>"
    ).write_pdf(path)
    return path


@pytest.fixture
def polygon_rd(tmp_path) -> Path:
    """A square near Gouda in RD New (metres), as a province's GIS would export it."""
    ring = [
        [110000, 445000],
        [112000, 445000],
        [112000, 447000],
        [110000, 447000],
        [110000, 445000],
    ]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"naam": "Veenweide Krimpenerwaard"},
             "geometry": {"type": "Polygon", "coordinates": [ring]}}
        ],
    }  # fmt: skip
    path = tmp_path / "gebied.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path
