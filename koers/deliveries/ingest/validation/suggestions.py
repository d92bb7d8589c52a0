"""'Bedoelt u PV25?': the known code closest to an unknown one, for the message.

difflib finds the close codes; among equally close ones, a code with the same characters
in another order (PV52 for PV25: two keys swapped) wins, as that is the common typo.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection

_CUTOFF = 0.6


def closest_code(value: str | None, known: Collection[str]) -> str | None:
    """The known code a person most likely meant by ``value``; None when none is close."""
    text = (value or "").strip()
    if not text or text in known:
        return None
    by_upper = {code.upper(): code for code in known}
    close = difflib.get_close_matches(text.upper(), list(by_upper), n=8, cutoff=_CUTOFF)
    if not close:
        return None
    letters = sorted(text.upper())

    def rank(code: str) -> tuple[bool, float]:
        ratio = difflib.SequenceMatcher(None, text.upper(), code).ratio()
        return sorted(code) == letters, ratio

    return by_upper[max(close, key=rank)]


def suggestion_texts(value: str | None, known: Collection[str]) -> tuple[str, str]:
    """("Bedoelt u 'PV25'?", "Did you mean 'PV25'?"), or two blanks."""
    code = closest_code(value, known)
    if code is None:
        return "", ""
    return f"Bedoelt u '{code}'?", f"Did you mean '{code}'?"
