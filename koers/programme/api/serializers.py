"""Themes (thema's), goals (doelen) and goal versions (versies) as API resources."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.api.conventions import absolute, link
from koers.api.fields import BlankAsNullField, links_schema
from koers.programme.models import Goal, GoalVersion, Theme


def _current(goal: Goal) -> GoalVersion | None:
    versions = list(goal.versions.all())  # prefetched newest first
    return max(versions, key=lambda v: v.version) if versions else None


class DoelVerwijzingSerializer(serializers.ModelSerializer):
    """A goal as listed inside its theme."""

    nummer = serializers.CharField(source="number")
    titel = serializers.CharField(source="title")
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Goal
        fields = ["nummer", "titel", "_links"]

    @extend_schema_field(links_schema("self"))
    def get__links(self, goal: Goal) -> dict:
        return {"self": link(absolute(self.context["request"], "doel-detail", goal.number))}


class ThemaSerializer(serializers.ModelSerializer):
    """A policy theme of chapter 2, worked out by one BAC."""

    nummer = serializers.CharField(source="number", help_text="Nummer, bv. 2.1.")
    naam = serializers.CharField(source="name")
    naamEn = serializers.CharField(source="name_en", help_text="Naam in het Engels.")  # noqa: N815
    bac = serializers.CharField(help_text="De Bestuurlijke Adviescommissie van dit thema.")
    context = BlankAsNullField(help_text="Officiële tekst uit het bestuursprogramma.")
    doelen = DoelVerwijzingSerializer(source="goals", many=True)
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Theme
        fields = ["nummer", "naam", "naamEn", "bac", "context", "doelen", "_links"]

    @extend_schema_field(links_schema("self"))
    def get__links(self, theme: Theme) -> dict:
        return {"self": link(absolute(self.context["request"], "thema-detail", theme.number))}


class DoelSerializer(serializers.ModelSerializer):
    """A strategic goal with the wording of its current version."""

    nummer = serializers.CharField(source="number", help_text="Nummer, bv. 2.3.5.")
    titel = serializers.CharField(source="title", help_text="Korte titel in eigen woorden.")
    titelEn = serializers.CharField(source="title_en")  # noqa: N815
    thema = serializers.CharField(source="theme.number", help_text="Nummer van het thema.")
    tekst = serializers.SerializerMethodField(help_text="Officiële tekst van de huidige versie.")
    versie = serializers.SerializerMethodField(help_text="Nummer van de huidige versie (0: geen).")
    indicatoren = serializers.SlugRelatedField(source="indicators", slug_field="code", many=True,
                                               read_only=True)  # fmt: skip
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Goal
        fields = ["nummer", "titel", "titelEn", "thema", "tekst", "versie", "indicatoren", "_links"]

    def get_tekst(self, goal: Goal) -> str | None:
        current = _current(goal)
        return current.text if current else None

    def get_versie(self, goal: Goal) -> int:
        current = _current(goal)
        return current.version if current else 0

    @extend_schema_field(links_schema("self", "thema", "versies"))
    def get__links(self, goal: Goal) -> dict:
        request = self.context["request"]
        return {
            "self": link(absolute(request, "doel-detail", goal.number)),
            "thema": link(absolute(request, "thema-detail", goal.theme.number)),
            "versies": link(absolute(request, "doel-versies", goal.number)),
        }


class DoelVersieSerializer(serializers.ModelSerializer):
    """One wording of a goal; a bijstelling adds a version and never edits one."""

    versie = serializers.IntegerField(source="version")
    tekst = serializers.CharField(source="text")
    geldigVanaf = serializers.DateField(source="valid_from")  # noqa: N815
    reden = serializers.CharField(source="reason")
    besluitReferentie = BlankAsNullField(source="decision_reference")  # noqa: N815
    aangemaaktOp = serializers.DateTimeField(source="created_at")  # noqa: N815

    class Meta:
        model = GoalVersion
        fields = ["versie", "tekst", "geldigVanaf", "reden", "besluitReferentie", "aangemaaktOp"]
