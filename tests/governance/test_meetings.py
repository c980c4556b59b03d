"""Meetings of every body: who sees them, who answers, who manages them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance import services
from governance.models import Meeting, MeetingDocument, MeetingResponse
from tests.conftest import client_for, in_days
from tests.factories import UserFactory


def test_public_sees_public_meetings_only(client, make_meeting):
    public = make_meeting(title="Summit", body="ministers", group=None, visibility="public")
    private = make_meeting(title="Closed session")
    body = client.get(reverse("governance:meeting-list")).content.decode()
    assert "Summit" in body and "Closed session" not in body
    assert client.get(reverse("governance:meeting-detail", args=[public.pk])).status_code == 200
    assert client.get(reverse("governance:meeting-detail", args=[private.pk])).status_code == 404
    assert client.get(reverse("governance:meeting-ics", args=[private.pk])).status_code == 404


def test_members_only_meeting_is_seen_by_the_groups_focal_points(bob_client, make_meeting):
    meeting = make_meeting(title="WG2 closed session")
    assert (
        "WG2 closed session" in bob_client.get(reverse("governance:meeting-list")).content.decode()
    )
    assert (
        bob_client.get(reverse("governance:meeting-detail", args=[meeting.pk])).status_code == 200
    )


def test_members_only_meeting_is_invisible_to_focal_points_outside_the_body(
    client, oscar, make_meeting
):
    meeting = make_meeting(title="WG2 closed session")
    client_for(client, oscar)
    assert (
        "WG2 closed session" not in client.get(reverse("governance:meeting-list")).content.decode()
    )
    assert client.get(reverse("governance:meeting-detail", args=[meeting.pk])).status_code == 404


def test_extra_invitee_sees_and_answers(client, eve, make_meeting):
    meeting = make_meeting(title="With an expert", extra_invitees=[eve])
    client_for(client, eve)
    assert client.get(reverse("governance:meeting-detail", args=[meeting.pk])).status_code == 200
    response = client.post(
        reverse("governance:meeting-respond", args=[meeting.pk]), {"answer": "maybe"}
    )
    assert response.status_code == 302
    assert MeetingResponse.objects.get(meeting=meeting, user=eve).answer == "maybe"


def test_invitee_answers_and_may_change_the_answer(bob_client, bob, make_meeting):
    meeting = make_meeting()
    url = reverse("governance:meeting-respond", args=[meeting.pk])
    bob_client.post(url, {"answer": "attending"})
    bob_client.post(url, {"answer": "not_attending"})
    assert list(MeetingResponse.objects.filter(meeting=meeting).values_list("user", "answer")) == [
        (bob.pk, "not_attending")
    ]


def test_someone_not_invited_cannot_answer(client, make_meeting):
    meeting = make_meeting(title="Summit", body="ministers", group=None, visibility="public")
    stranger = UserFactory()
    client_for(client, stranger)
    response = client.post(
        reverse("governance:meeting-respond", args=[meeting.pk]), {"answer": "attending"}
    )
    assert response.status_code == 404
    assert not MeetingResponse.objects.exists()


def test_answers_close_when_a_meeting_is_cancelled(bob_client, make_meeting):
    meeting = make_meeting(status=Meeting.Status.CANCELLED)
    response = bob_client.post(
        reverse("governance:meeting-respond", args=[meeting.pk]),
        {"answer": "attending"},
        follow=True,
    )
    assert "no longer planned" in response.content.decode()
    assert not MeetingResponse.objects.exists()


def test_bad_answer_gets_a_message(bob_client, make_meeting):
    meeting = make_meeting()
    response = bob_client.post(
        reverse("governance:meeting-respond", args=[meeting.pk]), {"answer": "perhaps"}, follow=True
    )
    assert "Choose attending, not attending or maybe" in response.content.decode()


def test_organiser_sees_the_tally_and_invitees_do_not(
    alice_client, client, bob, carol, make_meeting
):
    meeting = make_meeting()
    MeetingResponse.objects.create(meeting=meeting, user=bob, answer="attending")
    body = alice_client.get(
        reverse("governance:meeting-detail", args=[meeting.pk])
    ).content.decode()
    assert "Answers" in body and "Bob Ecuador" in body and "Carol Barbados" in body
    assert "No answer yet" in body
    client_for(client, carol)
    body = client.get(reverse("governance:meeting-detail", args=[meeting.pk])).content.decode()
    assert "Bob Ecuador" not in body


def test_ended_focal_point_is_not_invited(client, dave, make_meeting):
    meeting = make_meeting(title="Justice exchange")
    client_for(client, dave)
    assert client.get(reverse("governance:meeting-detail", args=[meeting.pk])).status_code == 404


def test_group_lead_manages_own_groups_meetings_only(client, lena, group1, group2, make_meeting):
    own = make_meeting(group=group1)
    other = make_meeting(group=group2, title="Group 2 session")
    client_for(client, lena)
    assert client.get(reverse("governance:meeting-edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("governance:meeting-edit", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("governance:meeting-create"),
        {
            "body": "steering_committee",
            "title": "Not mine",
            "start_at": "2027-01-10T10:00",
            "end_at": "2027-01-10T11:00",
            "time_zone": "America/Costa_Rica",
            "online_url": "https://meet.example.org/y",
            "status": "planned",
            "visibility": "members",
        },
    )
    assert response.status_code == 400
    assert not Meeting.objects.filter(title="Not mine").exists()


def test_focal_point_who_leads_nothing_cannot_create_meetings(bob_client):
    assert bob_client.get(reverse("governance:meeting-create")).status_code == 404


def test_new_meeting_times_are_read_in_the_organisers_time_zone(client, lena, group1):
    client_for(client, lena)
    response = client.post(
        reverse("governance:meeting-create"),
        {
            "body": "working_group",
            "group": group1.pk,
            "title": "Youth outreach",
            "start_at": "2027-01-10T10:00",
            "end_at": "2027-01-10T12:00",
            "time_zone": "America/Bogota",
            "place": "Bogotá",
            "status": "planned",
            "visibility": "members",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Youth outreach")
    assert meeting.start_at == datetime.datetime(2027, 1, 10, 15, 0, tzinfo=datetime.UTC)
    assert meeting.organiser == lena


def test_meeting_form_with_bad_input_explains_and_keeps_the_input(alice_client):
    response = alice_client.post(
        reverse("governance:meeting-create"),
        {
            "body": "working_group",
            "title": "Kept title",
            "start_at": "2027-01-10T10:00",
            "end_at": "2027-01-10T09:00",
            "time_zone": "America/Bogota",
            "status": "planned",
            "visibility": "members",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "must end after it starts" in body
    assert 'value="Kept title"' in body


def test_two_people_editing_the_same_meeting(alice_client, make_meeting, group2):
    meeting = make_meeting(title="Original")
    url = reverse("governance:meeting-edit", args=[meeting.pk])
    data = {
        "body": "working_group",
        "group": group2.pk,
        "start_at": "2027-01-10T10:00",
        "end_at": "2027-01-10T12:00",
        "time_zone": "America/Bogota",
        "online_url": "https://meet.example.org/x",
        "status": "planned",
        "visibility": "members",
        "version": 1,
    }
    assert alice_client.post(url, {**data, "title": "First edit"}).status_code == 302
    response = alice_client.post(url, {**data, "title": "Second edit"})
    assert response.status_code == 409
    assert 'value="Second edit"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "First edit"


def test_agenda_markdown_is_rendered_harmless(bob_client, make_meeting):
    meeting = make_meeting(
        agenda="1. **Opening**\n\n<script>alert('x')</script>\n\n[link](javascript:alert(1))"
    )
    body = bob_client.get(reverse("governance:meeting-detail", args=[meeting.pk])).content.decode()
    assert "<strong>Opening</strong>" in body
    assert "<script>alert" not in body
    assert "javascript:alert" not in body


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_manager_attaches_a_document_and_invitees_download_it(
    alice_client, bob, client, make_meeting
):
    meeting = make_meeting()
    response = alice_client.post(
        reverse("governance:meeting-document-add", args=[meeting.pk]),
        {
            "kind": "agenda_paper",
            "title": "Concept note",
            "file": SimpleUploadedFile("Nota conceptual (v2).pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert document.file.name.endswith("/nota-conceptual-v2.pdf")
    client_for(client, bob)
    download = client.get(reverse("governance:meeting-document-download", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    client.logout()
    anonymous = client.get(reverse("governance:meeting-document-download", args=[document.pk]))
    assert anonymous.status_code == 404


def test_a_fake_pdf_is_refused_with_a_message(alice_client, make_meeting):
    meeting = make_meeting()
    response = alice_client.post(
        reverse("governance:meeting-document-add", args=[meeting.pk]),
        {
            "kind": "agenda_paper",
            "title": "Kept title",
            "file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "The content of virus.pdf is not what a .pdf file holds." in response.content.decode()
    assert 'value="Kept title"' in response.content.decode()
    assert not MeetingDocument.objects.exists()


def test_oversize_and_unknown_types_are_refused(alice_client, make_meeting, settings):
    settings.ALLIANCE_UPLOAD_MAX_MB = {**settings.ALLIANCE_UPLOAD_MAX_MB, "meeting_document": 1}
    meeting = make_meeting()
    url = reverse("governance:meeting-document-add", args=[meeting.pk])
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 1024 * 1024)
    response = alice_client.post(url, {"kind": "other", "title": "Big", "file": big})
    assert response.status_code == 400
    assert "files may be at most 1.0" in response.content.decode()
    response = alice_client.post(
        url, {"kind": "other", "title": "Exe", "file": SimpleUploadedFile("tool.exe", b"MZ")}
    )
    assert response.status_code == 400
    assert "is not of an accepted type" in response.content.decode()
    assert not MeetingDocument.objects.exists()


@pytest.mark.parametrize("name", ["agenda.txt", "agenda.csv"])
@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"Agenda\n1. Opening\n<ScRiPt>alert(1)</sCrIpT>\n",
    ],
)
def test_html_or_svg_named_as_text_is_refused(alice_client, make_meeting, name, content):
    meeting = make_meeting()
    response = alice_client.post(
        reverse("governance:meeting-document-add", args=[meeting.pk]),
        {"kind": "other", "title": "Agenda", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert "contains web page or image markup" in response.content.decode()
    assert not MeetingDocument.objects.exists()


def test_minutes_only_after_the_meeting_is_held(alice_client, make_meeting):
    meeting = make_meeting()
    response = alice_client.post(
        reverse("governance:meeting-document-add", args=[meeting.pk]),
        {"kind": "minutes", "title": "Minutes", "file": SimpleUploadedFile("minutes.pdf", PDF)},
    )
    assert response.status_code == 400
    assert "once the meeting has been held" in response.content.decode()


def test_invitee_cannot_attach_documents(bob_client, make_meeting):
    meeting = make_meeting()
    response = bob_client.post(
        reverse("governance:meeting-document-add", args=[meeting.pk]),
        {"kind": "other", "title": "x", "file": SimpleUploadedFile("x.pdf", PDF)},
    )
    assert response.status_code == 404
    assert not MeetingDocument.objects.exists()


@pytest.mark.parametrize("rows", [5, 200])
def test_meeting_list_query_count_is_fixed(
    bob_client, make_meeting, django_assert_max_num_queries, rows, alice
):
    Meeting.objects.bulk_create(
        Meeting(
            organiser=alice,
            body="ministers",
            title=f"M{i}",
            start_at=in_days(5 + i % 30),
            end_at=in_days(5 + i % 30, 12),
            time_zone="America/Bogota",
            place="x",
            visibility="public" if i % 2 else "members",
            uid=f"uid{i}",
        )
        for i in range(rows)
    )
    # 17 with the check that Bob, whose session gave no second factor, has no authenticator.
    with django_assert_max_num_queries(17):
        response = bob_client.get(reverse("governance:meeting-list"), {"when": "all"})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [5, 200])
def test_meeting_detail_query_count_is_fixed(
    alice_client, make_meeting, django_assert_max_num_queries, rows
):
    from members.models import Country
    from tests.factories import AppointmentFactory, MinistryFactory

    meeting = make_meeting(body="ministers", group=None)
    ministry = MinistryFactory(country=Country.objects.get(iso_code="PE"))
    for appointment in AppointmentFactory.create_batch(rows, ministry=ministry):
        MeetingResponse.objects.create(meeting=meeting, user=appointment.user, answer="maybe")
    with django_assert_max_num_queries(20):
        response = alice_client.get(reverse("governance:meeting-detail", args=[meeting.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("<td>Maybe</td>") == rows


def test_bad_filter_values_get_a_message(client, db):
    response = client.get(reverse("governance:meeting-list"), {"body": "aliens", "when": "soon"})
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_ministers_meetings_are_invisible_to_focal_points_of_a_former_member(
    client, oscar, make_meeting
):
    meeting = make_meeting(title="Ministers only", body="ministers", group=None)
    client_for(client, oscar)
    assert client.get(reverse("governance:meeting-detail", args=[meeting.pk])).status_code == 404
    assert "Ministers only" not in client.get(reverse("governance:meeting-list")).content.decode()


def test_the_service_lets_a_lead_organise_only_its_own_groups_meetings(
    lena, group1, group2, group3
):
    """The rule lives in the service, so every door (form, API, shell) applies it."""
    values = {
        "organiser": lena,
        "title": "Lead's meeting",
        "start_at": in_days(10, 10),
        "end_at": in_days(10, 12),
        "time_zone": "America/Bogota",
        "online_url": "https://meet.example.org/x",
        "visibility": Meeting.Visibility.MEMBERS,
    }
    with pytest.raises(ValidationError) as refused:
        services.meeting_create(body=Meeting.Body.MINISTERS, **values)
    assert "own group only" in str(refused.value)
    with pytest.raises(PermissionDenied):
        services.meeting_create(body=Meeting.Body.WORKING_GROUP, group=group2, **values)
    meeting = services.meeting_create(body=Meeting.Body.WORKING_GROUP, group=group1, **values)
    with pytest.raises(PermissionDenied):
        services.meeting_update(meeting=meeting, version=meeting.version, group=group3, by=lena)
    assert list(Meeting.objects.values_list("group__number", flat=True)) == [1]


def test_the_service_refuses_a_lead_changing_another_groups_meeting(
    lena, group1, group2, make_meeting
):
    """Editing and attaching documents are decided in the services too: a lead of group 1 cannot
    change group 2's meeting, not even by moving it into their own group."""
    other = make_meeting(title="Group 2 meeting", group=group2)
    with pytest.raises(PermissionDenied):
        services.meeting_update(meeting=other, version=other.version, group=group1, by=lena)
    with pytest.raises(PermissionDenied):
        services.meeting_update(meeting=other, version=other.version, title="Mine", by=lena)
    with pytest.raises(PermissionDenied):
        services.meeting_document_add(
            meeting=other,
            kind=MeetingDocument.Kind.AGENDA_PAPER,
            title="Agenda",
            file=SimpleUploadedFile("agenda.txt", b"Agenda", content_type="text/plain"),
            by=lena,
        )
    other.refresh_from_db()
    assert (other.group.number, other.title, other.documents.count()) == (2, "Group 2 meeting", 0)
    own = make_meeting(title="Group 1 meeting", group=group1)
    services.meeting_update(meeting=own, version=own.version, title="Group 1, moved", by=lena)
    assert Meeting.objects.get(pk=own.pk).title == "Group 1, moved"
