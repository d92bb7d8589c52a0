"""Work programmes (werkprogramma's) and activities (activiteiten) as API resources; amounts
are decimal strings in euros (never floats), capacity in FTE."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.api.conventions import absolute, link
from koers.api.fields import links_schema
from koers.workprogramme.models import Activity, ActivityStatus, Milestone, WorkProgramme

_EURO = {"max_digits": 14, "decimal_places": 2, "read_only": True}
_FTE = {"max_digits": 7, "decimal_places": 2, "read_only": True}


class MijlpaalSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    datum = serializers.DateField(source="date")
    behaald = serializers.BooleanField(source="done")

    class Meta:
        model = Milestone
        fields = ["titel", "datum", "behaald"]


class BijdrageSerializer(serializers.Serializer):
    provincie = serializers.CharField(source="province.code", help_text="Provinciecode, bv. PV25.")
    bedrag = serializers.DecimalField(source="amount", help_text="Euro.", **_EURO)


class ActiviteitSerializer(serializers.ModelSerializer):
    """An activity (werkzaamheid) of a work programme, with its planning, status and means."""

    code = serializers.CharField(help_text="Vaste sleutel binnen het werkprogramma, bv. A1.")
    titel = serializers.CharField(source="title")
    omschrijving = serializers.CharField(source="description")
    thema = serializers.CharField(source="work_programme.theme.number")
    jaar = serializers.IntegerField(source="work_programme.year")
    doelen = serializers.SlugRelatedField(
        source="goals", slug_field="number", many=True, read_only=True
    )
    indicatoren = serializers.SlugRelatedField(
        source="indicators", slug_field="code", many=True, read_only=True
    )
    trekker = serializers.CharField(source="lead_province.code", help_text="Trekkende provincie.")
    deelnemers = serializers.SlugRelatedField(
        source="participating_provinces", slug_field="code", many=True, read_only=True
    )
    contactpersoon = serializers.CharField(source="contact", help_text="Naam of rol bij IPO/BIJ12.")
    start = serializers.DateField()
    einde = serializers.DateField(source="end")
    status = serializers.ChoiceField(choices=ActivityStatus.choices)
    statusReden = serializers.CharField(source="status_reason")  # noqa: N815
    ipoBudget = serializers.DecimalField(source="ipo_budget", help_text="Gepland, euro.", **_EURO)  # noqa: N815
    ipoBudgetGerealiseerd = serializers.DecimalField(  # noqa: N815
        source="ipo_budget_realised", allow_null=True, help_text="Gerealiseerd, euro.", **_EURO
    )
    fte = serializers.DecimalField(help_text="Capaciteit gepland.", **_FTE)
    fteGerealiseerd = serializers.DecimalField(source="fte_realised", allow_null=True, **_FTE)  # noqa: N815
    provincialeBijdragen = BijdrageSerializer(source="contributions", many=True)  # noqa: N815
    mijlpalen = MijlpaalSerializer(source="milestones", many=True)
    risicos = serializers.CharField(source="risks")
    looptUit = serializers.SerializerMethodField(  # noqa: N815
        help_text="Vertraagd, of voorbij de einddatum zonder afgerond of gestopt te zijn."
    )
    voorbeeldgegevens = serializers.BooleanField(source="is_example")
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "code", "titel", "omschrijving", "thema", "jaar", "doelen", "indicatoren", "trekker",
            "deelnemers", "contactpersoon", "start", "einde", "status", "statusReden",
            "ipoBudget", "ipoBudgetGerealiseerd", "fte", "fteGerealiseerd",
            "provincialeBijdragen", "mijlpalen", "risicos", "looptUit", "voorbeeldgegevens",
            "_links",
        ]  # fmt: skip

    def get_looptUit(self, activity: Activity) -> bool:  # noqa: N802
        return activity.is_late(timezone.localdate())

    @extend_schema_field(links_schema("self", "werkprogramma"))
    def get__links(self, activity: Activity) -> dict:
        request = self.context["request"]
        return {
            "self": link(absolute(request, "activiteit-detail", str(activity.pk))),
            "werkprogramma": link(
                absolute(request, "werkprogramma-detail", str(activity.work_programme_id))
            ),
        }


class WerkprogrammaSerializer(serializers.ModelSerializer):
    """The work programme of one BAC (theme) for one year."""

    thema = serializers.CharField(source="theme.number", help_text="Nummer van het thema, bv. 2.1.")
    jaar = serializers.IntegerField(source="year")
    titel = serializers.CharField(source="title")
    voorbeeldgegevens = serializers.BooleanField(source="is_example")
    aantalActiviteiten = serializers.IntegerField(source="activity_count", read_only=True)  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = WorkProgramme
        fields = ["thema", "jaar", "titel", "voorbeeldgegevens", "aantalActiviteiten", "_links"]

    @extend_schema_field(links_schema("self", "activiteiten", "thema"))
    def get__links(self, programme: WorkProgramme) -> dict:
        request = self.context["request"]
        activities = absolute(request, "activiteit-list")
        return {
            "self": link(absolute(request, "werkprogramma-detail", str(programme.pk))),
            "activiteiten": link(
                f"{activities}?thema={programme.theme.number}&jaar={programme.year}"
            ),
            "thema": link(absolute(request, "thema-detail", programme.theme.number)),
        }


class StatusWijzigingSerializer(serializers.Serializer):
    """A new status of an activity; vertraagd and gestopt need a reason."""

    status = serializers.ChoiceField(choices=ActivityStatus.values)
    reden = serializers.CharField(required=False, allow_blank=True, max_length=500)
