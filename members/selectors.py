"""Read queries for membership, each with a fixed number of SQL queries whatever the data size."""

import datetime

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q

from core.dates import alliance_today

from .models import (
    Country,
    FocalPointAppointment,
    Invitation,
    MembershipPeriod,
    Minister,
    Ministry,
    PartnerInstitution,
)


def country_list(*, on: datetime.date | None = None):
    on = on or alliance_today()
    return (
        Country.objects.with_membership_on(on)
        .annotate(
            first_joined_on=Min("membership_periods__start_on"),
            ministry_count=Count("ministries", distinct=True),
        )
        .ordered_by_name()
    )


def member_countries(*, on: datetime.date | None = None):
    return Country.objects.members_on(on or alliance_today()).ordered_by_name()


def member_count(*, on: datetime.date | None = None) -> int:
    return Country.objects.members_on(on or alliance_today()).count()


def country_detail(*, country_id: int):
    """A country with its membership history, ministries, ministers and focal points."""
    return Country.objects.prefetch_related(
        Prefetch("membership_periods", queryset=MembershipPeriod.objects.order_by("start_on")),
        Prefetch(
            "ministries",
            queryset=Ministry.objects.order_by("name").prefetch_related(
                Prefetch("ministers", queryset=Minister.objects.order_by("-start_on")),
                Prefetch(
                    "appointments",
                    queryset=FocalPointAppointment.objects.select_related(
                        "user", "appointed_by"
                    ).order_by("-start_on"),
                ),
            ),
        ),
    ).get(pk=country_id)


def public_member_list(*, on: datetime.date | None = None):
    """Member countries today with their ministries, for the public members page."""
    return member_countries(on=on).prefetch_related(
        Prefetch("ministries", queryset=Ministry.objects.order_by("kind", "name"))
    )


def ministry_list():
    on = alliance_today()
    return (
        Ministry.objects.select_related("country")
        .annotate(
            active_focal_points=Count(
                "appointments",
                filter=Q(appointments__in=FocalPointAppointment.objects.on(on)),
            )
        )
        .order_by(Country.name_field().replace("name", "country__name", 1), "name")
    )


def minister_list():
    return Minister.objects.select_related("ministry__country").order_by(
        Country.name_field().replace("name", "ministry__country__name", 1),
        "ministry__name",
        "-start_on",
    )


def appointment_list():
    pending = Invitation.objects.filter(
        user=OuterRef("user"), accepted_at__isnull=True, revoked_at__isnull=True
    )
    return (
        FocalPointAppointment.objects.select_related("user", "ministry__country", "appointed_by")
        .annotate(invitation_pending=Exists(pending))
        .order_by("-start_on", "user__full_name")
    )


def appointments_for_user(*, user):
    return (
        FocalPointAppointment.objects.filter(user=user)
        .select_related("ministry__country", "appointed_by")
        .order_by("-start_on")
    )


def partner_list(*, on: datetime.date | None = None, current_only: bool = False):
    qs = PartnerInstitution.objects.select_related("country").order_by("name")
    if current_only:
        on = on or alliance_today()
        qs = qs.filter(Q(joined_on__lte=on) & (Q(left_on__isnull=True) | Q(left_on__gt=on)))
    return qs
