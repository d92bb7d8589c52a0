"""Text of a meeting document, for search: PDF (pdftotext), DOCX and ODT (their XML).

Plain Python plus poppler's ``pdftotext``; no Django. A document whose format Koers cannot
read is refused with a clear reason rather than stored without text.
"""

from __future__ import annotations

import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

PDF_TIMEOUT_SECONDS = 60
MAX_XML_BYTES = 50_000_000  # an unpacked document.xml/content.xml larger than this is refused

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocumentRefused(ValueError):
    """The file is not a document Koers can read (code ``document_refused``)."""

    code = "document_refused"

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


@dataclass(frozen=True)
class Extracted:
    formaat: str  # media type
    tekst: str


def extract(path: Path, *, name: str | None = None) -> Extracted:
    """The media type and plain text of the PDF, DOCX or ODT at ``path``."""
    name = name or path.name
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF-"):
        return Extracted("application/pdf", _pdf_text(path, name))
    if head.startswith(b"PK\x03\x04"):
        return _office_text(path, name)
    raise DocumentRefused(
        name, "Koers leest alleen PDF-, DOCX- en ODT-documenten; dit bestand is geen van drieën."
    )


def _pdf_text(path: Path, name: str) -> str:
    try:
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-q", str(path), "-"],
            capture_output=True,
            timeout=PDF_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise DocumentRefused(name, "het lezen van de PDF duurde te lang.") from None
    if done.returncode != 0:
        raise DocumentRefused(name, "de PDF is beschadigd of versleuteld en niet te lezen.")
    return _tidy(done.stdout.decode("utf-8", errors="replace"))


def _office_text(path: Path, name: str) -> Extracted:
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            if "word/document.xml" in members:
                return Extracted(DOCX_MIMETYPE, _paragraphs(archive, "word/document.xml", name))
            if "content.xml" in members and _mimetype(archive) == ODT_MIMETYPE:
                return Extracted(ODT_MIMETYPE, _paragraphs(archive, "content.xml", name))
    except zipfile.BadZipFile:
        raise DocumentRefused(name, "het bestand is een beschadigd zip-archief.") from None
    raise DocumentRefused(
        name, "dit zip-bestand is geen Word- (DOCX) of OpenDocument-tekstdocument (ODT)."
    )


def _mimetype(archive: zipfile.ZipFile) -> str:
    try:
        return archive.read("mimetype").decode("ascii", errors="replace").strip()
    except KeyError:
        return ""


def _paragraphs(archive: zipfile.ZipFile, member: str, name: str) -> str:
    if archive.getinfo(member).file_size > MAX_XML_BYTES:
        raise DocumentRefused(
            name, f"de tekst van het document is groter dan {MAX_XML_BYTES // 1_000_000} MB."
        )
    data = archive.read(member)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        # Office XML never needs a DTD; refusing one rules out entity expansion attacks.
        raise DocumentRefused(
            name, "de XML van het document bevat een DTD, wat niet is toegestaan."
        )
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 (no DTD, so no entities; see above)
    except ElementTree.ParseError as error:
        raise DocumentRefused(name, f"de XML van het document is onleesbaar ({error}).") from None
    lines = []
    for element in root.iter():
        if element.tag == f"{W}p":
            lines.append("".join(t.text or "" for t in element.iter(f"{W}t")))
        elif element.tag in (f"{TEXT}p", f"{TEXT}h"):
            lines.append("".join(element.itertext()))
    return _tidy("\n".join(lines))


def _tidy(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
