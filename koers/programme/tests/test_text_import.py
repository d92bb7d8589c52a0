"""The text importer reads the real Bestuursprogramma export into clean themes and goals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from koers.programme.text_import import (
    ParsedProgramme,
    ProgrammeFormatError,
    clean_text,
    parse_bestuursprogramma,
    parse_file,
)

SEED = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "seed"
    / "bestuursprogramma-ipo-2023-2027.txt"
)


@pytest.fixture(scope="module")
def source() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def programme(source: str) -> ParsedProgramme:
    return parse_bestuursprogramma(source)


def goal(programme: ParsedProgramme, number: str) -> str:
    return next(g.text for g in programme.goals if g.number == number)


def all_texts(programme: ParsedProgramme) -> list[str]:
    texts = [p.title for p in programme.principles] + [p.text for p in programme.principles]
    texts += [f.title for f in programme.functions] + [f.text for f in programme.functions]
    for theme in programme.themes:
        texts += [theme.name, theme.context, *(g.text for g in theme.goals)]
    return texts


def line_number(source: str, fragment: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if fragment in line)


def test_it_finds_eight_themes_with_35_goals_numbered_per_theme(programme):
    assert [t.number for t in programme.themes] == [f"2.{n}" for n in range(1, 9)]
    assert [len(t.goals) for t in programme.themes] == [4, 5, 5, 6, 5, 4, 3, 3]
    assert len(programme.goals) == 35
    for theme in programme.themes:
        expected = [f"{theme.number}.{n}" for n in range(1, len(theme.goals) + 1)]
        assert [g.number for g in theme.goals] == expected


def test_theme_names_are_the_headings_without_number_and_padding(programme):
    assert [t.name for t in programme.themes] == [
        "Klimaat en energie",
        "Landelijk gebied",
        "Bereikbaarheid en infrastructuur",
        "Ruimte en Leefomgeving",
        "Regionale economie en cultuur",
        "Financiën en openbaar bestuur",
        "Digitalisering",
        "Werkgeverszaken",
    ]


def test_every_text_is_one_clean_line(programme):
    for text in all_texts(programme):
        assert text and text == text.strip()
        assert "  " not in text and "\t" not in text and "\n" not in text
        assert "\u202f" not in text and "\xa0" not in text


def test_goal_texts_run_across_wrapped_lines_and_page_breaks(programme):
    assert goal(programme, "2.3.5").startswith("De verkeersveiligheid op het provinciale wegennet")
    assert goal(programme, "2.3.5").endswith("door versterkte handhaving")
    # 2.6 carries a stray page number "29" just before its goals
    assert goal(programme, "2.6.1") == (
        "Provincies staan in hun rol van middenbestuur voor een goede wederkerige samenwerking "
        "tussen decentrale overheden en met het Rijk (en de verschillende departementen)"
    )
    assert "29" not in programme.themes[5].context


def test_blank_lines_inside_a_goal_do_not_split_it(programme):
    assert goal(programme, "2.5.1") == (
        "Ruimte voor economie is onderdeel van de integrale ruimtelijke opgave, "
        "zowel in de regio als landelijk."
    )
    assert goal(programme, "2.5.2").startswith("De innovatie- en valorisatiekracht in de regio’s")
    assert "vormt de basis voor de transities" in goal(programme, "2.5.2")


def test_a_word_split_at_a_line_end_keeps_its_hyphen(programme):
    assert "oplossing biedt voor PAS-melders en" in goal(programme, "2.2.1")
    assert "de volgende GLB-periode (Gemeenschappelijk" in goal(programme, "2.2.4")


def test_typographic_quotes_stay_and_odd_spaces_become_one_space(programme):
    assert "het ‘leren door te doen’ in gebiedsprocessen" in goal(programme, "2.6.4")
    assert "(visie en verordening). Departementen voelen" in goal(programme, "2.4.1")
    assert "samenhangend leefomgevingsbeleid" in goal(programme, "2.4.5")


def test_context_is_the_text_between_heading_and_goals_intro(programme):
    klimaat = programme.themes[0].context
    assert klimaat.startswith("Provincies committeren zich aan het Klimaatakkoord uit 2019.")
    assert klimaat.endswith("de uitvoeringskracht van de individuele provincies versterken.")
    landelijk = programme.themes[1].context
    assert landelijk.endswith("met Rijk en andere partners, kunnen realiseren.")
    for theme in programme.themes:
        assert "strategische doelen" not in theme.context
        assert not re.search(r"\b2\.\d\b", theme.context)


def test_principles_have_their_title_and_full_text(programme):
    assert [(p.number, p.title) for p in programme.principles] == [
        (1, "Alles wat we doen, doen we voor onze inwoners"),
        (2, "We willen bijdragen aan een betrouwbare overheid"),
        (3, "We brengen ambities en middelen in balans en hebben aandacht voor de uitvoerbaarheid"),
    ]
    first, _, third = programme.principles
    assert first.text.startswith("We betrekken de belangen van onze inwoners")
    assert first.text.endswith("Vanuit dat brede welvaartsperspectief willen we handelen.")
    assert third.text.startswith("Wij willen vasthouden aan het principe")
    assert "van het Rijk en de decentrale overheden" in third.text
    assert third.text.endswith("aandacht blijven zijn voor de uitvoerbaarheid.")


def test_a_page_break_inside_a_principle_does_not_end_the_list(source, programme):
    old = "Het is nodig \ndat de middelen structureel"
    assert source.count(old) == 1
    broken = source.replace(old, "Het is nodig \n\n 17 \n\n dat de middelen structureel")
    assert parse_bestuursprogramma(broken).principles == programme.principles


def test_functions_have_their_heading_and_all_their_paragraphs(programme):
    assert [f.title for f in programme.functions] == [
        "Positiebepaling en belangenbehartiging",
        "Platformfunctie: ‘leren door te doen’",
        "Uitvoering van wettelijke taken en (inter)bestuurlijke afspraken",
        "Slagvaardige samenwerking",
    ]
    positie, platform, uitvoering, samenwerking = programme.functions
    assert positie.text.endswith("voeren we politieke lobby namens de gezamenlijke provincies.")
    assert "Daarnaast willen we - breder dan binnen IPO - samen met het Rijk" in platform.text
    assert "zoals de afhandeling van de faunaschade." in uitvoering.text
    assert uitvoering.text.endswith("uitgebreid naar ondersteuning op andere opgaven.")
    assert "Voor een slagvaardige samenwerking in IPO-verband is" in samenwerking.text
    assert samenwerking.text.endswith("op de hoogte te blijven van alle IPO-dossiers.")
    assert "Hoofdstuk" not in samenwerking.text


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        (
            "Provincies zijn op stoom met de uitvoering van hun PPLG’s.",
            "Provincies voeren hun PPLG’s volledig uit.",
            "2.2.2",
        ),
        ("helder tastbaar en helder is.", "zichtbaar en tastbaar is.", "2.5.3"),
    ],
)
def test_a_changed_goal_sentence_changes_just_that_goal(source, programme, old, new, changed):
    assert source.count(old) == 1
    revised = parse_bestuursprogramma(source.replace(old, new))
    differing = [
        (before.number, after.text)
        for before, after in zip(programme.goals, revised.goals, strict=True)
        if before != after
    ]
    assert [number for number, _ in differing] == [changed]
    assert new in differing[0][1] and old not in differing[0][1]
    assert [t.context for t in revised.themes] == [t.context for t in programme.themes]
    assert (revised.principles, revised.functions) == (programme.principles, programme.functions)


@pytest.mark.parametrize(
    ("cut_before", "code"),
    [
        (" 2.8\t  Werkgeverszaken", "wrong-count"),
        ("1.\t Een cao voor de provinciale sector", "theme-without-goals"),
        ("Slagvaardige samenwerking ", "chapter-missing"),
    ],
)
def test_a_truncated_document_raises_a_format_error_naming_a_line(source, cut_before, code):
    truncated = source[: source.index(cut_before)]
    with pytest.raises(ProgrammeFormatError) as raised:
        parse_bestuursprogramma(truncated)
    assert raised.value.code == code
    assert 1 <= raised.value.line <= len(truncated.splitlines())
    assert str(raised.value).startswith(f"line {raised.value.line}: ")


def test_goals_without_their_introducing_sentence_are_not_guessed(source):
    intro = "In IPO verband werken de provincies samen aan de volgende \nstrategische doelen:"
    head = source.index("2.4\t")
    damaged = source[:head] + source[head:].replace(intro, "Wij werken aan:", 1)
    with pytest.raises(ProgrammeFormatError) as raised:
        parse_bestuursprogramma(damaged)
    assert raised.value.code == "list-intro-missing"
    assert "theme 2.4" in str(raised.value)


def test_a_principle_that_lost_its_number_fails_the_count(source):
    damaged = source.replace("3.\t We brengen ambities", "We brengen ambities")
    with pytest.raises(ProgrammeFormatError) as raised:
        parse_bestuursprogramma(damaged)
    assert raised.value.code == "wrong-count"
    assert raised.value.reason == "expected 3 principles, found 2"
    assert len(parse_bestuursprogramma(damaged, expected=None).principles) == 2


def test_a_theme_without_goals_names_its_heading_line(source):
    truncated = source[: source.index("1.\t Een cao voor de provinciale sector")]
    with pytest.raises(ProgrammeFormatError) as raised:
        parse_bestuursprogramma(truncated)
    assert raised.value.line == line_number(source, "2.8\t")
    assert "2.8" in str(raised.value)


def test_a_goal_numbered_out_of_order_is_reported_at_its_line(source):
    broken = source.replace("3.\t Provincies organiseren", "4.\t Provincies organiseren")
    with pytest.raises(ProgrammeFormatError) as raised:
        parse_bestuursprogramma(broken)
    assert raised.value.code == "numbering"
    assert raised.value.line == line_number(source, "3.\t Provincies organiseren")


def test_a_missing_goal_fails_the_count_unless_counts_are_not_expected(source):
    start = source.index("4.\t Provincies zijn in staat om zorg te dragen")
    without_goal = source[:start] + source[source.index(" 2.2\t") :]
    with pytest.raises(ProgrammeFormatError) as raised:
        parse_bestuursprogramma(without_goal)
    assert raised.value.code == "wrong-count"
    assert raised.value.line == line_number(source, "2.1\t")
    revised = parse_bestuursprogramma(without_goal, expected=None)
    assert [len(t.goals) for t in revised.themes] == [3, 5, 5, 6, 5, 4, 3, 3]


def test_text_without_any_structure_is_a_format_error_not_a_crash():
    for text in ["", "\n\n", "Hoofdstuk 1\nHoofdstuk 2\n"]:
        with pytest.raises(ProgrammeFormatError):
            parse_bestuursprogramma(text)


def test_parse_file_reads_the_same_programme(programme):
    assert parse_file(SEED) == programme


def test_clean_text_joins_wrapped_lines_the_way_a_reader_would():
    assert clean_text(["voor PAS-", "melders en "]) == "voor PAS-melders en"
    assert clean_text(["de natuur-", "en milieuopgave"]) == "de natuur- en milieuopgave"
    assert clean_text(["beperkt.\u202fDe", "\tgezamenlijke  provincies ", "", " dossiers ."]) == (
        "beperkt. De gezamenlijke provincies dossiers."
    )
