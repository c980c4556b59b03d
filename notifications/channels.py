"""The one place that decides how a person hears of something: per kind of message, by their
choice (an e-mail at once, a daily or weekly digest, the portal only, or nothing), else the
kind's default. Recording (:mod:`notifications.sweep`), the settings page, unsubscribing and the
sources that only write to people who opted in all ask here. Sending is :mod:`notifications.mail`.
"""

from django.db import transaction

from core.dates import alliance_today
from members.models import FocalPointAppointment, User

from .models import Delivery, Notification, NotificationKind, NotificationPreference

# Each kind's delivery when the person has not chosen: new publications are opt-in.
DEFAULT_DELIVERY = {NotificationKind.PUBLICATION_DIGEST: Delivery.OFF}

# What a recorded message waits for, by its delivery (OFF is never recorded).
_STATUS = {
    Delivery.EMAIL: Notification.Status.PENDING,
    Delivery.DAILY: Notification.Status.IN_DIGEST,
    Delivery.WEEKLY: Notification.Status.IN_DIGEST,
    Delivery.PORTAL: Notification.Status.PORTAL,
}


def delivery_for(kind: str, chosen: str | None = None) -> str:
    """The delivery of a kind: the person's choice if they made one, else the kind's default."""
    return chosen or DEFAULT_DELIVERY.get(kind, Delivery.EMAIL)


def status_for(delivery: str) -> str:
    """A new message's status: waiting for an e-mail, for a digest, or shown in the portal."""
    return _STATUS.get(delivery, Notification.Status.PORTAL)


def deliveries_for(pairs: set[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """The delivery of each (user id, kind), in one query whatever their number."""
    chosen = {
        (p.user_id, p.kind): p.delivery
        for p in NotificationPreference.objects.filter(user_id__in={u for u, _k in pairs})
    }
    return {
        (user_id, kind): delivery_for(kind, chosen.get((user_id, kind))) for user_id, kind in pairs
    }


def preferences_for(user) -> dict[str, str]:
    """The person's delivery of every kind, for their settings page."""
    chosen = dict(user.notification_preferences.values_list("kind", "delivery"))
    return {kind: delivery_for(kind, chosen.get(kind)) for kind in NotificationKind.values}


@transaction.atomic
def preferences_save(*, user, choices: dict[str, str]) -> None:
    for kind, delivery in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )


def unsubscribe(*, user_id: int, kind: str) -> User | None:
    """Stop the e-mails of one kind: they stay in the portal. None if there is no such person."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return None
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"delivery": Delivery.PORTAL}
    )
    return user


def readers_of(kind: str) -> list[User]:
    """Active people who receive a kind of message in some way. Only for kinds that are off
    unless chosen (``DEFAULT_DELIVERY``): for the others everyone receives them by default."""
    if DEFAULT_DELIVERY.get(kind) != Delivery.OFF:
        raise ValueError(f"{kind} reaches everyone unless they opt out")
    return [
        preference.user
        for preference in NotificationPreference.objects.filter(kind=kind, user__is_active=True)
        .exclude(delivery=Delivery.OFF)
        .select_related("user")
    ]


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
    return appointments.on(alliance_today()).exists()
