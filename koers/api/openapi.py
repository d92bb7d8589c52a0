"""The OpenAPI 3 document: conventions added to every operation, and the committed copy.

The document served at /api/v1/openapi.json must equal ``docs/api/openapi.yaml``; the
test suite and ``koers openapi --check`` fail when they drift apart.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from koers.api.problems import MEDIA_TYPE

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"

#: Responses any operation can give, besides the ones it documents itself.
COMMON_PROBLEMS = {
    "400": "Ongeldige parameter of ongeldig verzoek (met invalidParams).",
    "401": "Token ontbreekt of is ongeldig.",
    "403": "Geen toestemming voor deze handeling, deze provincie of dit thema.",
    "404": "Resource of pagina bestaat niet.",
    "406": "Het gevraagde formaat (Accept) is niet beschikbaar; alleen JSON.",
    "500": "Onverwachte fout (zonder technische details).",
}
WRITE_PROBLEMS = {"415": "Mediatype van de body wordt niet ondersteund."}

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Foutbericht volgens RFC 9457 (application/problem+json).",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string", "description": "URN van het probleemtype."},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string", "description": "Pad van het verzoek."},
        "code": {"type": "string", "description": "Stabiele code, bv. invalid_params."},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
ETAG_HEADER = {
    "description": "Versie van deze representatie; stuur hem terug in If-None-Match.",
    "required": True,
    "schema": {"type": "string"},
}
VERSION_HEADER = {
    "description": "Volledige versie van de API (semver).",
    "required": True,
    "schema": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
}


def _problem_response(description: str) -> dict:
    return {
        "description": description,
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Probleem"}}},
    }


def add_conventions(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: problem responses and API-Version everywhere.

    Operations that can answer 304 (conditional GET) also document the ETag header.
    """
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Probleem"] = PROBLEM_SCHEMA
    components["headers"] = {"API-Version": VERSION_HEADER, "ETag": ETAG_HEADER}
    problems = {**COMMON_PROBLEMS, **WRITE_PROBLEMS}
    components["responses"] = {
        f"Probleem{code}": _problem_response(text) for code, text in sorted(problems.items())
    }
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            codes = list(COMMON_PROBLEMS)
            if method in {"post", "put", "patch"}:
                codes += list(WRITE_PROBLEMS)
            for code in codes:
                responses.setdefault(code, {"$ref": f"#/components/responses/Probleem{code}"})
            for code, response in responses.items():
                if "$ref" in response:
                    continue
                if code >= "400" and "content" not in response:
                    response["content"] = _problem_response("")["content"]
                headers = response.setdefault("headers", {})
                headers["API-Version"] = {"$ref": "#/components/headers/API-Version"}
                if "304" in responses and code in {"200", "304"}:
                    headers["ETag"] = {"$ref": "#/components/headers/ETag"}
    return result


def openapi_document() -> dict:
    """The document exactly as /api/v1/openapi.json serves it."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.settings import spectacular_settings

    generator = SchemaGenerator()
    return generator.get_schema(request=None, public=spectacular_settings.SERVE_PUBLIC)


def openapi_yaml(document: dict | None = None) -> str:
    from drf_spectacular.renderers import OpenApiYamlRenderer

    return OpenApiYamlRenderer().render(document or openapi_document()).decode("utf-8")


def drift(path: Path = COMMITTED, document: dict | None = None) -> list[str]:
    """Top-level paths and components where the committed copy differs (empty: in sync)."""
    current = yaml.safe_load(openapi_yaml(document))
    if not path.exists():
        return [f"{path} does not exist"]
    committed = yaml.safe_load(path.read_text(encoding="utf-8"))
    if committed == current:
        return []
    changed = []
    for section in ("paths", "components"):
        ours, theirs = current.get(section, {}), (committed or {}).get(section, {})
        for key in sorted(set(ours) | set(theirs)):
            if ours.get(key) != theirs.get(key):
                changed.append(f"{section}: {key}")
    rest = {k for k in set(current) | set(committed or {}) if k not in {"paths", "components"}}
    changed += [k for k in sorted(rest) if current.get(k) != (committed or {}).get(k)]
    return changed


def write_committed(path: Path = COMMITTED) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(openapi_yaml(), encoding="utf-8")
    return path
