"""Template context every page needs."""

from django.conf import settings
from django.urls import translate_url


def language_links(request) -> dict:
    """The current page in the other languages, as plain links that work without JavaScript."""
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return {
        "other_languages": [
            {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
            for code, name in settings.LANGUAGES
            if code != current
        ]
    }
