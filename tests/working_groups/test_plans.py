"""Work plans: the group's leads and the secretariat edit a draft; approval freezes it; a change
is a new version that supersedes the approved one when it is approved in turn."""

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import ActivityFactory, WorkPlanFactory, approved_plan
from working_groups.models import Activity, WorkPlan

ACTIVITY = {
    "title": "Regional early-warning network",
    "description": "Municipal observatories share alerts.",
    "start_on": "2026-02-01",
    "due_on": "2026-11-30",
    "expected_output": "A network of ten observatories",
    "indicator": "Observatories connected",
    "target": "10",
}


def _activity(plan, **extra) -> dict:
    """The activity form as the page sends it, with the plan's version it was opened at."""
    plan.refresh_from_db()
    return {**ACTIVITY, "plan_version": plan.version, **extra}


def test_lead_creates_a_plan_adds_activities_and_approves_it(client, lena, group1, costa_rica):
    client_for(client, lena)
    response = client.post(
        reverse("working_groups:plan-create", args=[group1.slug]),
        {"title": "Plan 2026", "period_start": "2026-01-01", "period_end": "2026-12-31"},
    )
    assert response.status_code == 302
    plan = WorkPlan.objects.get(group=group1)
    assert plan.status == "draft"
    response = client.post(
        reverse("working_groups:activity-create", args=[plan.pk]),
        _activity(plan, responsible_countries=[costa_rica.pk]),
    )
    assert response.status_code == 302
    activity = plan.activities.get()
    assert list(activity.responsible_countries.all()) == [costa_rica]
    assert activity.indicator == "Observatories connected"
    response = client.post(reverse("working_groups:plan-approve", args=[plan.pk]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == "approved" and plan.approved_by == lena


def test_an_approved_plan_is_not_edited_in_place(alice_client, group1):
    plan = approved_plan(group1, activities=1)
    activity = plan.activities.get()
    response = alice_client.post(
        reverse("working_groups:activity-edit", args=[activity.pk]),
        _activity(plan, title="Changed"),
    )
    assert response.status_code == 400
    assert "not edited in place" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title != "Changed"
    response = alice_client.post(
        reverse("working_groups:activity-create", args=[plan.pk]), _activity(plan)
    )
    assert response.status_code == 400
    assert plan.activities.count() == 1
    response = alice_client.post(
        reverse("working_groups:plan-edit", args=[plan.pk]),
        {"title": "New", "period_start": "2026-01-01", "period_end": "2027-12-31", "version": 1},
    )
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.title != "New"


def test_a_new_version_supersedes_the_approved_plan_once_approved(alice_client, group1):
    plan = approved_plan(group1, activities=2)
    lineages = set(plan.activities.values_list("lineage", flat=True))
    response = alice_client.post(reverse("working_groups:plan-revise", args=[plan.pk]))
    assert response.status_code == 302
    draft = WorkPlan.objects.get(previous=plan)
    assert draft.number == 2 and draft.status == "draft"
    assert set(draft.activities.values_list("lineage", flat=True)) == lineages
    # A second revision of the same plan is refused.
    response = alice_client.post(reverse("working_groups:plan-revise", args=[plan.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("working_groups:plan-detail", args=[plan.pk])
    assert WorkPlan.objects.filter(group=group1).count() == 2
    # Until the new version is approved, the old one is in force and public.
    first = draft.activities.first()
    response = alice_client.post(
        reverse("working_groups:activity-edit", args=[first.pk]),
        _activity(draft, title="Renamed"),
    )
    assert response.status_code == 302
    public = alice_client.get(reverse("working_groups:group-detail", args=[group1.slug]))
    assert "Renamed" not in public.content.decode()
    alice_client.post(reverse("working_groups:plan-approve", args=[draft.pk]))
    plan.refresh_from_db()
    draft.refresh_from_db()
    assert (plan.status, draft.status) == ("superseded", "approved")
    public = alice_client.get(reverse("working_groups:group-detail", args=[group1.slug]))
    assert "Renamed" in public.content.decode()
    # The first version keeps its activities, unchanged.
    assert "Renamed" not in set(plan.activities.values_list("title", flat=True))


def test_a_plan_without_activities_cannot_be_approved(alice_client, group1):
    plan = WorkPlanFactory(group=group1)
    response = alice_client.post(
        reverse("working_groups:plan-approve", args=[plan.pk]), follow=True
    )
    assert "at least one activity" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_activity_due_before_its_start_is_refused_with_a_message(alice_client, group1):
    plan = WorkPlanFactory(group=group1)
    response = alice_client.post(
        reverse("working_groups:activity-create", args=[plan.pk]),
        _activity(plan, start_on="2026-05-01", due_on="2026-04-01"),
    )
    assert response.status_code == 400
    assert "cannot come before the start date" in response.content.decode()
    assert not Activity.objects.exists()


def test_stale_plan_edit_is_refused_and_the_text_kept(alice_client, group1):
    plan = WorkPlanFactory(group=group1, title="Plan")
    data = {"period_start": "2026-01-01", "period_end": "2027-12-31", "version": 1}
    assert (
        alice_client.post(
            reverse("working_groups:plan-edit", args=[plan.pk]), {**data, "title": "First"}
        ).status_code
        == 302
    )
    response = alice_client.post(
        reverse("working_groups:plan-edit", args=[plan.pk]), {**data, "title": "Second edit"}
    )
    assert response.status_code == 409
    assert 'value="Second edit"' in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "First"


def test_focal_point_of_a_member_country_reads_plans_but_does_not_edit(client, bob, group1):
    plan = approved_plan(group1, activities=1)
    draft = WorkPlanFactory(
        group=group1,
        period_start=plan.period_start.replace(year=2028),
        period_end=plan.period_end.replace(year=2029),
    )
    client_for(client, bob)
    assert client.get(reverse("working_groups:plan-list", args=[group1.slug])).status_code == 200
    assert client.get(reverse("working_groups:plan-detail", args=[plan.pk])).status_code == 200
    for url in (
        reverse("working_groups:plan-create", args=[group1.slug]),
        reverse("working_groups:plan-edit", args=[draft.pk]),
        reverse("working_groups:activity-create", args=[draft.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("working_groups:plan-approve", args=[draft.pk])).status_code == 404
    activity = ActivityFactory(plan=draft)
    assert (
        client.post(reverse("working_groups:activity-delete", args=[activity.pk])).status_code
        == 404
    )
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_focal_point_of_a_country_outside_the_group_sees_no_plans(client, bob, group1, ecuador):
    from working_groups.models import GroupOptOut

    plan = approved_plan(group1, activities=1)
    GroupOptOut.objects.create(group=group1, country=ecuador, start_on=plan.period_start)
    client_for(client, bob)
    assert client.get(reverse("working_groups:plan-list", args=[group1.slug])).status_code == 404
    assert client.get(reverse("working_groups:plan-detail", args=[plan.pk])).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "eve", "dave"])
def test_people_without_an_appointment_see_no_plans(client, group1, eve, dave, who):
    plan = approved_plan(group1, activities=1)
    if who != "anonymous":
        client_for(client, {"eve": eve, "dave": dave}[who])
    response = client.get(reverse("working_groups:plan-detail", args=[plan.pk]))
    assert response.status_code == (302 if who == "anonymous" else 404)


def test_choice_lists_are_grouped_under_a_legend(alice_client, group1):
    plan = WorkPlanFactory(group=group1)
    body = alice_client.get(reverse("working_groups:activity-create", args=[plan.pk]))
    assert "<legend>Responsible countries" in body.content.decode()
    assert 'for="id_responsible_countries"' not in body.content.decode()


def test_two_people_editing_activities_of_the_same_plan(alice_client, group1):
    plan = WorkPlanFactory(group=group1)
    activity = ActivityFactory(plan=plan, title="Original")
    opened = _activity(plan)  # both open the form at the same plan version
    url = reverse("working_groups:activity-edit", args=[activity.pk])
    assert alice_client.post(url, {**opened, "title": "First"}).status_code == 302
    response = alice_client.post(url, {**opened, "title": "Second"})
    assert response.status_code == 409
    assert 'value="Second"' in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "First"
