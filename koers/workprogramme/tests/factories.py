"""Factories for work-programme tests; they expect the register (themes, goals, provinces)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory

from koers.areas.models import Area
from koers.programme.models import Theme
from koers.workprogramme.models import Activity, Milestone, ProvincialContribution, WorkProgramme


class WorkProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkProgramme
        django_get_or_create = ("theme", "year")

    theme = factory.LazyFunction(lambda: Theme.objects.get(number="2.1"))
    year = 2026


class ActivityFactory(factory.django.DjangoModelFactory):
    """An activity of theme 2.1 in 2026, led by Gelderland; pass ``goals=[...]``."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    work_programme = factory.SubFactory(WorkProgrammeFactory)
    code = factory.Sequence(lambda n: f"A{n + 1}")
    title = factory.Sequence(lambda n: f"Activiteit {n + 1}")
    lead_province = factory.LazyFunction(lambda: Area.objects.get(code="PV25"))
    start = datetime.date(2026, 1, 1)
    end = datetime.date(2026, 12, 31)
    ipo_budget = Decimal("100000.00")
    fte = Decimal("1.5")

    @factory.post_generation
    def goals(self, create, extracted, **kwargs):
        if create and extracted:
            self.goals.set(extracted)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    activity = factory.SubFactory(ActivityFactory)
    title = "Tussenrapportage"
    date = datetime.date(2026, 6, 30)


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProvincialContribution

    activity = factory.SubFactory(ActivityFactory)
    province = factory.LazyFunction(lambda: Area.objects.get(code="PV26"))
    amount = Decimal("25000.00")
