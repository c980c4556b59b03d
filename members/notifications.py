"""Notifications: recorded once per (recipient, kind, key), then e-mailed, digested or shown in
the portal as each person prefers.

Apps announce what is due through a ``reminders`` module with a ``due(now)`` function returning
``Candidate`` objects; :func:`sweep` asks every app, records what is new in a constant number of
queries, and returns the ids to e-mail now (sending is :mod:`members.delivery`). One bad item
never stops a sweep: an app whose list fails, or a message whose text cannot be built, is logged
(the message is recorded as failed, with the reason) and everything else goes on."""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from .models import (
    DEFAULT_DELIVERY,
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
    User,
)
from .text import one_line

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "alliance.unsubscribe"
OUR_APPS = ("members", "working_groups", "governance", "knowledge")
# A message whose worker was lost this many times (it may be what kills it) is given up.
MAX_CLAIMS = 8


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


def _prepare(candidate: Candidate, delivery: str) -> Notification:
    """The notification's row, its text built in the recipient's language and time zone. When
    the text cannot be built (a bad row somewhere) the row is marked failed with the reason,
    so the secretariat sees it and the sweep goes on with the others."""
    row = Notification(
        recipient=candidate.recipient,
        kind=candidate.kind,
        topic=candidate.topic,
        key=candidate.key,
        delivery=delivery,
        status=_status_for(delivery),
    )
    with (
        translation.override(candidate.recipient.preferred_language),
        timezone.override(candidate.recipient.time_zone),
    ):
        try:
            rendered = candidate.render(candidate.recipient)
        except Exception as error:  # noqa: BLE001 - one bad item never stops the sweep
            logger.exception(
                "notification %s for user %s could not be prepared",
                candidate.key,
                candidate.recipient.pk,
            )
            row.subject = str(NotificationKind(candidate.kind).label)
            row.status = Notification.Status.FAILED
            row.last_error = one_line(f"Could not be prepared: {error!r}")[:500]
            return row
    row.subject = one_line(rendered.subject)[:300]
    row.body, row.url, row.ics = rendered.body, rendered.url, rendered.ics
    return row


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
        rows.append(_prepare(candidate, delivery))
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


def _due(now: datetime.datetime) -> list[Candidate]:
    candidates: list[Candidate] = []
    for config in apps.get_app_configs():
        if config.name not in OUR_APPS:
            continue
        try:
            module = import_module(f"{config.name}.reminders")
        except ModuleNotFoundError:
            continue
        try:
            candidates += module.due(now)
        except Exception:  # noqa: BLE001 - one app's failure never stops the others' reminders
            logger.exception("%s could not list what is due", config.name)
    return candidates


def _lost_claims(now: datetime.datetime) -> list[int]:
    """Messages whose worker was lost mid-send (killed, or its machine stopped): a digest's go
    back to the digest, e-mails are queued again, once per period, up to ``MAX_CLAIMS`` times."""
    lost = Notification.objects.stale_claims(now)
    lost.exclude(delivery=Delivery.EMAIL).update(
        status=Notification.Status.IN_DIGEST, claimed_at=None
    )
    lost.filter(attempts__gte=MAX_CLAIMS).update(
        status=Notification.Status.FAILED,
        last_error=f"Sending stopped without an answer {MAX_CLAIMS} times; given up.",
    )
    return list(lost.values_list("pk", flat=True)[:1000])


def sweep(now: datetime.datetime | None = None) -> list[int]:
    """Ask every app what is due, record it, and return the ids to e-mail now."""
    now = now or timezone.now()
    candidates = _due(now)
    with transaction.atomic():
        new_ids = notifications_record(candidates)
    # Messages whose enqueueing failed earlier (broker down) are picked up again here.
    stale = Notification.objects.filter(
        status=Notification.Status.PENDING, created_at__lt=now - datetime.timedelta(minutes=5)
    ).values_list("pk", flat=True)[:1000]
    return sorted(set(new_ids) | set(stale) | set(_lost_claims(now)))


# --- Unsubscribing -------------------------------------------------------------------------


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


# --- The person's own view ------------------------------------------------------------------


def notifications_for(user):
    """The person's inbox: not what was superseded, nor what could not be prepared."""
    return (
        Notification.objects.filter(recipient=user)
        .exclude(status=Notification.Status.SUPERSEDED)
        .exclude(status=Notification.Status.FAILED, body="")
        .order_by("-created_at")
    )


def unread_count(user) -> int:
    return notifications_for(user).filter(read_at__isnull=True).count()


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
