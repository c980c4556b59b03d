"""Security headers, production cookie settings, uploads that cannot run scripts, and logins
that neither leak which e-mails exist nor allow guessing."""

import json
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.test_deployment import PRODUCTION_ENV, ROOT


@pytest.mark.parametrize("path", ["/", "/knowledge/", "/governance/", "/accounts/login/"])
def test_pages_carry_a_strict_content_security_policy(client, db, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_template_has_an_inline_script_or_style():
    """The CSP forbids them; a template that adds one would break in the browser."""
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        if "emails" in path.parts:
            continue  # e-mails are not pages
        text = path.read_text()
        for marker in ("<script>", '<script type="text/javascript"', ' style="', "onclick="):
            if marker in text:
                offenders.append(f"{path.relative_to(ROOT)}: {marker}")
    assert offenders == []


def _production_settings(*names, **env):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps([getattr(s, n) for n in {list(names)!r}]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_sets_hsts_and_secure_httponly_cookies():
    hsts, subdomains, session_secure, httponly, csrf_secure, redirect, frames, csp, debug = (
        _production_settings(
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SESSION_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "CSRF_COOKIE_SECURE",
            "SECURE_SSL_REDIRECT",
            "X_FRAME_OPTIONS",
            "SECURE_CSP",
            "DEBUG",
        )
    )
    assert hsts >= 31536000 and subdomains and session_secure and httponly and csrf_secure
    assert redirect and frames == "DENY" and csp and debug is False


def test_uploaded_html_and_svg_are_refused(alice_client, make_meeting):
    meeting = make_meeting()
    url = reverse("governance:meeting-document-add", args=[meeting.pk])
    for name, content in [
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("fake.pdf", b"<html><script>alert(1)</script></html>"),
    ]:
        response = alice_client.post(
            url, {"kind": "other", "title": name, "file": SimpleUploadedFile(name, content)}
        )
        assert response.status_code == 400, name


def test_documents_download_as_attachments_that_cannot_be_sniffed(alice_client, make_meeting):
    meeting = make_meeting()
    alice_client.post(
        reverse("governance:meeting-document-add", args=[meeting.pk]),
        {"kind": "other", "title": "Notes", "file": SimpleUploadedFile("notes.txt", b"hello")},
    )
    document = meeting.documents.get()
    response = alice_client.get(reverse("governance:meeting-document-download", args=[document.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("text/plain")


def _fail_login(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": "wrong guess!"})


def test_failed_login_says_the_same_whether_or_not_the_email_exists(client, bob):
    known = _fail_login(client, "bob@ecuador.test").content.decode()
    unknown = _fail_login(client, "nobody@nowhere.test").content.decode()
    message = "The email address and/or password you specified are not correct."
    assert message in known and message in unknown


def test_lockout_looks_the_same_for_known_and_unknown_emails(client, bob):
    for email in ("bob@ecuador.test", "nobody@nowhere.test"):
        for _ in range(5):
            _fail_login(client, email)
        locked = _fail_login(client, email).content.decode()
        assert "Too many failed login attempts" in locked, email


def test_password_reset_answers_the_same_for_unknown_emails(client, bob):
    from django.core import mail

    known = client.post(reverse("account_reset_password"), {"email": "bob@ecuador.test"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@nowhere.test"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    # Bob gets a reset link; the unknown address gets no link to anything.
    assert any("password/reset/key" in m.body for m in mail.outbox if m.to == ["bob@ecuador.test"])
    assert not any(
        "password/reset/key" in m.body for m in mail.outbox if m.to == ["nobody@nowhere.test"]
    )


def test_production_language_cookie_is_secure_same_site_and_http_only(client, db, settings):
    names = ["LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_SAMESITE", "LANGUAGE_COOKIE_HTTPONLY"]
    for name, value in zip(names, _production_settings(*names), strict=True):
        setattr(settings, name, value)

    response = client.post(reverse("set_language"), {"language": "pt", "next": "/"})

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "pt"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True


def test_production_reads_the_trusted_proxy_settings_from_the_environment():
    names = ["ALLAUTH_TRUSTED_CLIENT_IP_HEADER", "ALLAUTH_TRUSTED_PROXY_COUNT"]
    assert _production_settings(*names) == [None, 0]
    configured = dict(zip(names, ["X-Real-IP", "1"], strict=True))
    assert _production_settings(*names, **configured) == ["X-Real-IP", 1]


PROXY = {"REMOTE_ADDR": "10.0.0.2"}  # every request reaches the portal from the reverse proxy


def _fail_logins_from(client, address, times=10):
    for n in range(times):
        response = client.post(
            reverse("account_login"),
            {"login": f"guess{n}@nowhere.test", "password": "wrong guess!"},
            headers={"X-Real-IP": address},
            **PROXY,
        )
    return response.content.decode()


def _log_in_bob_from(client, address):
    return client.post(
        reverse("account_login"),
        {"login": "bob@ecuador.test", "password": PASSWORD},
        headers={"X-Real-IP": address, "X-Forwarded-For": address},
        **PROXY,
    )


def test_behind_the_proxy_each_client_has_its_own_login_limit(client, bob, settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    assert "Too many failed login attempts" in _fail_logins_from(client, "203.0.113.5", times=11)

    response = _log_in_bob_from(Client(), "198.51.100.7")

    assert response.status_code == 302
    assert response.url == reverse("members:dashboard")


def test_without_the_setting_a_client_cannot_choose_its_address(client, bob):
    """Unconfigured, the headers are ignored: forging them does not escape the limit."""
    assert "Too many failed login attempts" in _fail_logins_from(client, "203.0.113.5", times=11)

    response = _log_in_bob_from(Client(), "198.51.100.7")

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
