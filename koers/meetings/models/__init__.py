"""Bodies, meetings, documents, joint positions and each province's follow-up (issue 15)."""

from koers.meetings.models.documenten import (
    Informatiecategorie,
    Informatieobject,
    Informatieobjecttype,
)
from koers.meetings.models.gremia import Gremium, GremiumSoort, Lid
from koers.meetings.models.opvolging import OpvolgingStap, Stap
from koers.meetings.models.standpunten import (
    Arena,
    Communicatie,
    DossierActie,
    Kanaal,
    LobbyDossier,
    Standpunt,
    StandpuntStatus,
    StandpuntVersie,
)
from koers.meetings.models.vergaderingen import (
    Agendapunt,
    AgendapuntSoort,
    Besluit,
    BesluitResultaat,
    Vergadering,
    VergaderingStatus,
)

__all__ = [
    "Agendapunt",
    "AgendapuntSoort",
    "Arena",
    "Besluit",
    "Communicatie",
    "BesluitResultaat",
    "DossierActie",
    "Gremium",
    "GremiumSoort",
    "Informatiecategorie",
    "Informatieobject",
    "Informatieobjecttype",
    "Kanaal",
    "Lid",
    "LobbyDossier",
    "OpvolgingStap",
    "Stap",
    "Standpunt",
    "StandpuntStatus",
    "StandpuntVersie",
    "Vergadering",
    "VergaderingStatus",
]
