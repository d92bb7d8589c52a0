"""Dutch field names for /praktijkvoorbeelden and /kennisvragen (open data, CC BY 4.0)."""

from __future__ import annotations

from rest_framework import serializers

from koers.knowledge.models import KnowledgeQuestion, PracticeVersion


class ContactSerializer(serializers.Serializer):
    rol = serializers.CharField(source="role")
    provincie = serializers.CharField(source="province")
    naam = serializers.CharField(
        source="name", help_text="Alleen met vastgelegde toestemming; anders leeg."
    )


class PraktijkvoorbeeldSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="practice_id")
    versie = serializers.IntegerField(source="number")
    titel = serializers.CharField(source="title")
    geprobeerd = serializers.CharField(source="tried")
    waar = serializers.CharField(source="place")
    begonnen = serializers.DateField(source="started", allow_null=True)
    afgerond = serializers.DateField(source="ended", allow_null=True)
    werkte = serializers.CharField(source="worked")
    werkteNiet = serializers.CharField(source="did_not_work")
    thema = serializers.CharField(source="practice.theme.number")
    trekker = serializers.CharField(source="practice.lead_province.code")
    doelen = serializers.SlugRelatedField(
        source="goals", slug_field="number", many=True, read_only=True
    )
    gebieden = serializers.SlugRelatedField(
        source="areas", slug_field="code", many=True, read_only=True
    )
    contacten = ContactSerializer(source="shown_contacts", many=True)
    links = serializers.ListField(child=serializers.CharField())
    licentie = serializers.CharField(source="licence")
    gepubliceerd = serializers.DateTimeField(source="published_at")

    class Meta:
        model = PracticeVersion
        fields = [
            "id", "versie", "titel", "geprobeerd", "waar", "begonnen", "afgerond", "werkte",
            "werkteNiet", "thema", "trekker", "doelen", "gebieden", "contacten", "links",
            "licentie", "gepubliceerd",
        ]  # fmt: skip


class KennisvraagSerializer(serializers.ModelSerializer):
    vraag = serializers.CharField(source="question")
    toelichting = serializers.CharField(source="explanation")
    gesteldDoor = serializers.CharField(source="asked_by")
    thema = serializers.CharField(source="theme.number")
    antwoord = serializers.CharField(source="answer")
    praktijkvoorbeelden = serializers.SerializerMethodField()

    class Meta:
        model = KnowledgeQuestion
        fields = ["id", "vraag", "toelichting", "gesteldDoor", "thema", "status", "antwoord",
                  "praktijkvoorbeelden"]  # fmt: skip

    def get_praktijkvoorbeelden(self, question) -> list[int]:
        return [p.pk for p in question.practices.all() if p.published]
