"""Invitations: made, sent by e-mail (safe to send twice), accepted."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.tasks import enqueue

from ..models import (
    Invitation,
)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(*, user, by) -> Invitation:
    """Revoke the person's earlier unused invitations, make a new one, send it after commit.
    With the broker down the appointment still stands: the sweep queues unsent invitations."""
    from ..tasks import send_invitation

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
