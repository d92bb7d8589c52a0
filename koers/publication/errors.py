"""Errors of the publication, each with a stable code."""

from __future__ import annotations


class PublicationError(Exception):
    """Base class: something could not be published."""

    code = "publication"


class UnknownFormat(PublicationError):
    """An export format that Koers does not write."""

    code = "unknown_format"

    def __init__(self, name: str, known: list[str]):
        super().__init__(f"unknown export format {name!r}; choose from {', '.join(known)}")
        self.name = name


class NothingPublished(PublicationError):
    """The requested indicator (or the whole set) has no published observations."""

    code = "nothing_published"

    def __init__(self, indicator: str | None = None):
        what = f"indicator {indicator!r}" if indicator else "Koers"
        super().__init__(f"{what} has no published observations")
        self.indicator = indicator


class UnknownLicence(PublicationError):
    """A licence that the publication cannot describe in every format."""

    code = "unknown_licence"

    def __init__(self, name: str, known: list[str]):
        super().__init__(f"unknown licence {name!r}; choose from {', '.join(known)}")
        self.name = name


class InvalidSdmxId(PublicationError):
    """A code that SDMX does not allow as an identifier (letters, digits, _ @ $ - only)."""

    code = "invalid_sdmx_id"

    def __init__(self, what: str, value: str):
        super().__init__(f"{what} {value!r} is not a valid SDMX identifier")
        self.what = what
        self.value = value
