"""Sending what :mod:`notifications.sweep` recorded: one e-mail per notification, or a digest.

Every send claims its rows first with a conditional ``UPDATE`` (status and ``claimed_at``), so a
task delivered twice sends one e-mail. A claim is not for ever: a worker killed mid-send leaves
its rows ``sending``, and once the claim is older than any delivery may take
(``ALLIANCE_DELIVERY_STALE_SECONDS``) it is taken again, at most once per such period: by a
redelivered task, by the next sweep (:func:`notifications.sweep.sweep`) or by the
secretariat's "send again"."""

import logging

from django.db.models import F
from django.utils import timezone

from core.text import one_line

from . import mail
from .channels import may_receive
from .models import Delivery, Notification
from .sweep import MAX_CLAIMS

logger = logging.getLogger(__name__)


def _claim(notification_id: int) -> bool:
    """Take the notification for sending: if it waits, or if an earlier claim is stale."""
    now = timezone.now()
    claim = {"status": Notification.Status.SENDING, "attempts": F("attempts") + 1}
    waiting = Notification.objects.filter(pk=notification_id, status=Notification.Status.PENDING)
    if waiting.update(**claim, claimed_at=now):
        return True
    lost = Notification.objects.stale_claims(now).filter(
        pk=notification_id, delivery=Delivery.EMAIL, attempts__lt=MAX_CLAIMS
    )
    if lost.update(**claim, claimed_at=now):
        logger.warning("notification %s: taking over a lost claim", notification_id)
        return True
    return False


def notification_deliver(*, notification_id: int) -> bool:
    """E-mail one notification. Claims the row first: a second delivery of the same task, or a
    notification superseded meanwhile, sends nothing. Returns whether an e-mail went out."""
    if not _claim(notification_id):
        return False
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    if not may_receive(notification.recipient):
        Notification.objects.filter(pk=notification_id).update(
            status=Notification.Status.SUPERSEDED, last_error="The recipient's access has ended."
        )
        return False
    try:
        mail.send(
            user=notification.recipient,
            kind=notification.kind,
            subject=notification.subject,
            items=[notification],
            ics_files=[("invite.ics", notification.ics)] if notification.ics else (),
        )
    except Exception as error:
        Notification.objects.filter(pk=notification_id).update(
            status=Notification.Status.PENDING, last_error=one_line(error)[:500]
        )
        raise
    Notification.objects.filter(pk=notification_id).update(
        status=Notification.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def notification_give_up(*, notification_id: int, error: str) -> None:
    Notification.objects.filter(pk=notification_id).update(
        status=Notification.Status.FAILED, last_error=one_line(error)[:500]
    )


def notification_retry(*, notification: Notification) -> bool:
    """The secretariat's "send again", for a failed message or one lost with its worker.
    Returns whether it is queued again now. A message whose text could not be prepared is
    forgotten instead: the next sweep prepares it again (with the data as it is then) if it is
    still due."""
    if notification.status == Notification.Status.FAILED and not notification.was_prepared:
        Notification.objects.filter(
            pk=notification.pk, status=Notification.Status.FAILED, body=""
        ).delete()
        return False
    return bool(
        Notification.objects.may_be_sent_again(timezone.now())
        .filter(pk=notification.pk)
        .update(status=Notification.Status.PENDING, attempts=0, claimed_at=None)
    )


def digest_user_ids(*, period: str) -> list[int]:
    return list(
        Notification.objects.filter(status=Notification.Status.IN_DIGEST, delivery=period)
        .values_list("recipient_id", flat=True)
        .distinct()
    )


def digest_send(*, user_id: int, period: str) -> int:
    """One e-mail with every waiting notification of the person for that period. Claims the rows
    first, so running twice sends one digest."""
    waiting = Notification.objects.filter(
        recipient_id=user_id, status=Notification.Status.IN_DIGEST, delivery=period
    )
    ids = list(waiting.values_list("pk", flat=True))
    claimed = Notification.objects.filter(pk__in=ids, status=Notification.Status.IN_DIGEST).update(
        status=Notification.Status.SENDING, claimed_at=timezone.now()
    )
    if not claimed:
        return 0
    items = list(
        Notification.objects.filter(pk__in=ids, status=Notification.Status.SENDING)
        .select_related("recipient")
        .order_by("created_at")
    )
    user = items[0].recipient
    if not may_receive(user):
        Notification.objects.filter(pk__in=ids).update(status=Notification.Status.SUPERSEDED)
        return 0
    try:
        mail.send(
            user=user,
            kind=items[0].kind,
            subject=mail.digest_subject(user, period),
            items=items,
            ics_files=[(f"invite-{n.pk}.ics", n.ics) for n in items if n.ics],
        )
    except Exception:
        Notification.objects.filter(pk__in=ids).update(
            status=Notification.Status.IN_DIGEST, claimed_at=None
        )
        raise
    Notification.objects.filter(pk__in=ids).update(
        status=Notification.Status.SENT, sent_at=timezone.now()
    )
    return len(items)
