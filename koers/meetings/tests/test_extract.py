"""Text of meeting documents for search: PDF, DOCX and ODT; anything else is refused."""

from __future__ import annotations

import pytest

from koers.meetings.extract import DOCX_MIMETYPE, ODT_MIMETYPE, DocumentRefused, extract
from koers.meetings.tests.conftest import write_docx, write_odt


def test_the_text_of_a_pdf_is_read_with_pdftotext(pdf):
    extracted = extract(pdf)
    assert extracted.formaat == "application/pdf"
    assert "kringlooplandbouw" in extracted.tekst


def test_the_paragraphs_of_a_docx_are_read_from_its_xml(tmp_path):
    extracted = extract(write_docx(tmp_path / "a.docx", ["Eerste alinea", "Windenergie op land"]))
    assert extracted.formaat == DOCX_MIMETYPE
    assert extracted.tekst == "Eerste alinea\nWindenergie op land"


def test_the_paragraphs_and_headings_of_an_odt_are_read_from_its_xml(tmp_path):
    extracted = extract(write_odt(tmp_path / "a.odt", ["Natuurherstel"]))
    assert extracted.formaat == ODT_MIMETYPE
    assert extracted.tekst == "Kop\nNatuurherstel"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"gewone tekst", "alleen PDF-, DOCX- en ODT"),
        (b"%PDF-1.7 kapot", "beschadigd of versleuteld"),
        (b"PK\x03\x04 geen zip", "beschadigd zip-archief"),
    ],
)
def test_a_file_koers_cannot_read_is_refused_naming_the_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "stuk.bin"
    path.write_bytes(content)
    with pytest.raises(DocumentRefused) as refused:
        extract(path, name="agenda.bin")
    assert refused.value.code == "document_refused"
    assert str(refused.value).startswith("agenda.bin: ")
    assert reason in str(refused.value)


def test_a_zip_that_is_no_text_document_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data.csv", "a,b")
    with pytest.raises(DocumentRefused, match="geen Word"):
        extract(path)


def test_office_xml_with_a_dtd_is_refused_so_no_entity_can_expand(tmp_path):
    import zipfile

    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><w:document xmlns:w="w">&a;</w:document>',
        )
    with pytest.raises(DocumentRefused, match="DTD"):
        extract(path)
