"""Who belongs to the Alliance and who acts for whom. History is kept in dated rows."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.periods import DatedPeriod
from core.text import single_line


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("is_secretariat", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in. The e-mail address is the login; there are no usernames."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, validators=[single_line])
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="es"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Panama", validators=[validate_time_zone]
    )
    is_secretariat = models.BooleanField(
        _("technical secretariat staff"),
        default=False,
        help_text=_("Staff of the technical secretariat run the back office."),
    )
    is_staff = models.BooleanField(
        _("Django admin access"), default=False, help_text=_("May log in to the Django admin.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class CountryQuerySet(models.QuerySet):
    def members_on(self, on):
        """Countries that were members of the Alliance on the date ``on``."""
        return self.filter(Exists(MembershipPeriod.objects.on(on).filter(country=OuterRef("pk"))))

    def with_membership_on(self, on):
        return self.annotate(
            is_member=Exists(MembershipPeriod.objects.on(on).filter(country=OuterRef("pk")))
        )

    def ordered_by_name(self):
        return self.order_by(Country.name_field())


class Country(models.Model):
    """A country that is, was or may become a member of the Alliance."""

    LANGUAGE_FIELDS = {"es": "name_es", "en": "name_en", "pt": "name_pt", "fr": "name_fr"}

    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, as in ISO 3166-1."))],
    )
    name_es = models.CharField(_("name in Spanish"), max_length=100, validators=[single_line])
    name_en = models.CharField(_("name in English"), max_length=100, validators=[single_line])
    name_pt = models.CharField(_("name in Portuguese"), max_length=100, validators=[single_line])
    name_fr = models.CharField(_("name in French"), max_length=100, validators=[single_line])
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]

    def __str__(self):
        return self.name

    @classmethod
    def name_field(cls) -> str:
        return cls.LANGUAGE_FIELDS.get((translation.get_language() or "en")[:2], "name_en")

    @property
    def name(self) -> str:
        return getattr(self, self.name_field()) or self.name_en


class MembershipPeriod(DatedPeriod):
    """A stretch of time during which a country was a member: it joined on ``start_on`` and left
    on ``end_on``, its first day out."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="membership_periods"
    )
    start_on = models.DateField(_("joined on"))
    end_on = models.DateField(_("left on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True, validators=[single_line])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        ordering = ["country", "start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="membership_left_after_joined",
                violation_error_message=_("The date it left must come after the date it joined."),
            ),
            models.UniqueConstraint(
                fields=["country"], condition=Q(end_on__isnull=True), name="one_open_membership"
            ),
        ]

    def __str__(self):
        return f"{self.country} {self.start_on}–{self.end_on or ''}"


class Ministry(models.Model):
    class Kind(models.TextChoices):
        SECURITY = "security", _("Security")
        JUSTICE = "justice", _("Justice")
        BOTH = "both", _("Security and justice")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="ministries")
    kind = models.CharField(_("portfolio"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200, validators=[single_line])
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("ministry")
        verbose_name_plural = _("ministries")
        ordering = ["country__name_en", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="ministry_name_per_country")
        ]

    def __str__(self):
        return self.name


class Minister(DatedPeriod):
    """A minister in office from ``start_on``; ``end_on`` is the day they left office (the day
    their successor took it)."""

    ministry = models.ForeignKey(Ministry, on_delete=models.PROTECT, related_name="ministers")
    full_name = models.CharField(_("full name"), max_length=200, validators=[single_line])
    start_on = models.DateField(_("in office from"))
    end_on = models.DateField(_("left office on"), null=True, blank=True)

    class Meta:
        verbose_name = _("minister")
        verbose_name_plural = _("ministers")
        ordering = ["ministry", "-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="minister_end_after_start",
                violation_error_message=_("A minister leaves office after taking it."),
            ),
            models.UniqueConstraint(
                fields=["ministry"], condition=Q(end_on__isnull=True), name="one_sitting_minister"
            ),
        ]

    def __str__(self):
        return self.full_name


class FocalPointAppointment(DatedPeriod):
    """A person appointed by a minister to act for their ministry. No access from ``end_on``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    ministry = models.ForeignKey(Ministry, on_delete=models.PROTECT, related_name="appointments")
    appointed_by = models.ForeignKey(
        Minister,
        verbose_name=_("appointed by"),
        on_delete=models.PROTECT,
        related_name="appointments",
        null=True,
        blank=True,
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason it ended"), max_length=300, blank=True, validators=[single_line]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("focal point appointment")
        verbose_name_plural = _("focal point appointments")
        ordering = ["-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="appointment_end_not_before_start",
                violation_error_message=_("An appointment cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["user", "ministry"],
                condition=Q(end_on__isnull=True),
                name="one_open_appointment_per_ministry",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.ministry}"


class Invitation(models.Model):
    """A one-time link that lets an invited person set their password. Only a hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    token_hash = models.CharField(
        max_length=64, unique=True, null=True, editable=False, validators=[single_line]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.accepted_at is None and self.revoked_at is None and now < self.expires_at


class PartnerInstitution(models.Model):
    """An organisation that supports the Alliance. Partners are not members and file no reports."""

    class Kind(models.TextChoices):
        MULTILATERAL = "multilateral", _("Multilateral organisation")
        DEVELOPMENT_AGENCY = "development_agency", _("Development agency or bank")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        ACADEMIA = "academia", _("Academia and research")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True, validators=[single_line])
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, validators=[single_line])
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_institutions",
        help_text=_("Leave empty for a regional or international institution."),
    )
    website = models.URLField(_("website"), blank=True)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("partner institution")
        verbose_name_plural = _("partner institutions")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gt=models.F("joined_on")),
                name="partner_left_after_joined",
                violation_error_message=_("The date it left must come after the date it joined."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
