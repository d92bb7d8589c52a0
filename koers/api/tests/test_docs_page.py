"""/api/v1/ for people: the API described, with Swagger UI served by Koers itself (issue 13)."""

from __future__ import annotations

import re

import pytest

DOCS = "/api/v1/"


def test_the_api_page_links_the_document_and_loads_only_koers_own_files(client):
    answer = client.get(DOCS)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/html")
    html = answer.content.decode()
    assert 'href="/api/v1/openapi.json"' in html and "<h1>" in html
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all('src="/static/' in attributes for attributes in scripts)  # no inline
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert any("drf_spectacular_sidecar/swagger-ui-dist" in a for a in assets)
    for asset in assets:  # offline: every file is served here, none from a CDN
        assert client.get(asset).status_code == 200, asset
    assert not re.search(r'(?:src|href)="https?://', html)


def test_every_page_footer_links_the_api_page(client, register):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="{DOCS}"' in footer


def test_other_paths_under_the_api_stay_problems(client):
    answer = client.get("/api/v1/bestaat-niet")
    assert answer.status_code == 404 and answer["Content-Type"] == "application/problem+json"


@pytest.mark.browser
def test_the_api_page_lists_the_resources_without_a_policy_violation(
    live_server, page, assert_accessible, register
):
    violations: list[str] = []
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(live_server.url + DOCS)
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/indicatoren" in paths and "/aggregaten" in paths
    assert violations == []
    assert_accessible(page, "api-docs")
