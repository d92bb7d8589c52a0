"""Admin for the reference parts of Overleg (bodies, members, dossiers); meetings,
decisions, positions and follow-up are written through the Overleg pages."""

from django.contrib import admin

from koers.meetings.models import DossierActie, Gremium, Lid, LobbyDossier


class LidInline(admin.TabularInline):
    model = Lid
    extra = 0


@admin.register(Gremium)
class GremiumAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "soort", "thema", "opvolging_openbaar")
    inlines = [LidInline]


class ActieInline(admin.TabularInline):
    model = DossierActie
    extra = 0
    filter_horizontal = ("documenten", "standpunten")


@admin.register(LobbyDossier)
class LobbyDossierAdmin(admin.ModelAdmin):
    list_display = ("titel", "arena")
    filter_horizontal = ("doelen",)
    inlines = [ActieInline]
