"""The OpenAPI document: public at /api/v1/openapi.json, committed, and never drifting."""

import json

import yaml
from click.testing import CliRunner

from koers.api.openapi import COMMITTED, drift
from koers.cli.openapi import openapi


def test_the_served_document_equals_the_committed_copy(api):
    served = api.get("/api/v1/openapi.json")
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert json.loads(served.content) == committed, (
        "docs/api/openapi.yaml is stale: run `koers openapi` and commit it"
    )


def test_the_document_needs_no_login_and_allows_any_origin(api):
    api.credentials(HTTP_AUTHORIZATION="Token verlopen")
    response = api.get("/api/v1/openapi.json", HTTP_ORIGIN="https://developer.overheid.nl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == response["API-Version"]
    assert document["servers"][0]["url"] == "/api/v1"


def test_every_path_is_dutch_without_trailing_slash_and_documents_its_problems():
    document = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    expected = {"/themas", "/doelen", "/indicatoren", "/gebieden", "/waarnemingen",
                "/aggregaten", "/herkomst/{herkomstId}", "/voortgang", "/aanleveringen",
                "/aanleveringen/{id}/status", "/verwachte-aanleveringen"}  # fmt: skip
    assert expected <= set(document["paths"])
    for path, item in document["paths"].items():
        assert not path.endswith("/"), path
        for method, operation in item.items():
            responses = operation["responses"]
            assert {"400", "401", "403", "404", "500"} <= set(responses), (method, path)
            for code, response in responses.items():
                if "$ref" not in response:
                    assert "API-Version" in response["headers"], (method, path, code)
    problem = document["components"]["responses"]["Probleem404"]["content"]
    assert list(problem) == ["application/problem+json"]


def test_koers_openapi_check_passes_on_the_committed_copy():
    result = CliRunner().invoke(openapi, ["--check"])
    assert result.exit_code == 0, result.output
    assert "matches" in result.output


def test_koers_openapi_check_fails_on_a_stale_copy_and_rewrite_fixes_it(tmp_path):
    stale = tmp_path / "openapi.yaml"
    document = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    del document["paths"]["/themas"]
    document["info"]["version"] = "0.9.0"
    stale.write_text(yaml.safe_dump(document), encoding="utf-8")

    failed = CliRunner().invoke(openapi, ["--check", "--output", str(stale)])
    assert failed.exit_code == 1
    assert drift(stale) == ["paths: /themas", "info"]

    rewritten = CliRunner().invoke(openapi, ["--output", str(stale)])
    assert rewritten.exit_code == 0 and drift(stale) == []
    assert stale.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8")


def test_the_province_guide_only_uses_documented_paths():
    import re

    guide = (COMMITTED.parent / "province-guide.md").read_text(encoding="utf-8")
    document = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    templates = [re.sub(r"\{[^}]+\}", "[^/]+", path) for path in document["paths"]]
    used = set(re.findall(r"\$KOERS(/[A-Za-z0-9/_.-]*)", guide))
    assert used, "the guide shows no requests"
    for path in used - {"/openapi.json"}:
        assert any(re.fullmatch(t, path) for t in templates), path
