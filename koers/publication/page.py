"""The /open-data/ page: rendered once per build, in each language, from the publication."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import translation

from koers.publication.dataset import Publication
from koers.publication.formats import DATA_FORMATS, META_FORMATS, Site
from koers.publication.vocabularies import licence

#: page language → the prebuilt file
PAGES = {"nl": "index.html", "en": "index.en.html"}
TEMPLATE = "publication/index.html"


def dataset_facts(publication: Publication) -> list[dict]:
    """What the page says of each dataset, as plain data (also kept in the build manifest)."""
    return [
        {
            "code": info.code,
            "name": info.name,
            "description": info.description,
            "unit": info.unit,
            "unit_multiplier": info.unit_multiplier,
            "source_label": info.source_label,
            "last_published": info.last_published.isoformat() if info.last_published else None,
        }
        for info in publication.indicators.values()
    ]


def page_context(datasets: list[dict], *, licence_name: str, state: str) -> dict:
    """The template context; ``state`` is ``built`` or ``preparing`` (nothing built yet)."""
    shown = [
        {
            **facts,
            "last_published": datetime.fromisoformat(facts["last_published"])
            if facts["last_published"]
            else None,
        }
        for facts in datasets
    ]
    return {
        "datasets": shown,
        "data_formats": DATA_FORMATS,
        "meta_formats": META_FORMATS,
        "licence": licence(licence_name),
        "nav": "open-data",
        "state": state,
    }


def other_languages(path: str, current: str) -> list[dict]:
    """The language links base.html shows (what the language_links context processor gives)."""
    return [
        {"code": code, "name": name, "url": translate_url(path, code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]


def render_page(publication: Publication, language: str, path: Path, *, site: Site) -> Path:
    """Write the page as an anonymous visitor sees it in ``language``."""
    with translation.override(language):
        context = page_context(
            dataset_facts(publication), licence_name=site.licence.spdx, state="built"
        )
        context["other_languages"] = other_languages(reverse("publication:index"), language)
        html = render_to_string(TEMPLATE, context)
    path.write_text(html, encoding="utf-8")
    return path
