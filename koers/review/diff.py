"""A word-level diff of two goal texts, as segments a template marks up with <del>/<ins>."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

Op = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """The words of ``old`` and ``new`` in reading order: kept, removed or added."""
    a, b = old.split(), new.split()
    out: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Segment("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment("added", " ".join(b[j1:j2])))
    return out
