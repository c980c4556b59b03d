"""Hostile input to the presidency and meeting forms."""

import pytest
from django.urls import reverse
from hypothesis import strategies as st

from governance.models import Meeting, MeetingDocument, MeetingResponse
from members.models import User
from working_groups.models import WorkingGroup

from .checks import Form, post_hostile_input
from .strategies import (
    choice,
    countries,
    current_version,
    dates,
    datetimes,
    ids,
    many_ids,
    name_text,
    text,
)


def _meeting_fields():
    return {
        "body": choice(Meeting.Body.values),
        "group": ids(WorkingGroup.objects.all()),
        "title": name_text(),
        "start_at": datetimes(),
        "end_at": datetimes(),
        "time_zone": st.sampled_from(["America/Bogota", "UTC", "Pacific/Kiritimati", "Etc/GMT+12"]),
        "place": text(),
        "online_url": st.sampled_from(["https://meet.example.org/x", ""]),
        "agenda": text(300),
        "status": choice(Meeting.Status.values),
        "visibility": choice(Meeting.Visibility.values),
        "extra_invitees": many_ids(User.objects.all()),
    }


FORMS = {
    # Presidency
    "term-create": Form(
        "alice",
        lambda w: reverse("governance:term-create"),
        lambda w: {
            "country": ids(countries()),
            "start_on": dates(),
            "end_on": dates(),
            "notes": text(),
        },
    ),
    "term-schedule": Form(
        "alice",
        lambda w: reverse("governance:term-schedule"),
        lambda w: {"countries": st.sampled_from(["PA, JM, CL", "EC", "CR,CR", "BB ; JM"])},
    ),
    "term-change-end": Form(
        "alice",
        lambda w: reverse("governance:term-change-end", args=[w.term.pk]),
        lambda w: {"end_on": dates(), "reason": name_text()},
    ),
    "term-handover": Form(
        "alice",
        lambda w: reverse("governance:term-handover", args=[w.term.pk]),
        lambda w: {"on": dates(), "reason": name_text(), "successor": ids(countries())},
    ),
    # Meetings
    "meeting-create": Form(
        "alice",
        lambda w: reverse("governance:meeting-create"),
        lambda w: _meeting_fields(),
    ),
    "meeting-edit": Form(
        "alice",
        lambda w: reverse("governance:meeting-edit", args=[w.meeting.pk]),
        lambda w: {**_meeting_fields(), "version": current_version(Meeting, w.meeting.pk)},
    ),
    "meeting-respond": Form(
        "bob",
        lambda w: reverse("governance:meeting-respond", args=[w.meeting.pk]),
        lambda w: {"answer": choice(MeetingResponse.Answer.values)},
    ),
    "meeting-document-add": Form(
        "alice",
        lambda w: reverse("governance:meeting-document-add", args=[w.meeting.pk]),
        lambda w: {"kind": choice(MeetingDocument.Kind.values), "title": name_text()},
        files=("file",),
    ),
}


@pytest.mark.parametrize("form_name", sorted(FORMS))
def test_every_form_answers_hostile_input_without_a_500_and_leaves_nothing_half_saved(
    client, world, form_name
):
    post_hostile_input(client, world, FORMS[form_name])
