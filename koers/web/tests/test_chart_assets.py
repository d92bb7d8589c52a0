"""The chart library is served by Koers itself: long-cached, compressed, no CDN anywhere."""

import gzip
import re

from koers.charts.bundle import bundle_version


def test_pages_load_scripts_and_styles_only_from_koers(client, published_wind):
    for path in ("/", "/indicator/wind_vermogen", "/doel/2.1.2", "/provincie/PV25"):
        html = client.get(path).content.decode()
        sources = re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="([^"]+)"', html)
        assert sources and all(s.startswith("/") for s in sources), (path, sources)
    html = client.get("/indicator/wind_vermogen").content.decode()
    assert f'<script src="/grafieken/vega-{bundle_version()}.js" defer>' in html
    english = client.get("/en/indicator/wind_vermogen").content.decode()
    assert f'src="/grafieken/vega-{bundle_version()}.js"' in english, "one URL for both languages"


def test_the_bundle_is_cached_for_a_year_and_sent_compressed(client, db):
    url = f"/grafieken/vega-{bundle_version()}.js"
    response = client.get(url, headers={"accept-encoding": "gzip, br"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert (
        "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    )
    assert response["Content-Encoding"] == "gzip"
    assert b"vegaEmbed" in gzip.decompress(response.content)
    plain = client.get(url)
    assert "Content-Encoding" not in plain and b"vegaEmbed" in plain.content


def test_an_old_bundle_version_redirects_to_the_current_one(client, db):
    response = client.get("/grafieken/vega-000000000000.js")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/grafieken/vega-{bundle_version()}.js")
