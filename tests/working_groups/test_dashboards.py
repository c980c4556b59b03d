"""Dashboards, matrices, charts and the consolidated progress with its CSV and Excel exports."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from members.models import Country
from tests.conftest import client_for, open_cycle
from working_groups import services
from working_groups.models import ActivityUpdate, GroupLead


def _complete_and_submit(report, by, *, status="on_track", percent=50, narrative="Going well"):
    report.achievements, report.challenges = "Achieved", "Hard"
    report.save()
    ActivityUpdate.objects.filter(report=report).update(
        status=status, percent=percent, narrative=narrative
    )
    return services.report_submit(report=report, version=report.version, by=by)


def _accept(report, by, **kwargs):
    report = _complete_and_submit(report, by, **kwargs)
    return services.report_review(report=report, accept=True, comment="", by=by)


def test_focal_point_dashboard_lists_own_reports_by_state_and_due_date(client, bob, cycle, ecuador):
    client_for(client, bob)
    body = client.get(reverse("working_groups:report-dashboard")).content.decode()
    assert body.count("2026 first half —") == 3
    assert "Barbados" not in body
    assert "Draft" in body


def test_lead_dashboard_shows_the_group_matrix(client, lena, alice, cycle, ecuador, group1):
    _accept(cycle.reports.get(country=ecuador, group=group1), alice)
    client_for(client, lena)
    body = client.get(reverse("working_groups:report-dashboard")).content.decode()
    assert "Reports of the group you lead" in body
    assert "Accepted" in body and "Ecuador" in body and "Barbados" in body


def test_secretariat_cycle_matrix_with_on_time_rates_and_charts(
    alice_client, alice, plans, group1, group2, ecuador, barbados
):
    late = open_cycle(groups=[group1, group2], by=alice, due_in_days=-3, opened_days_ago=30)
    _complete_and_submit(late.reports.get(country=ecuador, group=group1), alice)
    body = alice_client.get(reverse("working_groups:cycle-detail", args=[late.pk])).content.decode()
    assert "late by 3 days" in body
    assert "overdue" in body
    assert "<svg" in body and 'role="img"' in body
    assert "On-time rate per group (%)" in body
    # Nobody was on time: every rate is 0%.
    assert "0%" in body


def test_consolidated_progress_csv_and_xlsx_parse_back(
    client, alice, alice_client, cycle, ecuador, barbados, group1
):
    _accept(cycle.reports.get(country=ecuador, group=group1), alice, percent=40, narrative="=cmd()")
    _accept(cycle.reports.get(country=barbados, group=group1), alice, percent=80)
    _complete_and_submit(
        cycle.reports.get(country=Country.objects.get(iso_code="JM"), group=group1), alice
    )
    page = alice_client.get(reverse("working_groups:cycle-progress", args=[cycle.pk, group1.slug]))
    assert page.status_code == 200
    assert "60.0%" in page.content.decode()
    response = alice_client.get(
        reverse("working_groups:cycle-progress-csv", args=[cycle.pk, group1.slug])
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Activity", "Due on", "Country", "Status", "Progress (%)"]
    assert len(rows) == 1 + 2 * 2  # two activities, two accepted countries; Jamaica not yet
    ecuador_rows = [r for r in rows[1:] if r[2] == "Ecuador"]
    assert [r[4] for r in ecuador_rows] == ["40", "40"]
    assert {r[6] for r in rows[1:]} == {"60.0"}
    assert ecuador_rows[0][5] == "'=cmd()"  # no formula injection
    response = alice_client.get(
        reverse("working_groups:cycle-progress-xlsx", args=[cycle.pk, group1.slug])
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Activity"
    assert len(values) == 5
    assert {v[2] for v in values[1:]} == {"Ecuador", "Barbados"}
    assert {v[4] for v in values[1:] if v[2] == "Barbados"} == {80}
    assert {v[6] for v in values[1:]} == {60.0}


def test_public_group_page_shows_progress_from_accepted_reports_of_published_cycles(
    client, alice, cycle, ecuador, group1
):
    _accept(cycle.reports.get(country=ecuador, group=group1), alice, percent=40)
    services.cycle_summary_publish(cycle=cycle, publish=True, by=alice)
    body = client.get(reverse("working_groups:group-detail", args=[group1.slug])).content.decode()
    assert "40%" in body and "(1 country)" in body


# --- Query counts ---------------------------------------------------------------------------

MAX_QUERIES = 16


def _many_cycles(alice, groups, count):
    return [
        open_cycle(groups=groups, by=alice, name=f"Cycle {n}", due_in_days=n - count)
        for n in range(count)
    ]


@pytest.mark.parametrize("cycles", [1, 4])
def test_secretariat_pages_run_a_fixed_number_of_queries(
    alice_client, alice, plans, group1, group2, group3, django_assert_max_num_queries, cycles
):
    """18 countries x 3 groups = 54 reports per cycle; 4 cycles make 216 reports."""
    made = _many_cycles(alice, [group1, group2, group3], cycles)
    for report in made[-1].reports.all()[:10]:
        _accept(report, alice)
    for name, args in [
        ("working_groups:cycle-detail", [made[-1].pk]),
        ("working_groups:cycle-list", []),
        ("working_groups:report-dashboard", []),
        ("working_groups:cycle-progress", [made[-1].pk, group1.slug]),
        ("working_groups:cycle-progress-csv", [made[-1].pk, group1.slug]),
        ("working_groups:cycle-progress-xlsx", [made[-1].pk, group1.slug]),
        ("working_groups:group-list", []),
        ("working_groups:group-detail", [group1.slug]),
        ("working_groups:group-manage", [group1.slug]),
        ("working_groups:plan-list", [group1.slug]),
        ("working_groups:plan-detail", [plans[1].pk]),
    ]:
        with django_assert_max_num_queries(MAX_QUERIES):
            response = alice_client.get(reverse(name, args=args))
        assert response.status_code == 200, name


@pytest.mark.parametrize("cycles", [1, 4])
def test_lead_and_focal_point_pages_run_a_fixed_number_of_queries(
    client,
    lena,
    alice,
    plans,
    group1,
    group2,
    group3,
    costa_rica,
    django_assert_max_num_queries,
    cycles,
):
    GroupLead.objects.create(
        group=group2, country=costa_rica, start_on=lena.appointments.get().start_on
    )
    made = _many_cycles(alice, [group1, group2, group3], cycles)
    report = made[-1].reports.get(country=costa_rica, group=group1)
    client_for(client, lena)
    for name, args in [
        ("working_groups:report-dashboard", []),
        ("working_groups:cycle-detail", [made[-1].pk]),
        ("working_groups:report-detail", [report.pk]),
        ("working_groups:report-edit", [report.pk]),
    ]:
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name


@pytest.mark.parametrize("activities", [2, 40])
def test_report_pages_query_count_does_not_grow_with_activities(
    client, bob, alice, group1, ecuador, django_assert_max_num_queries, activities
):
    from tests.factories import approved_plan

    approved_plan(group1, activities=activities)
    cycle = open_cycle(groups=[group1], by=alice)
    report = cycle.reports.get(country=ecuador)
    client_for(client, bob)
    for name in ("working_groups:report-detail", "working_groups:report-edit"):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(reverse(name, args=[report.pk])).status_code == 200


def test_years_of_reports_on_a_focal_points_dashboard_come_in_pages(client, db):
    """Two years of cycles (36 reports for the country): 20 on the first page, the rest after,
    with what is still to do first."""
    from django.core.management import call_command

    from members.models import User

    call_command("seed_scale", products=5, users=6, years=2, meetings=2, verbosity=0)
    client_for(client, User.objects.get(email="focal@scale.test"))
    row = '<th scope="row"><a href="/reporting/reports/'
    first = client.get(reverse("working_groups:report-dashboard")).content.decode()
    second = client.get(reverse("working_groups:report-dashboard") + "?page=2").content.decode()
    assert first.count(row) == 20
    assert second.count(row) == 16
    assert 'rel="next"' in first
