"""Dated periods: one convention for every record that holds from one day to another.

``start_on`` is the first day; ``end_on`` is the first day *after* (half-open ``[start_on,
end_on)``, PostgreSQL's ``daterange`` default); an empty ``end_on`` means the period is still open.
Pages show people the last day (``last_day``), never ``end_on`` itself.

Every dated model (membership periods, ministers, focal point appointments, group leads and
opt-outs, presidency terms) inherits :class:`DatedPeriod` and asks its rows with ``on(day)``::

    FocalPointAppointment.objects.on(today)

A subclass may redefine ``start_on`` / ``end_on`` for its own labels (or to make ``end_on``
required, as presidency terms do); the meaning stays the same.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ONE_DAY = datetime.timedelta(days=1)


def last_day(end_on: datetime.date | None) -> datetime.date | None:
    """The last day included in a period whose first day after is ``end_on``."""
    return None if end_on is None else end_on - ONE_DAY


def end_after(last: datetime.date | None) -> datetime.date | None:
    """``end_on`` for a period whose last included day is ``last`` (what a form asks people)."""
    return None if last is None else last + ONE_DAY


class PeriodQuerySet(models.QuerySet):
    def on(self, day: datetime.date):
        """Rows in force on ``day``: started on or before it, not ended by it."""
        return self.filter(Q(start_on__lte=day) & (Q(end_on__isnull=True) | Q(end_on__gt=day)))

    def open(self):
        """Rows with no end set."""
        return self.filter(end_on__isnull=True)

    def overlapping(self, start_on: datetime.date, end_on: datetime.date | None):
        """Rows that share at least one day with ``[start_on, end_on)``."""
        rows = self.filter(Q(end_on__isnull=True) | Q(end_on__gt=start_on))
        return rows if end_on is None else rows.filter(start_on__lt=end_on)


class DatedPeriod(models.Model):
    """Abstract: a record in force from ``start_on`` until the day before ``end_on``."""

    start_on = models.DateField(_("first day"))
    end_on = models.DateField(_("first day after"), null=True, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_on(self, day: datetime.date) -> bool:
        return self.start_on <= day and (self.end_on is None or day < self.end_on)

    @property
    def last_day(self) -> datetime.date | None:
        """The last day in force (what pages show), or None while open."""
        return last_day(self.end_on)

    @property
    def is_open(self) -> bool:
        return self.end_on is None
