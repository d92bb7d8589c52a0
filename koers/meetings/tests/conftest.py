"""Fixtures for Overleg: the bodies, people in each role, a held BAC meeting, documents."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest

from koers.meetings.models import Gremium, GremiumSoort


@pytest.fixture
def gremia(register):
    from koers.meetings.gremia import load_gremia

    load_gremia()
    return Gremium.objects.all()


@pytest.fixture
def bac(gremia) -> Gremium:
    """The BAC of the first theme."""
    return Gremium.objects.filter(soort=GremiumSoort.BAC).order_by("thema__number").first()


@pytest.fixture
def other_bac(gremia) -> Gremium:
    return Gremium.objects.filter(soort=GremiumSoort.BAC).order_by("thema__number").last()


@pytest.fixture
def lead(make_user, bac):
    return make_user("theme_lead", themes=[bac.thema], name="secretaris")


@pytest.fixture
def office(make_user, gremia):
    return make_user("programme_office", name="programmabureau")


@pytest.fixture
def steward_gld(make_user, gremia):
    user = make_user("province_steward", province="PV25", name="gelderland")
    user.email = "steward@gelderland.nl"
    user.save()
    return user


@pytest.fixture
def steward_utr(make_user, gremia):
    return make_user("province_steward", province="PV26", name="utrecht")


@pytest.fixture
def held_meeting(lead, bac):
    from koers.meetings import agenda

    vergadering = agenda.plan_meeting(
        lead, bac, datum=datetime.date.today() - datetime.timedelta(days=3), locatie="Den Haag"
    )
    agenda.add_agenda_item(
        lead, vergadering, titel="Stikstofaanpak", omschrijving="Gezamenlijke inzet"
    )
    agenda.set_status(lead, vergadering, "gehouden")
    return vergadering


@pytest.fixture
def pdf(tmp_path) -> Path:
    """A real PDF (made by WeasyPrint) whose text contains the word 'kringlooplandbouw'."""
    from weasyprint import HTML

    path = tmp_path / "voorstel.pdf"
    HTML(
        string="<h1>Voorstel</h1>"
        "<p>De provincies steunen kringlooplandbouw in het veenweidegebied.</p>"
    ).write_pdf(path)
    return path


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
        )
    return path


def write_odt(path: Path, paragraphs: list[str]) -> Path:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f'<office:document-content xmlns:office="{office}" xmlns:text="{text}">'
            f"<office:body><office:text><text:h>Kop</text:h>{body}</office:text></office:body>"
            "</office:document-content>",
        )
    return path
