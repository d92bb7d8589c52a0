"""NL API Design Rules conventions that hold for every resource, as a client sees them."""

import pytest

PROBLEM = "application/problem+json"


def _is_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"urn:koers:probleem:{code}"
    assert body["title"] and body["detail"] and body["instance"] == response.wsgi_request.path
    return body


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/themas", 200),
        ("/api/v1/themas/2.1", 200),
        ("/api/v1/themas/9.9", 404),
        ("/api/v1/aggregaten", 400),
        ("/api/v1/aanleveringen", 401),
        ("/api/v1/bestaat-niet", 404),
        ("/api/v1/openapi.json", 200),
    ],
)
def test_every_response_carries_the_full_api_version(api, register, url, status):
    response = api.get(url)
    assert response.status_code == status
    assert response["API-Version"] == "1.0.0"


def test_a_trailing_slash_is_a_404_problem_and_never_a_redirect(api, register):
    body = _is_problem(api.get("/api/v1/themas/"), 404, "not_found")
    assert "/api/v1/themas" in body["detail"] and "slash" in body["detail"]
    _is_problem(api.get("/api/v1/themas/2.1/"), 404, "not_found")


def test_unknown_resources_are_problem_json_not_html(api, register):
    _is_problem(api.get("/api/v1/doelen/9.9.9"), 404, "not_found")
    _is_problem(api.get("/api/v1/geen-resource"), 404, "not_found")
    _is_problem(api.post("/api/v1/geen-resource", {}), 404, "not_found")


def test_invalid_parameters_are_listed_by_name_and_reason(api, catalogue):
    body = _is_problem(
        api.get("/api/v1/aggregaten?indicator=bestaat_niet&niveau=planeet&pageSize=0"),
        400,
        "invalid_params",
    )
    named = {p["name"]: p for p in body["invalidParams"]}
    assert set(named) == {"indicator", "niveau"}
    assert "bestaat_niet" in named["indicator"]["reason"]
    paging = _is_problem(api.get("/api/v1/themas?pageSize=100000"), 400, "invalid_params")
    assert [p["name"] for p in paging["invalidParams"]] == ["pageSize"]


def test_a_missing_or_wrong_token_is_401_with_a_challenge(api, register):
    body = _is_problem(api.get("/api/v1/aanleveringen"), 401, "not_authenticated")
    assert body["detail"]
    api.credentials(HTTP_AUTHORIZATION="Token onzin")
    response = api.get("/api/v1/aanleveringen")
    _is_problem(response, 401, "authentication_failed")
    assert response["WWW-Authenticate"] == "Token"


def test_an_unsupported_method_is_405_with_allow_header(api, register):
    response = api.delete("/api/v1/themas/2.1")
    _is_problem(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"] and "DELETE" not in response["Allow"]


def test_a_crash_is_a_500_problem_without_a_stack_trace(api, catalogue, monkeypatch):
    from koers.analytics.api import viewsets

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(viewsets, "aggregates", broken)
    response = api.get("/api/v1/aggregaten?indicator=wind_vermogen")
    body = _is_problem(response, 500, "server_error")
    text = response.content.decode()
    assert "secret internal detail" not in text and "Traceback" not in text
    assert body["title"] == "Interne fout" and response["API-Version"] == "1.0.0"


def test_public_reads_allow_any_origin(api, register):
    response = api.get("/api/v1/gebieden", HTTP_ORIGIN="https://data.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_collections_page_with_links_and_stable_order(api, register):
    codes, url, pages = [], "/api/v1/gebieden?pageSize=4", 0
    while url:
        body = api.get(url).json()
        pages += 1
        assert body["paginaGrootte"] == 4 and body["pagina"] == pages
        assert body["_links"]["first"]["href"].endswith("/api/v1/gebieden?pageSize=4")
        codes += [area["code"] for area in body["resultaten"]]
        url = body["_links"].get("next", {}).get("href")
    assert len(codes) == body["totaal"] == len(set(codes)) and codes == sorted(codes)
    assert pages == -(-body["totaal"] // 4)
    assert "prev" in body["_links"] and "next" not in body["_links"]
    assert body["_links"]["last"]["href"] == body["_links"]["self"]["href"]
    _is_problem(api.get(f"/api/v1/gebieden?pageSize=4&page={pages + 1}"), 404, "not_found")


def test_field_names_are_lower_camel_case(api, catalogue):
    import re

    def names(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                if key != "uitsplitsingen":  # breakdown codes are data, not field names
                    yield from names(item)
        elif isinstance(value, list):
            for item in value:
                yield from names(item)

    for url in ("/api/v1/themas", "/api/v1/gebieden", "/api/v1/indicatoren"):
        bad = {n for n in names(api.get(url).json()) if not re.fullmatch(r"_?[a-z][A-Za-z0-9]*", n)}
        assert bad == set(), url
