"""Honest headlines on the home page: partial national figures, parts of a breakdown,
duplicate cards, units with their multiplier, coverage of goals, and the target count."""

import re

import pytest

from koers.web.tests.conftest import MAPPINGS, WIND
from koers.web.tests.page_tables import table_with


def section(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def cards(html: str) -> list[str]:
    return re.findall(
        r'<li class="card figure-card">.*?</li>', section(html, "nieuwste-cijfers"), re.S
    )


@pytest.fixture
def one_province_in_2025(published_wind, shared_data, tmp_path, make_user,
                         django_capture_on_commit_callbacks):  # fmt: skip
    """Gelderland alone delivers 2025: the national 2025 figure covers 1 of 12 provinces."""
    from koers.deliveries.storing import receive
    from koers.deliveries.workflow import transition

    lines = (shared_data / "cbs" / WIND).read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if ",PV25,2024JJ00," in line).replace("2024JJ00", "2025JJ00")
    path = tmp_path / "gelderland-2025.csv"
    path.write_text(lines[0] + "\n" + row + "\n", encoding="utf-8")
    analyst, approver = make_user("analyst", name="a2025"), make_user("analyst", name="b2025")
    office = make_user("programme_office", name="c2025")
    delivery = receive(path, mapping_path=MAPPINGS / "cbs-70960ned.yaml", user=analyst)
    for status, user in (("submitted", analyst), ("approved", approver), ("published", office)):
        with django_capture_on_commit_callbacks(execute=True):
            transition(delivery, status, user=user)


def test_a_partial_national_figure_gives_way_to_the_latest_complete_period(
    client, one_province_in_2025
):
    from koers.indicators.models import Indicator
    from koers.web.figures import latest_national

    row = latest_national(Indicator.objects.get(code="wind_vermogen"))
    assert (row["period"], row["value"], row["newer_partial"]) == ("2024", 6955.0, "2025")
    html = client.get("/").content.decode()
    wind = next(c for c in cards(html) if 'href="/indicator/wind_vermogen"' in c)
    assert "6.955" in wind and "Nederland, 2024" in wind and "12 van 12 provincies" in wind
    assert "2025 is nog onvolledig" in wind
    assert "1 van 12 provincies" not in wind, "a 1-of-12 sum is never the national figure"


def test_a_part_of_a_breakdown_without_total_is_never_shown_as_the_total(
    client, published_renewable
):
    html = client.get("/").content.decode()
    capacity = next(c for c in cards(html) if "/indicator/hernieuwbaar_elektrisch_vermogen" in c)
    title = re.search(r'<h3 class="figure-card__title">(.*?)</h3>', capacity, re.S).group(1)
    assert "Opgesteld vermogen hernieuwbare elektriciteit: Zonnestroom" in title
    assert "Eén onderdeel: er is geen totaal gepubliceerd." in capacity


def test_two_cards_with_the_same_figure_from_the_same_source_are_one(client, published_renewable):
    html = client.get("/").content.decode()
    # 85004NED publishes solar production normalised and not normalised: 21.822 both times.
    production = [c for c in cards(html) if "21.822" in c]
    assert len(production) == 1
    assert len(cards(html)) == len(
        set(re.findall(r'href="/indicator/([a-z_]+)"', section(html, "nieuwste-cijfers")))
    )


def test_the_open_data_page_writes_the_unit_multiplier_beside_the_unit():
    from django.template.loader import render_to_string

    from koers.publication.page import page_context

    facts = {"code": "ammoniakemissie_mest", "name": {"nl": "Ammoniak"}, "description": {},
             "unit": "kg N", "unit_multiplier": 3, "source_label": "CBS 84071NED",
             "last_published": None}  # fmt: skip
    html = render_to_string(
        "publication/index.html", page_context([facts], licence_name="CC-BY-4.0", state="built")
    )
    assert "<dd>duizend kg N</dd>" in html and "<dd>kg N</dd>" not in html


def test_the_home_page_says_plainly_how_many_goals_have_no_measurable_target(
    client, published_wind
):
    from koers.indicators.targets import load_targets

    load_targets()
    html = client.get("/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section(html, "themas")))
    # Wind figures measure 2.1.2; 2.2.1, 2.2.3, 2.3.5 and 2.4.2 have targets without figures.
    assert "1 van de 35 doelen hebben een meetbare streefwaarde." in text
    assert "34 doelen hebben nog geen meetbare streefwaarde: 30 zonder streefwaarde, 4 met een " \
           "streefwaarde waarvoor nog geen cijfers zijn." in text  # fmt: skip
    grid = re.search(r'<li value="\d+"><a href="/doel/2.1.2">.*?</ul>', html, re.S).group(0)
    wind = re.search(r'<li><a href="/indicator/wind_vermogen">.*?</li>', grid, re.S).group(0)
    assert "beperkte voortgang" in wind, "each indicator of the goal shows its status"
    assert "cijfers, geen streefwaarde" in grid and "nog geen cijfers" in grid


def test_coverage_of_a_theme_counts_goals_with_data(client, published_wind):
    html = client.get("/").content.decode()
    coverage = table_with(html, "Doelen met gepubliceerde cijfers per thema")
    assert coverage.rows[0][1] == "Doelen met cijfers"
    assert next(r for r in coverage.rows if r[0].startswith("2.1"))[1] == "2 van 4"


def test_the_theme_page_marks_a_part_shown_for_want_of_a_total(client, published_renewable):
    html = client.get("/thema/2.1").content.decode()
    table = table_with(html, "Indicatoren van doel 2.1.2: nieuwste landelijke cijfer en status")
    capacity = next(r for r in table.rows if r[0].startswith("Opgesteld vermogen hernieuwbare"))
    assert "alleen Zonnestroom: geen totaal gepubliceerd" in capacity[0]
    assert capacity[1] == "27.980 MW", "the figure is there, but never as the total"
