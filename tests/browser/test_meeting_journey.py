"""A focal point answers a meeting invitation and downloads the meeting's calendar file."""

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from playwright.sync_api import expect

from core.dates import alliance_today
from governance import services
from governance.models import Meeting, MeetingResponse


@pytest.fixture
def meeting(alice, group1):
    zone = zoneinfo.ZoneInfo("America/Bogota")
    day = alliance_today() + datetime.timedelta(days=10)
    return services.meeting_create(
        organiser=alice,
        body=Meeting.Body.WORKING_GROUP,
        group=group1,
        title="Working group 1: second regional meeting",
        start_at=datetime.datetime(day.year, day.month, day.day, 10, tzinfo=zone),
        end_at=datetime.datetime(day.year, day.month, day.day, 12, tzinfo=zone),
        time_zone="America/Bogota",
        online_url="https://meet.example.org/wg1",
        agenda="1. Progress reports\n2. Next steps",
        visibility=Meeting.Visibility.MEMBERS,
    )


def test_a_focal_point_answers_an_invitation_and_downloads_the_ics(person, bob, meeting):
    focal = person("focal point")
    focal.sign_in_as(bob)
    page = focal.goto("/dashboard/", "dashboard")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
    focal.check("meetings")
    page.get_by_role("link", name=meeting.title).click()
    focal.check("meeting")

    answer = page.get_by_role("region", name="Your answer")
    answer.get_by_role("radio", name="Attending", exact=True).check()
    answer.get_by_role("button", name="Send my answer").click()
    focal.check("answer recorded")
    expect(page.get_by_role("status")).to_contain_text("Your answer is recorded.")
    expect(page.get_by_role("region", name="Your answer")).to_contain_text(
        "You answered: Attending."
    )
    assert MeetingResponse.objects.get(meeting=meeting, user=bob).answer == "attending"

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"Add to my calendar")).click()
    download = download_info.value
    assert download.suggested_filename == f"meeting-{meeting.pk}.ics"
    ics = Path(download.path()).read_text()
    assert "BEGIN:VEVENT" in ics
    assert "SUMMARY:Working group 1: second regional meeting" in ics
