"""Writes to membership records. Each function is one business action, atomic, keyword-only."""

import datetime
import hashlib
import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.audit import audit, snapshot
from core.concurrency import save_versioned
from core.tasks import enqueue

from .models import (
    Country,
    FocalPointAppointment,
    Invitation,
    MembershipPeriod,
    Minister,
    Ministry,
    PartnerInstitution,
)

logger = logging.getLogger(__name__)
User = get_user_model()


# --- Countries and membership ---------------------------------------------------------------


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


# --- Ministries and ministers ---------------------------------------------------------------


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


# --- Focal points and invitations -----------------------------------------------------------


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


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(*, user, by) -> Invitation:
    """Revoke the person's earlier unused invitations, make a new one, send it after commit.
    With the broker down the appointment still stands: the sweep queues unsent invitations."""
    from .tasks import send_invitation

    now = timezone.now()
    Invitation.objects.filter(user=user, accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    invitation = Invitation.objects.create(
        user=user,
        created_by=by,
        expires_at=now + datetime.timedelta(days=settings.ALLIANCE_INVITATION_VALID_DAYS),
    )
    transaction.on_commit(lambda: enqueue(send_invitation, invitation.pk))
    return invitation


def invitations_unsent(*, older_than_seconds: int = 60) -> list[int]:
    """Live invitations whose e-mail has not gone out (the broker was down when they were made,
    or sending failed): the sweep queues them again. Sending claims the row, so a second queue
    sends nothing twice."""
    now = timezone.now()
    return list(
        Invitation.objects.filter(
            sent_at__isnull=True,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=now,
            created_at__lt=now - datetime.timedelta(seconds=older_than_seconds),
        ).values_list("pk", flat=True)
    )


def invitation_send(*, invitation_id: int) -> bool:
    """E-mail a fresh link for the invitation. Safe to run twice: the row is claimed first, and
    released again if the mail could not be sent. Returns whether a message was sent."""
    token = secrets.token_urlsafe(32)
    claimed = Invitation.objects.filter(
        pk=invitation_id,
        sent_at__isnull=True,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
    ).update(sent_at=timezone.now(), token_hash=_hash_token(token))
    if not claimed:
        return False
    invitation = Invitation.objects.select_related("user").get(pk=invitation_id)
    try:
        _send_invitation_mail(invitation, token)
    except Exception:
        Invitation.objects.filter(pk=invitation_id).update(sent_at=None, token_hash=None)
        raise
    return True


def _send_invitation_mail(invitation: Invitation, token: str) -> None:
    user = invitation.user
    link = settings.ALLIANCE_BASE_URL.rstrip("/") + reverse(
        "members:invitation-accept", kwargs={"token": token}
    )
    with translation.override(user.preferred_language):
        context = {"user": user, "link": link, "expires_at": invitation.expires_at}
        subject = _("Your invitation to the Alliance Portal")
        body = render_to_string("emails/invitation.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[user.email])
    message.send()


def invitation_for_token(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("user").filter(token_hash=_hash_token(token)).first()
    )
    if invitation is None or not invitation.is_usable():
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str):
    """The invited person sets their password; the link stops working."""
    from allauth.account.models import EmailAddress

    claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        accepted_at=timezone.now()
    )
    if not claimed:
        raise ValidationError(_("This invitation has already been used."))
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


# --- Partner institutions -------------------------------------------------------------------


PARTNER_FIELDS = ["name", "acronym", "kind", "country", "website", "joined_on", "left_on"]


def partner_create(*, by=None, **fields) -> PartnerInstitution:
    partner = PartnerInstitution(**fields)
    partner.full_clean()
    partner.save()
    audit(
        actor=by,
        action="partner.created",
        instance=partner,
        after=snapshot(partner, PARTNER_FIELDS),
    )
    return partner


def partner_update(
    *, partner: PartnerInstitution, version: int, by=None, **fields
) -> PartnerInstitution:
    before = snapshot(PartnerInstitution.objects.get(pk=partner.pk), list(fields))
    for name, value in fields.items():
        setattr(partner, name, value)
    save_versioned(partner, fields=list(fields), version=version)
    audit(
        actor=by,
        action="partner.changed",
        instance=partner,
        before=before,
        after=snapshot(partner, list(fields)),
    )
    return partner


# --- Own profile ----------------------------------------------------------------------------


def profile_update(*, user, full_name: str, preferred_language: str, time_zone: str):
    user.full_name = full_name
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["full_name", "preferred_language", "time_zone"])
    return user


def preferred_language_set(*, user, language: str) -> None:
    user.preferred_language = language
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["preferred_language"])
