"""Opening a reporting cycle creates exactly the expected reports."""

import datetime

from django.urls import reverse

from core.dates import alliance_today
from tests.conftest import client_for, open_cycle
from tests.factories import ActivityFactory, approved_plan
from working_groups.models import ActivityUpdate, GroupOptOut, ProgressReport


def test_opening_a_cycle_creates_one_report_per_member_country_and_group(
    alice_client, plans, group1, group2, group3, ecuador
):
    GroupOptOut.objects.create(group=group3, country=ecuador, start_on=datetime.date(2025, 1, 1))
    today = alliance_today()
    response = alice_client.post(
        reverse("working_groups:cycle-open"),
        {
            "name": "2026 first half",
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "opens_on": today.isoformat(),
            "due_on": (today + datetime.timedelta(days=30)).isoformat(),
            "late_flag_days": 15,
            "groups": [group1.pk, group3.pk],
        },
    )
    assert response.status_code == 302
    reports = ProgressReport.objects.all()
    assert reports.count() == 18 + 17
    assert not reports.filter(group=group2).exists()
    assert not reports.filter(group=group3, country=ecuador).exists()
    pairs = list(reports.values_list("cycle", "group", "country"))
    assert len(pairs) == len(set(pairs))
    # Each report has one update per activity of the group's approved plan.
    assert ActivityUpdate.objects.count() == (18 + 17) * 2
    assert set(reports.values_list("work_plan", flat=True)) == {plans[1].pk, plans[3].pk}


def test_activities_with_responsible_countries_only_go_to_those_countries(
    alice, group1, ecuador, barbados
):
    plan = approved_plan(group1, activities=1)
    only_ecuador = ActivityFactory(plan=plan, title="Ecuador only")
    only_ecuador.responsible_countries.set([ecuador])
    cycle = open_cycle(groups=[group1], by=alice)
    ecuador_report = cycle.reports.get(country=ecuador)
    barbados_report = cycle.reports.get(country=barbados)
    assert ecuador_report.updates.count() == 2
    assert barbados_report.updates.count() == 1


def test_a_cycle_needs_groups_and_consistent_dates(alice_client, plans):
    response = alice_client.post(
        reverse("working_groups:cycle-open"),
        {
            "name": "Bad",
            "period_start": "2026-06-30",
            "period_end": "2026-01-01",
            "opens_on": "2026-07-10",
            "due_on": "2026-07-01",
            "late_flag_days": 15,
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "must end after it starts" in body
    assert "cannot come before the opening date" in body
    assert "This field is required" in body
    assert not ProgressReport.objects.exists()


def test_only_the_secretariat_opens_closes_and_lists_cycles(client, bob, lena, cycle):
    for user in (bob, lena):
        client_for(client, user)
        assert client.get(reverse("working_groups:cycle-open")).status_code == 403
        assert client.get(reverse("working_groups:cycle-list")).status_code == 403
        response = client.post(reverse("working_groups:cycle-close", args=[cycle.pk]))
        assert response.status_code == 403
    cycle.refresh_from_db()
    assert cycle.status == "open"


def test_lead_countries_get_the_steering_committees_read_only_view_of_the_cycle(
    client, bob, lena, alice, cycle, barbados, group1, group2
):
    url = reverse("working_groups:cycle-detail", args=[cycle.pk])
    client_for(client, bob)  # Ecuador leads no group
    assert client.get(url).status_code == 404
    client_for(client, lena)  # Costa Rica leads group 1
    body = client.get(url).content.decode()
    assert "steering committee" in body
    assert "Close the cycle" not in body and "Publish a public summary" not in body
    own = cycle.reports.get(country=barbados, group=group1)
    other = cycle.reports.get(country=barbados, group=group2)
    assert reverse("working_groups:report-detail", args=[own.pk]) in body
    assert reverse("working_groups:report-detail", args=[other.pk]) not in body
    dashboard = client.get(reverse("working_groups:report-dashboard")).content.decode()
    assert url in dashboard and "Open a reporting cycle" not in dashboard
    # A cycle without the lead's group stays out of reach.
    other_cycle = open_cycle(groups=[group2], by=alice, name="Group 2 only")
    response = client.get(reverse("working_groups:cycle-detail", args=[other_cycle.pk]))
    assert response.status_code == 404


def test_closing_a_cycle_freezes_its_reports(alice_client, bob, client, cycle, ecuador, group1):
    assert (
        alice_client.post(reverse("working_groups:cycle-close", args=[cycle.pk])).status_code == 302
    )
    cycle.refresh_from_db()
    assert cycle.status == "closed"
    report = cycle.reports.get(country=ecuador, group=group1)
    client_for(client, bob)
    response = client.get(reverse("working_groups:report-edit", args=[report.pk]))
    assert response.status_code == 302
