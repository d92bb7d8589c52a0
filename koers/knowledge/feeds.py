"""An Atom feed of newly published practices, per theme (django.contrib.syndication)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from koers.knowledge.queries import for_theme
from koers.programme.models import Theme

ITEMS = 50


class PracticesFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Interprovinciaal Overleg (IPO)"

    def get_object(self, request, number: str):
        return get_object_or_404(Theme, number=number)

    def title(self, theme) -> str:
        return f"Koers: praktijkvoorbeelden {theme.number} {theme.name}"

    def subtitle(self, theme) -> str:
        return f"Nieuw gepubliceerde praktijkvoorbeelden en lessen bij thema {theme.number}."

    def link(self, theme) -> str:
        return reverse("knowledge:agenda", args=[theme.number])

    def items(self, theme):
        return for_theme(theme)[:ITEMS]

    def item_title(self, version) -> str:
        return version.title

    def item_description(self, version) -> str:
        return version.tried

    def item_link(self, version) -> str:
        return reverse("knowledge:practice", args=[version.practice_id])

    def item_guid(self, version) -> str:
        return f"urn:koers:praktijkvoorbeeld:{version.practice_id}:v{version.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, version):
        return version.published_at

    def item_updateddate(self, version):
        return version.published_at
