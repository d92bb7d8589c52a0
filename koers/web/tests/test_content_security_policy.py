"""Content-Security-Policy: on every page, and nothing Koers serves breaks under it."""

from __future__ import annotations

import pytest

from koers.workspace.tests.test_browser import sign_in

POLICY = "Content-Security-Policy"


@pytest.mark.parametrize(
    "path",
    ["/", "/indicatoren", "/bestaat-niet", "/inloggen", "/werkruimte/", "/api/v1/indicatoren",
     "/beheer/login/", "/en/"],
)  # fmt: skip
def test_every_answer_carries_the_policy(client, register, path):
    policy = client.get(path)[POLICY]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


@pytest.mark.browser
def test_pages_and_the_interactive_chart_work_without_a_single_violation(
    live_server, page, published_wind, boundaries, make_user
):
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    # Playwright's init scripts are not subject to the page's policy, so this sees every block.
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    for path in ("/", "/indicator/wind_vermogen", "/provincie/PV25"):
        answer = page.goto(live_server.url + path)
        assert POLICY.lower() in answer.headers, path
        if path == "/indicator/wind_vermogen":
            page.wait_for_selector(".chart__canvas--interactive svg", timeout=20000)
            page.locator(".chart__canvas--interactive svg path, .chart__canvas--interactive "
                         "svg rect").first.hover()  # fmt: skip
    make_user("programme_office", name="office")
    sign_in(page, live_server.url, "office")
    for path in ("/werkruimte/", "/werkruimte/aanleveren", "/werkruimte/volledigheid"):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
    assert violations == []
