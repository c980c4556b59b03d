"""factory_boy factories shared by every app's tests."""

import datetime
import itertools
import string

import factory

from members.models import (
    Country,
    FocalPointAppointment,
    MembershipPeriod,
    Minister,
    Ministry,
    PartnerInstitution,
    User,
)

# Two-letter codes that no migration uses, for countries made up by tests.
_RESERVED = {
    "AR",
    "BS",
    "BB",
    "BZ",
    "BR",
    "CL",
    "CR",
    "DO",
    "EC",
    "GT",
    "GY",
    "HN",
    "JM",
    "PA",
    "PY",
    "PE",
    "SR",
    "UY",
    "CO",
}
_FREE_CODES = [
    a + b for a, b in itertools.product(string.ascii_uppercase, repeat=2) if a + b not in _RESERVED
]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    preferred_language = "en"  # the tests read English; tests about other languages say so
    password = factory.django.Password("correct horse battery staple")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["iso_code"]

    iso_code = factory.Sequence(lambda n: _FREE_CODES[n % len(_FREE_CODES)])
    name_es = factory.LazyAttribute(lambda o: f"País {o.iso_code}")
    name_en = factory.LazyAttribute(lambda o: f"Country {o.iso_code}")
    name_pt = factory.LazyAttribute(lambda o: f"País {o.iso_code} (pt)")
    name_fr = factory.LazyAttribute(lambda o: f"Pays {o.iso_code}")


class MembershipPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipPeriod

    country = factory.SubFactory(CountryFactory)
    start_on = datetime.date(2025, 1, 1)


class MinistryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ministry

    country = factory.SubFactory(CountryFactory)
    kind = Ministry.Kind.SECURITY
    name = factory.Sequence(lambda n: f"Ministry of Security {n}")


class MinisterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minister

    ministry = factory.SubFactory(MinistryFactory)
    full_name = factory.Faker("name")
    start_on = datetime.date(2024, 12, 12)


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPointAppointment

    user = factory.SubFactory(UserFactory)
    ministry = factory.SubFactory(MinistryFactory)
    start_on = datetime.date(2025, 1, 1)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerInstitution

    name = factory.Sequence(lambda n: f"Partner institution {n}")
    kind = PartnerInstitution.Kind.MULTILATERAL
    joined_on = datetime.date(2024, 12, 12)


# --- Working groups -------------------------------------------------------------------------


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "working_groups.WorkPlan"

    group = factory.LazyFunction(lambda: _group(1))
    title = factory.Sequence(lambda n: f"Work plan {n}")
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2027, 12, 31)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "working_groups.Activity"

    plan = factory.SubFactory(WorkPlanFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Activity {n}")
    start_on = datetime.date(2026, 1, 1)
    due_on = datetime.date(2026, 12, 31)
    expected_output = "A regional protocol"


def _group(number):
    from working_groups.models import WorkingGroup

    return WorkingGroup.objects.get(number=number)


def approved_plan(group, *, activities=2, **kwargs):
    """An approved work plan of ``group`` with ``activities`` activities concerning everyone."""
    kwargs.setdefault("status", "approved")
    plan = WorkPlanFactory(group=group, **kwargs)
    ActivityFactory.create_batch(activities, plan=plan)
    return plan
