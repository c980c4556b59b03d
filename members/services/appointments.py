"""Focal point appointments: made (with an invitation for a newcomer) and ended."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import audit, snapshot

from ..models import (
    FocalPointAppointment,
    Minister,
    Ministry,
)
from .invitations import invitation_create

User = get_user_model()


@transaction.atomic
def focal_point_appoint(
    *,
    email: str,
    full_name: str,
    ministry: Ministry,
    appointed_by: Minister | None,
    start_on: datetime.date,
    preferred_language: str,
    by,
) -> FocalPointAppointment:
    """Appoint a person as focal point of a ministry; invite them if they have no account yet."""
    if appointed_by is not None and appointed_by.ministry_id != ministry.pk:
        raise ValidationError(
            {"appointed_by": _("The appointing minister must belong to the same ministry.")}
        )
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, full_name=full_name, preferred_language=preferred_language)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    if FocalPointAppointment.objects.filter(
        user=user, ministry=ministry, end_on__isnull=True
    ).exists():
        raise ValidationError(
            {"email": _("%(name)s is already a focal point of this ministry.") % {"name": user}}
        )
    appointment = FocalPointAppointment(
        user=user, ministry=ministry, appointed_by=appointed_by, start_on=start_on, created_by=by
    )
    appointment.full_clean()
    appointment.save()
    audit(
        actor=by,
        action="appointment.created",
        instance=appointment,
        after=snapshot(appointment, ["user", "ministry", "appointed_by", "start_on"]),
    )
    if not user.has_usable_password():
        invitation_create(user=user, by=by)
    return appointment


@transaction.atomic
def appointment_end(
    *, appointment: FocalPointAppointment, end_on: datetime.date, reason: str, by=None
) -> None:
    appointment = FocalPointAppointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.end_on is not None:
        raise ValidationError(_("This appointment has already ended."))
    if end_on < appointment.start_on:
        raise ValidationError(
            {
                "end_on": _("It cannot end before it started (%(date)s).")
                % {"date": appointment.start_on}
            }
        )
    appointment.end_on = end_on
    appointment.end_reason = reason
    appointment.save(update_fields=["end_on", "end_reason"])
    audit(
        actor=by,
        action="appointment.ended",
        instance=appointment,
        before={"end_on": None},
        after={"end_on": str(end_on), "end_reason": reason},
    )
