"""The sweep, one small task per e-mail, and the digests. Each task is safe to run twice: the
rows are claimed before anything is sent (:mod:`notifications.delivery`)."""

from celery import shared_task

from core.tasks import enqueue
from members.services import invitations_unsent
from members.tasks import send_invitation

from . import delivery, sweep


@shared_task(soft_time_limit=120, time_limit=180)
def sweep_notifications() -> int:
    """Find every reminder that is due, record it once, and queue one small task per e-mail;
    queue again the invitations whose e-mail has not gone out (the broker was down)."""
    ids = sweep.sweep()
    for notification_id in ids:
        enqueue(deliver_notification, notification_id)
    for invitation_id in invitations_unsent():
        enqueue(send_invitation, invitation_id)
    return len(ids)


MAX_DELIVERY_RETRIES = 6


# Its time limit is the least ALLIANCE_DELIVERY_STALE_SECONDS may be: a claim older than that
# was lost with its worker, and is taken again (notifications.delivery).
@shared_task(bind=True, max_retries=MAX_DELIVERY_RETRIES, soft_time_limit=30, time_limit=60)
def deliver_notification(self, notification_id: int) -> bool:
    try:
        return delivery.notification_deliver(notification_id=notification_id)
    except Exception as error:
        if self.request.retries >= self.max_retries:
            delivery.notification_give_up(notification_id=notification_id, error=str(error))
            return False
        raise self.retry(exc=error, countdown=min(30 * 2**self.request.retries, 3600)) from error


@shared_task(soft_time_limit=120, time_limit=180)
def send_digests(period: str) -> int:
    user_ids = delivery.digest_user_ids(period=period)
    for user_id in user_ids:
        enqueue(send_digest, user_id, period)
    return len(user_ids)


@shared_task(
    autoretry_for=(OSError,), retry_backoff=60, max_retries=5, soft_time_limit=60, time_limit=90
)
def send_digest(user_id: int, period: str) -> int:
    return delivery.digest_send(user_id=user_id, period=period)
