"""The secretariat's work on membership records, through the back-office pages."""

import datetime

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from members import selectors
from members.models import Country, MembershipPeriod, Minister, PartnerInstitution
from tests.factories import AppointmentFactory, MinisterFactory, MinistryFactory, PartnerFactory


def test_recording_a_new_minister_ends_the_sitting_one(alice_client, ecuador):
    ministry = MinistryFactory(country=ecuador)
    sitting = MinisterFactory(ministry=ministry, start_on=datetime.date(2024, 12, 12))
    response = alice_client.post(
        reverse("members:minister-record"),
        {"ministry": ministry.pk, "full_name": "John Reyes", "start_on": "2025-08-01"},
    )
    assert response.status_code == 302
    sitting.refresh_from_db()
    assert sitting.end_on == datetime.date(2025, 8, 1)
    new = Minister.objects.get(full_name="John Reyes")
    assert new.end_on is None
    # The history is kept: both ministers are listed.
    body = alice_client.get(reverse("members:minister-list")).content.decode()
    assert sitting.full_name in body and "John Reyes" in body


def test_new_minister_cannot_start_before_the_sitting_one(alice_client, ecuador):
    ministry = MinistryFactory(country=ecuador)
    sitting = MinisterFactory(ministry=ministry, start_on=datetime.date(2025, 3, 1))
    response = alice_client.post(
        reverse("members:minister-record"),
        {"ministry": ministry.pk, "full_name": "Too Early", "start_on": "2025-01-01"},
    )
    assert response.status_code == 400
    assert "must start after" in response.content.decode()
    sitting.refresh_from_db()
    assert sitting.end_on is None


def test_ending_an_appointment(alice_client, bob):
    appointment = bob.appointments.get()
    response = alice_client.post(
        reverse("members:appointment-end", args=[appointment.pk]),
        {"end_on": "2025-09-30", "reason": "Moved to another post"},
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.end_on == datetime.date(2025, 9, 30)
    assert appointment.end_reason == "Moved to another post"
    # Ending it again is refused with a message, the first end date is kept.
    response = alice_client.post(
        reverse("members:appointment-end", args=[appointment.pk]),
        {"end_on": "2025-10-30", "reason": "again"},
    )
    assert response.status_code == 400
    assert "already ended" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.end_on == datetime.date(2025, 9, 30)


def test_appointment_cannot_end_before_it_started(alice_client, bob):
    appointment = bob.appointments.get()
    response = alice_client.post(
        reverse("members:appointment-end", args=[appointment.pk]),
        {"end_on": "2024-01-01", "reason": "typo"},
    )
    assert response.status_code == 400
    assert "cannot end before it started" in response.content.decode()


def test_country_joining_and_leaving_changes_member_counts_on_each_date(alice_client):
    founders = datetime.date(2024, 12, 12)
    assert selectors.member_count(on=founders) == 18
    response = alice_client.post(
        reverse("members:country-join"),
        {
            "iso_code": "co",
            "name_es": "Colombia",
            "name_en": "Colombia",
            "name_pt": "Colômbia",
            "name_fr": "Colombie",
            "joined_on": "2025-03-01",
            "note": "Letter to the secretariat",
        },
    )
    assert response.status_code == 302
    assert selectors.member_count(on=datetime.date(2025, 2, 28)) == 18
    assert selectors.member_count(on=datetime.date(2025, 3, 1)) == 19

    response = alice_client.post(
        reverse("members:country-leave", args=["CO"]),
        {"left_on": "2026-01-01", "note": "Withdrew"},
    )
    assert response.status_code == 302
    assert selectors.member_count(on=datetime.date(2025, 12, 31)) == 19
    assert selectors.member_count(on=datetime.date(2026, 1, 1)) == 18
    # Rejoining later opens a second period; the first one stays on record.
    response = alice_client.post(
        reverse("members:country-join"), {"iso_code": "CO", "joined_on": "2026-06-01"}
    )
    assert response.status_code == 302
    periods = MembershipPeriod.objects.filter(country__iso_code="CO").order_by("start_on")
    assert [(p.start_on, p.end_on) for p in periods] == [
        (datetime.date(2025, 3, 1), datetime.date(2026, 1, 1)),
        (datetime.date(2026, 6, 1), None),
    ]
    # The page shows the last day of membership (31 December), not the first day out.
    page = alice_client.get(reverse("members:country-detail", args=["CO"]))
    with translation.override(page["Content-Language"]):
        last_day = date_format(datetime.date(2025, 12, 31), "DATE_FORMAT")
        first_day_out = date_format(datetime.date(2026, 1, 1), "DATE_FORMAT")
    body = page.content.decode()
    assert last_day in body
    assert first_day_out not in body


def test_new_country_needs_its_names_and_a_member_cannot_join_twice(alice_client):
    response = alice_client.post(
        reverse("members:country-join"), {"iso_code": "CO", "joined_on": "2025-03-01"}
    )
    assert response.status_code == 400
    assert "all four languages" in response.content.decode()
    assert not Country.objects.filter(iso_code="CO").exists()
    response = alice_client.post(
        reverse("members:country-join"), {"iso_code": "EC", "joined_on": "2025-03-01"}
    )
    assert response.status_code == 400
    assert "already a member" in response.content.decode()


def test_country_code_must_be_two_letters(alice_client):
    response = alice_client.post(
        reverse("members:country-join"),
        {
            "iso_code": "1!",
            "name_es": "a",
            "name_en": "a",
            "name_pt": "a",
            "name_fr": "a",
            "joined_on": "2025-03-01",
        },
    )
    assert response.status_code == 400
    assert "two letters" in response.content.decode()


def test_member_pages_count_members_on_the_date_in_question(client, db):
    body = client.get(reverse("members:members")).content.decode()
    assert "18 member countries" in body


def test_two_people_editing_the_same_partner_do_not_overwrite_each_other(alice_client):
    partner = PartnerFactory(name="World Bank")
    url = reverse("members:partner-edit", args=[partner.pk])
    common = {"kind": "development_agency", "joined_on": "2024-12-12", "version": 1}
    first = alice_client.post(url, {**common, "name": "World Bank Group"})
    assert first.status_code == 302
    # The second person opened the form at version 1 too.
    second = alice_client.post(url, {**common, "name": "The World Bank", "acronym": "WB"})
    assert second.status_code == 409
    body = second.content.decode()
    assert "Someone else saved this record" in body
    assert 'value="The World Bank"' in body  # their text is still in the form
    partner.refresh_from_db()
    assert partner.name == "World Bank Group"


def test_stale_ministry_edit_is_refused(alice_client, ecuador):
    ministry = MinistryFactory(country=ecuador, name="Old name")
    url = reverse("members:ministry-edit", args=[ministry.pk])
    data = {"country": ecuador.pk, "kind": "security", "version": 1}
    assert alice_client.post(url, {**data, "name": "New name"}).status_code == 302
    response = alice_client.post(url, {**data, "name": "Other name"})
    assert response.status_code == 409
    ministry.refresh_from_db()
    assert ministry.name == "New name"


def test_partner_form_with_bad_input_explains(alice_client):
    response = alice_client.post(
        reverse("members:partner-create"),
        {"name": "", "kind": "spaceship", "website": "not a url", "joined_on": "2025-02-30"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "This field is required" in body
    assert "Select a valid choice" in body
    assert "Enter a valid URL" in body
    assert not PartnerInstitution.objects.exists()


def test_partner_cannot_leave_before_joining(alice_client):
    response = alice_client.post(
        reverse("members:partner-create"),
        {
            "name": "UNDP",
            "kind": "multilateral",
            "joined_on": "2025-01-01",
            "left_on": "2024-01-01",
        },
    )
    assert response.status_code == 400
    assert not PartnerInstitution.objects.exists()


def test_list_filters_narrow_the_list(alice_client, bob, carol):
    response = alice_client.get(
        reverse("members:appointment-list"), {"country": bob.appointments.get().ministry.country_id}
    )
    body = response.content.decode()
    assert "Bob Ecuador" in body and "Carol Barbados" not in body


def test_bad_query_string_gets_a_message_not_a_500(alice_client):
    for name in ("members:appointment-list", "members:ministry-list", "members:minister-list"):
        response = alice_client.get(reverse(name), {"country": "not-a-number", "page": "x"})
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    response = alice_client.get(reverse("members:country-list"), {"status": "bogus"})
    assert response.status_code == 400


def test_appointment_list_shows_pending_invitations(alice_client, bob):
    AppointmentFactory()
    body = alice_client.get(reverse("members:appointment-list")).content.decode()
    assert "Active account" in body


def test_the_appointment_pages_first_addresses_redirect_for_good(alice_client, client):
    appointment = AppointmentFactory()
    response = client.get("/backoffice/focal-points/?status=active&page=2")
    assert response.status_code == 301
    assert response.url == "/backoffice/appointments/?status=active&page=2"
    assert client.get("/backoffice/focal-points/new/").url == "/backoffice/appointments/new/"
    old_end = f"/backoffice/focal-points/{appointment.pk}/end/"
    assert client.get(old_end).url == f"/backoffice/appointments/{appointment.pk}/end/"
    # A form posted to an old address is sent again, as a POST, to the new one.
    response = client.post(f"/backoffice/focal-points/{appointment.pk}/reinvite/")
    assert response.status_code == 308
    assert response.url == f"/backoffice/appointments/{appointment.pk}/reinvite/"
    # Followed, the old address opens the page (for the secretariat, as before).
    assert alice_client.get("/backoffice/focal-points/", follow=True).status_code == 200
