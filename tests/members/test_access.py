"""Who may open what: the back office is the secretariat's; focal points see their own country."""

import datetime

import pytest
from django.urls import reverse

from members.permissions import countries_for, may_act_for_country
from tests.conftest import client_for
from tests.factories import AppointmentFactory, MinistryFactory, PartnerFactory

BACKOFFICE_PAGES = [
    ("members:country-list", []),
    ("members:country-join", []),
    ("members:ministry-list", []),
    ("members:ministry-create", []),
    ("members:minister-list", []),
    ("members:minister-record", []),
    ("members:appointment-list", []),
    ("members:appointment-create", []),
    ("members:partner-list", []),
    ("members:partner-create", []),
]


@pytest.mark.parametrize(("name", "args"), BACKOFFICE_PAGES)
def test_secretariat_opens_every_back_office_page(alice_client, name, args):
    assert alice_client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), BACKOFFICE_PAGES)
def test_focal_point_is_refused_back_office_pages(bob_client, name, args):
    assert bob_client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.parametrize(("name", "args"), BACKOFFICE_PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_focal_point_sees_own_country_record(bob_client, ecuador):
    response = bob_client.get(reverse("members:country-detail", args=["EC"]))
    assert response.status_code == 200
    assert "Ministerio del Interior" in response.content.decode()
    # Read only: no management buttons.
    assert reverse("members:country-edit", args=["EC"]) not in response.content.decode()


def test_focal_point_of_country_a_cannot_see_country_b(bob_client, carol):
    assert bob_client.get(reverse("members:country-detail", args=["BB"])).status_code == 404


def test_focal_point_of_country_a_cannot_change_country_b(bob_client, carol, barbados):
    response = bob_client.post(
        reverse("members:country-edit", args=["BB"]),
        {"name_es": "X", "name_en": "X", "name_pt": "X", "name_fr": "X", "version": 1},
    )
    assert response.status_code == 403
    barbados.refresh_from_db()
    assert barbados.name_en == "Barbados"
    appointment = carol.appointments.get()
    response = bob_client.post(
        reverse("members:appointment-end", args=[appointment.pk]),
        {"end_on": "2025-05-01", "reason": "hostile"},
    )
    assert response.status_code == 403
    appointment.refresh_from_db()
    assert appointment.end_on is None


def test_ended_appointment_gives_no_access(client, dave, ecuador):
    client_for(client, dave)
    assert client.get(reverse("members:country-detail", args=["EC"])).status_code == 404
    dashboard = client.get(reverse("members:dashboard")).content.decode()
    assert "no active focal point appointment" in dashboard


def test_access_ends_on_the_end_date_not_the_day_after(ecuador):
    appointment = AppointmentFactory(
        ministry=MinistryFactory(country=ecuador),
        start_on=datetime.date(2025, 1, 1),
        end_on=datetime.date(2025, 6, 1),
    )
    user = appointment.user
    assert may_act_for_country(user, ecuador, on=datetime.date(2025, 5, 31))
    assert not may_act_for_country(user, ecuador, on=datetime.date(2025, 6, 1))
    assert not may_act_for_country(user, ecuador, on=datetime.date(2024, 12, 31))


def test_user_without_appointment_acts_for_no_country(eve):
    assert list(countries_for(eve)) == []


def test_secretariat_may_open_any_country(alice_client, carol):
    assert alice_client.get(reverse("members:country-detail", args=["BB"])).status_code == 200


def test_unknown_country_code_is_404(alice_client):
    assert alice_client.get(reverse("members:country-detail", args=["ZZ"])).status_code == 404


def test_profile_shows_own_appointments_only(bob_client, carol):
    body = bob_client.get(reverse("members:profile")).content.decode()
    assert "Ministerio del Interior" in body
    assert "Ministry of Home Affairs" not in body


def test_profile_edit_refuses_an_unknown_time_zone_and_keeps_the_rest(bob_client, bob):
    response = bob_client.post(
        reverse("members:profile"),
        {"full_name": "Bob E. Renamed", "preferred_language": "en", "time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert 'value="Bob E. Renamed"' in response.content.decode()
    bob.refresh_from_db()
    assert bob.full_name == "Bob Ecuador"


def test_profile_edit_saves(bob_client, bob):
    response = bob_client.post(
        reverse("members:profile"),
        {"full_name": "Bob E.", "preferred_language": "en", "time_zone": "America/Guayaquil"},
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert (bob.full_name, bob.time_zone) == ("Bob E.", "America/Guayaquil")


def test_partner_edit_is_secretariat_only(bob_client):
    partner = PartnerFactory()
    response = bob_client.get(reverse("members:partner-edit", args=[partner.pk]))
    assert response.status_code == 403
