"""A group lead returns a country's report with a comment; the country's focal point sees it."""

import re

import pytest
from playwright.sync_api import expect

from working_groups import services
from working_groups.models import ProgressReport

COMMENT = "Please add the attendance lists of the trainings."


@pytest.fixture
def submitted_report(ecuador_report, bob):
    update = ecuador_report.updates.get()
    saved = services.report_save(
        report=ecuador_report,
        version=ecuador_report.version,
        by=bob,
        achievements="Two regional trainings held.",
        challenges="Staff turnover.",
        support_needed="",
        updates={update.pk: {"status": "on_track", "percent": 40, "narrative": "Drafted."}},
    )
    return services.report_submit(report=saved, version=saved.version, by=bob)


def test_a_group_lead_returns_a_report_and_the_focal_point_reads_the_comment(
    person, lena, bob, submitted_report
):
    lead = person("group lead")
    lead.sign_in_as(lena)
    page = lead.goto("/reporting/", "reporting")
    group = page.get_by_role("region", name=re.compile("Reports of the group you lead"))
    group.get_by_role("row", name=re.compile("Ecuador")).get_by_role("link").click()
    lead.check("report to review")
    page.get_by_role("radio", name="Return it for changes").check()
    page.get_by_role("button", name="Record the decision").click()
    lead.check("return without a comment")
    expect(page.get_by_text("Say what the country should change.")).to_be_visible()
    page.get_by_label("Comments for the country").fill(COMMENT)
    page.get_by_role("button", name="Record the decision").click()
    lead.check("report returned")
    expect(page.get_by_role("status")).to_contain_text("returned to the country")

    submitted_report.refresh_from_db()
    assert submitted_report.state == ProgressReport.State.RETURNED

    focal = person("focal point")
    focal.sign_in_as(bob)
    page = focal.goto("/reporting/", "reporting")
    mine = page.get_by_role("region", name="My country's reports")
    expect(mine.get_by_role("row", name=re.compile("Ecuador"))).to_contain_text("Returned")
    mine.get_by_role("link", name=re.compile("2026 first half")).click()
    focal.check("returned report")
    note = page.get_by_role("note")
    expect(note).to_contain_text("Returned with these comments")
    expect(note).to_contain_text(COMMENT)
    expect(note).to_contain_text("Lena Lead")
    page.get_by_role("link", name="Edit the report").click()
    focal.check("report form")
    expect(page.get_by_role("note")).to_contain_text(COMMENT)
