"""The pro-tempore presidency, the steering committee's dated composition, and meetings."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.periods import DatedPeriod, last_day
from core.text import single_line
from members.models import Country, validate_time_zone
from working_groups.models import WorkingGroup


def new_uid() -> str:
    """A stable, unguessable identifier (the iCalendar UID and the documents' folder)."""
    return secrets.token_hex(16)


class PresidencyTerm(DatedPeriod):
    """A country holds the pro-tempore presidency from ``start_on`` until the day before
    ``end_on`` (half-open, as every dated record: see ``core.periods``; pages show the last day).

    Terms never overlap (one may end on the day the next starts): the service layer checks it on
    every backend, and the database refuses it too (an exclusion constraint on PostgreSQL,
    triggers on SQLite; see migration 0004)."""

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="presidencies"
    )
    end_on = models.DateField(_("first day after"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("presidency term")
        verbose_name_plural = _("presidency terms")
        ordering = ["start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__gt=models.F("start_on")),
                name="presidency_ends_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.country} ({self.start_on} – {self.last_day})"

    def days_left(self, on: datetime.date) -> int:
        """Days of the term still to come after ``on`` (0 on its last day)."""
        return max((self.last_day - on).days, 0)

    @property
    def length_in_days(self) -> int:
        return (self.end_on - self.start_on).days


class PresidencyTermChange(models.Model):
    """Why a term's dates changed: shortened, extended, or ended early at a handover."""

    class Kind(models.TextChoices):
        SHORTENED = "shortened", _("Shortened")
        EXTENDED = "extended", _("Extended")
        HANDOVER = "handover", _("Handed over early")
        MOVED = "moved", _("Moved by a handover")

    term = models.ForeignKey(PresidencyTerm, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # The term's dates before and after, each ``end_on`` the first day after (as on the term).
    old_start_on = models.DateField()
    old_end_on = models.DateField()
    new_start_on = models.DateField()
    new_end_on = models.DateField()
    reason = models.CharField(_("reason"), max_length=500, validators=[single_line])
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("presidency term change")
        verbose_name_plural = _("presidency term changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.term}: {self.get_kind_display()}"

    @property
    def old_last_day(self) -> datetime.date:
        return last_day(self.old_end_on)

    @property
    def new_last_day(self) -> datetime.date:
        return last_day(self.new_end_on)


class SteeringCommitteeChangeQuerySet(models.QuerySet):
    def country_ids_on(self, day: datetime.date) -> set[int]:
        """The countries that sit on the committee on ``day`` (the latest change on or before)."""
        change = self.filter(effective_on__lte=day).order_by("-effective_on").first()
        if change is None:
            return set()
        return set(change.seats.values_list("country_id", flat=True))


class SteeringCommitteeChange(models.Model):
    """The committee's composition from ``effective_on`` until the next change."""

    effective_on = models.DateField(_("from"), unique=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = SteeringCommitteeChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("steering committee change")
        verbose_name_plural = _("steering committee changes")
        ordering = ["-effective_on"]

    def __str__(self):
        return str(self.effective_on)


class SteeringCommitteeSeat(models.Model):
    class Role(models.TextChoices):
        PRESIDENCY = "presidency", _("Pro-tempore presidency")
        GROUP_LEAD = "group_lead", _("Working group lead")

    change = models.ForeignKey(
        SteeringCommitteeChange, on_delete=models.CASCADE, related_name="seats"
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=12, choices=Role.choices)
    group = models.ForeignKey(
        WorkingGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["role", "group__number", "country__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["change", "country", "role", "group"], name="unique_committee_seat"
            )
        ]

    def __str__(self):
        return f"{self.country} ({self.get_role_display()})"


class Meeting(models.Model):
    class Body(models.TextChoices):
        MINISTERS = "ministers", _("Ministers' meeting")
        STEERING_COMMITTEE = "steering_committee", _("Steering committee")
        WORKING_GROUP = "working_group", _("Working group")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("Only for a working group's meeting."),
    )
    title = models.CharField(_("title"), max_length=200, validators=[single_line])
    start_at = models.DateTimeField(_("starts"))
    end_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("organiser's time zone"),
        max_length=64,
        default="America/Panama",
        validators=[validate_time_zone],
    )
    place = models.CharField(_("place"), max_length=300, blank=True, validators=[single_line])
    online_url = models.URLField(_("online meeting link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_meetings",
    )
    extra_invitees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("extra invitees"),
        blank=True,
        related_name="extra_meeting_invitations",
    )
    uid = models.CharField(
        max_length=64, unique=True, editable=False, default=new_uid, validators=[single_line]
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=models.F("start_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=(Q(body="working_group") & Q(group__isnull=False))
                | (~Q(body="working_group") & Q(group__isnull=True)),
                name="meeting_group_iff_working_group",
                violation_error_message=_(
                    "A working group's meeting names its group; other meetings name none."
                ),
            ),
        ]
        indexes = [models.Index(fields=["visibility", "start_at"])]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    @property
    def body_label(self) -> str:
        if self.body == self.Body.WORKING_GROUP and self.group_id:
            return str(self.group)
        return self.get_body_display()


class MeetingResponse(models.Model):
    class Answer(models.TextChoices):
        ATTENDING = "attending", _("Attending")
        NOT_ATTENDING = "not_attending", _("Not attending")
        MAYBE = "maybe", _("Maybe")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_responses"
    )
    answer = models.CharField(_("answer"), max_length=14, choices=Answer.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_response_per_invitee")
        ]

    def __str__(self):
        return f"{self.user}: {self.get_answer_display()}"


def meeting_document_path(instance, filename):
    return f"meetings/{instance.meeting.uid}/{filename}"


class MeetingDocument(models.Model):
    class Kind(models.TextChoices):
        AGENDA_PAPER = "agenda_paper", _("Agenda paper")
        MINUTES = "minutes", _("Minutes")
        OTHER = "other", _("Other document")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, validators=[single_line])
    file = models.FileField(_("file"), upload_to=meeting_document_path, max_length=300)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    content_type = models.CharField(
        max_length=100, editable=False, blank=True, validators=[single_line]
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["kind", "uploaded_at"]

    def __str__(self):
        return self.title


class CalendarToken(models.Model):
    """The secret in a person's private calendar feed URL. Revoking makes a new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, validators=[single_line])
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user}"
