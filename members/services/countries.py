"""Countries joining and leaving the Alliance, and their names."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import audit, snapshot
from core.concurrency import save_versioned

from ..models import (
    Country,
    MembershipPeriod,
)


@transaction.atomic
def country_join(
    *, iso_code: str, names: dict[str, str], joined_on: datetime.date, by, note: str = ""
) -> Country:
    """Record a country joining the Alliance (a new country, or a former member returning)."""
    iso_code = iso_code.upper()
    country = Country.objects.select_for_update().filter(iso_code=iso_code).first()
    if country is None:
        country = Country(iso_code=iso_code, **names)
        country.full_clean()
        country.save()
    periods = list(country.membership_periods.order_by("start_on"))
    if any(p.end_on is None for p in periods):
        raise ValidationError(_("%(country)s is already a member.") % {"country": country})
    if periods and joined_on < periods[-1].end_on:
        raise ValidationError(
            {
                "joined_on": _("%(country)s left on %(date)s; it can only rejoin after that.")
                % {"country": country, "date": periods[-1].end_on}
            }
        )
    period = MembershipPeriod(country=country, start_on=joined_on, note=note, recorded_by=by)
    period.full_clean()
    period.save()
    audit(
        actor=by,
        action="country.joined",
        instance=country,
        after={"joined_on": str(joined_on), "note": note},
    )
    return country


@transaction.atomic
def country_leave(*, country: Country, left_on: datetime.date, by, note: str = "") -> None:
    """Record a country leaving the Alliance: its open membership ends on ``left_on``."""
    period = (
        MembershipPeriod.objects.select_for_update()
        .filter(country=country, end_on__isnull=True)
        .first()
    )
    if period is None:
        raise ValidationError(_("%(country)s is not a member.") % {"country": country})
    if left_on <= period.start_on:
        raise ValidationError(
            {
                "left_on": _("The date it left must come after it joined (%(date)s).")
                % {"date": period.start_on}
            }
        )
    period.end_on = left_on
    if note:
        period.note = f"{period.note}\n{note}".strip()
    period.save(update_fields=["end_on", "note"])
    audit(
        actor=by,
        action="country.left",
        instance=country,
        before={"left_on": None},
        after={"left_on": str(left_on), "note": note},
    )


def country_update(*, country: Country, version: int, by=None, **fields) -> Country:
    before = snapshot(Country.objects.get(pk=country.pk), list(fields))
    for name, value in fields.items():
        setattr(country, name, value)
    save_versioned(country, fields=list(fields), version=version)
    audit(
        actor=by,
        action="country.changed",
        instance=country,
        before=before,
        after=snapshot(country, list(fields)),
    )
    return country
