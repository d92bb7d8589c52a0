"""Contract: Schemathesis drives every operation of the live OpenAPI document.

Bounded property-based testing through the WSGI app (no server): no request may cause a
5xx, and every response must match the document (status, media type, headers, body).
Each operation runs with generated path parameters (mostly unknown ids) and again with
ids that exist, so the 200 responses are checked against their schemas too.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def live(published_wind, office_user, make_user):
    """The served document over real data, ids that exist, and tokens of two roles."""
    from django.core.wsgi import get_wsgi_application

    from koers.accounts.tokens import issue_token
    from koers.analytics.store import aggregates
    from koers.areas.models import Area
    from koers.deliveries.models import Observation
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
    lineage = aggregates("wind_vermogen", area="NL01", period="2020")["lineage_id"][0].as_py()
    ids = {
        "/themas/{nummer}": {"nummer": "2.1"},
        "/doelen/{nummer}": {"nummer": "2.1.1"},
        "/doelen/{nummer}/versies": {"nummer": "2.1.1"},
        "/gebieden/{code}": {"code": "PV25"},
        "/indicatoren/{code}": {"code": "wind_vermogen"},
        "/waarnemingen/{id}": {"id": str(Observation.objects.first().pk)},
        "/voortgang/{id}": {"id": str(target.pk)},
        "/aanleveringen/{id}": {"id": str(published_wind.pk)},
        "/aanleveringen/{id}/status": {"id": str(published_wind.pk)},
        "/herkomst/{herkomstId}": {"herkomstId": lineage},
    }
    known = {path: {"path_parameters": values} for path, values in ids.items()}
    known["/aggregaten"] = {"query": {"indicator": "wind_vermogen"}}
    known["/waarnemingen"] = {"query": {"indicator": "wind_vermogen"}}
    tokens = {
        role: {"Authorization": f"Token {issue_token(user.username, scope='deliver')[1]}"}
        for role, user in (("office", office_user), ("analyst", make_user("analyst")))
    }
    # As Django's test client does: a request must not close the test's open transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        yield schema, known, tokens
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _exercise(schema, *, method: str | None, headers=None, known=None, examples: int) -> list[str]:
    """Run every (matching) operation; return one line per failure."""
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if method and operation.method.upper() != method:
            continue
        fixed = (known or {}).get(operation.path)
        if known is not None and fixed is None:
            continue

        @given(case=operation.as_strategy(**(fixed or {})))
        @settings(
            max_examples=examples,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case):
            case.call_and_validate(checks=CHECKS, headers=headers)

        try:
            check()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:1500])
    return failures


def test_anonymous_requests_never_break_the_contract(live):
    schema, _, _ = live
    assert _exercise(schema, method=None, examples=8) == []


def test_the_programme_office_never_breaks_the_contract(live):
    schema, known, tokens = live
    failures = _exercise(schema, method="GET", headers=tokens["office"], examples=4)
    failures += _exercise(schema, method=None, headers=tokens["office"], known=known, examples=4)
    assert failures == []


def test_writes_of_an_analyst_never_break_the_contract(live):
    schema, known, tokens = live
    failures = _exercise(schema, method="POST", headers=tokens["analyst"], examples=6)
    failures += _exercise(schema, method="POST", headers=tokens["analyst"], known=known, examples=6)
    assert failures == []
