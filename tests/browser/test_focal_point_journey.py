"""A focal point's first weeks: appointed by the secretariat, invited by e-mail, sets a password
and a second factor, then files the country's report (saves a draft, comes back, submits)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import User
from tests.factories import MinisterFactory, MinistryFactory
from working_groups.models import ProgressReport

from .support import invitation_path, totp_code

PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def interior(ecuador):
    ministry = MinistryFactory(country=ecuador, name="Ministerio del Interior")
    MinisterFactory(ministry=ministry, full_name="Mónica Palacios")
    return ministry


def _log_in(someone, *, email, password, secret):
    page = someone.page
    page.get_by_role("link", name="Log in").click()
    someone.check("login")
    page.get_by_label(re.compile("^e-?mail", re.IGNORECASE)).fill(email)
    page.get_by_label(re.compile("^password", re.IGNORECASE)).fill(password)
    page.get_by_role("button", name="Sign In").click()
    someone.check("second factor")
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    someone.check("after login")


def test_an_invited_focal_point_sets_up_the_account_and_files_a_report(
    person, alice, interior, ecuador_report
):
    # The secretariat appoints the focal point; the invitation goes out by e-mail.
    secretariat = person("secretariat")
    secretariat.sign_in_as(alice)
    page = secretariat.goto("/backoffice/appointments/", "focal points")
    page.get_by_role("link", name="Appoint a focal point").click()
    secretariat.check("appoint")
    page.get_by_label("Full name").fill("Nadia Nueva")
    page.get_by_label("E-mail address").fill("nadia@ecuador.test")
    page.get_by_label("Ministry").select_option(label="Ecuador – Ministerio del Interior")
    page.get_by_label("Appointed by").select_option(index=1)
    page.get_by_label("Language of the invitation").select_option("en")
    page.get_by_role("button", name="Appoint and invite").click()
    secretariat.check("focal point appointed")
    expect(page.get_by_role("status")).to_contain_text("Nadia Nueva is appointed focal point")

    [invitation] = [m for m in mail.outbox if m.to == ["nadia@ecuador.test"]]

    # The focal point follows the link and chooses a password.
    focal = person("focal point")
    page = focal.goto(invitation_path(invitation), "invitation")
    expect(page.get_by_text("Welcome, Nadia Nueva")).to_be_visible()
    page.get_by_label(re.compile(r"^New password(?! confirmation)")).fill(PASSWORD)
    page.get_by_label("New password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Set my password").click()
    focal.check("dashboard")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")

    # ... and adds a second factor from the profile.
    page.get_by_role("link", name="My profile").click()
    focal.check("profile")
    page.get_by_role("link", name="Two-factor authentication").click()
    focal.check("two-factor")
    page.get_by_role("link", name="Activate").click()
    focal.check("reauthenticate or activate")
    if "reauthenticate" in page.url:
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
        focal.check("activate")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    focal.check("second factor active")
    nadia = User.objects.get(email="nadia@ecuador.test")
    assert nadia.authenticator_set.filter(type="totp").exists()

    # The report: a first draft ...
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reporting").click()
    focal.check("reporting")
    page.get_by_role("link", name=re.compile("Fill in")).click()
    focal.check("report form")
    page.get_by_label("Overall achievements").fill("Two regional trainings held.")
    page.get_by_role("button", name="Save the draft").click()
    focal.check("draft saved")
    expect(page.get_by_role("status")).to_contain_text("Your draft has been saved.")

    # ... then the focal point leaves, comes back (password and code) and submits.
    page.get_by_role("button", name="Log out").click()
    focal.check("logged out")
    _log_in(focal, email="nadia@ecuador.test", password=PASSWORD, secret=secret)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reporting").click()
    focal.check("reporting again")
    page.get_by_role("link", name=re.compile("Fill in")).click()
    focal.check("report form again")
    expect(page.get_by_label("Overall achievements")).to_have_value("Two regional trainings held.")
    page.get_by_label("Challenges").fill("Staff turnover in the ministry.")
    page.get_by_label("Status").select_option(label="On track")
    page.get_by_label("Progress (%)").fill("40")
    page.get_by_label("Narrative").fill("The protocol is drafted and under consultation.")
    page.get_by_role("button", name="Submit the report").click()
    focal.check("report submitted")
    expect(page.get_by_role("status")).to_contain_text("The report has been submitted.")

    ecuador_report.refresh_from_db()
    assert ecuador_report.state == ProgressReport.State.SUBMITTED
    assert ecuador_report.challenges == "Staff turnover in the ministry."
    assert ecuador_report.last_saved_by == nadia
