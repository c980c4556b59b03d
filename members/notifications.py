"""Notifications: recorded once per (recipient, kind, key), then e-mailed, digested or shown in
the portal as each person prefers.

Apps announce what is due through a ``reminders`` module with a ``due(now)`` function returning
``Candidate`` objects; :func:`sweep` asks every app, records what is new in a constant number of
queries, and returns the ids to e-mail now. Sending (:func:`notification_deliver`) claims the row
first, so a task delivered twice sends one e-mail."""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .dates import alliance_today
from .models import (
    DEFAULT_DELIVERY,
    Delivery,
    FocalPointAppointment,
    Notification,
    NotificationKind,
    NotificationPreference,
    User,
)

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "alliance.unsubscribe"
OUR_APPS = ("members", "working_groups", "governance", "knowledge")


@dataclass
class Rendered:
    subject: str
    body: str
    url: str = ""
    ics: str = ""


@dataclass
class Candidate:
    """A message that is due. ``render`` runs only if it has not been recorded before, inside the
    recipient's language and time zone."""

    recipient: User
    kind: str
    topic: str
    key: str
    render: Callable[[User], Rendered]


def absolute_url(path: str) -> str:
    return settings.ALLIANCE_BASE_URL.rstrip("/") + path


# --- Recording ------------------------------------------------------------------------------


def _status_for(delivery: str) -> str:
    return {
        Delivery.EMAIL: Notification.Status.PENDING,
        Delivery.DAILY: Notification.Status.IN_DIGEST,
        Delivery.WEEKLY: Notification.Status.IN_DIGEST,
    }.get(delivery, Notification.Status.PORTAL)


def notifications_record(candidates: list[Candidate]) -> list[int]:
    """Record the candidates not recorded yet; return the ids of those to e-mail now.

    A fixed number of queries whatever the number of candidates: one to find what exists, one
    for preferences, batched inserts, one to read back the new ids."""
    if not candidates:
        return []
    topics = {c.topic for c in candidates}
    existing = set(
        Notification.objects.filter(
            topic__in=topics, kind__in={c.kind for c in candidates}
        ).values_list("recipient_id", "kind", "key")
    )
    fresh = [c for c in candidates if (c.recipient.pk, c.kind, c.key) not in existing]
    if not fresh:
        return []
    preferences = {
        (p.user_id, p.kind): p.delivery
        for p in NotificationPreference.objects.filter(user_id__in={c.recipient.pk for c in fresh})
    }
    rows = []
    seen = set()
    for candidate in fresh:
        identity = (candidate.recipient.pk, candidate.kind, candidate.key)
        if identity in seen:
            continue
        seen.add(identity)
        delivery = preferences.get(
            (candidate.recipient.pk, candidate.kind),
            DEFAULT_DELIVERY.get(candidate.kind, Delivery.EMAIL),
        )
        if delivery == Delivery.OFF:
            continue
        with (
            translation.override(candidate.recipient.preferred_language),
            timezone.override(candidate.recipient.time_zone),
        ):
            rendered = candidate.render(candidate.recipient)
        rows.append(
            Notification(
                recipient=candidate.recipient,
                kind=candidate.kind,
                topic=candidate.topic,
                key=candidate.key,
                subject=str(rendered.subject)[:300],
                body=rendered.body,
                url=rendered.url,
                ics=rendered.ics,
                delivery=delivery,
                status=_status_for(delivery),
            )
        )
    # One INSERT on PostgreSQL; SQLite splits it by its limit on query parameters.
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return list(
        Notification.objects.filter(
            topic__in={row.topic for row in rows}, status=Notification.Status.PENDING, attempts=0
        ).values_list("pk", flat=True)
    )


def notifications_supersede(*, kind: str, topic: str, keep_keys: set[str]) -> int:
    """Unsent messages of a topic whose key is no longer current are never sent."""
    return (
        Notification.objects.filter(
            kind=kind,
            topic=topic,
            status__in=[Notification.Status.PENDING, Notification.Status.IN_DIGEST],
        )
        .exclude(key__in=keep_keys)
        .update(status=Notification.Status.SUPERSEDED)
    )


def sweep(now: datetime.datetime | None = None) -> list[int]:
    """Ask every app what is due, record it, and return the ids to e-mail now."""
    now = now or timezone.now()
    candidates: list[Candidate] = []
    for config in apps.get_app_configs():
        if config.name not in OUR_APPS:
            continue
        try:
            module = import_module(f"{config.name}.reminders")
        except ModuleNotFoundError:
            continue
        candidates += module.due(now)
    with transaction.atomic():
        new_ids = notifications_record(candidates)
    # Messages whose enqueueing failed earlier (broker down) are picked up again here.
    stale = Notification.objects.filter(
        status=Notification.Status.PENDING, created_at__lt=now - datetime.timedelta(minutes=5)
    ).values_list("pk", flat=True)[:1000]
    return sorted(set(new_ids) | set(stale))


# --- Who may still receive ------------------------------------------------------------------


def may_receive(user: User) -> bool:
    """Nothing is sent to people whose access has ended: an inactive account, or someone whose
    appointments have all ended (people invited by name with no appointment still receive)."""
    if not user.is_active:
        return False
    if user.is_secretariat:
        return True
    appointments = FocalPointAppointment.objects.filter(user=user)
    if not appointments.exists():
        return True
    return appointments.active_on(alliance_today()).exists()


# --- Sending --------------------------------------------------------------------------------


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=60 * 60 * 24 * 180)
    except signing.BadSignature:
        return None
    if data.get("k") not in NotificationKind.values:
        return None
    return data["u"], data["k"]


def _send_mail(*, user: User, kind: str, subject: str, context: dict, ics_files=()) -> None:
    token = unsubscribe_token(user, kind)
    unsubscribe = absolute_url(reverse("members:unsubscribe", args=[token]))
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute_url(reverse("members:notification-settings")),
    }
    with translation.override(user.preferred_language), timezone.override(user.time_zone):
        text = render_to_string("emails/notification.txt", context)
        html = render_to_string("emails/notification.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    for name, content in ics_files:
        message.attach(name, content, "text/calendar; charset=utf-8; method=PUBLISH")
    message.send()


def notification_deliver(*, notification_id: int) -> bool:
    """E-mail one notification. Claims the row first: a second delivery of the same task, or a
    notification superseded meanwhile, sends nothing. Returns whether an e-mail went out."""
    claimed = Notification.objects.filter(
        pk=notification_id, status=Notification.Status.PENDING
    ).update(status=Notification.Status.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return False
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    if not may_receive(notification.recipient):
        Notification.objects.filter(pk=notification_id).update(
            status=Notification.Status.SUPERSEDED, last_error="The recipient's access has ended."
        )
        return False
    try:
        _send_mail(
            user=notification.recipient,
            kind=notification.kind,
            subject=notification.subject,
            context={"items": [notification]},
            ics_files=[("invite.ics", notification.ics)] if notification.ics else (),
        )
    except Exception as error:
        Notification.objects.filter(pk=notification_id).update(
            status=Notification.Status.PENDING, last_error=str(error)[:500]
        )
        raise
    Notification.objects.filter(pk=notification_id).update(
        status=Notification.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def notification_give_up(*, notification_id: int, error: str) -> None:
    Notification.objects.filter(pk=notification_id).update(
        status=Notification.Status.FAILED, last_error=error[:500]
    )


def notification_retry(*, notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk, status=Notification.Status.FAILED).update(
        status=Notification.Status.PENDING, attempts=0
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
        status=Notification.Status.SENDING
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
    with translation.override(user.preferred_language):
        from django.utils.translation import gettext as _

        subject = (
            _("Your daily digest from the Alliance Portal")
            if period == Delivery.DAILY
            else _("Your weekly digest from the Alliance Portal")
        )
    try:
        _send_mail(
            user=user,
            kind=items[0].kind,
            subject=subject,
            context={"items": items},
            ics_files=[(f"invite-{n.pk}.ics", n.ics) for n in items if n.ics],
        )
    except Exception:
        Notification.objects.filter(pk__in=ids).update(status=Notification.Status.IN_DIGEST)
        raise
    Notification.objects.filter(pk__in=ids).update(
        status=Notification.Status.SENT, sent_at=timezone.now()
    )
    return len(items)


# --- The person's own view ------------------------------------------------------------------


def unread_count(user) -> int:
    return (
        Notification.objects.filter(recipient=user, read_at__isnull=True)
        .exclude(status=Notification.Status.SUPERSEDED)
        .count()
    )


def notifications_for(user):
    return (
        Notification.objects.filter(recipient=user)
        .exclude(status=Notification.Status.SUPERSEDED)
        .order_by("-created_at")
    )


def notifications_mark_read(*, user, notification_id: int | None = None) -> int:
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())


def preferences_for(user) -> dict[str, str]:
    chosen = dict(user.notification_preferences.values_list("kind", "delivery"))
    return {
        kind: chosen.get(kind, DEFAULT_DELIVERY.get(kind, Delivery.EMAIL))
        for kind in NotificationKind.values
    }


@transaction.atomic
def preferences_save(*, user, choices: dict[str, str]) -> None:
    for kind, delivery in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )


def unsubscribe(*, user_id: int, kind: str) -> User | None:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return None
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"delivery": Delivery.PORTAL}
    )
    return user


def notification_queue():
    """For the secretariat: what failed or is still waiting."""
    return Notification.objects.select_related("recipient").filter(
        Q(status=Notification.Status.FAILED)
        | Q(status=Notification.Status.PENDING)
        | Q(status=Notification.Status.SENDING)
        | Q(status=Notification.Status.IN_DIGEST)
    )
