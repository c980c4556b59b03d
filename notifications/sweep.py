"""The sweep: recorded once per (recipient, kind, key), then e-mailed, digested or shown in the
portal as each person prefers (:mod:`notifications.channels`).

:func:`sweep` asks every registered source (:mod:`notifications.registry`) what is due, records
what is new in a constant number of queries, and returns the ids to e-mail now (sending is
:mod:`notifications.delivery`). One bad item never stops a sweep: a source whose list fails, or
a message whose text cannot be built, is logged (the message is recorded as failed, with the
reason) and everything else goes on."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone, translation

from core.text import one_line

from . import channels, registry
from .models import Delivery, Notification, NotificationKind
from .registry import Candidate

logger = logging.getLogger(__name__)
# A message whose worker was lost this many times (it may be what kills it) is given up.
MAX_CLAIMS = 8


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
        status=channels.status_for(delivery),
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
    deliveries = channels.deliveries_for({(c.recipient.pk, c.kind) for c in fresh})
    rows = []
    seen = set()
    for candidate in fresh:
        identity = (candidate.recipient.pk, candidate.kind, candidate.key)
        if identity in seen:
            continue
        seen.add(identity)
        delivery = deliveries[(candidate.recipient.pk, candidate.kind)]
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
    """Ask every registered source what is due, record it, and return the ids to e-mail now."""
    now = now or timezone.now()
    candidates = registry.due(now)
    with transaction.atomic():
        new_ids = notifications_record(candidates)
    # Messages whose enqueueing failed earlier (broker down) are picked up again here.
    stale = Notification.objects.filter(
        status=Notification.Status.PENDING, created_at__lt=now - datetime.timedelta(minutes=5)
    ).values_list("pk", flat=True)[:1000]
    return sorted(set(new_ids) | set(stale) | set(_lost_claims(now)))
