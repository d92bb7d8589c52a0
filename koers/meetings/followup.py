"""Each province's follow-up of a meeting ("elkaar vasthouden en niet verrassen").

Four steps per meeting and province, each with a date and evidence. A steward records
only their own province (accounts.permissions), the programme office any. A step is due
KOERS_FOLLOW_UP_DUE_DAYS after the meeting; a missing step after that is overdue.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import transaction

from koers.accounts.models import Role, RoleAssignment
from koers.accounts.permissions import Action, require
from koers.areas.models import Area
from koers.config import config
from koers.meetings.models import Gremium, OpvolgingStap, Stap, Vergadering, VergaderingStatus


class FollowUpRefused(ValueError):
    """A follow-up step that cannot be recorded as given (code ``follow_up_refused``)."""

    code = "follow_up_refused"


def provinces() -> list[Area]:
    return list(Area.objects.filter(type="provincie").order_by("name"))


def due_date(vergadering: Vergadering) -> datetime.date:
    return vergadering.datum + datetime.timedelta(days=config("KOERS_FOLLOW_UP_DUE_DAYS"))


@transaction.atomic
def record_step(
    user, vergadering: Vergadering, provincie: Area, stap: int, *, datum: datetime.date, bewijs: str
) -> OpvolgingStap:
    """Record (or correct) one step of ``provincie`` for ``vergadering``."""
    require(user, Action.UPDATE_FOLLOW_UP, province=provincie)
    if vergadering.status == VergaderingStatus.GEANNULEERD:
        raise FollowUpRefused("De vergadering is geannuleerd: er is niets op te volgen.")
    if datum > datetime.date.today():
        raise FollowUpRefused(f"Stap {stap}: de datum {datum:%d-%m-%Y} ligt in de toekomst.")
    if not bewijs.strip():
        raise FollowUpRefused(
            f"Stap {stap}: vul als bewijs een link of kenmerk in (GS-besluit of Statenbrief)."
        )
    step, _ = OpvolgingStap.objects.update_or_create(
        vergadering=vergadering,
        provincie=provincie,
        stap=Stap(stap),
        defaults={"datum": datum, "bewijs": bewijs.strip(), "bijgewerkt_door": user},
    )
    return step


@dataclass(frozen=True)
class Cell:
    stap: Stap
    record: OpvolgingStap | None
    overdue: bool


@dataclass(frozen=True)
class ProvinceRow:
    provincie: Area
    cells: list[Cell]


def follow_up_of(
    vergadering: Vergadering, *, today: datetime.date | None = None
) -> list[ProvinceRow]:
    """For each province, the four steps of ``vergadering``: recorded or not, overdue or not."""
    today = today or datetime.date.today()
    late = _is_due(vergadering, today)
    recorded = {(s.provincie_id, s.stap): s for s in vergadering.opvolging.all()}
    return [
        ProvinceRow(
            provincie,
            [
                Cell(
                    stap,
                    recorded.get((provincie.pk, stap)),
                    late and (provincie.pk, stap) not in recorded,
                )
                for stap in Stap
            ],
        )
        for provincie in provinces()
    ]


def _is_due(vergadering: Vergadering, today: datetime.date) -> bool:
    return vergadering.status != VergaderingStatus.GEANNULEERD and due_date(vergadering) < today


@dataclass(frozen=True)
class Overdue:
    vergadering: Vergadering
    provincie: Area
    stappen: list[Stap]
    due: datetime.date


def overdue_steps(
    *, province_codes: list[str] | None = None, today: datetime.date | None = None
) -> list[Overdue]:
    """Steps past their due date and not recorded, for the given provinces (default all)."""
    today = today or datetime.date.today()
    last_day = today - datetime.timedelta(days=config("KOERS_FOLLOW_UP_DUE_DAYS") + 1)
    meetings = (
        Vergadering.objects.exclude(status=VergaderingStatus.GEANNULEERD)
        .filter(datum__lte=last_day)
        .select_related("gremium")
        .prefetch_related("opvolging")
        .order_by("datum")
    )
    wanted = [p for p in provinces() if province_codes is None or p.code in province_codes]
    found = []
    for vergadering in meetings:
        done = {(s.provincie_id, s.stap) for s in vergadering.opvolging.all()}
        for provincie in wanted:
            missing = [stap for stap in Stap if (provincie.pk, stap) not in done]
            if missing:
                found.append(Overdue(vergadering, provincie, missing, due_date(vergadering)))
    return found


def send_reminders(*, today: datetime.date | None = None) -> int:
    """E-mail each province's stewards their overdue steps; returns the e-mails sent."""
    per_province: dict[str, list[Overdue]] = defaultdict(list)
    for item in overdue_steps(today=today):
        per_province[item.provincie.code].append(item)
    sent = 0
    for code, items in per_province.items():
        addresses = sorted(
            {
                a.user.email
                for a in RoleAssignment.objects.filter(
                    role=Role.PROVINCE_STEWARD, province__code=code, user__is_active=True
                ).select_related("user")
                if a.user.email
            }
        )
        if not addresses:
            continue
        lines = [
            f"- {item.vergadering} (uiterlijk {item.due:%d-%m-%Y}): "
            + "; ".join(str(stap.label) for stap in item.stappen)
            for item in items
        ]
        send_mail(
            subject=(
                f"Koers: opvolging van {len(items)} vergadering(en) staat open voor "
                f"{items[0].provincie.name}"
            ),
            message="De volgende stappen zijn nog niet vastgelegd:\n\n" + "\n".join(lines),
            from_email=config("KOERS_FOLLOW_UP_REMINDER_FROM"),
            recipient_list=addresses,
        )
        sent += 1
    return sent


@dataclass(frozen=True)
class OverviewCell:
    done: int
    expected: int

    @property
    def percentage(self) -> int:
        return round(100 * self.done / self.expected) if self.expected else 0


@dataclass(frozen=True)
class Overview:
    gremium: Gremium
    years: list[int]
    rows: list[tuple[Area, list[OverviewCell]]]


def overview(gremium: Gremium, *, today: datetime.date | None = None) -> Overview:
    """Per province and year, how many follow-up steps of ``gremium``'s due meetings were
    recorded by their due date."""
    today = today or datetime.date.today()
    meetings = [
        v
        for v in gremium.vergaderingen.exclude(
            status=VergaderingStatus.GEANNULEERD
        ).prefetch_related("opvolging")
        if _is_due(v, today)
    ]
    years = sorted({v.datum.year for v in meetings})
    rows = []
    for provincie in provinces():
        cells = []
        for year in years:
            of_year = [v for v in meetings if v.datum.year == year]
            done = sum(
                1
                for v in of_year
                for s in v.opvolging.all()
                if s.provincie_id == provincie.pk and s.datum <= due_date(v)
            )
            cells.append(OverviewCell(done, 4 * len(of_year)))
        rows.append((provincie, cells))
    return Overview(gremium, years, rows)


def publish_overview(user, gremium: Gremium, *, openbaar: bool) -> Gremium:
    """Only the programme office decides whether a body's follow-up overview is public."""
    require(user, Action.PUBLISH_FOLLOW_UP)
    gremium.opvolging_openbaar = openbaar
    gremium.save(update_fields=["opvolging_openbaar"])
    return gremium
