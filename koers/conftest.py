"""Fixtures for Django tests: a loaded register and users in each role."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def dutch_unless_asked():
    """Each test starts in Dutch: a request for an /en/ page leaves English active in the
    thread (LocaleMiddleware never switches back), which a later test must not inherit."""
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Kept files and analytics snapshots of each test go to its own folder."""
    from django.conf import settings

    monkeypatch.setenv("KOERS_DATA_DIR", str(tmp_path / "data"))
    if not settings.configured:  # plain-library tests (engine, ingest) run without Django
        yield
        return
    from django.core.cache import cache

    from koers.analytics.store import analytics_store

    cache.clear()  # rendered pages and chart SVGs of an earlier test

    analytics_store.cache_clear()
    yield
    analytics_store.cache_clear()


IMMEDIATE_JOBS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def jobs_run_at_once(request):
    """Jobs run inside the test that queues them, unless it asks for ``database_jobs``."""
    from django.conf import settings

    if not settings.configured or "database_jobs" in request.fixturenames:
        yield
        return
    from django.test import override_settings

    with override_settings(TASKS=IMMEDIATE_JOBS):
        yield


@pytest.fixture
def register(db):
    """The programme definition and the built-in areas, as `koers init` loads them."""
    from koers.areas.builtin import load_builtin_areas
    from koers.programme.loader import load_programme_definition

    load_programme_definition()
    load_builtin_areas()


@pytest.fixture
def make_user(db, django_user_model):
    """Create a user with one role; stewards get a province code, theme leads themes."""

    def make(role: str | None, *, province: str | None = None, themes=(), staff=False, name=None):
        from koers.accounts.models import RoleAssignment
        from koers.areas.models import Area

        username = name or f"{role or 'nobody'}-{province or ''}-{len(themes)}"
        user = django_user_model.objects.create_user(
            username=username, password="correct horse battery", is_staff=staff
        )
        if role:
            assignment = RoleAssignment.objects.create(
                user=user,
                role=role,
                province=Area.objects.get(code=province) if province else None,
            )
            assignment.themes.set(themes)
        return user

    return make


@pytest.fixture
def office_user(register, make_user):
    return make_user("programme_office", staff=True, name="office")
