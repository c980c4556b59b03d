"""`make run` loads the demo twice without duplicating; allauth's login rate limits are on."""

from django.core.management import call_command
from django.urls import reverse

from governance.models import Meeting, PresidencyTerm
from members.models import FocalPointAppointment, Ministry, PartnerInstitution, User


def _counts():
    return [
        m.objects.count()
        for m in (
            User,
            Ministry,
            FocalPointAppointment,
            PartnerInstitution,
            PresidencyTerm,
            Meeting,
        )
    ]


def test_demo_data_loads_twice_without_duplicates(db, capsys):
    call_command("load_demo")
    first = _counts()
    output = capsys.readouterr().out
    assert "secretariat@alliance.test" in output and "focal.ecuador@alliance.test" in output
    call_command("load_demo", "--quiet-logins")
    assert _counts() == first
    assert all(first)


def test_demo_logins_work(client, db, settings):
    call_command("load_demo", "--quiet-logins")
    response = client.post(
        reverse("account_login"),
        {"login": "focal.barbados@alliance.test", "password": settings.ALLIANCE_DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert "Barbados" in client.get(reverse("members:dashboard")).content.decode()


def test_repeated_failed_logins_are_rate_limited(client, bob):
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": "bob@ecuador.test", "password": "wrong guess"}
        )
        assert response.status_code == 200
    response = client.post(
        reverse("account_login"),
        {"login": "bob@ecuador.test", "password": "correct horse battery staple"},
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
