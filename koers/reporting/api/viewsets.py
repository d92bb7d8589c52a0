"""/rapportages: the published progress reports, one per year (its latest published
version), with links to the page, the HTML document and the PDF of every version."""

from __future__ import annotations

from django.db.models import Max
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from koers.api.conventions import ReadOnlyViewSet, absolute, link
from koers.api.fields import ID, links_schema
from koers.reporting.models import Report


def _site(request, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(f"reporting:{name}", args=args))


class RapportageVersieSerializer(serializers.ModelSerializer):
    versie = serializers.IntegerField(source="version")
    gemaaktOp = serializers.DateTimeField(source="generated_at")  # noqa: N815
    gepubliceerdOp = serializers.DateTimeField(source="published_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = ["versie", "gemaaktOp", "gepubliceerdOp", "_links"]

    @extend_schema_field(links_schema("pagina", "html", optional=("pdf",)))
    def get__links(self, report: Report) -> dict:
        request = self.context["request"]
        y, v = report.year, report.version
        links = {
            "pagina": link(_site(request, "version", y, v)),
            "html": link(_site(request, "version-file", y, v, "html")),
        }
        if report.pdf_sha256:
            links["pdf"] = link(_site(request, "version-file", y, v, "pdf"))
        return links


class RapportageSerializer(serializers.ModelSerializer):
    """The report of a year: its latest published version and every published version."""

    jaar = serializers.IntegerField(source="year")
    versie = serializers.IntegerField(source="version", help_text="Nieuwste gepubliceerde versie.")
    gepubliceerdOp = serializers.DateTimeField(source="published_at")  # noqa: N815
    samenvatting = serializers.DictField(
        source="summary", child=serializers.IntegerField(), help_text="Doelen per status."
    )
    versies = serializers.SerializerMethodField()
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = ["jaar", "versie", "gepubliceerdOp", "samenvatting", "versies", "_links"]

    @extend_schema_field(RapportageVersieSerializer(many=True))
    def get_versies(self, report: Report) -> list[dict]:
        versions = Report.objects.filter(year=report.year).exclude(published_at=None)
        return RapportageVersieSerializer(versions, many=True, context=self.context).data

    @extend_schema_field(links_schema("self", "pagina", "html", optional=("pdf",)))
    def get__links(self, report: Report) -> dict:
        request = self.context["request"]
        links = {
            "self": link(absolute(request, "rapportage-detail", str(report.year))),
            "pagina": link(_site(request, "report", report.year)),
            "html": link(_site(request, "file", report.year, "html")),
        }
        if report.pdf_sha256:
            links["pdf"] = link(_site(request, "file", report.year, "pdf"))
        return links


@extend_schema_view(
    list=extend_schema(
        summary="Voortgangsrapportages",
        description="Per jaar de nieuwste gepubliceerde versie van de voortgangsrapportage.",
    ),
    retrieve=extend_schema(summary="Eén voortgangsrapportage", description="Op jaar, bv. 2026."),
)
class RapportageViewSet(ReadOnlyViewSet):
    """Gepubliceerde voortgangsrapportages voor GS en PS (HTML en toegankelijke PDF)."""

    serializer_class = RapportageSerializer
    lookup_field = "year"
    lookup_url_kwarg = "jaar"
    lookup_value_regex = ID

    def get_queryset(self):
        published = Report.objects.exclude(published_at=None)
        latest = published.values("year").annotate(v=Max("version")).values_list("year", "v")
        pks = [
            published.get(year=year, version=version).pk for year, version in latest
        ]  # one per year; a handful of years
        return Report.objects.filter(pk__in=pks).order_by("-year")
