"""Who may do what. Every app asks these functions; no view decides access on its own.

A focal point acts for the countries of the ministries they hold an active appointment with, on
the Alliance's "today". An appointment that ended gives no access from its end date on.
"""

import datetime

from django.core.exceptions import PermissionDenied

from core.dates import alliance_today

from .models import Country, FocalPointAppointment

_CACHE_ATTR = "_alliance_country_ids"
_ACTING_CACHE_ATTR = "_alliance_acting_country_ids"


def is_secretariat(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and getattr(user, "is_secretariat", False)
    )


def active_appointments(user, on: datetime.date | None = None):
    on = on or alliance_today()
    if not (user is not None and user.is_authenticated and user.is_active):
        return FocalPointAppointment.objects.none()
    return FocalPointAppointment.objects.on(on).filter(user=user)


def country_ids_for(user, on: datetime.date | None = None) -> frozenset[int]:
    """Ids of the countries a user acts for on a date (today by default). Cached on the user
    object, per date, for the length of the request."""
    on = on or alliance_today()
    if user is None or not user.is_authenticated:
        return frozenset()
    cache = user.__dict__.setdefault(_CACHE_ATTR, {})
    if on not in cache:
        cache[on] = frozenset(
            active_appointments(user, on).values_list("ministry__country_id", flat=True)
        )
    return cache[on]


def acting_country_ids(user, on: datetime.date | None = None) -> frozenset[int]:
    """Ids of the countries a user may act for (write: file reports, propose and edit products,
    answer invitations) on a date: their appointments' countries that are members of the
    Alliance on that day. A country that has left keeps read access to its own records through
    open appointments, but nobody writes in its name. Every write asks this one function."""
    on = on or alliance_today()
    ids = country_ids_for(user, on)
    if not ids:
        return ids
    cache = user.__dict__.setdefault(_ACTING_CACHE_ATTR, {})
    if on not in cache:
        cache[on] = frozenset(
            Country.objects.members_on(on).filter(pk__in=ids).values_list("pk", flat=True)
        )
    return cache[on]


def countries_for(user, on: datetime.date | None = None):
    return Country.objects.filter(pk__in=country_ids_for(user, on)).ordered_by_name()


def is_focal_point(user, on: datetime.date | None = None) -> bool:
    return bool(country_ids_for(user, on))


def is_acting_focal_point(user, on: datetime.date | None = None) -> bool:
    """A focal point of at least one country that is a member of the Alliance on the day."""
    return bool(acting_country_ids(user, on))


def may_act_for_country(user, country, on: datetime.date | None = None) -> bool:
    country_id = getattr(country, "pk", country)
    return country_id in acting_country_ids(user, on)


def may_view_country_records(user, country) -> bool:
    """The secretariat sees every country's back-office records; a focal point sees their own."""
    return is_secretariat(user) or may_act_for_country(user, country)


def may_act_for_group(user, group, on: datetime.date | None = None) -> bool:
    """Whether the user acts for a member country of ``group`` (any object with
    ``member_country_ids(on)``), or is secretariat staff."""
    if is_secretariat(user):
        return True
    on = on or alliance_today()
    return bool(country_ids_for(user, on) & set(group.member_country_ids(on)))


def may_lead_group(user, group, on: datetime.date | None = None) -> bool:
    """Whether the user acts for a lead country of ``group`` (``lead_country_ids(on)``)."""
    on = on or alliance_today()
    return bool(country_ids_for(user, on) & set(group.lead_country_ids(on)))


def require_secretariat(user) -> None:
    if not is_secretariat(user):
        raise PermissionDenied
