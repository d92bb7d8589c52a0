"""Rendered public pages, cached per process until the data version moves on."""

from __future__ import annotations

import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils.translation import get_language

from koers.analytics.freshness import data_version

TIMEOUT = 600  # also bounds staleness for changes that leave no trace (boundary geometry)


def public_page(view):
    """Serve anonymous GETs of ``view`` from the cache while the data version holds."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        raw = f"{get_language()}|{request.get_full_path()}|{data_version()}"
        key = "koers-page:" + hashlib.sha256(raw.encode()).hexdigest()
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code == 200 and not response.cookies and not response.streaming:
                cache.set(key, response, TIMEOUT)
        return response

    return cached_view
