"""What anyone can read without a token: the register, published figures and their history."""

from datetime import UTC, datetime

import pytest
import time_machine

from koers.deliveries.ingest.shipped import MAPPINGS_DIR

WIND_2020 = "/api/v1/waarnemingen?indicator=wind_vermogen&gebied=PV25&periode=2020"
NATIONAL_2020 = "/api/v1/aggregaten?indicator=wind_vermogen&gebied=NL01&periode=2020"
RECEIVED, PUBLISHED = datetime(2031, 1, 10, 12, tzinfo=UTC), datetime(2031, 1, 20, 12, tzinfo=UTC)
CAPACITY = "OpgesteldVermogenEindeJaar_9"


def _with_2020_capacity(source, target, change) -> float:
    """Copy Gelderland's file with its 2020 capacity changed by ``change(old)``; return old."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    column = lines[0].rstrip("\n").split(",").index(CAPACITY)
    row = next(i for i, line in enumerate(lines) if ",2020JJ00," in line)
    cells = lines[row].rstrip("\n").split(",")
    old = float(cells[column])
    cells[column] = str(change(old))
    lines[row] = ",".join(cells) + "\n"
    target.write_text("".join(lines), encoding="utf-8")
    return old


def test_the_programme_register_is_public(api, register):
    from koers.programme.models import Goal
    from koers.programme.versioning import adjust_goal

    goal = Goal.objects.get(number="2.3.5")
    for year in (2025, 2026):
        adjust_goal(goal, text=f"Tekst {year}", valid_from=datetime(year, 1, 1).date(),
                    reason=f"Begroting {year}")  # fmt: skip
    themes = api.get("/api/v1/themas").json()
    assert [t["nummer"] for t in themes["resultaten"]] == [f"2.{n}" for n in range(1, 9)]
    assert api.get("/api/v1/doelen").json()["totaal"] == 35
    detail = api.get("/api/v1/doelen/2.3.5").json()
    assert (detail["thema"], detail["versie"], detail["tekst"]) == ("2.3", 2, "Tekst 2026")
    history = api.get(detail["_links"]["versies"]["href"]).json()["resultaten"]
    assert [(v["versie"], v["reden"]) for v in history] == [(2, "Begroting 2026"),
                                                            (1, "Begroting 2025")]  # fmt: skip
    in_theme = api.get("/api/v1/doelen?thema=2.3").json()["resultaten"]
    assert {g["nummer"] for g in in_theme} == {
        g["nummer"] for g in themes["resultaten"][2]["doelen"]
    }


def test_areas_and_indicators_are_public(api, catalogue):
    provinces = api.get("/api/v1/gebieden?type=provincie").json()
    assert [a["code"] for a in provinces["resultaten"]] == [f"PV{n}" for n in range(20, 32)]
    gelderland = api.get("/api/v1/gebieden/PV25").json()
    assert gelderland["naam"] == "Gelderland"
    assert {"code": "NL01", "hierarchie": "bestuurlijk"}.items() <= gelderland["ouders"][0].items()
    under_nl = api.get("/api/v1/gebieden?ouder=NL01&pageSize=100").json()["resultaten"]
    assert {a["code"] for a in provinces["resultaten"]} <= {a["code"] for a in under_nl}
    wind = api.get("/api/v1/indicatoren/wind_vermogen").json()
    assert (wind["eenheid"], wind["optellenOverGebieden"], wind["optellenOverTijd"]) == (
        "MW",
        "optellen",
        "laatste",
    )
    assert (wind["periodiciteit"], wind["status"]) == ("jaar", "actief")  # Dutch, like the keys
    assert wind["bron"]["tabel"] == "70960ned"


@pytest.fixture
def corrected_gelderland(published_wind, gelderland_file, make_user, tmp_path,
                         django_capture_on_commit_callbacks):  # fmt: skip
    """Gelderland corrects its 2020 wind capacity (+10 MW): received, later published."""
    from koers.deliveries.storing import receive
    from koers.deliveries.workflow import transition

    corrected = tmp_path / "gelderland-gecorrigeerd.csv"
    old = _with_2020_capacity(gelderland_file, corrected, lambda value: value + 10)
    steward = make_user("province_steward", province="PV25", name="gelderland")
    with time_machine.travel(RECEIVED, tick=False):
        delivery = receive(corrected, mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml",
                           province="PV25", user=steward)  # fmt: skip
        transition(delivery, "submitted", user=steward)
        colleague = make_user("province_steward", province="PV25", name="gelderland-2")
        transition(delivery, "approved", user=colleague)  # four eyes
    office = make_user("programme_office", name="ipo")
    with (
        time_machine.travel(PUBLISHED, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        transition(delivery, "published", user=office)
    return old


def test_the_public_sees_only_published_observations(api, published_wind, make_user,
                                                     token_client, gelderland_file):  # fmt: skip
    from koers.deliveries.storing import receive

    published = api.get(WIND_2020).json()["resultaten"]
    assert len(published) == 1 and published[0]["aanlevering"] == published_wind.pk
    steward = make_user("province_steward", province="PV25", name="gelderland")
    changed = gelderland_file.with_name("gelderland-voorlopig.csv")
    _with_2020_capacity(gelderland_file, changed, lambda value: 1)
    pending = receive(changed, mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml",
                      province="PV25", user=steward)  # fmt: skip
    assert pending.status == "validated"

    public = api.get(WIND_2020).json()["resultaten"]
    assert [(o["waarde"], o["versie"]) for o in public] == [(published[0]["waarde"], 1)]
    own = token_client(steward).get(WIND_2020).json()["resultaten"]
    assert [(o["waarde"], o["versie"], o["aanlevering"]) for o in own] == [(1.0, 2, pending.pk)]
    utrecht = token_client(make_user("province_steward", province="PV26"))
    assert utrecht.get(WIND_2020).json()["resultaten"] == public
    assert api.get(f"/api/v1/waarnemingen?aanlevering={pending.pk}").json()["totaal"] == 0


def test_peildatum_shows_the_observations_as_they_were(api, corrected_gelderland, make_user,
                                                      token_client, published_wind):  # fmt: skip
    from koers.deliveries.versions import observations_as_of

    old = corrected_gelderland
    now = [(o["waarde"], o["versie"]) for o in api.get(WIND_2020).json()["resultaten"]]
    assert now == [(old + 10, 2)]
    before = api.get(WIND_2020 + "&peildatum=2031-01-15T00:00:00Z").json()["resultaten"]
    assert [(o["waarde"], o["versie"]) for o in before] == [(old, 1)]
    assert api.get(WIND_2020 + "&peildatum=2000-01-01T00:00:00Z").json()["totaal"] == 0
    after = api.get(WIND_2020 + "&peildatum=2031-01-25T12:00:00%2B01:00").json()["resultaten"]
    assert [(o["waarde"], o["versie"]) for o in after] == [(old + 10, 2)]

    # Insiders saw the correction once it was received; that is the observations_as_of view.
    office = token_client(make_user("programme_office", name="bureau"))
    moment = datetime(2031, 1, 15, tzinfo=UTC)
    seen = office.get(WIND_2020 + "&peildatum=2031-01-15T00:00:00Z").json()["resultaten"]
    expected = observations_as_of(moment, indicator__code="wind_vermogen", area__code="PV25",
                                  period="2020")  # fmt: skip
    assert [o["id"] for o in seen] == [o.pk for o in expected] and seen[0]["waarde"] == old + 10
    bad = api.get(WIND_2020 + "&peildatum=gisteren").json()
    assert bad["invalidParams"][0]["name"] == "peildatum"


def test_aggregates_carry_coverage_reconciliation_and_an_etag(api, corrected_gelderland):
    response = api.get(NATIONAL_2020)
    figure = response.json()["resultaten"][0]
    assert figure["dekking"] == {
        "aantal": 12,
        "verwacht": 12,
        "gedeeltelijk": False,
        "zoalsGerapporteerd": False,
    }
    reconciliation = figure["aansluiting"]
    assert reconciliation["verschil"] == pytest.approx(
        reconciliation["berekend"] - reconciliation["gerapporteerd"]
    )
    assert figure["waarde"] == reconciliation["gerapporteerd"]

    etag = response["ETag"]
    unchanged = api.get(NATIONAL_2020, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag and unchanged["API-Version"] == "1.0.0"
    assert api.get(NATIONAL_2020, HTTP_IF_NONE_MATCH='"ouder"').status_code == 200


def test_a_publication_changes_the_figures_and_their_etag(
    api, published_wind, corrected_gelderland_later
):
    before, after = corrected_gelderland_later
    assert after["ETag"] != before["ETag"]
    old = before.json()["resultaten"][0]["aansluiting"]["berekend"]
    new = after.json()["resultaten"][0]["aansluiting"]["berekend"]
    assert new == pytest.approx(old + 10)


@pytest.fixture
def corrected_gelderland_later(api, published_wind, request):
    before = api.get(NATIONAL_2020)
    request.getfixturevalue("corrected_gelderland")
    return before, api.get(NATIONAL_2020)


def test_lineage_leads_from_a_figure_to_file_rows(api, corrected_gelderland, shared_data):
    figure = api.get(NATIONAL_2020).json()["resultaten"][0]
    lineage = api.get(figure["_links"]["herkomst"]["href"])
    assert lineage.status_code == 200
    body = lineage.json()
    assert body["herkomstId"] == figure["herkomstId"] and body["aggregaat"] == figure
    parts = {o["gebied"]: o for o in body["waarnemingen"] if o["rol"] == "computed"}
    assert set(parts) == {f"PV{n}" for n in range(20, 32)}
    assert parts["PV25"]["bronbestand"] == "gelderland-gecorrigeerd.csv"
    assert parts["PV25"]["aangeleverdVoor"] == "PV25"
    national = (shared_data / "cbs" / "70960ned_windenergie_op_land.csv").read_text()
    row = national.splitlines()[parts["PV20"]["bronrij"] - 1].split(",")
    assert (row[1], row[2][:4]) == ("PV20", "2020")
    assert api.get("/api/v1/herkomst/geen%7Csleutel").status_code == 404


def test_progress_per_target_matches_the_progress_method(api, published_wind):
    from koers.analytics.progress import progress_for
    from koers.areas.models import Area
    from koers.indicators.models import Indicator, Target
    from koers.programme.models import Goal

    target = Target.objects.create(
        indicator=Indicator.objects.get(code="wind_vermogen"),
        area=Area.objects.get(code="NL01"),
        goal=Goal.objects.get(number="2.1.1"),
        baseline_year=2015,
        target_value=8000,
        target_year=2030,
    )
    listed = api.get("/api/v1/voortgang?doel=2.1.1").json()["resultaten"]
    assert [p["id"] for p in listed] == [target.pk]
    progress = api.get(listed[0]["_links"]["self"]["href"]).json()
    expected = progress_for(target)
    assert (progress["status"], progress["voortgang"], progress["huidigJaar"]) == (
        expected["status"],
        expected["value"],
        expected["current_year"],
    )
    assert progress["statusLabel"] and progress["prognose"]["jaar"] == 2030
    assert api.get("/api/v1/voortgang?doel=2.2.1").json()["totaal"] == 0


def test_expected_deliveries_are_for_insiders_within_their_scope(
    api, catalogue, make_user, token_client
):
    assert api.get("/api/v1/verwachte-aanleveringen").status_code == 401
    reader = token_client(make_user("reader"))
    assert reader.get("/api/v1/verwachte-aanleveringen").status_code == 403
    steward = token_client(make_user("province_steward", province="PV25"))
    # bedrijventerrein_uitgifte: the provinces deliver it themselves (CBS series are not owed)
    owed = "indicator=bedrijventerrein_uitgifte&pageSize=500"
    own = steward.get(f"/api/v1/verwachte-aanleveringen?{owed}")
    assert {row["provincie"] for row in own.json()["resultaten"]} == {"PV25"}
    office = token_client(make_user("programme_office"))
    everyone = office.get(f"/api/v1/verwachte-aanleveringen?{owed}")
    assert len({row["provincie"] for row in everyone.json()["resultaten"]}) == 12
    assert everyone.json()["totaal"] == 12 * own.json()["totaal"] > 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["aanleveringen", "werkprogrammas", "activiteiten", "toetsrondes", "rapportages",
     "faunaschade-aanvragen"],
)  # fmt: skip
def test_an_id_past_any_integer_is_a_404_not_a_database_error(client, path):
    response = client.get(f"/api/v1/{path}/{'9' * 25}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
