"""programme.yaml describes the programme compactly, in our own words, in Dutch and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from koers.programme.text_import import clean_text, parse_bestuursprogramma

PROGRAMME_FILE = Path(__file__).resolve().parents[1] / "programme.yaml"
SEED = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "seed"
    / "bestuursprogramma-ipo-2023-2027.txt"
)
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_TITLE = 90
# Sharing six words in a row with the document counts as copying (stricter than eight).
COPY_RUN = 6


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(PROGRAMME_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source() -> str:
    return SEED.read_text(encoding="utf-8")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def runs(text: str, length: int = COPY_RUN) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + length]) for i in range(len(tokens) - length + 1)}


def own_words(spec: dict) -> list[tuple[str, str]]:
    """Every (place, text) written by us: names, titles and summaries in both languages."""
    found = [(f"programme.{key}", spec["programme"][key]) for key in ("name", "name_en")]
    for group, fields in (("principles", ("title",)), ("functions", ("name", "summary"))):
        for code, entry in spec[group].items():
            for field in fields:
                for key in (field, f"{field}_en"):
                    found.append((f"{group}.{code}.{key}", entry.get(key)))
    for code, theme in spec["themes"].items():
        found += [(f"themes.{code}.name_en", theme.get("name_en"))]
        for number, entry in theme["goals"].items():
            found += [(f"goal {number}.{key}", entry.get(key)) for key in ("title", "title_en")]
    return found


def test_it_defines_the_programme_and_its_period(spec):
    programme = spec["programme"]
    assert SLUG.fullmatch(programme["code"])
    assert (programme["period_start"], programme["period_end"]) == (2023, 2027)


def test_it_has_eight_themes_with_35_goals_numbered_like_the_document(spec):
    themes = list(spec["themes"].values())
    assert [t["number"] for t in themes] == [f"2.{n}" for n in range(1, 9)]
    assert [len(t["goals"]) for t in themes] == [4, 5, 5, 6, 5, 4, 3, 3]
    for theme in themes:
        expected = [f"{theme['number']}.{n}" for n in range(1, len(theme["goals"]) + 1)]
        assert list(theme["goals"]) == expected
        assert theme["bac"].startswith("BAC ")


def test_themes_and_goals_match_the_parsed_document(spec, source):
    document = parse_bestuursprogramma(source)
    themes = list(spec["themes"].values())
    assert [t["name"] for t in themes] == [t.name for t in document.themes]
    assert [n for t in themes for n in t["goals"]] == [g.number for g in document.goals]


def test_principles_and_functions_are_complete_and_ordered(spec):
    assert [p["number"] for p in spec["principles"].values()] == [1, 2, 3]
    assert [f["position"] for f in spec["functions"].values()] == [1, 2, 3, 4]
    assert "BIJ12" in spec["functions"]["wettelijke-taken-bij12"]["name"]


def test_every_key_is_a_stable_slug(spec):
    groups = ("principles", "functions", "themes")
    assert all(SLUG.fullmatch(code) for group in groups for code in spec[group])


def test_every_title_exists_in_both_languages_on_one_short_line(spec):
    for place, text in own_words(spec):
        assert isinstance(text, str) and text.strip() == text and text, place
        assert "\n" not in text and "  " not in text, place
        assert len(text) <= MAX_TITLE, f"{place} is {len(text)} characters"


def test_no_title_copies_a_run_of_words_from_the_document(spec, source):
    document = runs(clean_text(source.splitlines()))
    copied = [(place, text) for place, text in own_words(spec) if runs(text) & document]
    assert copied == []


def test_the_copy_check_does_catch_a_copied_phrase(source):
    document = runs(clean_text(source.splitlines()))
    lifted = "Provincies organiseren integraliteit en samenhang binnen het energiesysteem"
    assert runs(lifted) & document
    assert not runs("Sectoren en energiedragers verbinden tot één samenhangend energiesysteem") & (
        document
    )
