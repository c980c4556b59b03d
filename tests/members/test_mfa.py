"""A second factor: required for secretariat staff, available to everyone."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.conftest import PASSWORD, add_totp, client_for, totp_code
from tests.factories import UserFactory


def test_staff_without_second_factor_must_set_one_up_before_anything_else(
    client, django_db_serialized_rollback, transactional_db
):
    """Committed for real, as in production: allauth tells of the new authenticator after the
    commit, and that marks the session as having given its second factor."""
    staff = UserFactory(email="new.staff@iadb.test", is_secretariat=True)
    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302

    response = client.get(reverse("members:country-list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))

    # allauth asks for the password again before a second factor is added.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    # Setting it up with a real code from the authenticator app opens the back office.
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("members:country-list")).status_code == 200


def test_staff_with_second_factor_must_give_a_code_to_log_in(client, db):
    staff = UserFactory(email="staff@iadb.test", is_secretariat=True)
    secret = add_totp(staff)
    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    # Not logged in yet.
    assert client.get(reverse("members:country-list")).status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("members:country-list")).status_code == 200


def test_focal_points_are_not_forced_but_may_add_a_second_factor(client, bob):
    client_for(client, bob)
    assert client.get(reverse("members:dashboard")).status_code == 200
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


@pytest.mark.parametrize("required", [True, False])
def test_the_setting_decides_whether_staff_must_use_a_second_factor(client, db, settings, required):
    settings.ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT = required
    staff = UserFactory(email="staff2@iadb.test", is_secretariat=True)
    client_for(client, staff)
    status = client.get(reverse("members:country-list")).status_code
    assert status == (302 if required else 200)
