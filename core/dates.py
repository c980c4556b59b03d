"""Dates every app shares: the Alliance's "today" (the date in its reference time zone, the same
for everyone) and calendar arithmetic."""

import calendar
import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone


def alliance_time_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.ALLIANCE_TIME_ZONE)


def alliance_today() -> datetime.date:
    return timezone.localdate(timezone=alliance_time_zone())


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when that day does not exist)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
