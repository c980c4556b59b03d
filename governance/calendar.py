"""iCalendar (.ics) for meetings: one event, a person's private feed, the public feed.

Text from the database is put on one line (title, place, calendar name) or cleaned of control
characters (description) first: a line break would end a content line, and icalendar refuses
one in a property it does not know (``X-WR-CALNAME``)."""

import datetime
import functools
import zoneinfo

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event, Timezone

from core.text import one_line, plain_text

from .models import Meeting

_STATUS = {
    Meeting.Status.PLANNED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.CANCELLED: "CANCELLED",
}


def _event(meeting: Meeting) -> Event:
    tz = zoneinfo.ZoneInfo(meeting.time_zone)
    event = Event()
    event.add("uid", f"{meeting.uid}@alliance-portal")
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("summary", one_line(meeting.title))
    event.add("dtstart", meeting.start_at.astimezone(tz))
    event.add("dtend", meeting.end_at.astimezone(tz))
    event.add("status", _STATUS[meeting.status])
    event.add("sequence", meeting.version)
    if meeting.place:
        event.add("location", one_line(meeting.place))
    url = settings.ALLIANCE_BASE_URL.rstrip("/") + reverse(
        "governance:meeting-detail", args=[meeting.pk]
    )
    event.add("url", url)
    description = [meeting.body_label]
    if meeting.online_url:
        description.append(meeting.online_url)
    if meeting.agenda:
        description.append(meeting.agenda)
    description.append(url)
    event.add("description", plain_text("\n\n".join(str(part) for part in description)))
    return event


def calendar_for(meetings, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Alliance for Security, Justice and Development//Portal//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", one_line(name))
    for meeting in meetings:
        calendar.add_component(_event(meeting))
    _add_timezones(calendar)
    return calendar.to_ical()


@functools.lru_cache(maxsize=64)
def _timezone(tzid: str) -> Timezone | None:
    """A time zone's VTIMEZONE, built once per process: icalendar walks every transition from
    1970 to 2038 to build it (about 30 ms), the same for every calendar."""
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:
        return None


def _add_timezones(calendar: Calendar) -> None:
    """What ``Calendar.add_missing_timezones()`` does, with the VTIMEZONEs cached."""
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        timezone = _timezone(tzid)
        if timezone is not None:
            calendar.subcomponents.insert(position, timezone)
            position += 1
