"""Citizens see plain words: the English names are marked as an unofficial translation, and
'Aansluiting', 'PV99' and lineage codes come with an explanation."""

from pathlib import Path
from urllib.parse import quote

import yaml

from koers.analytics.store import aggregates

PROGRAMME = Path(__file__).resolve().parents[2] / "programme" / "programme.yaml"


def test_every_theme_goal_and_principle_has_an_english_name_of_its_own():
    spec = yaml.safe_load(PROGRAMME.read_text(encoding="utf-8"))
    goals = [g for theme in spec["themes"].values() for g in theme["goals"].values()]
    assert len(spec["themes"]) == 8 and len(goals) == 35 and len(spec["principles"]) == 3
    for item, dutch, english in (
        *((t, "name", "name_en") for t in spec["themes"].values()),
        *((g, "title", "title_en") for g in goals),
        *((p, "title", "title_en") for p in spec["principles"].values()),
    ):
        assert item[english].strip() and item[english] != item[dutch], item


def test_english_pages_show_english_names_marked_as_an_unofficial_translation(client, register):
    english = client.get("/en/").content.decode()
    assert "Climate and energy" in english
    assert 'class="translation-note"' in english and "unofficial translation" in english
    dutch = client.get("/").content.decode()
    assert "Klimaat en energie" in dutch and 'class="translation-note"' not in dutch


def test_the_indicator_page_explains_aansluiting_and_pv99(client, published_renewable):
    html = client.get("/indicator/hernieuwbaar_elektrisch_vermogen").content.decode()
    assert "<dfn>Aansluiting</dfn>: klopt het totaal dat de bron zelf" in html
    assert "(CBS-code PV99)." in html
    assert "hoort wel bij Nederland, maar bij geen enkele provincie" in html


def test_the_lineage_page_says_what_its_code_is_for(client, published_wind):
    row = aggregates("wind_vermogen", area="NL01", period="2020").to_pylist()[0]
    html = client.get(f"/herkomst/{quote(row['lineage_id'])}").content.decode()
    assert "Het vaste kenmerk van dit getal" in html
    assert "totaal zoals de bron het zelf meldt" in html
    assert "eigen melding" not in html
