"""iCalendar files and feeds, read back with the icalendar library."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from governance import services
from governance.models import Meeting
from tests.conftest import client_for

BOGOTA = zoneinfo.ZoneInfo("America/Bogota")
PORT_OF_SPAIN = zoneinfo.ZoneInfo("America/Port_of_Spain")


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_meeting_ics_round_trips_field_by_field(client, make_meeting):
    meeting = make_meeting(
        title="Summit of ministers",
        body="ministers",
        group=None,
        visibility="public",
        start_at=datetime.datetime(2027, 3, 4, 9, 30, tzinfo=BOGOTA),
        end_at=datetime.datetime(2027, 3, 4, 17, 0, tzinfo=BOGOTA),
        place="Bogotá",
        agenda="Opening by the presidency",
    )
    [event] = _events(client.get(reverse("governance:meeting-ics", args=[meeting.pk])))
    assert str(event["summary"]) == "Summit of ministers"
    assert str(event["uid"]) == f"{meeting.uid}@alliance-portal"
    assert event.decoded("dtstart") == datetime.datetime(2027, 3, 4, 9, 30, tzinfo=BOGOTA)
    assert event.decoded("dtend") == datetime.datetime(2027, 3, 4, 17, 0, tzinfo=BOGOTA)
    assert event["dtstart"].params["TZID"] == "America/Bogota"
    assert str(event["location"]) == "Bogotá"
    assert str(event["status"]) == "CONFIRMED"
    assert "Opening by the presidency" in str(event["description"])
    assert str(event["url"]).endswith(reverse("governance:meeting-detail", args=[meeting.pk]))


def test_bogota_meeting_is_right_for_a_reader_in_port_of_spain(client, bob, make_meeting):
    meeting = make_meeting(
        start_at=datetime.datetime(2027, 3, 4, 10, 0, tzinfo=BOGOTA),
        end_at=datetime.datetime(2027, 3, 4, 12, 0, tzinfo=BOGOTA),
    )
    bob.time_zone = "America/Port_of_Spain"
    bob.save(update_fields=["time_zone"])
    client_for(client, bob)
    [event] = _events(client.get(reverse("governance:meeting-ics", args=[meeting.pk])))
    start = event.decoded("dtstart").astimezone(PORT_OF_SPAIN)
    assert (start.hour, start.minute) == (11, 0)  # 10:00 in Bogotá is 11:00 in Port of Spain
    page = client.get(reverse("governance:meeting-detail", args=[meeting.pk])).content.decode()
    assert "11 a.m." in page  # the page shows the reader's own time
    assert "America/Port_of_Spain" in page
    assert "10 a.m. (America/Bogota)" in page  # and the organiser's


def test_cancelled_meeting_is_cancelled_in_calendars(bob_client, make_meeting):
    meeting = make_meeting(status=Meeting.Status.CANCELLED)
    [event] = _events(bob_client.get(reverse("governance:meeting-ics", args=[meeting.pk])))
    assert str(event["status"]) == "CANCELLED"


def test_public_feed_lists_public_meetings_only(client, make_meeting):
    make_meeting(title="Open summit", body="ministers", group=None, visibility="public")
    make_meeting(title="Closed session")
    summaries = {str(e["summary"]) for e in _events(client.get(reverse("governance:public-feed")))}
    assert summaries == {"Open summit"}


def test_private_feed_lists_the_persons_meetings_and_can_be_revoked(client, bob, make_meeting):
    make_meeting(title="Closed session")
    token = services.calendar_token_for(bob).token
    url = reverse("governance:private-feed", args=[token])
    summaries = {str(e["summary"]) for e in _events(client.get(url))}  # no login needed
    assert summaries == {"Closed session"}

    client_for(client, bob)
    page = client.get(reverse("governance:calendar-settings")).content.decode()
    assert url in page
    assert client.post(reverse("governance:calendar-settings")).status_code == 302
    client.logout()
    assert client.get(url).status_code == 404
    new_token = services.calendar_token_for(bob).token
    assert new_token != token
    assert client.get(reverse("governance:private-feed", args=[new_token])).status_code == 200


def test_private_feed_of_an_outsider_has_no_members_only_meetings(client, oscar, make_meeting):
    make_meeting(title="Closed session")
    token = services.calendar_token_for(oscar).token
    events = _events(client.get(reverse("governance:private-feed", args=[token])))
    assert events == []


def test_made_up_feed_token_is_404(client, db):
    assert client.get(reverse("governance:private-feed", args=["guess"])).status_code == 404


@pytest.mark.parametrize("rows", [5, 200])
def test_feed_query_count_is_fixed(
    client, bob, make_meeting, django_assert_max_num_queries, rows, alice
):
    from tests.conftest import in_days

    Meeting.objects.bulk_create(
        Meeting(
            organiser=alice,
            body="ministers",
            title=f"M{i}",
            start_at=in_days(5),
            end_at=in_days(5, 12),
            time_zone="America/Bogota",
            place="x",
            uid=f"u{i}",
            visibility="public",
        )
        for i in range(rows)
    )
    token = services.calendar_token_for(bob).token
    with django_assert_max_num_queries(12):
        response = client.get(reverse("governance:private-feed", args=[token]))
    assert len(_events(response)) == rows
