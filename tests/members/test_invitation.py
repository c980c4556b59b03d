"""From the secretariat's appointment to the focal point's first login, through the real views."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import FocalPointAppointment, Invitation, User
from tests.factories import MinisterFactory, MinistryFactory

NEW_PASSWORD = "a long and unusual passphrase 42"


def _link(message) -> str:
    return re.search(r"https?://\S+/invitation/\S+/", message.body).group(0)


def _appoint(client, ministry, minister, email="new.focal@ecuador.test", **extra):
    data = {
        "full_name": "Nadia Nueva",
        "email": email,
        "ministry": ministry.pk,
        "appointed_by": minister.pk,
        "start_on": "2025-02-01",
        "preferred_language": "es",
        **extra,
    }
    return client.post(reverse("members:appointment-create"), data)


@pytest.fixture
def ministry(ecuador):
    return MinistryFactory(country=ecuador, name="Ministerio del Interior")


@pytest.fixture
def minister(ministry):
    return MinisterFactory(ministry=ministry, full_name="Mónica Palacios")


def test_invitation_leads_to_first_login(
    alice_client, client, ministry, minister, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _appoint(alice_client, ministry, minister)
    assert response.status_code == 302
    user = User.objects.get(email="new.focal@ecuador.test")
    assert not user.has_usable_password()
    assert FocalPointAppointment.objects.filter(user=user, ministry=ministry).exists()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.focal@ecuador.test"]
    # Written in the language chosen for the invitee.
    assert "Portal" in message.subject and "invitación" in message.subject.lower()
    link = _link(message)

    alice_client.logout()
    path = link.split("127.0.0.1:8000", 1)[1] if "127.0.0.1:8000" in link else link
    page = client.get(path)
    assert page.status_code == 200
    assert "Nadia Nueva" in page.content.decode()

    response = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("members:dashboard")
    dashboard = client.get(response.url)
    assert "Ecuador" in dashboard.content.decode()

    # The link works once.
    assert client.get(path).status_code == 404

    # And the person logs in with allauth's own login form from now on.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new.focal@ecuador.test", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_weak_password_is_refused_and_the_invitation_stays_valid(
    alice_client, client, ministry, minister, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _appoint(alice_client, ministry, minister)
    path = "/" + _link(mail.outbox[0]).split("/", 3)[3]
    alice_client.logout()
    response = client.post(path, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert client.get(path).status_code == 200


def test_expired_invitation_link_is_refused(
    alice_client, client, ministry, minister, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _appoint(alice_client, ministry, minister)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    path = "/" + _link(mail.outbox[0]).split("/", 3)[3]
    alice_client.logout()
    response = client.get(path)
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_a_new_invitation_replaces_the_old_link(
    alice_client, client, ministry, minister, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _appoint(alice_client, ministry, minister)
    first = "/" + _link(mail.outbox[0]).split("/", 3)[3]
    appointment = FocalPointAppointment.objects.get(user__email="new.focal@ecuador.test")
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(reverse("members:appointment-reinvite", args=[appointment.pk]))
    assert response.status_code == 302
    second = "/" + _link(mail.outbox[1]).split("/", 3)[3]
    alice_client.logout()
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_made_up_invitation_token_is_refused(client, db):
    assert client.get(reverse("members:invitation-accept", args=["nonsense"])).status_code == 404


def test_nobody_can_sign_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "stranger@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert not User.objects.filter(email="stranger@example.org").exists()
    assert "closed" in response.content.decode().lower()


def test_appointing_someone_twice_to_the_same_ministry_is_refused(
    alice_client, ministry, minister, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _appoint(alice_client, ministry, minister)
        response = _appoint(alice_client, ministry, minister, email="NEW.focal@ecuador.test")
    assert response.status_code == 400
    assert "already a focal point" in response.content.decode()
    assert FocalPointAppointment.objects.count() == 1


def test_appointment_by_a_minister_of_another_ministry_is_refused(alice_client, ministry, barbados):
    other = MinisterFactory(ministry=MinistryFactory(country=barbados))
    response = _appoint(alice_client, ministry, other)
    assert response.status_code == 400
    assert "same ministry" in response.content.decode()
    assert not User.objects.filter(email="new.focal@ecuador.test").exists()


def test_appoint_form_with_bad_input_explains_and_keeps_the_input(alice_client, ministry, minister):
    response = _appoint(
        alice_client, ministry, minister, email="not-an-email", start_on="31/31/2025"
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a valid email address" in body
    assert "Enter a valid date" in body
    assert 'value="Nadia Nueva"' in body


def test_password_reset_by_email(client, bob):
    response = client.post(reverse("account_reset_password"), {"email": "bob@ecuador.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+/", mail.outbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "bob@ecuador.test", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
