"""Country scoping: a focal point reaches only their own country's reports, in the groups their
country takes part in; leads reach their group's reports; everyone else gets 404."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import client_for, open_cycle
from working_groups.models import Evidence, GroupOptOut

REPORT_URLS = ["report-detail", "report-edit"]


@pytest.fixture
def barbados_report(cycle, barbados, group1):
    return cycle.reports.get(country=barbados, group=group1)


@pytest.mark.parametrize("name", REPORT_URLS)
def test_focal_point_cannot_open_other_countrys_report(client, bob, barbados_report, name):
    client_for(client, bob)
    assert (
        client.get(reverse(f"working_groups:{name}", args=[barbados_report.pk])).status_code == 404
    )


def test_focal_point_cannot_edit_submit_or_carry_forward_other_countrys_report(
    client, bob, barbados_report
):
    client_for(client, bob)
    url = reverse("working_groups:report-edit", args=[barbados_report.pk])
    assert client.post(url, {"version": 1, "achievements": "x", "submit": "1"}).status_code == 404
    assert (
        client.post(
            reverse("working_groups:report-carry-forward", args=[barbados_report.pk]),
            {"version": 1},
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("working_groups:report-review", args=[barbados_report.pk]),
            {"decision": "accept"},
        ).status_code
        == 404
    )
    barbados_report.refresh_from_db()
    assert barbados_report.achievements == "" and barbados_report.state == "draft"


def test_focal_point_cannot_reach_evidence_of_another_country(client, bob, barbados_report):
    piece = Evidence.objects.create(
        update=barbados_report.updates.first(), link="https://example.org/x"
    )
    client_for(client, bob)
    response = client.get(reverse("working_groups:evidence-download", args=[piece.pk]))
    assert response.status_code == 404


def test_focal_point_gets_404_on_any_report_of_a_group_their_country_is_not_in(
    client, bob, alice, plans, group2, ecuador
):
    """Ecuador left group 2 before the cycle opened. Even the Ecuador report of an earlier cycle
    in which Ecuador had no part (made before the opt-out was recorded) stays out of reach."""
    stray = open_cycle(groups=[group2], by=alice, name="Before the opt-out", opened_days_ago=30)
    GroupOptOut.objects.create(
        group=group2, country=ecuador, start_on=stray.opens_on - datetime.timedelta(days=100)
    )
    current = open_cycle(groups=[group2], by=alice, name="After the opt-out")
    assert not current.reports.filter(country=ecuador).exists()
    client_for(client, bob)
    for report in (stray.reports.get(country=ecuador), current.reports.first()):
        assert (
            client.get(reverse("working_groups:report-detail", args=[report.pk])).status_code == 404
        )


def test_lead_sees_and_reviews_the_group_reports_but_not_other_groups(
    client, lena, cycle, barbados, group1, group2
):
    client_for(client, lena)
    own_group = cycle.reports.get(country=barbados, group=group1)
    other_group = cycle.reports.get(country=barbados, group=group2)
    assert (
        client.get(reverse("working_groups:report-detail", args=[own_group.pk])).status_code == 200
    )
    assert (
        client.get(reverse("working_groups:report-detail", args=[other_group.pk])).status_code
        == 404
    )
    # A lead reads another country's report but does not edit it.
    assert client.get(reverse("working_groups:report-edit", args=[own_group.pk])).status_code == 404


def test_secretariat_sees_every_report_but_does_not_fill_them_in(alice_client, cycle):
    report = cycle.reports.first()
    assert (
        alice_client.get(reverse("working_groups:report-detail", args=[report.pk])).status_code
        == 200
    )
    assert (
        alice_client.get(reverse("working_groups:report-edit", args=[report.pk])).status_code == 404
    )


@pytest.mark.parametrize("who", ["eve", "dave"])
def test_people_without_an_active_appointment_get_404(client, eve, dave, cycle, ecuador, who):
    client_for(client, {"eve": eve, "dave": dave}[who])
    report = cycle.reports.filter(country=ecuador).first()
    for name in REPORT_URLS:
        assert client.get(reverse(f"working_groups:{name}", args=[report.pk])).status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, cycle):
    report = cycle.reports.first()
    for name in REPORT_URLS:
        response = client.get(reverse(f"working_groups:{name}", args=[report.pk]))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_consolidated_progress_is_for_the_secretariat_and_the_groups_leads(
    client, bob, lena, alice, cycle, group1, group2
):
    for name in ("cycle-progress", "cycle-progress-csv", "cycle-progress-xlsx"):
        client_for(client, bob)
        assert (
            client.get(reverse(f"working_groups:{name}", args=[cycle.pk, group1.slug])).status_code
            == 404
        )
        client_for(client, lena)
        assert (
            client.get(reverse(f"working_groups:{name}", args=[cycle.pk, group1.slug])).status_code
            == 200
        )
        assert (
            client.get(reverse(f"working_groups:{name}", args=[cycle.pk, group2.slug])).status_code
            == 404
        )
        client_for(client, alice)
        assert (
            client.get(reverse(f"working_groups:{name}", args=[cycle.pk, group2.slug])).status_code
            == 200
        )


def test_reporting_dashboard_needs_a_login_and_is_empty_without_an_appointment(client, eve, cycle):
    response = client.get(reverse("working_groups:report-dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client_for(client, eve)
    body = client.get(reverse("working_groups:report-dashboard")).content.decode()
    assert "There are no reports for the countries you act for." in body
    assert "Reports of the group you lead" not in body
    assert "Reporting cycles" not in body


def test_a_review_with_an_unknown_decision_is_a_400_and_changes_nothing(client, lena, cycle):
    report = cycle.reports.get(country__iso_code="EC", group__number=1)
    report.state = "submitted"
    report.save()
    client_for(client, lena)
    response = client.post(
        reverse("working_groups:report-review", args=[report.pk]), {"decision": "maybe"}
    )
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.state == "submitted" and not report.events.exists()


def test_post_only_actions_refuse_get(alice_client, cycle):
    report = cycle.reports.first()
    for name, args in [
        ("working_groups:report-review", [report.pk]),
        ("working_groups:report-carry-forward", [report.pk]),
        ("working_groups:cycle-close", [cycle.pk]),
        ("working_groups:cycle-publish", [cycle.pk]),
    ]:
        assert alice_client.get(reverse(name, args=args)).status_code == 405
