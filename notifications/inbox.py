"""The portal channel: each person's notifications, what is unread, marking it read."""

from django.utils import timezone

from .models import Notification


def notifications_for(user):
    """The person's inbox, newest first."""
    return Notification.objects.filter(recipient=user).in_inbox().order_by("-created_at")


def unread_count(user) -> int:
    return notifications_for(user).filter(read_at__isnull=True).count()


def notifications_mark_read(*, user, notification_id: int | None = None) -> int:
    """Mark one of the person's notifications read, or all of them."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())
