"""The second factor on every door. allauth's login (its rate limits, then the code) is the only
way into a session, whether the person comes through /accounts/login/, the Django admin's
/admin/login/, an invitation or a password reset; a session that did not give the code of the
person's authenticator gets nothing. Sessions are kept as production keeps them (in the
database), and every code is a real one from the person's authenticator."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from members import services
from tests.conftest import PASSWORD, add_totp, client_for, totp_code
from tests.factories import UserFactory

ADMIN_LOGIN = "/admin/login/?next=/admin/"
LOCKED = "Too many failed login attempts"
NEW_PASSWORD = "a long and unusual passphrase 42"


def _staff_pages():
    return [
        "/admin/",
        "/admin/members/user/",
        reverse("members:audit-log"),
        reverse("members:appointment-create"),
    ]


@pytest.fixture(autouse=True)
def _production_sessions(settings):
    """Production keeps sessions in the database only (alliance/settings/production.py)."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


@pytest.fixture
def staff(alice):
    """Alice, secretariat staff with an authenticator app, also administers the Django admin."""
    alice.is_staff = alice.is_superuser = True
    alice.save(update_fields=["is_staff", "is_superuser"])
    return alice


def _answers(client) -> dict[str, int]:
    return {path: client.get(path).status_code for path in _staff_pages()}


def _credentials(user, password) -> dict[str, str]:
    # The admin's own form names the field "username"; allauth's names it "login".
    return {"username": user.email, "login": user.email, "password": password}


def _through_the_admin_door(client, user, password):
    """Post a password at /admin/login/, and wherever it sends the person on to."""
    response = client.post(ADMIN_LOGIN, _credentials(user, password))
    if response.status_code == 302 and response.url.startswith(reverse("account_login")):
        response = client.post(response.url, _credentials(user, password))
    return response


def test_a_password_posted_at_the_admin_login_opens_nothing(client, staff):
    response = client.post(ADMIN_LOGIN, _credentials(staff, PASSWORD))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert 200 not in _answers(client).values()


def test_the_admin_door_is_allauths_login_which_asks_for_the_code(client, staff):
    page = client.get("/admin/", follow=True)
    assert page.request["PATH_INFO"] == reverse("account_login")
    login_url = page.redirect_chain[-1][0]

    response = client.post(login_url, _credentials(staff, PASSWORD))
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert 200 not in _answers(client).values()

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(staff.totp_secret)})
    assert response.status_code == 302
    assert response.url.startswith("/admin/")
    assert set(_answers(client).values()) == {200}


def test_fifteen_wrong_passwords_at_the_admin_door_lock_it(client, staff):
    for _ in range(15):
        _through_the_admin_door(client, staff, "wrong guess, again")

    response = _through_the_admin_door(client, staff, PASSWORD)

    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert 200 not in _answers(client).values()


def test_the_account_login_asks_for_the_code_too(client, staff):
    response = client.post(reverse("account_login"), _credentials(staff, PASSWORD))
    assert response.url == reverse("mfa_authenticate")
    assert 200 not in _answers(client).values()

    client.post(reverse("mfa_authenticate"), {"code": totp_code(staff.totp_secret)})
    assert set(_answers(client).values()) == {200}


def test_a_staff_session_that_never_gave_the_code_is_logged_out(client, staff):
    client.force_login(staff)  # a session made outside allauth's login flow

    response = client.get(reverse("members:audit-log"))

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=" + reverse("members:audit-log")
    assert "_auth_user_id" not in client.session
    login_page = client.get(response.url).content.decode()
    assert "Please log in again with your authentication code." in login_page
    assert 200 not in _answers(client).values()


def test_a_focal_points_session_that_never_gave_their_code_is_logged_out(client, bob):
    add_totp(bob)
    client.force_login(bob)

    response = client.get(reverse("members:dashboard"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.get(reverse("members:profile")).status_code == 302


def test_focal_points_without_an_authenticator_need_no_code(client, bob):
    client.post(reverse("account_login"), _credentials(bob, PASSWORD))
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_signed_in_staff_go_on_from_the_admin_login_and_others_get_403(client, staff, bob):
    client_for(client, staff)
    # A password posted there by someone signed in is not a way to become someone else.
    response = client.post(ADMIN_LOGIN, _credentials(bob, PASSWORD))
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.session["_auth_user_id"] == str(staff.pk)

    client.logout()
    client_for(client, bob)
    assert client.get(ADMIN_LOGIN).status_code == 403


def _invitation_path(user, by, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(user=user, by=by)
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    return re.search(r"https?://[^/\s]+(/invitation/\S+/)", message.body).group(1)


def test_an_invitee_who_has_an_authenticator_gives_its_code(
    client, alice, eve, django_capture_on_commit_callbacks
):
    eve.set_unusable_password()
    eve.save(update_fields=["password"])
    secret = add_totp(eve)
    path = _invitation_path(eve, alice, django_capture_on_commit_callbacks)

    response = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("members:dashboard")).status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.url == reverse("members:dashboard")
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_a_secretariat_invitee_sets_up_the_code_before_the_back_office(
    client, alice, django_capture_on_commit_callbacks
):
    newcomer = UserFactory(email="newcomer@iadb.test", is_secretariat=True)
    newcomer.set_unusable_password()
    newcomer.save(update_fields=["password"])
    path = _invitation_path(newcomer, alice, django_capture_on_commit_callbacks)

    client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    response = client.get(reverse("members:audit-log"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("login_on_reset", [False, True])
def test_a_password_reset_opens_nothing_without_the_code(client, staff, settings, login_on_reset):
    settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET = login_on_reset
    client.post(reverse("account_reset_password"), {"email": staff.email})
    [message] = [m for m in mail.outbox if m.to == [staff.email]]
    path = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body)
    form = client.get(path.group(1), follow=True)

    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path.group(1),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    if login_on_reset:
        assert response.url == reverse("mfa_authenticate")
    assert 200 not in _answers(client).values()
