"""Notification rows and each person's choice of channel per kind. The tables keep the names
they had in ``members`` (``db_table``): the models moved, the data did not."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import single_line


class NotificationKind(models.TextChoices):
    MEETING_REMINDER = "meeting_reminder", _("Meeting reminders")
    MEETING_UPDATE = "meeting_update", _("Meeting changes and cancellations")
    MINUTES_REMINDER = "minutes_reminder", _("Minutes to upload")
    REPORT_REMINDER = "report_reminder", _("Progress report reminders")
    REPORT_DIGEST = "report_digest", _("Outstanding reports digest")
    PRESIDENCY_HANDOVER = "presidency_handover", _("Presidency handover")
    PUBLICATION_DIGEST = "publication_digest", _("New knowledge products")


class Delivery(models.TextChoices):
    EMAIL = "email", _("E-mail at once")
    DAILY = "daily", _("Daily digest e-mail")
    WEEKLY = "weekly", _("Weekly digest e-mail")
    PORTAL = "portal", _("In the portal only")
    OFF = "off", _("Not at all")


class NotificationPreference(models.Model):
    """How a person wants one kind of notification. No row means the kind's default
    (:data:`notifications.channels.DEFAULT_DELIVERY`, else an e-mail at once)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=24, choices=NotificationKind.choices)
    delivery = models.CharField(_("delivery"), max_length=8, choices=Delivery.choices)

    class Meta:
        db_table = "members_notificationpreference"
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} → {self.delivery}"


def stale_claim_cutoff(now: datetime.datetime) -> datetime.datetime:
    """A message claimed for sending before this was lost with its worker (killed, or its
    machine stopped): no delivery takes longer than ``ALLIANCE_DELIVERY_STALE_SECONDS``."""
    return now - datetime.timedelta(seconds=settings.ALLIANCE_DELIVERY_STALE_SECONDS)


class NotificationQuerySet(models.QuerySet):
    def stale_claims(self, now: datetime.datetime):
        """Claimed for sending so long ago that the worker must have been lost (or claimed
        before claims were dated)."""
        return self.filter(
            Q(claimed_at__lt=stale_claim_cutoff(now)) | Q(claimed_at__isnull=True),
            status=Notification.Status.SENDING,
        )

    def may_be_sent_again(self, now: datetime.datetime):
        """What the secretariat may send again: failed, or lost with its worker."""
        return self.filter(
            Q(status=Notification.Status.FAILED)
            | Q(pk__in=self.stale_claims(now).filter(delivery=Delivery.EMAIL).values("pk"))
        )

    def in_inbox(self):
        """What a person sees in the portal: not what was superseded, nor what could not be
        prepared."""
        return self.exclude(status=Notification.Status.SUPERSEDED).exclude(
            status=Notification.Status.FAILED, body=""
        )


class Notification(models.Model):
    """One message to one person about one subject at one stage.

    The unique (recipient, kind, key) pair is what makes every sweep and every task safe to run
    twice: a second attempt to record the same message finds it already there."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        IN_DIGEST = "in_digest", _("Waiting for the digest")
        PORTAL = "portal", _("In the portal only")
        FAILED = "failed", _("Failed")
        SUPERSEDED = "superseded", _("Superseded")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=24, choices=NotificationKind.choices)
    topic = models.CharField(
        max_length=100, help_text="What it is about, e.g. meeting:12", validators=[single_line]
    )
    key = models.CharField(
        max_length=200,
        help_text="The topic and stage, e.g. meeting:12:...:7d",
        validators=[single_line],
    )
    subject = models.CharField(max_length=300, validators=[single_line])
    body = models.TextField()
    url = models.CharField(max_length=500, blank=True, validators=[single_line])
    ics = models.TextField(blank=True)
    delivery = models.CharField(max_length=8, choices=Delivery.choices, default=Delivery.EMAIL)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True, validators=[single_line])
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(
        null=True, blank=True, help_text="When a worker last took it for sending."
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        db_table = "members_notification"
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "key"], name="one_notification_per_stage"
            )
        ]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["topic", "kind"]),
        ]

    def __str__(self):
        return self.subject

    @property
    def was_prepared(self) -> bool:
        """False when its text could not be built (the sweep marked it failed instead)."""
        return bool(self.body)

    @property
    def may_be_sent_again(self) -> bool:
        if self.status == self.Status.FAILED:
            return True
        return (
            self.status == self.Status.SENDING
            and self.delivery == Delivery.EMAIL
            and (self.claimed_at is None or self.claimed_at < stale_claim_cutoff(timezone.now()))
        )
