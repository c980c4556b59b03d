"""The Alliance's calendar: "today" is the date in its reference time zone, for everyone."""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone


def alliance_time_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.ALLIANCE_TIME_ZONE)


def alliance_today() -> datetime.date:
    return timezone.localdate(timezone=alliance_time_zone())
