"""The secretariat logs in with its second factor, schedules the next presidency term and sees
the steering committee's coming change on the public governance page."""

import datetime
import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.utils import formats
from playwright.sync_api import expect

from core.dates import alliance_today
from governance import services
from members.models import Country

from .support import totp_code

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture
def current_term(db):
    today = alliance_today()
    return services.presidency_term_add(
        country=Country.objects.get(iso_code="BB"),
        start_on=today - datetime.timedelta(days=300),
        end_on=today + datetime.timedelta(days=65),  # the first day after: its last is +64
    )


def test_the_secretariat_schedules_the_next_term_and_sees_the_committee_change(
    person, alice, lena, current_term
):
    secret = decrypt(Authenticator.objects.get(user=alice, type="totp").data["secret"])
    secretariat = person("secretariat")
    page = secretariat.goto("/", "home")
    page.get_by_role("link", name="Log in").click()
    secretariat.check("login")
    page.get_by_label(re.compile("^e-?mail", re.IGNORECASE)).fill(alice.email)
    page.get_by_label(re.compile("^password", re.IGNORECASE)).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    secretariat.check("second factor")
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    secretariat.check("dashboard")

    page.get_by_role("link", name="Back office").click()
    secretariat.check("back office")
    backoffice = page.get_by_role("navigation", name="Back office")
    backoffice.get_by_role("link", name="Presidency").click()
    secretariat.check("presidency")
    starts = current_term.end_on
    expect(page.get_by_text("The next term would start on")).to_contain_text(
        formats.date_format(starts, "DATE_FORMAT")
    )
    page.get_by_role("link", name="Schedule a term").click()
    secretariat.check("schedule a term")
    page.get_by_label("Country").select_option(label="Panama")
    page.get_by_label("Notes").fill("Agreed at the ministers' meeting.")
    page.get_by_role("button", name="Save").click()
    secretariat.check("term scheduled")
    expect(page.get_by_role("status")).to_contain_text("is scheduled")
    expect(page.get_by_role("table", name="Terms")).to_contain_text("Panama")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Governance").click()
    secretariat.check("governance")
    starts_text = formats.date_format(starts, "DATE_FORMAT")
    expect(page.get_by_text(f"Next: Panama, from {starts_text}.")).to_be_visible()
    changes = page.get_by_role("table", name="Changes in the committee")
    row = changes.get_by_role("row", name=re.compile(re.escape(starts_text)))
    expect(row.get_by_role("cell").nth(1)).to_contain_text("Panama")
    expect(row.get_by_role("cell").nth(2)).to_contain_text("Barbados")
    # Today's committee is still Barbados's presidency and Costa Rica as a lead.
    committee = page.get_by_role("region", name="Steering committee")
    expect(committee.get_by_role("listitem").filter(has_text="Barbados")).to_be_visible()
    expect(committee.get_by_role("listitem").filter(has_text="Costa Rica")).to_be_visible()
