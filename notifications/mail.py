"""The one place that renders and sends a notification e-mail, a single message or a digest,
in the recipient's language and time zone, with its one-click unsubscribe link."""

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.text import one_line
from members.models import User

from .models import Delivery, NotificationKind
from .registry import absolute_url

UNSUBSCRIBE_SALT = "alliance.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 180


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("k") not in NotificationKind.values:
        return None
    return data["u"], data["k"]


def digest_subject(user: User, period: str) -> str:
    with translation.override(user.preferred_language):
        if period == Delivery.DAILY:
            return _("Your daily digest from the Alliance Portal")
        return _("Your weekly digest from the Alliance Portal")


def send(*, user: User, kind: str, subject: str, items: list, ics_files=()) -> None:
    """E-mail ``items`` (notifications) to ``user``: text and HTML, the calendar files attached,
    and the headers mail clients use for a one-click unsubscribe from ``kind``."""
    token = unsubscribe_token(user, kind)
    unsubscribe = absolute_url(reverse("notifications:unsubscribe", args=[token]))
    context = {
        "items": items,
        "user": user,
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute_url(reverse("notifications:notification-settings")),
    }
    with translation.override(user.preferred_language), timezone.override(user.time_zone):
        text = render_to_string("emails/notification.txt", context)
        html = render_to_string("emails/notification.html", context)
    message = EmailMultiAlternatives(
        # On one line whatever was stored: a line break would end the header.
        subject=one_line(subject),
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
