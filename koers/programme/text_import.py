"""Read the Bestuursprogramma IPO 2023–2027 from the text export of its PDF.

The export keeps the document's structure but not its layout: lines wrap mid-sentence,
pages break inside sentences (a leading space, a stray page number) and list numbers are
followed by a tab. This module turns it into themes, goals, principles and collaboration
functions with clean one-line texts. It has no Django imports.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path


class ProgrammeFormatError(ValueError):
    """The text lacks the structure of the Bestuursprogramma; ``code`` is stable."""

    def __init__(self, code: str, message: str, *, line: int) -> None:
        self.code = code
        self.line = line
        self.reason = message
        super().__init__(f"line {line}: {message} [{code}]")


@dataclass(frozen=True)
class ParsedGoal:
    number: str
    text: str


@dataclass(frozen=True)
class ParsedTheme:
    number: str
    name: str
    context: str
    goals: tuple[ParsedGoal, ...]


@dataclass(frozen=True)
class ParsedPrinciple:
    number: int
    title: str
    text: str


@dataclass(frozen=True)
class ParsedFunction:
    title: str
    text: str


@dataclass(frozen=True)
class ParsedProgramme:
    themes: tuple[ParsedTheme, ...]
    principles: tuple[ParsedPrinciple, ...]
    functions: tuple[ParsedFunction, ...]

    @property
    def goals(self) -> tuple[ParsedGoal, ...]:
        return tuple(goal for theme in self.themes for goal in theme.goals)


@dataclass(frozen=True)
class ProgrammeShape:
    """How many items a document must yield; a yearly review may change these."""

    goals_per_theme: tuple[int, ...]
    principles: int
    functions: int


BESTUURSPROGRAMMA_2023_2027 = ProgrammeShape(
    goals_per_theme=(4, 5, 5, 6, 5, 4, 3, 3), principles=3, functions=4
)

CHAPTER = re.compile(r"Hoofdstuk\s+(\d+)")
THEME_HEAD = re.compile(r"(\d)\.(\d{1,2})\t\s*(\S.*)")
# The export writes a tab after a list number; wrapped body text never starts like that.
ITEM = re.compile(r"(\d{1,2})\.\t\s*(.*)")
PAGE_NUMBER = re.compile(r"\d{1,3}")
PRINCIPLES_INTRO = re.compile(r"de\s+volgende\s+uitgangspunten:")
FUNCTIONS_INTRO = re.compile(r"op\s+de\s+volgende\s+punten\s+samen:")
GOALS_INTRO = re.compile(
    r"In\s+IPO[\s-]verband\s+werken\s+de\s+provincies\s+samen\s+aan\s+de\s+volgende\s+"
    r"strategische\s+doelen:"
)
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\w) ([.,;:!?])(?= |$)")
SENTENCE_END = (".", ",", ";", ":", "!", "?")
# Function headings are a few words; a wrapped body line holds nine or more.
MAX_HEADING_WORDS = 8


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # without surrounding whitespace; empty for blank lines and page numbers


Paragraph = list[Line]


def clean_text(lines: Sequence[str]) -> str:
    """Join wrapped lines into one normalised text; ``PAS-`` + ``melders`` gives ``PAS-melders``."""
    joined = ""
    for raw in lines:
        part = " ".join(raw.split())
        if not part:
            continue
        # A hyphen at a line end splits a compound, unless it is the "natuur- en" kind.
        glued = re.search(r"\w-$", joined) and not re.match(r"(en|of) ", part)
        joined = f"{joined}{part}" if glued or not joined else f"{joined} {part}"
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", joined)


def parse_file(
    path: str | os.PathLike[str], *, expected: ProgrammeShape | None = BESTUURSPROGRAMMA_2023_2027
) -> ParsedProgramme:
    """Parse the UTF-8 text export stored at ``path``."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return parse_bestuursprogramma(text, expected=expected)


def parse_bestuursprogramma(
    text: str, *, expected: ProgrammeShape | None = BESTUURSPROGRAMMA_2023_2027
) -> ParsedProgramme:
    """Parse the programme text; ``expected=None`` skips the count checks (revised editions)."""
    lines = [_line(number, raw) for number, raw in enumerate(text.splitlines(), start=1)]
    chapter_one = _chapter_start(lines, "1", after=0)
    chapter_two = _chapter_start(lines, "2", after=chapter_one)
    chapter_one_lines = lines[chapter_one : chapter_two - 1]
    _, principle_lines = _split(chapter_one_lines, PRINCIPLES_INTRO, what="the principles")
    _, function_lines = _split(chapter_one_lines, FUNCTIONS_INTRO, what="the functions")
    return ParsedProgramme(
        themes=_themes(lines[chapter_two:], expected=expected, end=len(lines)),
        principles=_principles(principle_lines, expected=expected),
        functions=_functions(function_lines, expected=expected),
    )


def _line(number: int, raw: str) -> Line:
    text = raw.strip()
    # A page number stands on a line of its own; the text has no other bare numbers.
    return Line(number, "" if PAGE_NUMBER.fullmatch(text) else text)


def _chapter_start(lines: Sequence[Line], chapter: str, *, after: int) -> int:
    """Index of the first line after the ``Hoofdstuk`` heading."""
    for index in range(after, len(lines)):
        match = CHAPTER.fullmatch(lines[index].text)
        if match and match.group(1) == chapter:
            return index + 1
    raise ProgrammeFormatError(
        "chapter-missing", f"no heading 'Hoofdstuk {chapter}' found", line=len(lines)
    )


def _split(
    lines: Sequence[Line], intro: re.Pattern[str], *, what: str
) -> tuple[list[Line], list[Line]]:
    """The lines before and after the sentence that introduces a list (it may wrap)."""
    parts = [" ".join(line.text.split()) for line in lines]
    starts = [0, *accumulate(len(part) + 1 for part in parts)][: len(parts)]
    match = intro.search(" ".join(parts))
    if match is None:
        line = lines[-1].number if lines else 0
        raise ProgrammeFormatError(
            "list-intro-missing", f"no sentence introducing {what} found", line=line
        )
    first = bisect.bisect_right(starts, match.start()) - 1
    last = bisect.bisect_right(starts, match.end() - 1) - 1
    head = parts[first][: match.start() - starts[first]].strip()
    tail = parts[last][match.end() - starts[last] :].strip()
    return (
        [*lines[:first], Line(lines[first].number, head)],
        [Line(lines[last].number, tail), *lines[last + 1 :]],
    )


def _paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """Group lines into paragraphs; every list item starts a paragraph of its own."""
    paragraphs: list[Paragraph] = []
    after_blank = True
    for line in lines:
        if not line.text:
            after_blank = True
            continue
        # A page break may put a blank line inside a sentence: it resumes in lower case.
        resumes = not after_blank or line.text[0].islower()
        if paragraphs and resumes and not ITEM.fullmatch(line.text):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
        after_blank = False
    return paragraphs


def _item_start(paragraph: Paragraph, *, position: int, what: str) -> re.Match[str] | None:
    """The item match of a paragraph that opens list item ``position``, or None."""
    match = ITEM.fullmatch(paragraph[0].text)
    if match and int(match.group(1)) != position:
        raise ProgrammeFormatError(
            "numbering",
            f"expected {what} {position}, found number {match.group(1)}",
            line=paragraph[0].number,
        )
    return match


def _required(text: str, *, what: str, line: int) -> str:
    if not text:
        raise ProgrammeFormatError("empty-text", f"{what} has no text", line=line)
    return text


def _check_count(found: int, wanted: int | None, *, what: str, line: int) -> None:
    if wanted is not None and found != wanted:
        raise ProgrammeFormatError(
            "wrong-count", f"expected {wanted} {what}, found {found}", line=line
        )


def _themes(
    lines: Sequence[Line], *, expected: ProgrammeShape | None, end: int
) -> tuple[ParsedTheme, ...]:
    heads = [
        (index, match)
        for index, line in enumerate(lines)
        if (match := THEME_HEAD.fullmatch(line.text))
    ]
    themes = []
    for position, (index, match) in enumerate(heads, start=1):
        number, head = f"{match.group(1)}.{match.group(2)}", lines[index]
        if number != f"2.{position}":
            raise ProgrammeFormatError(
                "numbering", f"expected theme 2.{position}, found {number}", line=head.number
            )
        stop = heads[position][0] if position < len(heads) else len(lines)
        context, goal_lines = _split(
            lines[index + 1 : stop], GOALS_INTRO, what=f"the goals of theme {number}"
        )
        goals = _goals(number, goal_lines, head=head)
        if expected is not None and position <= len(expected.goals_per_theme):
            wanted = expected.goals_per_theme[position - 1]
            _check_count(len(goals), wanted, what=f"goals in theme {number}", line=head.number)
        name = clean_text([match.group(3)])
        themes.append(ParsedTheme(number, name, clean_text([ln.text for ln in context]), goals))
    wanted = None if expected is None else len(expected.goals_per_theme)
    _check_count(len(themes), wanted, what="themes", line=end)
    if not themes:
        raise ProgrammeFormatError("themes-missing", "chapter 2 has no themes", line=end)
    return tuple(themes)


def _goals(theme: str, lines: Sequence[Line], *, head: Line) -> tuple[ParsedGoal, ...]:
    items: list[list[Line]] = []
    for paragraph in _paragraphs(lines):
        match = _item_start(paragraph, position=len(items) + 1, what=f"goal of theme {theme}")
        if match:
            items.append([Line(paragraph[0].number, match.group(2)), *paragraph[1:]])
        elif items:
            # A goal runs to the next goal or theme, whatever blank lines it holds.
            items[-1].extend(paragraph)
        else:
            raise ProgrammeFormatError(
                "text-before-goals",
                f"text before goal 1 of theme {theme}",
                line=paragraph[0].number,
            )
    if not items:
        raise ProgrammeFormatError(
            "theme-without-goals", f"theme {theme} has no goals", line=head.number
        )
    return tuple(
        ParsedGoal(
            f"{theme}.{position}",
            _required(
                clean_text([ln.text for ln in item]),
                what=f"goal {theme}.{position}",
                line=item[0].number,
            ),
        )
        for position, item in enumerate(items, start=1)
    )


def _principles(
    lines: Sequence[Line], *, expected: ProgrammeShape | None
) -> tuple[ParsedPrinciple, ...]:
    principles = []
    for paragraph in _paragraphs(lines):
        position = len(principles) + 1
        match = _item_start(paragraph, position=position, what="principle")
        if match is None:
            break  # the list ends where the chapter's running text resumes
        title, body = [match.group(2)], paragraph[1:]
        # A title wraps in lower case; the principle's own text opens with a capital.
        while body and not body[0].text[0].isupper():
            title.append(body.pop(0).text)
        line = paragraph[0].number
        principles.append(
            ParsedPrinciple(
                position,
                _required(clean_text(title), what=f"principle {position}", line=line),
                _required(
                    clean_text([ln.text for ln in body]), what=f"principle {position}", line=line
                ),
            )
        )
    wanted = None if expected is None else expected.principles
    _check_count(len(principles), wanted, what="principles", line=lines[0].number)
    return tuple(principles)


def _is_heading(paragraph: Paragraph) -> bool:
    first = paragraph[0].text
    return (
        len(paragraph) > 1
        and not first.endswith(SENTENCE_END)
        and len(first.split()) <= MAX_HEADING_WORDS
        and paragraph[1].text[0].isupper()
    )


def _functions(
    lines: Sequence[Line], *, expected: ProgrammeShape | None
) -> tuple[ParsedFunction, ...]:
    sections: list[tuple[Line, list[str]]] = []
    for paragraph in _paragraphs(lines):
        if _is_heading(paragraph):
            sections.append((paragraph[0], [ln.text for ln in paragraph[1:]]))
        elif sections:
            sections[-1][1].extend(ln.text for ln in paragraph)
        else:
            raise ProgrammeFormatError(
                "function-heading-missing",
                "expected the heading of a collaboration function",
                line=paragraph[0].number,
            )
    wanted = None if expected is None else expected.functions
    _check_count(len(sections), wanted, what="collaboration functions", line=lines[0].number)
    return tuple(
        ParsedFunction(
            clean_text([head.text]), _required(clean_text(body), what=head.text, line=head.number)
        )
        for head, body in sections
    )
