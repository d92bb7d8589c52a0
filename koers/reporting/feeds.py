"""An Atom feed of published progress reports and adopted goal adjustments, for PS members
and their clerks (django.contrib.syndication)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from koers.reporting.render import title_of
from koers.reporting.service import published
from koers.review.queries import adopted_adjustments

ITEMS = 50


@dataclass(frozen=True)
class Entry:
    title: str
    description: str
    link: str
    moment: datetime
    uid: str


def entries() -> list[Entry]:
    """Newest first: each published report version and each adopted adjustment."""
    out = [
        Entry(
            title=f"{title_of(r.year)} (versie {r.version})",
            description=(
                f"De voortgangsrapportage {r.year} van het Bestuursprogramma IPO is gepubliceerd "
                f"(versie {r.version}), als webpagina en als PDF."
            ),
            link=reverse("reporting:version", args=[r.year, r.version]),
            moment=r.published_at,
            uid=f"tag:koers,{r.year}:rapportage/{r.year}/v{r.version}",
        )
        for r in published()
    ]
    for a in adopted_adjustments():
        moment = a.round.adopted_at or timezone.make_aware(
            datetime.combine(a.decision_date, time())
        )
        out.append(
            Entry(
                title=(
                    f"Doel {a.goal.number} bijgesteld bij de {a.round.title.lower()} "
                    f"(besluit {a.decision_date:%d-%m-%Y}): {a.kind_label}"
                ),
                description=a.proposal.reason,
                link=reverse("programme:goal", args=[a.goal.number]) + "#bijstellingen",
                moment=moment,
                uid=f"tag:koers,{a.decision_date.year}:bijstelling/{a.round.budget_year}/{a.goal.number}",
            )
        )
    return sorted(out, key=lambda e: e.moment, reverse=True)[:ITEMS]


class ReportsFeed(Feed):
    feed_type = Atom1Feed
    title = "Koers: voortgangsrapportages en bijstellingen"
    subtitle = (
        "Gepubliceerde voortgangsrapportages van het Bestuursprogramma IPO en de bijstellingen "
        "van doelen die het IPO-bestuur bij de begroting vaststelde."
    )
    author_name = "Interprovinciaal Overleg (IPO)"

    def link(self) -> str:
        return reverse("reporting:list")

    def items(self) -> list[Entry]:
        return entries()

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.uid

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry) -> datetime:
        return item.moment

    def item_updateddate(self, item: Entry) -> datetime:
        return item.moment
