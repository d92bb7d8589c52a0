"""Read the tables of a rendered page the way a reader sees them: caption, headers, cell text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Table:
    caption: str = ""
    rows: list[list[str]] = field(default_factory=list)
    links: list[list[str | None]] = field(default_factory=list)

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.rows[1:]]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self.stack: list[Table] = []
        self.cell: list[str] | None = None
        self.link: str | None = None
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.stack.append(Table())
        elif not self.stack:
            return
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.stack[-1].rows.append([])
            self.stack[-1].links.append([])
        elif tag in ("td", "th"):
            self.cell, self.link = [], None
        elif tag == "a" and self.cell is not None and self.link is None:
            self.link = dict(attrs).get("href")

    def handle_endtag(self, tag):
        if not self.stack:
            return
        if tag == "table":
            self.tables.append(self.stack.pop())
        elif tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.cell is not None:
            self.stack[-1].rows[-1].append(" ".join("".join(self.cell).split()))
            self.stack[-1].links[-1].append(self.link)
            self.cell = None

    def handle_data(self, data):
        if self.in_caption:
            self.stack[-1].caption += data.strip()
        elif self.cell is not None:
            self.cell.append(data)


def page_tables(html: str) -> list[Table]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def table_with(html: str, caption_part: str) -> Table:
    found = [t for t in page_tables(html) if caption_part in t.caption]
    assert found, f"no table with caption containing {caption_part!r}"
    return found[0]


def dutch_number(text: str) -> float:
    """`6.955` → 6955.0, `9,5` → 9.5 (the page's Dutch notation)."""
    return float(text.replace(".", "").replace(",", ".").replace("−", "-"))
