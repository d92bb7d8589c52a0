"""/api/v1/rapportages: the latest published version per year, with every version's files."""

from datetime import date

from koers.reporting.service import generate_report, publish_report


def test_published_reports_by_year_with_their_versions(client, register):
    publish_report(generate_report(2026, today=date(2026, 12, 1), pdf=False))
    publish_report(generate_report(2026, today=date(2026, 12, 8), pdf=False))
    generate_report(2026, today=date(2026, 12, 9), pdf=False)  # not published
    generate_report(2025, today=date(2026, 12, 9), pdf=False)  # not published
    listing = client.get("/api/v1/rapportages").content.decode()
    assert '"jaar":2026' in listing.replace(" ", "") and '"jaar":2025' not in listing
    body = client.get("/api/v1/rapportages/2026").json()
    assert body["versie"] == 2 and [v["versie"] for v in body["versies"]] == [2, 1]
    assert body["_links"]["html"]["href"] == "http://testserver/rapportages/2026.html"
    assert "pdf" not in body["_links"]
    assert body["samenvatting"] == {"no_target": 35}
    assert client.get("/api/v1/rapportages/2025").status_code == 404
