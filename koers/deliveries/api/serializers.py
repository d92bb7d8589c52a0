"""Observations (waarnemingen), deliveries (aanleveringen) and expected deliveries."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.accounts.permissions import can
from koers.api.conventions import absolute, link
from koers.api.enums import WAARDETYPE, WAARNEMINGSTATUS, DutchChoiceField
from koers.api.fields import BlankAsNullField, FiniteFloatField, links_schema
from koers.areas.queries import dutch_provinces
from koers.deliveries import staleness
from koers.deliveries.models import (
    Channel,
    Delivery,
    DeliveryStatus,
    Observation,
    Transition,
)
from koers.deliveries.reports import delivery_summary
from koers.deliveries.uploads import shipped_mapping_paths
from koers.deliveries.workflow import TRANSITIONS, allowed_transitions


class WaarnemingSerializer(serializers.ModelSerializer):
    """One version of one value, with where it came from."""

    indicator = serializers.CharField(source="indicator.code")
    gebied = serializers.CharField(source="area.code")
    periode = serializers.CharField(source="period", help_text="bv. 2023, 2023-Q4, 2023-03.")
    uitsplitsing = serializers.CharField(source="breakdown", help_text="_T is het totaal.")
    waardetype = DutchChoiceField(WAARDETYPE, source="value_kind")
    waarde = FiniteFloatField(source="value", help_text="null: ontbrekend of vertrouwelijk.")
    status = DutchChoiceField(WAARNEMINGSTATUS)
    versie = serializers.IntegerField(source="version")
    aanlevering = serializers.IntegerField(source="delivery_id")
    bronrij = serializers.IntegerField(source="source_row", help_text="Rij in het bronbestand.")
    bronkolom = BlankAsNullField(source="source_column")
    vastgelegdOp = serializers.DateTimeField(source="recorded_at")  # noqa: N815
    vervangenOp = serializers.DateTimeField(source="superseded_at", allow_null=True)  # noqa: N815

    class Meta:
        model = Observation
        fields = [
            "id", "indicator", "gebied", "periode", "uitsplitsing", "waardetype", "waarde",
            "status", "versie", "aanlevering", "bronrij", "bronkolom", "vastgelegdOp",
            "vervangenOp",
        ]  # fmt: skip
        read_only_fields = fields


class BevindingSerializer(serializers.Serializer):
    """One validation finding: file, row, column, rule, value and a message to act on."""

    bestand = serializers.CharField(source="file")
    rij = serializers.IntegerField(source="row", allow_null=True)
    kolom = serializers.CharField(source="column", allow_null=True)
    regel = serializers.CharField(source="rule", help_text="Stabiele code van de regel.")
    waarde = serializers.JSONField(source="value", allow_null=True)
    melding = serializers.CharField(source="message", help_text="De melding, in het Nederlands.")
    meldingEn = serializers.CharField(  # noqa: N815
        source="message_en",
        default=None,
        allow_null=True,
        help_text="The message in English (null in reports stored before it was kept).",
    )


class BestandSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    sha256 = serializers.CharField()
    grootte = serializers.IntegerField(source="size", help_text="In bytes.")


class OvergangSerializer(serializers.ModelSerializer):
    van = BlankAsNullField(source="from_status")
    naar = serializers.CharField(source="to_status")
    door = serializers.CharField(source="by.username", allow_null=True, default=None)
    op = serializers.DateTimeField(source="at")
    toelichting = BlankAsNullField(source="note")

    class Meta:
        model = Transition
        fields = ["van", "naar", "door", "op", "toelichting"]


class AanleveringSerializer(serializers.ModelSerializer):
    """A delivery with its counts and place in the workflow (the list shows no findings)."""

    status = serializers.ChoiceField(choices=DeliveryStatus.choices)
    bestand = BestandSerializer(source="file")
    mapping = BlankAsNullField(source="mapping_name")
    provincie = serializers.CharField(source="province.code", allow_null=True, default=None)
    kanaal = serializers.ChoiceField(source="channel", choices=Channel.choices)
    ingediendDoor = serializers.CharField(  # noqa: N815
        source="submitted_by.username", allow_null=True, default=None
    )
    ontvangenOp = serializers.DateTimeField(source="received_at")  # noqa: N815
    rijen = serializers.IntegerField(source="rows")
    waarnemingenNieuw = serializers.IntegerField(source="observations_created")  # noqa: N815
    waarnemingenVervangen = serializers.IntegerField(  # noqa: N815
        source="observations_superseded"
    )
    aantalFouten = serializers.SerializerMethodField()  # noqa: N815
    aantalWaarschuwingen = serializers.SerializerMethodField()  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Delivery
        fields = [
            "id", "status", "bestand", "mapping", "provincie", "kanaal", "ingediendDoor",
            "ontvangenOp", "rijen", "waarnemingenNieuw", "waarnemingenVervangen",
            "aantalFouten", "aantalWaarschuwingen", "_links",
        ]  # fmt: skip
        read_only_fields = fields

    def get_aantalFouten(self, delivery: Delivery) -> int:  # noqa: N802
        return sum(delivery_summary(delivery)["error_counts"].values())  # exact, not the kept

    def get_aantalWaarschuwingen(self, delivery: Delivery) -> int:  # noqa: N802
        return sum(delivery_summary(delivery)["warning_counts"].values())

    @extend_schema_field(links_schema("self", "status", "waarnemingen"))
    def get__links(self, delivery: Delivery) -> dict:
        request = self.context["request"]
        observations = absolute(request, "waarneming-list") + f"?aanlevering={delivery.pk}"
        return {
            "self": link(absolute(request, "aanlevering-detail", str(delivery.pk))),
            "status": link(absolute(request, "aanlevering-status", str(delivery.pk))),
            "waarnemingen": link(observations),
        }


class AanleveringDetailSerializer(AanleveringSerializer):
    """A delivery with its validation report, its steps and what this user may do next."""

    geenWijzigingen = serializers.SerializerMethodField()  # noqa: N815
    fouten = serializers.SerializerMethodField()
    waarschuwingen = serializers.SerializerMethodField()
    overgangen = OvergangSerializer(source="transitions", many=True, read_only=True)
    toegestaneStatussen = serializers.SerializerMethodField()  # noqa: N815
    verouderd = serializers.SerializerMethodField(
        help_text=(
            "Waar: na de import van deze (nog niet gepubliceerde) aanlevering is een andere "
            "aanlevering met dezelfde indicator en hetzelfde gebied gepubliceerd of "
            "ingetrokken. Goedkeuren en publiceren kan dan niet; valideer haar opnieuw."
        )
    )
    verouderdDoor = serializers.SerializerMethodField(  # noqa: N815
        help_text="De aanleveringen (id's) waardoor zij verouderd is, voor zover zichtbaar."
    )
    concurrerend = serializers.SerializerMethodField(
        help_text=(
            "Andere nog niet gepubliceerde aanleveringen (id's) met dezelfde indicator en "
            "hetzelfde gebied, voor zover zichtbaar: wie eerst publiceert, maakt de andere "
            "verouderd."
        )
    )

    class Meta(AanleveringSerializer.Meta):
        fields = [
            *AanleveringSerializer.Meta.fields[:-1],
            "geenWijzigingen", "fouten", "waarschuwingen", "overgangen", "toegestaneStatussen",
            "verouderd", "verouderdDoor", "concurrerend", "_links",
        ]  # fmt: skip
        read_only_fields = fields

    def _standing(self, delivery: Delivery) -> staleness.Standing:
        """Where the delivery stands against the others (worked out once per delivery)."""
        cache = self.context.setdefault("standing", {})
        if delivery.pk not in cache:
            cache[delivery.pk] = staleness.standing(delivery)
        return cache[delivery.pk]

    def _visible(self, ids: list[int]) -> list[int]:
        user = self.context["request"].user
        return sorted(
            Delivery.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)
        )

    def get_verouderd(self, delivery: Delivery) -> bool:
        return self._standing(delivery).stale

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_verouderdDoor(self, delivery: Delivery) -> list[int]:  # noqa: N802
        return self._visible(self._standing(delivery).stale_because)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_concurrerend(self, delivery: Delivery) -> list[int]:
        return self._visible(self._standing(delivery).competing)

    def get_geenWijzigingen(self, delivery: Delivery) -> bool:  # noqa: N802
        return delivery_summary(delivery)["no_changes"]

    @extend_schema_field(BevindingSerializer(many=True))
    def get_fouten(self, delivery: Delivery) -> list[dict]:
        return BevindingSerializer(delivery_summary(delivery)["errors"], many=True).data

    @extend_schema_field(BevindingSerializer(many=True))
    def get_waarschuwingen(self, delivery: Delivery) -> list[dict]:
        return BevindingSerializer(delivery_summary(delivery)["warnings"], many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_toegestaneStatussen(self, delivery: Delivery) -> list[str]:  # noqa: N802
        user = self.context["request"].user
        return [
            status
            for status in allowed_transitions(delivery)
            if can(user, TRANSITIONS[status][1], province=delivery.province)
        ]


class AanleveringUploadSerializer(serializers.Serializer):
    """A file to deliver, for a province, read with a shipped or an uploaded mapping."""

    bestand = serializers.FileField(help_text="CSV, XLSX of JSON; het Koers-sjabloon of CBS.")
    provincie = serializers.CharField(
        required=False, help_text="Provinciecode (PV20–PV31); verplicht voor datastewards."
    )
    mapping = serializers.ChoiceField(
        choices=sorted(shipped_mapping_paths()),
        required=False,
        help_text="Naam van een meegeleverde mapping, bv. cbs-70960ned.",
    )
    mappingBestand = serializers.FileField(  # noqa: N815
        required=False, help_text="Eigen mapping (YAML), in plaats van een meegeleverde."
    )

    def validate_provincie(self, value: str) -> str:
        if not dutch_provinces().filter(code=value).exists():
            raise serializers.ValidationError(f"{value!r} is geen provinciecode.", code="invalid")
        return value

    def validate(self, attrs: dict) -> dict:
        if attrs.get("mapping") and attrs.get("mappingBestand"):
            raise serializers.ValidationError(
                {"mappingBestand": "Geef een mapping óf een mappingBestand, niet allebei."}
            )
        return attrs


class StatusSerializer(serializers.Serializer):
    """The next step in the workflow: submit, approve, publish or withdraw."""

    status = serializers.ChoiceField(
        choices=[s for s in DeliveryStatus.values if s in TRANSITIONS],
        help_text="submitted, approved, published of withdrawn.",
    )
    toelichting = serializers.CharField(required=False, max_length=300, allow_blank=True)


class VerwachteAanleveringSerializer(serializers.Serializer):
    """One expected delivery: indicator × province × period, and how far it got."""

    indicator = serializers.CharField()
    provincie = serializers.CharField(source="province")
    periode = serializers.CharField(source="period")
    uiterlijk = serializers.DateField(source="due", help_text="Uiterste aanleverdatum.")
    stand = serializers.ChoiceField(
        source="state",
        choices=["approved", "received", "late", "expected"],
        help_text="approved, received, late (te laat) of expected (nog niet verwacht).",
    )
