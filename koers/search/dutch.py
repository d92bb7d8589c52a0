"""Dutch stemming for the SQLite index: the Snowball Dutch algorithm, which PostgreSQL's
``dutch`` configuration also uses, so that both databases find the same words.

Plain Python, no Django: ``stem("vergaderingen") == stem("vergadering")``.
"""

from __future__ import annotations

import re
import unicodedata

VOWELS = frozenset("aeiouyè")
WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased (underscores and digits count as word letters)."""
    return [w.lower() for w in WORD.findall(text)]


def stem_text(text: str) -> str:
    """``text`` as space-separated stems, for the FTS5 table."""
    return " ".join(stem(w) for w in words(text))


def _strip_accents(word: str) -> str:
    out = []
    for ch in word:
        if ch in "äëïöüáéíóú":
            ch = unicodedata.normalize("NFD", ch)[0]
        out.append(ch)
    return "".join(out)


def _mark(word: str) -> str:
    chars = list(word)
    if chars and chars[0] == "y":
        chars[0] = "Y"
    for i in range(1, len(chars)):
        if chars[i] == "y" and chars[i - 1] in VOWELS:
            chars[i] = "Y"
        elif (
            chars[i] == "i"
            and chars[i - 1] in VOWELS
            and i + 1 < len(chars)
            and chars[i + 1] in VOWELS
        ):
            chars[i] = "I"
    return "".join(chars)


def _region(word: str, start: int) -> int:
    """Index after the first non-vowel that follows a vowel, at or after ``start``."""
    for i in range(start + 1, len(word)):
        if word[i] not in VOWELS and word[i - 1] in VOWELS:
            return i + 1
    return len(word)


def _undouble(word: str) -> str:
    return word[:-1] if word[-2:] in ("kk", "dd", "tt") else word


def _en_ending(word: str, r1: int) -> str | None:
    """``word`` without a final -en/-ene when step 1(b) removes it, else None."""
    for suffix in ("ene", "en"):
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            if len(base) >= r1 and base and base[-1] not in VOWELS and not base.endswith("gem"):
                return _undouble(base)
            return None
    return None


def stem(word: str) -> str:
    """The Snowball Dutch stem of one lower-case word."""
    word = _mark(_strip_accents(word.lower()))
    unadjusted = _region(word, 0)
    r1 = max(unadjusted, 3)  # at least three letters before R1
    r2 = _region(word, unadjusted)

    # Step 1
    if word.endswith("heden"):
        if len(word) - 5 >= r1:
            word = word[:-5] + "heid"
    elif word.endswith(("ene", "en")):
        word = _en_ending(word, r1) or word
    elif word.endswith(("se", "s")):
        suffix = "se" if word.endswith("se") else "s"
        base = word[: -len(suffix)]
        if len(base) >= r1 and base and base[-1] not in VOWELS and base[-1] != "j":
            word = base

    # Step 2
    e_found = False
    if word.endswith("e") and len(word) - 1 >= r1 and len(word) > 1 and word[-2] not in VOWELS:
        word = _undouble(word[:-1])
        e_found = True

    # Step 3a
    if word.endswith("heid") and len(word) - 4 >= r2 and not word[:-4].endswith("c"):
        word = word[:-4]
        if word.endswith("en"):
            word = _en_ending(word, r1) or word

    # Step 3b
    if word.endswith(("end", "ing")):
        if len(word) - 3 >= r2:
            word = word[:-3]
            if word.endswith("ig") and len(word) - 2 >= r2 and not word[:-2].endswith("e"):
                word = word[:-2]
            else:
                word = _undouble(word)
    elif word.endswith("ig"):
        if len(word) - 2 >= r2 and not word[:-2].endswith("e"):
            word = word[:-2]
    elif word.endswith("lijk"):
        if len(word) - 4 >= r2:
            word = word[:-4]
            if (
                word.endswith("e")
                and len(word) > 1
                and len(word) - 1 >= r1
                and word[-2] not in VOWELS
            ):
                word = _undouble(word[:-1])
    elif word.endswith("baar"):
        if len(word) - 4 >= r2:
            word = word[:-4]
    elif word.endswith("bar") and len(word) - 3 >= r2 and e_found:
        word = word[:-3]

    # Step 4: undouble a vowel (maan -> man)
    if (
        len(word) >= 4
        and word[-4] not in VOWELS
        and word[-3] == word[-2]
        and word[-2] in "aeou"
        and word[-1] not in VOWELS
        and word[-1] != "I"
    ):
        word = word[:-2] + word[-1]

    return word.replace("I", "i").replace("Y", "y")
