"""The base of Koers' own errors: a stable `code` and `title`, a message and its context.

Plain Python (the engine and the ingest library use it without Django).
"""

from __future__ import annotations


class KoersError(Exception):
    """Base class; `code` is stable and safe to show in API problem documents."""

    code = "koers_error"
    title = "Koers error"

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def as_dict(self) -> dict[str, object]:
        return {"type": self.code, "title": self.title, "detail": self.message, **self.context}
