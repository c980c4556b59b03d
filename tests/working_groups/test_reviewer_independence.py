"""Nobody decides on their own country's report: a lead country's report goes to the group's
other lead or to the secretariat (issue 11, item 13)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.conftest import client_for
from working_groups import services
from working_groups.models import ProgressReport


@pytest.fixture
def costa_rica_report(cycle, costa_rica, group1, lena):
    report = cycle.reports.get(country=costa_rica, group=group1)
    ProgressReport.objects.filter(pk=report.pk).update(state=ProgressReport.State.SUBMITTED)
    report.refresh_from_db()
    return report


def test_lead_cannot_accept_its_own_countrys_report(client, lena, costa_rica_report):
    client_for(client, lena)
    review = reverse("working_groups:report-review", args=[costa_rica_report.pk])
    response = client.post(review, {"decision": "accept", "comment": ""})
    assert response.status_code == 404
    costa_rica_report.refresh_from_db()
    assert costa_rica_report.state == "submitted"


def test_the_service_refuses_a_decision_on_ones_own_country(lena, costa_rica_report):
    with pytest.raises(PermissionDenied):
        services.report_review(report=costa_rica_report, accept=True, comment="", by=lena)
    costa_rica_report.refresh_from_db()
    assert costa_rica_report.state == "submitted"


def test_the_report_page_says_why_the_lead_has_no_decision_buttons(client, lena, costa_rica_report):
    client_for(client, lena)
    body = client.get(reverse("working_groups:report-detail", args=[costa_rica_report.pk]))
    text = body.content.decode()
    assert "Record the decision" not in text
    assert "report of your own country" in text


def test_the_secretariat_still_decides_on_a_lead_countrys_report(
    client, alice, lena, costa_rica_report
):
    client_for(client, alice)
    review = reverse("working_groups:report-review", args=[costa_rica_report.pk])
    assert client.post(review, {"decision": "accept", "comment": ""}).status_code == 302
    costa_rica_report.refresh_from_db()
    assert costa_rica_report.state == "accepted"


def test_the_groups_other_lead_decides_on_a_lead_countrys_report(client, paula, costa_rica_report):
    client_for(client, paula)
    body = client.get(reverse("working_groups:report-detail", args=[costa_rica_report.pk]))
    assert "Record the decision" in body.content.decode()
    review = reverse("working_groups:report-review", args=[costa_rica_report.pk])
    assert client.post(review, {"decision": "accept", "comment": ""}).status_code == 302
    costa_rica_report.refresh_from_db()
    assert costa_rica_report.state == "accepted"
