"""Review rounds (toetsrondes) and proposals (voorstellen) as API resources."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.api.conventions import absolute, link
from koers.api.fields import BlankAsNullField, FiniteFloatField, links_schema
from koers.review.models import Proposal, ProposalKind, ReviewRound, RoundState


class ToetsrondeSerializer(serializers.ModelSerializer):
    """A yearly review round, named after the budget it feeds."""

    begrotingsjaar = serializers.IntegerField(source="budget_year")
    titel = serializers.CharField(source="title")
    status = serializers.ChoiceField(source="state", choices=RoundState.choices)
    besluitdatum = serializers.DateField(source="decision_date", allow_null=True)
    begrotingKenmerk = BlankAsNullField(source="budget_reference")  # noqa: N815
    redenOntbrekendeBeoordelingen = BlankAsNullField(source="missing_reason")  # noqa: N815
    aantalBeoordelingen = serializers.SerializerMethodField()  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = ReviewRound
        fields = [
            "begrotingsjaar", "titel", "status", "besluitdatum", "begrotingKenmerk",
            "redenOntbrekendeBeoordelingen", "aantalBeoordelingen", "_links",
        ]  # fmt: skip

    def get_aantalBeoordelingen(self, round_: ReviewRound) -> int:  # noqa: N802
        return round_.assessments.count()

    @extend_schema_field(links_schema("self", "voorstellen"))
    def get__links(self, round_: ReviewRound) -> dict:
        request = self.context["request"]
        return {
            "self": link(absolute(request, "toetsronde-detail", str(round_.budget_year))),
            "voorstellen": link(
                absolute(request, "voorstel-list") + f"?toetsronde={round_.budget_year}"
            ),
        }


class VoorstelSerializer(serializers.ModelSerializer):
    """The proposal for one goal in one round, with its assessment and, once adopted, what
    changed (the new goal version, the previous target)."""

    toetsronde = serializers.IntegerField(source="round.budget_year")
    doel = serializers.CharField(source="goal.number")
    soort = serializers.ChoiceField(source="kind", choices=ProposalKind.choices)
    reden = serializers.CharField(source="reason")
    beoordeling = serializers.SerializerMethodField()
    nieuweTekst = BlankAsNullField(source="new_text")  # noqa: N815
    streefwaardeId = serializers.IntegerField(source="target_id", allow_null=True)  # noqa: N815
    nieuweStreefwaarde = FiniteFloatField(source="new_target_value")  # noqa: N815
    nieuwStreefjaar = serializers.IntegerField(source="new_target_year", allow_null=True)  # noqa: N815
    vastgesteld = serializers.SerializerMethodField()
    nieuweVersie = serializers.SerializerMethodField()  # noqa: N815
    vorigeStreefwaarde = FiniteFloatField(source="previous_target_value")  # noqa: N815
    vorigStreefjaar = serializers.IntegerField(source="previous_target_year", allow_null=True)  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "id", "toetsronde", "doel", "soort", "reden", "beoordeling", "nieuweTekst",
            "streefwaardeId", "nieuweStreefwaarde", "nieuwStreefjaar", "vastgesteld",
            "nieuweVersie", "vorigeStreefwaarde", "vorigStreefjaar", "_links",
        ]  # fmt: skip

    def get_beoordeling(self, proposal: Proposal) -> str | None:
        assessment = self.context.get("assessments", {}).get((proposal.round_id, proposal.goal_id))
        return assessment

    def get_vastgesteld(self, proposal: Proposal) -> bool:
        return proposal.round.state == RoundState.ADOPTED

    def get_nieuweVersie(self, proposal: Proposal) -> int | None:  # noqa: N802
        return proposal.goal_version.version if proposal.goal_version_id else None

    @extend_schema_field(links_schema("self", "toetsronde", "doel"))
    def get__links(self, proposal: Proposal) -> dict:
        request = self.context["request"]
        return {
            "self": link(absolute(request, "voorstel-detail", str(proposal.pk))),
            "toetsronde": link(
                absolute(request, "toetsronde-detail", str(proposal.round.budget_year))
            ),
            "doel": link(absolute(request, "doel-detail", proposal.goal.number)),
        }


class VoorstelInvoerSerializer(serializers.Serializer):
    """What a theme lead sends for one goal: the assessment and the proposal."""

    toetsronde = serializers.IntegerField(help_text="Begrotingsjaar van de ronde, bv. 2027.")
    doel = serializers.RegexField(r"^[0-9]+(?:\.[0-9]+)*$", max_length=12)
    beoordeling = serializers.CharField()
    soort = serializers.ChoiceField(choices=ProposalKind.values)
    reden = serializers.CharField()
    nieuweTekst = serializers.CharField(required=False, allow_blank=True, default="")  # noqa: N815
    streefwaardeId = serializers.IntegerField(required=False, allow_null=True, default=None)  # noqa: N815
    nieuweStreefwaarde = serializers.FloatField(required=False, allow_null=True, default=None)  # noqa: N815
    nieuwStreefjaar = serializers.IntegerField(  # noqa: N815
        required=False, allow_null=True, default=None, min_value=2000, max_value=2100
    )


class VaststellingSerializer(serializers.Serializer):
    """The IPO-bestuur's decision on a round."""

    besluitdatum = serializers.DateField()
    begrotingKenmerk = serializers.CharField(max_length=200)  # noqa: N815
    redenOntbrekendeBeoordelingen = serializers.CharField(  # noqa: N815
        required=False, allow_blank=True, default=""
    )
