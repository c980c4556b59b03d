"""Ministries and the ministers who hold them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import audit, snapshot
from core.concurrency import save_versioned

from ..models import (
    Country,
    Minister,
    Ministry,
)


def ministry_create(*, country: Country, kind: str, name: str, by=None) -> Ministry:
    ministry = Ministry(country=country, kind=kind, name=name)
    ministry.full_clean()
    ministry.save()
    audit(
        actor=by,
        action="ministry.created",
        instance=ministry,
        after=snapshot(ministry, ["country", "kind", "name"]),
    )
    return ministry


def ministry_update(*, ministry: Ministry, version: int, by=None, **fields) -> Ministry:
    before = snapshot(Ministry.objects.get(pk=ministry.pk), list(fields))
    for name, value in fields.items():
        setattr(ministry, name, value)
    save_versioned(ministry, fields=list(fields), version=version)
    audit(
        actor=by,
        action="ministry.changed",
        instance=ministry,
        before=before,
        after=snapshot(ministry, list(fields)),
    )
    return ministry


@transaction.atomic
def minister_record(
    *, ministry: Ministry, full_name: str, start_on: datetime.date, by=None
) -> Minister:
    """A new minister takes office; the sitting one (if any) leaves office that day."""
    sitting = (
        Minister.objects.select_for_update().filter(ministry=ministry, end_on__isnull=True).first()
    )
    if sitting is not None:
        if start_on <= sitting.start_on:
            raise ValidationError(
                {
                    "start_on": _(
                        "%(name)s has been in office since %(date)s; the new minister must "
                        "start after that."
                    )
                    % {"name": sitting.full_name, "date": sitting.start_on}
                }
            )
        sitting.end_on = start_on
        sitting.save(update_fields=["end_on"])
        audit(
            actor=by,
            action="minister.left_office",
            instance=sitting,
            before={"end_on": None},
            after={"end_on": str(start_on)},
        )
    minister = Minister(ministry=ministry, full_name=full_name, start_on=start_on)
    minister.full_clean()
    minister.save()
    audit(
        actor=by,
        action="minister.took_office",
        instance=minister,
        after=snapshot(minister, ["ministry", "full_name", "start_on"]),
    )
    return minister
